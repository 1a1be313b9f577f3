// Backslash escapes of the characters smart punctuation rewrites. cmark-gfm drops the backslash
// and merges the text around it, so after parsing `\--flag` and `--flag` look alike; these
// characters are marked before parsing (a private-use character each, which no Markdown rule
// reads) and put back after smart punctuation ran.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "markdown/code_regions.h"
#include "markdown/passes.h"
#include "markdown/smart.h"

namespace pp::markdown {

namespace {

// U+F8E0..U+F8E3 stand for escaped " ' - . (EF A3 A0..A3 in UTF-8).
constexpr std::string_view kEscapable = "\"'-.";
constexpr std::array<std::string_view, 4> kMarks = {"\xEF\xA3\xA0", "\xEF\xA3\xA1", "\xEF\xA3\xA2", "\xEF\xA3\xA3"};

// Replaces each mark in `s` by its character, with its backslash again where cmark never read
// escapes (code, math): there the source text is given back exactly.
void restore(std::string& s, bool keepBackslash) {
  if (s.find("\xEF\xA3") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA3) {
      const unsigned char last = static_cast<unsigned char>(s[i + 2]);
      if (last >= 0xA0 && last <= 0xA3) {
        if (keepBackslash) out += '\\';
        out += kEscapable[last - 0xA0];
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  s = std::move(out);
}

void restoreInlines(std::vector<Inline>& inlines, int depth) {
  for (Inline& i : inlines) {
    const bool code = i.kind == InlineKind::Code || i.kind == InlineKind::Math;
    restore(i.text, code);
    restore(i.link.url, false);
    restore(i.image.src, false);
    restore(i.image.alt, false);
    restore(i.image.title, false);
    if (depth < 64) restoreInlines(i.children, depth + 1);
  }
}

void restoreBlocks(std::vector<Block>& blocks) {
  forEachBlock(blocks, [](Block& b) {
    const bool code = b.kind == BlockKind::Code || b.kind == BlockKind::MathBlock;
    restore(b.text, code);
    restore(b.info, false);
    restore(b.link.url, false);
    restore(b.image.src, false);
    restore(b.image.alt, false);
    restore(b.image.title, false);
    restoreInlines(b.inlines, 0);
    for (auto& r : b.rows)
      for (auto& c : r.cells) restoreInlines(c.content, 0);
  });
}

}  // namespace

Source markEscapes(const Source& in) {
  const std::string& s = in.text;
  if (s.find('\\') == std::string::npos) return in;
  CodeSkipper code(s);
  TextBuilder out(in);
  std::size_t copied = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t past = code.skip(i); past != i) {
      i = past;
      continue;
    }
    if (s[i] != '\\') {
      // On to the next backslash, or to code that starts before it (skipped above).
      i = std::min({s.find('\\', i + 1), code.codeFrom(i + 1), s.size()});
      continue;
    }
    if (i + 1 >= s.size()) break;
    const std::size_t k = kEscapable.find(s[i + 1]);
    if (k == std::string_view::npos) {
      i += 2;  // another escape (`\\` too): its character is never a backslash that escapes
      continue;
    }
    out.copy(copied, i);
    out.emit(kMarks[k], i);
    copied = i + 2;
    i += 2;
  }
  if (copied == 0) return in;
  out.copy(copied, s.size());
  return out.finish();
}

void restoreEscapes(Document& doc) {
  restoreBlocks(doc.blocks);
  for (auto& f : doc.footnotes) restoreBlocks(f.blocks);
}

}  // namespace pp::markdown
