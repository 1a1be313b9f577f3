// Graphviz (libgvc 2.42) behind one lock: dot source in, SVG out, within the budgets.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/diagrams.h"

namespace pp::diagrams {

struct GraphvizResult {
  DiagramResult::Status status = DiagramResult::Status::Invalid;
  std::string svg;
  std::shared_ptr<const Drawing> drawing;  // the same picture as vector drawing (the PDF's)
  std::string title;                       // the graph's `label`, taken out of the picture
  std::string message;
  int line = 0;                     // line of `dot` a syntax error is on; 0 = unknown
  std::vector<std::string> labels;  // node labels in the graph's order (for alt text)
  int nodes = 0, edges = 0;
};

// Reads `dot`, checks it against options.limits, gives nodes, edges and the graph the
// options' font where the source names none, lays it out (dot, or the engine the graph's
// `layout` names among dot, neato, fdp, circo and twopi) and renders SVG with text as glyph
// outlines, and as a Drawing. The root graph's plain-text label is taken out of the picture
// and given as the title (it is printed as the figure's caption). A source that would have Graphviz read files (image=, shapefile=, stylesheet=,
// <IMG> in an HTML label) is refused. Safe to call from any thread; calls run one at a time.
GraphvizResult renderDot(std::string_view dot, const DiagramOptions& options);

}  // namespace pp::diagrams
