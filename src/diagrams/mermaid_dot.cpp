// A flowchart in dot: mermaid's shapes and strokes in Graphviz's terms, in a quiet look that
// prints well in colour and in gray (light fills, dark strokes).
#include <sstream>
#include <string>

#include "diagrams/mermaid.h"
#include "postpress/support/text.h"

namespace pp::diagrams {

namespace {

// Mermaid wraps a label at about 200 px; Graphviz never wraps. Lines longer than this many
// characters are broken at spaces, so that a question in a diamond does not make it a page wide.
constexpr std::size_t kWrapColumns = 28;

constexpr const char* kStroke = "#3f3f4f";
constexpr const char* kFill = "#f1f1f6";
constexpr const char* kClusterFill = "#fafafc";
constexpr const char* kClusterStroke = "#9a9aab";

std::string wrapped(const std::string& label) {
  std::string out;
  for (const std::string& line : split(label, '\n')) {
    if (!out.empty()) out += '\n';
    std::size_t width = 0;
    bool first = true;
    for (const std::string& word : split(line, ' ')) {
      if (word.empty()) continue;
      const std::size_t w = utf8Length(word);
      if (!first && width + 1 + w > kWrapColumns) {
        out += '\n';
        width = 0;
      } else if (!first) {
        out += ' ';
        ++width;
      }
      out += word;
      width += w;
      first = false;
    }
  }
  return out;
}

// A dot string literal: quotes and backslashes escaped, lines as dot's centred `\n`.
std::string dotString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + '"';
}

std::string shapeAttributes(NodeShape shape) {
  switch (shape) {
    case NodeShape::Rect: return "shape=box";
    case NodeShape::Round: return "shape=box, style=\"rounded,filled\"";
    case NodeShape::Stadium: return "shape=box, style=\"rounded,filled\", margin=\"0.2,0.055\"";
    case NodeShape::Subroutine: return "shape=box, peripheries=2";
    case NodeShape::Cylinder: return "shape=cylinder";
    case NodeShape::Circle: return "shape=circle";
    case NodeShape::DoubleCircle: return "shape=doublecircle";
    case NodeShape::Asymmetric: return "shape=cds";
    case NodeShape::Rhombus: return "shape=diamond";
    case NodeShape::Hexagon: return "shape=hexagon";
    case NodeShape::Parallelogram: return "shape=parallelogram";
    case NodeShape::Trapezoid: return "shape=trapezium";
    case NodeShape::InvTrapezoid: return "shape=invtrapezium";
  }
  return "shape=box";
}

const char* arrowName(EdgeEnd end) {
  switch (end) {
    case EdgeEnd::None: return "none";
    case EdgeEnd::Arrow: return "normal";
    case EdgeEnd::Circle: return "dot";
    case EdgeEnd::Cross: return "tee";
  }
  return "normal";
}

std::string edgeAttributes(const FlowEdge& e) {
  std::ostringstream a;
  a << "arrowhead=" << arrowName(e.head);
  if (e.tail != EdgeEnd::None) a << ", dir=both, arrowtail=" << arrowName(e.tail);
  switch (e.stroke) {
    case EdgeStroke::Solid: break;
    case EdgeStroke::Dotted: a << ", style=dashed"; break;
    case EdgeStroke::Thick: a << ", penwidth=2.4"; break;
    case EdgeStroke::Invisible:
      // Mermaid hides the line of `~~~` but still shows its text.
      a << (e.label.empty() ? ", style=invis" : ", color=transparent, arrowhead=none");
      break;
  }
  if (e.length > 1) a << ", minlen=" << e.length;
  if (!e.label.empty()) a << ", label=" << dotString(wrapped(e.label));
  if (e.fromCluster >= 0) a << ", ltail=cluster_" << e.fromCluster;
  if (e.toCluster >= 0) a << ", lhead=cluster_" << e.toCluster;
  return a.str();
}

class DotWriter {
 public:
  DotWriter(const FlowGraph& g, const DiagramOptions& o) : g_(g), o_(o) {}

  std::string write() {
    bool compound = false;
    for (const FlowEdge& e : g_.edges) compound |= e.fromCluster >= 0 || e.toCluster >= 0;
    const std::string font = dotString(o_.fontFamily);
    out_ << "digraph flowchart {\n"
         << "  rankdir=" << g_.direction << "; nodesep=0.3; ranksep=0.4; pad=0.06;\n"
         << "  fontname=" << font << "; fontsize=" << o_.fontSize << ";\n";
    if (compound) out_ << "  compound=true;\n";
    out_ << "  node [fontname=" << font << ", fontsize=" << o_.fontSize << ", style=filled, fillcolor=\"" << kFill
         << "\", color=\"" << kStroke << "\", margin=\"0.12,0.06\", height=0.36];\n"
         << "  edge [fontname=" << font << ", fontsize=" << o_.fontSize - 1 << ", color=\"" << kStroke
         << "\", arrowsize=0.7];\n";
    cluster(-1, "  ");
    for (const FlowEdge& e : g_.edges) out_ << "  n" << e.from << " -> n" << e.to << " [" << edgeAttributes(e) << "];\n";
    out_ << "}\n";
    return out_.str();
  }

 private:
  // The nodes of cluster `parent` (-1: the top level) and its subclusters, nested.
  void cluster(int parent, const std::string& indent) {
    for (std::size_t k = 0; k < g_.nodes.size(); ++k)
      if (g_.nodes[k].cluster == parent)
        out_ << indent << 'n' << k << " [" << shapeAttributes(g_.nodes[k].shape) << ", label=" << dotString(wrapped(g_.nodes[k].label)) << "];\n";
    for (std::size_t c = 0; c < g_.clusters.size(); ++c) {
      if (g_.clusters[c].parent != parent) continue;
      out_ << indent << "subgraph cluster_" << c << " {\n"
           << indent << "  label=" << dotString(wrapped(g_.clusters[c].title)) << "; style=\"rounded,filled\"; fillcolor=\""
           << kClusterFill << "\"; color=\"" << kClusterStroke << "\";\n";
      cluster(static_cast<int>(c), indent + "  ");
      out_ << indent << "}\n";
    }
  }

  const FlowGraph& g_;
  const DiagramOptions& o_;
  std::ostringstream out_;
};

}  // namespace

std::string flowchartToDot(const FlowGraph& graph, const DiagramOptions& options) { return DotWriter(graph, options).write(); }

}  // namespace pp::diagrams
