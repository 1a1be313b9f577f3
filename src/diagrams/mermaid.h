// Mermaid flowcharts (`graph`/`flowchart`) read into a small graph model and written in
// Graphviz's dot language. Other mermaid kinds are only recognised, never drawn.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "postpress/diagrams.h"

namespace pp::diagrams {

enum class NodeShape {
  Rect,           // A[text]
  Round,          // A(text)
  Stadium,        // A([text])
  Subroutine,     // A[[text]]
  Cylinder,       // A[(text)]
  Circle,         // A((text))
  DoubleCircle,   // A(((text)))
  Asymmetric,     // A>text]
  Rhombus,        // A{text}
  Hexagon,        // A{{text}}
  Parallelogram,  // A[/text/]  A[\text\]
  Trapezoid,      // A[/text\]
  InvTrapezoid,   // A[\text/]
};

enum class EdgeStroke { Solid, Dotted, Thick, Invisible };
enum class EdgeEnd { None, Arrow, Circle, Cross };

struct FlowNode {
  std::string id;     // as written in the source
  std::string label;  // text to show (the id when the source gives none)
  NodeShape shape = NodeShape::Rect;
  int cluster = -1;   // index into FlowGraph::clusters, -1 = top level
};

struct FlowEdge {
  int from = 0, to = 0;  // node indices
  std::string label;
  EdgeStroke stroke = EdgeStroke::Solid;
  EdgeEnd head = EdgeEnd::Arrow, tail = EdgeEnd::None;
  int length = 1;        // extra dashes ask for a longer edge (dot's minlen)
  int fromCluster = -1, toCluster = -1;  // an end that names a subgraph: the cluster it means
};

struct FlowCluster {
  std::string id;
  std::string title;
  int parent = -1;
};

struct FlowGraph {
  std::string direction = "TB";  // TB, BT, LR, RL
  std::string title;             // front matter `title:`
  std::vector<FlowNode> nodes;
  std::vector<FlowEdge> edges;
  std::vector<FlowCluster> clusters;
};

struct FlowParse {
  bool ok = false;
  FlowGraph graph;
  std::string message;  // why not ok
  int line = 0;         // 1-based source line of the problem
};

// The diagram kind: the first word after front matter, %%{init}%% directives and %% comments
// ("flowchart", "graph", "sequenceDiagram", "gantt"...); empty for an empty source.
std::string mermaidKind(std::string_view source);

// True for the kinds mermaidToDot draws: "flowchart" and "graph".
bool isFlowchartKind(std::string_view kind);

// Reads a flowchart. Styling statements (classDef, class, style, linkStyle, click) are
// skipped: the figure takes the digest's look.
FlowParse parseFlowchart(std::string_view source);

// Label text as mermaid shows it: <br> becomes a line break, other HTML tags go, entities
// (`&amp;`, `#quot;`, `#9829;`) are decoded, markdown-string backticks and `\` escapes dropped.
std::string mermaidLabelText(std::string_view raw);

// The graph in dot, with the options' font and size. The title is not drawn: it becomes the
// figure's caption.
std::string flowchartToDot(const FlowGraph& graph, const DiagramOptions& options);

}  // namespace pp::diagrams
