#include "markdown/smart.h"

#include <cctype>
#include <string>
#include <string_view>

namespace pp::markdown {

namespace {

constexpr const char* kLeftDouble = "\xE2\x80\x9C";
constexpr const char* kRightDouble = "\xE2\x80\x9D";
constexpr const char* kLeftSingle = "\xE2\x80\x98";
constexpr const char* kRightSingle = "\xE2\x80\x99";
constexpr const char* kEnDash = "\xE2\x80\x93";
constexpr const char* kEmDash = "\xE2\x80\x94";
constexpr const char* kEllipsis = "\xE2\x80\xA6";

// What came before a quote decides its direction: the state carries across inline boundaries.
struct State {
  bool openContext = true;  // start of block, after space or opening punctuation
  bool wordStart = true;    // start of block or after a space: a flag or URL may start here
};

bool isSpaceOrOpening(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '(' || c == '[' || c == '{' || c == 0xA0;
}

std::size_t wordEnd(const std::string& t, std::size_t i) {
  while (i < t.size() && t[i] != ' ' && t[i] != '\t' && t[i] != '\n') ++i;
  return i;
}

// `--flag`, `-x`-style flags with a name after two dashes, and URLs (scheme:// or www.).
bool isLiteralWord(std::string_view w) {
  if (w.size() > 2 && w[0] == '-' && w[1] == '-' && std::isalpha(static_cast<unsigned char>(w[2]))) return true;
  if (w.rfind("www.", 0) == 0) return true;
  const std::size_t scheme = w.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return false;
  for (std::size_t k = 0; k < scheme; ++k)
    if (!std::isalpha(static_cast<unsigned char>(w[k]))) return false;
  return true;
}

// The characters smart punctuation may rewrite (a run of them: quotes, dashes, an ellipsis).
bool mayChange(char c) { return c == '"' || c == '\'' || c == '-' || c == '.'; }

bool opensQuote(unsigned char prev) {
  return prev == ' ' || prev == '\t' || prev == '\n' || prev == '(' || prev == '[' || prev == '{' ||
         prev == '-' || prev == '/' || prev == 0xA0;
}

void smarten(std::string& t, State& st) {
  if (t.find_first_of("\"'-.") == std::string::npos) {
    if (!t.empty()) {
      st.openContext = opensQuote(static_cast<unsigned char>(t.back()));
      st.wordStart = isSpaceOrOpening(static_cast<unsigned char>(t.back()));
    }
    return;
  }
  std::string out;
  out.reserve(t.size() + 16);
  std::size_t literalAt = std::string::npos, literalEnd = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    // A command-line flag (--enable-expert-parallel) or a URL is copied as written; opening
    // brackets and quotes before it are punctuation as usual. Each word is looked at once.
    const bool wordStart = i == 0 ? st.wordStart : isSpaceOrOpening(static_cast<unsigned char>(t[i - 1]));
    if (wordStart && i >= literalEnd) {
      const std::size_t end = wordEnd(t, i);
      std::size_t lead = i;
      while (lead < end && (isSpaceOrOpening(static_cast<unsigned char>(t[lead])) || t[lead] == '"' || t[lead] == '\'')) ++lead;
      if (isLiteralWord(std::string_view(t).substr(lead, end - lead))) literalAt = lead;
      literalEnd = end;
    }
    if (i == literalAt) {
      out.append(t, i, literalEnd - i);
      i = literalEnd - 1;
      literalAt = std::string::npos;
      continue;
    }
    if (c == '"' || c == '\'') {
      // After an opening curly quote another quote opens too (“‘Shelob’ is my name.”).
      const bool afterOpening = out.size() >= 3 && (out.compare(out.size() - 3, 3, kLeftDouble) == 0 ||
                                                    out.compare(out.size() - 3, 3, kLeftSingle) == 0);
      const bool open = out.empty() ? st.openContext : afterOpening || opensQuote(static_cast<unsigned char>(out.back()));
      if (c == '"') out += open ? kLeftDouble : kRightDouble;
      else out += open ? kLeftSingle : kRightSingle;
      continue;
    }
    if (c == '-' && i + 1 < t.size() && t[i + 1] == '-') {
      std::size_t n = 0;
      while (i + n < t.size() && t[i + n] == '-') ++n;
      // cmark's rule: all em dashes when divisible by 3, all en dashes when by 2, else mixed.
      std::size_t em = 0, en = 0;
      if (n % 3 == 0) em = n / 3;
      else if (n % 2 == 0) en = n / 2;
      else if (n % 3 == 2) {
        em = (n - 2) / 3;
        en = 1;
      } else {
        em = (n - 4) / 3;
        en = 2;
      }
      for (std::size_t k = 0; k < em; ++k) out += kEmDash;
      for (std::size_t k = 0; k < en; ++k) out += kEnDash;
      i += n - 1;
      continue;
    }
    if (c == '.' && i + 2 < t.size() && t[i + 1] == '.' && t[i + 2] == '.') {
      out += kEllipsis;
      i += 2;
      continue;
    }
    // This character as it is, and those after it up to the next that needs a look: a quote,
    // a dash or a dot, the start of a word (after a space or an opening: a flag or URL may
    // begin there), or a literal word's start. Appended a stretch at a time.
    std::size_t j = i + 1;
    while (j < t.size() && j != literalAt && !mayChange(t[j]) && !isSpaceOrOpening(static_cast<unsigned char>(t[j - 1])))
      ++j;
    out.append(t, i, j - i);
    i = j - 1;
  }
  t = std::move(out);
  if (!t.empty()) {
    st.openContext = opensQuote(static_cast<unsigned char>(t.back()));
    st.wordStart = isSpaceOrOpening(static_cast<unsigned char>(t.back()));
  }
}

void walk(std::vector<Inline>& inlines, State& st, int depth) {
  for (auto& i : inlines) {
    switch (i.kind) {
      case InlineKind::Text: smarten(i.text, st); break;
      case InlineKind::SoftBreak:
      case InlineKind::HardBreak: st.openContext = st.wordStart = true; break;
      case InlineKind::Code:
      case InlineKind::Math:
      case InlineKind::Image:
      case InlineKind::FootnoteRef: st.openContext = st.wordStart = false; break;
      default:
        if (depth < 64) walk(i.children, st, depth + 1);
    }
  }
}

void walkInlines(std::vector<Inline>& inlines) {
  State st;
  walk(inlines, st, 0);
}

void walkBlocks(std::vector<Block>& blocks) {
  forEachBlock(blocks, [](Block& b) {
    if (b.kind == BlockKind::Code || b.kind == BlockKind::MathBlock) return;
    walkInlines(b.inlines);
    for (auto& r : b.rows)
      for (auto& c : r.cells) walkInlines(c.content);
  });
}

// Splits one text inline at balanced ** pairs; returns false when there is nothing to do.
bool splitStrong(const Inline& text, std::vector<Inline>& out) {
  const std::string& t = text.text;
  std::size_t open = t.find("**");
  if (open == std::string::npos) return false;
  bool changed = false;
  std::size_t from = 0;
  while (open != std::string::npos) {
    std::size_t close = t.find("**", open + 2);
    if (close == std::string::npos) break;
    std::string_view inner = std::string_view(t).substr(open + 2, close - open - 2);
    if (inner.empty() || inner.front() == ' ' || inner.back() == ' ' || inner.find('*') != std::string_view::npos) {
      open = t.find("**", open + 2);
      continue;
    }
    if (open > from) out.push_back(Inline::makeText(t.substr(from, open - from), text.pos));
    Inline strong;
    strong.kind = InlineKind::Strong;
    strong.pos = text.pos;
    strong.children.push_back(Inline::makeText(std::string(inner), text.pos));
    out.push_back(std::move(strong));
    from = close + 2;
    changed = true;
    open = t.find("**", from);
  }
  if (!changed) return false;
  if (from < t.size()) out.push_back(Inline::makeText(t.substr(from), text.pos));
  return true;
}

void repairInlines(std::vector<Inline>& inlines, int depth) {
  bool any = false;
  for (const auto& i : inlines)
    if (i.kind == InlineKind::Text && i.text.find("**") != std::string::npos) any = true;
  if (any) {
    std::vector<Inline> out;
    out.reserve(inlines.size() + 4);
    for (auto& i : inlines) {
      if (i.kind == InlineKind::Text && splitStrong(i, out)) continue;
      out.push_back(std::move(i));
    }
    inlines = std::move(out);
  }
  if (depth < 64)
    for (auto& i : inlines)
      if (i.kind != InlineKind::Code && i.kind != InlineKind::Math) repairInlines(i.children, depth + 1);
}

}  // namespace

void repairStrongEmphasis(Document& doc) {
  auto fix = [](std::vector<Block>& blocks) {
    forEachBlock(blocks, [](Block& b) {
      if (b.kind == BlockKind::Code || b.kind == BlockKind::MathBlock) return;
      repairInlines(b.inlines, 0);
      for (auto& r : b.rows)
        for (auto& c : r.cells) repairInlines(c.content, 0);
    });
  };
  fix(doc.blocks);
  for (auto& f : doc.footnotes) fix(f.blocks);
}

void smartPunctuation(Document& doc) {
  walkBlocks(doc.blocks);
  for (auto& f : doc.footnotes) walkBlocks(f.blocks);
}

}  // namespace pp::markdown
