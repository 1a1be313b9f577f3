#include "markdown/headings.h"

#include <map>
#include <set>

#include "postpress/support/text.h"

namespace pp::markdown {

std::string githubSlug(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
      else if (c == ' ' || c == '-') out += '-';
      else if (c == '_') out += '_';
      continue;
    }
    std::size_t start = i;
    char32_t cp = nextCodepoint(text, i);
    // Keep letters of other scripts; drop symbols, punctuation and emoji.
    bool keep = (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x0370 && cp <= 0x1FFF) ||
                (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
                (cp >= 0xF900 && cp <= 0xFAFF);
    if (cp == 0x00D7 || cp == 0x00F7) keep = false;
    if (keep) out.append(text.substr(start, i - start));
  }
  return out;
}

namespace {

// `Heading {#custom-id}` at the end of a heading: returns the id and strips it from the text.
std::string takeCustomId(Block& h) {
  if (h.inlines.empty() || h.inlines.back().kind != InlineKind::Text) return "";
  std::string& t = h.inlines.back().text;
  std::string_view tv = t;
  while (!tv.empty() && tv.back() == ' ') tv.remove_suffix(1);
  if (tv.empty() || tv.back() != '}') return "";
  auto open = tv.rfind('{');
  if (open == std::string_view::npos) return "";
  std::string_view inside = trim(tv.substr(open + 1, tv.size() - open - 2));
  // kramdown also allows `{: #id .class}`.
  if (startsWith(inside, ":")) inside = trim(inside.substr(1));
  std::string id;
  for (const auto& part : split(inside, ' ')) {
    if (startsWith(part, "#") && part.size() > 1) id = part.substr(1);
    else if (!part.empty() && part[0] != '.' && part.find('=') == std::string::npos) return "";
  }
  if (id.empty()) return "";
  for (char c : id)
    if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c)) &&
        c != '-' && c != '_' && c != ':' && c != '.')
      return "";
  t.resize(open);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (t.empty()) h.inlines.pop_back();
  return id;
}

}  // namespace

void assignHeadingIds(Document& doc) {
  std::set<std::string> used;
  std::vector<Block*> headings;
  forEachBlock(doc.blocks, [&](Block& b) {
    if (b.kind != BlockKind::Heading) return;
    std::string custom = takeCustomId(b);
    if (!custom.empty()) b.id = custom;
    headings.push_back(&b);
  });
  // Ids written by the author (custom ids, HTML id=) are claimed first; slugs work around them.
  for (Block* h : headings)
    if (!h->id.empty()) {
      if (!used.insert(h->id).second) h->id.clear();
    }
  // Where each base's numbering goes on: base-1 ... base-(n-1) are all taken by then, so the
  // search does not start again at 1 (80,000 empty headings were quadratic).
  std::map<std::string, int> nextSuffix;
  for (Block* h : headings) {
    if (!h->id.empty()) continue;
    std::string base = githubSlug(plainText(h->inlines));
    if (base.empty()) base = "section";
    std::string id = base;
    if (used.count(id)) {
      int& n = nextSuffix.try_emplace(base, 1).first->second;
      for (id = base + "-" + std::to_string(n); used.count(id);) id = base + "-" + std::to_string(++n);
      ++n;
    }
    used.insert(id);
    h->id = id;
  }
}

static std::string titleKey(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    std::size_t start = i;
    char32_t cp = nextCodepoint(s, i);
    // Keep letters, drop punctuation (curly quotes, dashes, CJK punctuation).
    if (!(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F) &&
        !(cp >= 0xFF00 && cp <= 0xFF20) && cp != 0x00A0)
      out.append(s.substr(start, i - start));
  }
  return out;
}

bool sameTitle(std::string_view a, std::string_view b) {
  std::string ka = titleKey(a), kb = titleKey(b);
  if (ka.empty() || kb.empty()) return false;
  if (ka == kb) return true;
  const std::string& shorter = ka.size() < kb.size() ? ka : kb;
  const std::string& longer = ka.size() < kb.size() ? kb : ka;
  return shorter.size() * 5 >= longer.size() * 4 && longer.find(shorter) != std::string::npos;
}

void dropRepeatedTitle(Document& doc, const Post& post) {
  for (std::size_t k = 0; k < doc.blocks.size(); ++k) {
    const Block& b = doc.blocks[k];
    if (b.kind != BlockKind::Heading) return;  // the title H1 is the first block or nothing
    if (b.level != 1) return;
    if (post.titleFromBody || sameTitle(plainText(b.inlines), post.title)) {
      doc.blocks.erase(doc.blocks.begin() + static_cast<std::ptrdiff_t>(k));
      if (doc.summaryEnd > static_cast<int>(k)) --doc.summaryEnd;
    }
    return;
  }
}

}  // namespace pp::markdown
