// Diagrams: fenced ```dot / ```graphviz blocks laid out by Graphviz (libgvc), ```mermaid
// flowcharts translated to Graphviz's language and laid out the same way. Stage home:
// src/diagrams/.
//
// A drawn diagram becomes a Figure whose image is the SVG Graphviz wrote, as a `data:` URI,
// which the EPUB shows: its text is glyph outlines (Graphviz's cairo renderer), so it looks the
// same whatever fonts the reader has. The PDF paints the figure's Drawing instead (Graphviz's
// layout as vector paths, its labels set as text in the style's fonts: drawing.h). A diagram that cannot be drawn (another
// mermaid kind, a source Graphviz rejects, one over the budgets) stays its source, in a box
// that says what it is, with a coded warning at post:line.
//
// Graphviz is not thread-safe: every call into it is serialised inside this stage, so the
// functions below may be called from any number of threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "postpress/document.h"
#include "postpress/drawing.h"
#include "postpress/site.h"
#include "postpress/support/diagnostics.h"

namespace pp {

enum class DiagramLanguage { None, Dot, Mermaid };

// The diagram language a fenced block's info string names ("dot", "graphviz", "gv",
// "mermaid"; any case); None for everything else.
DiagramLanguage diagramLanguage(std::string_view info);

// What diagrams from a stranger's post may cost. Graphviz cannot be interrupted, so time is
// bounded by bounding the work: the source's size, the nodes and edges of each diagram and of
// all a post's diagrams, and the iterations of dot's network simplex and crossing
// minimisation. Edges cost most: dot's time grows with the edges and the ranks they cross
// (bench/results.md, "Diagrams", measures random graphs at these limits).
struct DiagramLimits {
  std::size_t maxSourceBytes = 32 * 1024;
  int maxNodes = 150;
  int maxEdges = 200;
  int maxClusters = 40;
  int maxEdgesPerPost = 600;    // then the post's further diagrams are printed as source
  int maxDiagramsPerPost = 100;
};

struct DiagramOptions {
  // Font families for labels, in order of preference, as fontconfig names them (the first
  // one installed is used; text becomes outlines, so the renderers need none of them).
  std::string fontFamily = "DejaVu Sans";
  double fontSize = 10;  // points, for nodes and edges whose source sets none
  bool grayscale = false;  // the PDF's drawing in grays of the colours' luminance
  DiagramLimits limits;
};

struct DiagramResult {
  enum class Status {
    Drawn,        // svg holds the picture
    Unsupported,  // a mermaid kind other than flowchart/graph
    Invalid,      // the source does not parse, or Graphviz rejects it
    TooLarge,     // over DiagramLimits
    Refused,      // asks Graphviz to read files (images, shape files, style sheets)
  };
  Status status = Status::Invalid;
  std::string svg;                         // the picture for the EPUB
  std::shared_ptr<const Drawing> drawing;  // the picture for the PDF (nullptr: the SVG)
  std::string kind;     // "dot", "flowchart", "sequenceDiagram"...
  std::string alt;      // a description for alt text: the kind and the node labels
  // The diagram's own title, printed as its caption: mermaid's `title:` (front matter) or
  // `accTitle:`, a dot graph's `label` (then not drawn in the picture).
  std::string title;
  std::string message;  // why it was not drawn
  int line = 0;         // 1-based line of the source the message is about; 0 = the whole block
  int nodes = 0, edges = 0;  // the drawn graph's size (the post's budget counts the edges)
};

// Lays `source` out and renders it to SVG, within options.limits.
DiagramResult renderDiagram(DiagramLanguage language, std::string_view source, const DiagramOptions& options);

// The diagnostic code for a result that was not drawn: "diagram-unsupported",
// "diagram-invalid", "diagram-too-large", "diagram-refused".
const char* diagramWarningCode(DiagramResult::Status status);

// Replaces every diagram Code block of `doc` (at any depth: lists, quotes, admonitions,
// footnotes) by a Figure of the drawn SVG and Drawing, captioned with the fence's caption or
// title attribute, else the diagram's title (if it has one); or by a labelled box holding the
// source with a warning at the block's line in `post`. Returns the number of diagrams drawn.
int drawDiagrams(const Post& post, Document& doc, const DiagramOptions& options, DiagnosticSink& diags);

}  // namespace pp
