// Code blocks: monospace lines on a tinted background, spaces kept as written, long lines
// wrapped at the block's edge with a continuation mark, split across pages line by line.
// Highlighted blocks give each token its class's colour, weight and slant from the style's
// highlight theme (the same runs the EPUB writes as spans: codeLines in document.h).
#include <algorithm>
#include <array>
#include <optional>
#include <cstdio>

#include "typeset/shape_runs.h"
#include "typeset/flow.h"
#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

constexpr float kCodePadX = 8;
constexpr float kCodePadY = 6;
// A wrapped line breaks at its last space when that space is at least this far along the
// line; otherwise it breaks at the edge, inside a word.
constexpr float kWrapAtSpaceAfter = 0.45f;
// Continuation lines are indented by this many character widths past their line's own indent
// (so that wrapped code keeps its shape)...
constexpr int kContinuationIndent = 2;
// ...but never so far that less than this share of the block is left for their text.
constexpr float kMaxContinuationShare = 0.5f;

struct SourceChar {
  char32_t cp;
  TokenClass token;
};
using SourceLine = std::vector<SourceChar>;

struct CodeChar {
  char32_t cp;
  int face;  // -1: no font has it
  float width;
  TokenClass token;
};

// Appends the characters of `in` that show, with their token class: controls, byte order
// marks, variation selectors and joiners are dropped.
void appendVisible(const std::u32string& in, TokenClass token, SourceLine& out) {
  for (char32_t c : in) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D)
      continue;
    out.push_back({c, token});
  }
}

// The block's lines as characters with their token class (the Document's code holds no tabs:
// document.h), invisible controls dropped. Runs that are not valid UTF-8 are read through the
// same repair as plain text.
std::vector<SourceLine> sourceLines(const Block& code) {
  std::vector<SourceLine> lines;
  for (const auto& runs : codeLines(code)) {
    SourceLine line;
    for (const CodeRun& run : runs) {
      const std::string_view bytes = run.text;
      const std::u32string chars =
          isValidUtf8(bytes) ? toUtf32(bytes) : toUtf32(sanitizeUtf8(bytes));
      appendVisible(chars, run.token, line);
    }
    lines.push_back(std::move(line));
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace

void Flow::codeBlock(const Block& code) {
  const Style& st = ctx_.style;
  const TextStyle& cs = st.code;
  const int primary = faceOf(ctx_, cs);
  if (primary < 0) return;
  FontFile& pf = ctx_.fonts.file(primary);
  const float asc = pf.ascent() * cs.size, desc = pf.descent() * cs.size;
  const float baseline = (cs.leading - (asc + desc)) / 2 + asc;
  const float avail = std::max(40.0f, region_.width - 2 * kCodePadX);
  const float charW = pf.advance('0') * cs.size / 1000.0f;

  const std::vector<SourceLine> lines = sourceLines(code);
  if (lines.empty()) return;
  // Each token class's face and colour (a theme that is off, or a class it leaves alone,
  // prints as the code role).
  const HighlightTheme& theme = st.highlight;
  auto tokenStyle = [&](TokenClass t) {
    return theme.enabled ? theme[t] : TokenStyle{};
  };
  std::array<int, kTokenClassCount> tokenFace;
  for (std::size_t k = 0; k < kTokenClassCount; ++k) {
    const TokenStyle ts = tokenStyle(static_cast<TokenClass>(k));
    const int face = faceOf(ctx_, cs, ts.bold, ts.italic);
    tokenFace[k] = face >= 0 ? face : primary;
  }
  auto tokenBold = [&](TokenClass t) { return cs.bold || tokenStyle(t).bold; };
  auto tokenColor = [&](TokenClass t) { return tokenStyle(t).color.value_or(cs.color); };
  // Neighbouring tokens that look the same are drawn as one run.
  auto sameLook = [&](TokenClass a, TokenClass b) {
    const Color x = tokenColor(a), y = tokenColor(b);
    return x.r == y.r && x.g == y.g && x.b == y.b;
  };
  // P > Code (an inline type in ISO 32000-1); a formula printed as its TeX is a Formula with
  // the TeX as Alt.
  const bool math = code.kind == BlockKind::MathBlock;
  std::optional<OpenNode> paragraphNode;
  if (!math) paragraphNode.emplace(ctx_.nodes, StructType::P);
  const OpenNode node(ctx_.nodes, math ? StructNode(StructType::Formula, code.text)
                                       : StructNode(StructType::Code));

  space(st.blockSpacing + kCodePadY);
  const int savedFrames = region_.frameSet;
  Frame bg;
  bg.kind = Frame::Kind::Background;
  bg.x = region_.left;
  bg.width = region_.width;
  bg.color = st.codeBackground;
  bg.padTop = kCodePadY;
  bg.padBottom = kCodePadY;
  region_.frameSet = enterFrame(bg);

  struct Visual {
    std::vector<CodeChar> chars;
    bool continuation;
    float indent;  // continuation lines: how far their text starts right of the padding
  };
  std::vector<Visual> visual;
  SourcePos pos;
  for (const SourceLine& line : lines) {
    std::vector<CodeChar> chars;
    chars.reserve(line.size());
    for (const auto& [c, token] : line) {
      const int f = ctx_.fonts.resolve(tokenFace[static_cast<std::size_t>(token)], c, tokenBold(token),
                                       wantsEmojiPresentation(c, 0));
      float w;
      if (f < 0) {
        ctx_.reportMissingGlyph(c, pos);
        w = charW * 2;
      } else {
        w = ctx_.fonts.file(f).advance(c) * cs.size / 1000.0f + cs.letterSpacing;
      }
      chars.push_back({c, f, w, token});
    }
    // Wrap into visual lines.
    std::size_t start = 0;
    bool cont = false;
    if (chars.empty()) visual.push_back({{}, false, 0});
    float ownIndent = 0;
    for (std::size_t i = 0; i < chars.size() && chars[i].cp == ' '; ++i) ownIndent += chars[i].width;
    const float contIndent = std::min(ownIndent + charW * kContinuationIndent, avail * kMaxContinuationShare);
    while (start < chars.size()) {
      const float lineAvail = cont ? avail - contIndent : avail;
      float w = 0;
      std::size_t end = start;
      while (end < chars.size() && w + chars[end].width <= lineAvail + 0.01f) w += chars[end++].width;
      if (end == start) end = start + 1;  // one over-wide glyph: take it anyway
      if (end < chars.size()) {
        // prefer breaking after a space when that keeps most of the line
        float acc = 0;
        std::size_t lastSpace = std::string::npos;
        for (std::size_t i = start; i < end; ++i) {
          acc += chars[i].width;
          if (chars[i].cp == ' ' && acc >= lineAvail * kWrapAtSpaceAfter) lastSpace = i + 1;
        }
        if (lastSpace != std::string::npos && lastSpace < end) end = lastSpace;
      }
      visual.push_back({std::vector<CodeChar>(chars.begin() + static_cast<long>(start),
                                              chars.begin() + static_cast<long>(end)),
                        cont, cont ? contIndent : 0});
      start = end;
      cont = true;
    }
  }

  const int mono = primary;
  const std::size_t n = visual.size();
  for (std::size_t k = 0; k < n; ++k) {
    const Visual& v = visual[k];
    Fragment f;
    float x = kCodePadX + v.indent;
    if (v.continuation) {
      // The continuation mark sits just left of the continued text, muted.
      const char32_t mark = 0x21AA;
      int mf = ctx_.fonts.resolve(mono, mark, false);
      if (mf >= 0) {
        TextRun t = textRunAt(mf, cs.size * 0.8f, 0, baseline, st.muted);
        t.text = toUtf8(std::u32string(1, mark));
        t.width = ctx_.width(mf, t.text, t.size);
        t.x = std::max(0.5f, kCodePadX + v.indent - t.width - charW * 0.4f);
        f.runs.push_back(std::move(t));
      }
    }
    // Runs of one face; leading spaces become an offset, so no run starts with blanks.
    std::size_t i = 0;
    while (i < v.chars.size() && v.chars[i].cp == ' ') x += v.chars[i++].width;
    while (i < v.chars.size()) {
      const CodeChar& c = v.chars[i];
      if (c.face < 0) {
        const FillRect box = outlineRect(x + 0.5f, baseline - asc * 0.9f, c.width - 1, asc * 0.9f + desc * 0.8f,
                                         0.4f, cs.color);
        drawMissingGlyph(ctx_, f, c.cp, box, mono, cs.size * 0.3f, x, c.width, baseline - asc * 0.3f);
        x += c.width;
        ++i;
        continue;
      }
      if (c.cp == ' ') {  // blanks between runs only move the pen
        x += c.width;
        ++i;
        continue;
      }
      // A run: one face and one colour, single spaces inside; two spaces in a row end it, so
      // that text extraction sees the gaps of aligned code as gaps.
      TextRun t = textRunAt(c.face, cs.size, x, baseline, tokenColor(c.token));
      t.charSpacing = cs.letterSpacing;
      std::u32string run;
      float runWidth = 0, trailing = 0;
      while (i < v.chars.size() && v.chars[i].face == c.face && sameLook(v.chars[i].token, c.token)) {
        if (v.chars[i].cp == ' ' && (i + 1 >= v.chars.size() || v.chars[i + 1].cp == ' ')) break;
        run.push_back(v.chars[i].cp);
        runWidth += v.chars[i].width;
        trailing = v.chars[i].cp == ' ' ? trailing + v.chars[i].width : 0;
        x += v.chars[i].width;
        ++i;
      }
      while (!run.empty() && run.back() == ' ') run.pop_back();
      if (!run.empty()) {
        // Code is never kerned: the width is the plain sum of what is drawn.
        t.text = toUtf8(run);
        t.width = runWidth - trailing;
        // Blanks after it, or the end of a source line, read as a space.
        t.spaceAfter = trailing > 0 || (i < v.chars.size() ? v.chars[i].cp == ' ' : k + 1 < n && !visual[k + 1].continuation);
        f.runs.push_back(std::move(t));
      }
    }
    shapeRuns(ctx_, f.runs);
    // No orphan or widow lines of a block of four or more.
    int penalty = 0;
    if (k > 0 && (n < 4 || k == 1 || k == n - 1)) penalty = kInfinity;
    content(std::move(f), cs.leading, baseline, region_.left, penalty);
  }
  region_.frameSet = savedFrames;
  afterParagraph_ = false;
  space(st.blockSpacing + kCodePadY);
}

}  // namespace pp::typeset
