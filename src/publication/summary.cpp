#include "publication/summary.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "postpress/publication.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool endsSentence(const std::string& word) {
  std::string w = word;
  // Closing quotes and brackets after the full stop still end the sentence.
  while (!w.empty() && (w.back() == '"' || w.back() == ')' || w.back() == '\'' ))
    w.pop_back();
  if (endsWith(w, "\xE2\x80\x9D") || endsWith(w, "\xE2\x80\x99")) w.resize(w.size() - 3);
  if (w.empty()) return false;
  char c = w.back();
  if (c != '.' && c != '!' && c != '?') return false;
  // "e.g." and "i.e." do not end sentences; nor do single initials ("J.").
  std::string lw = toLowerAscii(w);
  if (lw == "e.g." || lw == "i.e." || lw == "etc." || lw == "vs." || lw == "mr." || lw == "dr.")
    return false;
  return !(w.size() == 2 && std::isupper(static_cast<unsigned char>(w[0])));
}

std::string join(const std::vector<std::string>& ws, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n && i < ws.size(); ++i) {
    if (i) out += ' ';
    out += ws[i];
  }
  return out;
}

// A paragraph that says something: not just an image, a link list or a byline.
bool isProse(const Block& b) {
  if (b.kind != BlockKind::Paragraph) return false;
  return countWords(plainText(b.inlines)) >= 12;
}

// A summary of `target` words is at most about 12 bytes a word: a "word" of thousands of
// characters (a pasted hash, a URL, a hostile file) is cut, at a character boundary, with an
// ellipsis, so that the brief stays a brief.
std::string capLength(std::string text, std::size_t target) {
  const std::size_t limit = std::max<std::size_t>(target, 10) * 12;
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 lead byte
  text.resize(cut);
  return text + "\xE2\x80\xA6";
}

}  // namespace

std::string cutAtSentence(const std::string& text, std::size_t target) {
  auto ws = words(text);
  if (ws.size() <= target) return capLength(join(ws, ws.size()), target);
  std::size_t lo = target * 6 / 10, hi = target * 3 / 2;
  std::size_t best = 0;
  long bestDistance = 1L << 30;
  for (std::size_t i = lo; i < ws.size() && i < hi; ++i) {
    if (!endsSentence(ws[i])) continue;
    long d = static_cast<long>(i + 1) - static_cast<long>(target);
    if (d < 0) d = -d;
    if (d < bestDistance) {
      bestDistance = d;
      best = i + 1;
    }
  }
  if (best > 0) return capLength(join(ws, best), target);
  std::string cut = join(ws, target);
  while (!cut.empty() && (cut.back() == ',' || cut.back() == ';' || cut.back() == ':')) cut.pop_back();
  return capLength(cut + "\xE2\x80\xA6", target);
}

std::string postSummary(const Post& post, const Document& doc) { return summarize(post, doc); }

std::string summarize(const Post& post, const Document& doc, const std::string& sectionParagraph) {
  if (!trim(post.summary).empty()) return cutAtSentence(std::string(trim(post.summary)));
  if (doc.summaryEnd > 0) {
    std::string text;
    for (int i = 0; i < doc.summaryEnd && i < static_cast<int>(doc.blocks.size()); ++i) {
      const Block& b = doc.blocks[static_cast<std::size_t>(i)];
      if (b.kind != BlockKind::Paragraph) continue;
      if (!text.empty()) text += ' ';
      text += plainText(b.inlines);
    }
    if (!trim(text).empty()) return cutAtSentence(text);
  }
  if (!trim(sectionParagraph).empty()) return cutAtSentence(sectionParagraph);
  const Block* first = nullptr;
  forEachBlock(doc.blocks, [&](const Block& b) {
    if (!first && isProse(b)) first = &b;
  });
  if (!first) {
    forEachBlock(doc.blocks, [&](const Block& b) {
      if (!first && b.kind == BlockKind::Paragraph && !trim(plainText(b.inlines)).empty()) first = &b;
    });
  }
  return first ? cutAtSentence(plainText(first->inlines)) : std::string();
}

}  // namespace pp
