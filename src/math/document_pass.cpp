// The stage's pass over a post: every formula read once; one that cannot be read becomes
// code, in monospace, with a warning naming why at its line.
#include "postpress/math.h"

namespace pp {

namespace {

class FormulaPass {
 public:
  FormulaPass(const Post& post, DiagnosticSink& diags, const MathLimits& limits)
      : post_(post), diags_(diags), limits_(limits) {}

  void blocks(std::vector<Block>& list) {
    for (Block& b : list) {
      if (b.kind == BlockKind::MathBlock) {
        if (!read(b.text, b.pos).ok()) {
          b.kind = BlockKind::Code;
          b.info = "tex";
        }
        continue;
      }
      inlines(b.inlines);
      for (TableRow& r : b.rows)
        for (TableCell& c : r.cells) inlines(c.content);
      blocks(b.children);
    }
  }

  void inlines(std::vector<Inline>& list) {
    for (Inline& in : list) {
      if (in.kind == InlineKind::Math) {
        const ParsedMath m = read(in.text, in.pos);
        if (m.ok()) in.children = {Inline::makeText(mathPlainText(m), in.pos)};
        else in.kind = InlineKind::Code;
        continue;
      }
      inlines(in.children);
    }
  }

  int read() const { return read_; }

 private:
  ParsedMath read(const std::string& tex, SourcePos pos) {
    ParsedMath m = parseMath(tex, limits_);
    if (m.ok()) {
      ++read_;
      return m;
    }
    // A post full of unreadable formulas gets a few warnings and a note, not thousands.
    if (++refused_ <= kMaxWarnings)
      diags_.warning(post_.loc(pos.line, pos.col), kMathUnsupportedCode, "formula printed as TeX source: " + m.error);
    else if (refused_ == kMaxWarnings + 1)
      diags_.note(post_.loc(pos.line, pos.col), kMathUnsupportedCode,
                  "more formulas of this post are printed as TeX source; their warnings are not shown");
    return m;
  }

  const Post& post_;
  DiagnosticSink& diags_;
  const MathLimits& limits_;
  int read_ = 0;
  int refused_ = 0;
  static constexpr int kMaxWarnings = 20;
};

}  // namespace

int checkFormulas(const Post& post, Document& doc, DiagnosticSink& diags, const MathLimits& limits) {
  FormulaPass pass(post, diags, limits);
  pass.blocks(doc.blocks);
  for (Footnote& f : doc.footnotes) pass.blocks(f.blocks);
  return pass.read();
}

}  // namespace pp
