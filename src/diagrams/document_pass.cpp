// The stage's pass over a post: diagram code blocks become figures (the SVG as a data: URI,
// which the asset stage decodes like any other image), or labelled source boxes with a warning.
#include <string>

#include "postpress/diagrams.h"

namespace pp {

namespace {

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

Block figureOf(const Block& code, const DiagramResult& r) {
  Block fig;
  fig.kind = BlockKind::Figure;
  fig.pos = code.pos;
  fig.image.src = "data:image/svg+xml;base64," + base64(r.svg);
  fig.image.alt = r.alt;
  fig.image.drawing = r.drawing;
  fig.image.pos = code.pos;
  // The fence's own caption attribute first, then the one the diagram's source gives.
  if (!code.inlines.empty()) fig.inlines = code.inlines;
  else if (!r.title.empty()) fig.inlines.push_back(Inline::makeText(r.title, code.pos));
  return fig;
}

// The source in a box whose title says what it is and that it was not drawn.
Block sourceBoxOf(Block code, DiagramLanguage language, const DiagramResult& r) {
  Block box;
  box.kind = BlockKind::Admonition;
  box.admonition = AdmonitionKind::Note;
  box.pos = code.pos;
  std::string title = language == DiagramLanguage::Mermaid ? "Mermaid " + (r.kind.empty() ? std::string("diagram") : r.kind)
                                                           : std::string("Graphviz diagram");
  box.inlines.push_back(Inline::makeText(title + " (shown as source)", code.pos));
  box.children.push_back(std::move(code));
  return box;
}

class DiagramPass {
 public:
  DiagramPass(const Post& post, const DiagramOptions& options, DiagnosticSink& diags)
      : post_(post), options_(options), diags_(diags) {}

  void blocks(std::vector<Block>& list) {
    for (Block& b : list) {
      if (b.kind == BlockKind::Code) {
        const DiagramLanguage language = diagramLanguage(b.info);
        if (language != DiagramLanguage::None) b = diagram(std::move(b), language);
        continue;
      }
      blocks(b.children);
    }
  }

  int drawn() const { return drawn_; }

 private:
  Block diagram(Block code, DiagramLanguage language) {
    DiagramResult r = overBudget();
    if (r.message.empty()) r = renderDiagram(language, code.text, options_);
    ++seen_;
    if (r.status == DiagramResult::Status::Drawn) {
      ++drawn_;
      edges_ += r.edges;
      return figureOf(code, r);
    }
    // The fence is at code.pos.line, the source's first line the one after it.
    const int line = code.pos.line > 0 ? code.pos.line + r.line : 0;
    diags_.warning(post_.loc(line, r.line > 0 ? 1 : code.pos.col), diagramWarningCode(r.status),
                   r.message + ": printed as source");
    return sourceBoxOf(std::move(code), language, r);
  }

  // The post's budget, once spent, stops the next diagram before it is read.
  DiagramResult overBudget() const {
    DiagramResult r;
    const DiagramLimits& l = options_.limits;
    if (seen_ >= l.maxDiagramsPerPost)
      r.message = "over " + std::to_string(l.maxDiagramsPerPost) + " diagrams in the post";
    else if (edges_ >= l.maxEdgesPerPost)
      r.message = "the post's diagrams already have " + std::to_string(edges_) + " edges, the most one post may have is " +
                  std::to_string(l.maxEdgesPerPost);
    r.status = DiagramResult::Status::TooLarge;
    return r;
  }

  const Post& post_;
  const DiagramOptions& options_;
  DiagnosticSink& diags_;
  int drawn_ = 0;
  int seen_ = 0;   // diagram blocks met so far
  int edges_ = 0;  // edges of the diagrams drawn so far
};

}  // namespace

int drawDiagrams(const Post& post, Document& doc, const DiagramOptions& options, DiagnosticSink& diags) {
  DiagramPass pass(post, options, diags);
  pass.blocks(doc.blocks);
  for (Footnote& f : doc.footnotes) pass.blocks(f.blocks);
  return pass.drawn();
}

}  // namespace pp
