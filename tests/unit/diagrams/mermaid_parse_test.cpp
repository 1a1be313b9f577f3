// Mermaid flowcharts read into the graph model: shapes, edges, labels, subgraphs, errors.
#include <doctest/doctest.h>

#include "diagrams/mermaid.h"

using namespace pp::diagrams;

namespace {

FlowGraph parsed(const char* source) {
  FlowParse p = parseFlowchart(source);
  INFO(p.message);
  REQUIRE(p.ok);
  return p.graph;
}

const FlowNode& nodeNamed(const FlowGraph& g, const std::string& id) {
  for (const FlowNode& n : g.nodes)
    if (n.id == id) return n;
  FAIL("no node " << id);
  return g.nodes.front();
}

}  // namespace

TEST_CASE("the kind is the first word after front matter, directives and comments") {
  CHECK(mermaidKind("flowchart LR\nA-->B") == "flowchart");
  CHECK(mermaidKind("\n%% a comment\n%%{init: {'theme': 'dark'}}%%\ngraph TD;\nA") == "graph");
  CHECK(mermaidKind("---\ntitle: Flow\n---\nsequenceDiagram\n  A->>B: hi") == "sequenceDiagram");
  CHECK(mermaidKind("stateDiagram-v2\n[*] --> S") == "stateDiagram-v2");
  CHECK(mermaidKind("  \n") == "");
  CHECK(isFlowchartKind("flowchart"));
  CHECK(isFlowchartKind("graph"));
  CHECK_FALSE(isFlowchartKind("gantt"));
}

TEST_CASE("every node shape") {
  FlowGraph g = parsed(
      "flowchart TD\n"
      "  a[rect]\n  b(round)\n  c([stadium])\n  d[[sub]]\n  e[(db)]\n  f((circle))\n  g(((double)))\n"
      "  h>flag]\n  i{rhombus}\n  j{{hex}}\n  k[/para/]\n  l[\\alt\\]\n  m[/trap\\]\n  n[\\inv/]\n  o\n");
  struct Want {
    const char* id;
    NodeShape shape;
    const char* label;
  } wants[] = {{"a", NodeShape::Rect, "rect"},           {"b", NodeShape::Round, "round"},
               {"c", NodeShape::Stadium, "stadium"},     {"d", NodeShape::Subroutine, "sub"},
               {"e", NodeShape::Cylinder, "db"},         {"f", NodeShape::Circle, "circle"},
               {"g", NodeShape::DoubleCircle, "double"}, {"h", NodeShape::Asymmetric, "flag"},
               {"i", NodeShape::Rhombus, "rhombus"},     {"j", NodeShape::Hexagon, "hex"},
               {"k", NodeShape::Parallelogram, "para"},  {"l", NodeShape::Parallelogram, "alt"},
               {"m", NodeShape::Trapezoid, "trap"},      {"n", NodeShape::InvTrapezoid, "inv"},
               {"o", NodeShape::Rect, "o"}};
  REQUIRE(g.nodes.size() == std::size(wants));
  for (const Want& w : wants) {
    CAPTURE(w.id);
    CHECK(static_cast<int>(nodeNamed(g, w.id).shape) == static_cast<int>(w.shape));
    CHECK(nodeNamed(g, w.id).label == w.label);
  }
}

TEST_CASE("quoted labels hold brackets, a later definition gives the text") {
  FlowGraph g = parsed("graph LR\n  A[\"a [b] (c)\"] --> B\n  B{\"yes or no?\"}\n");
  CHECK(nodeNamed(g, "A").label == "a [b] (c)");
  CHECK(nodeNamed(g, "B").label == "yes or no?");
  CHECK(nodeNamed(g, "B").shape == NodeShape::Rhombus);
  CHECK(g.direction == "LR");
}

TEST_CASE("edge strokes, ends and lengths") {
  FlowGraph g = parsed(
      "flowchart LR\n"
      "A --> B\nA --- C\nA -.-> D\nA ==> E\nA ~~~ F\nA <--> G\nA --o H\nA --x I\nA ----> J\nA -.- K\nA === L\n");
  REQUIRE(g.edges.size() == 11);
  auto edge = [&](std::size_t k) { return g.edges[k]; };
  CHECK(edge(0).stroke == EdgeStroke::Solid);
  CHECK(edge(0).head == EdgeEnd::Arrow);
  CHECK(edge(0).length == 1);
  CHECK(edge(1).head == EdgeEnd::None);
  CHECK(edge(2).stroke == EdgeStroke::Dotted);
  CHECK(edge(2).head == EdgeEnd::Arrow);
  CHECK(edge(3).stroke == EdgeStroke::Thick);
  CHECK(edge(4).stroke == EdgeStroke::Invisible);
  CHECK(edge(5).tail == EdgeEnd::Arrow);
  CHECK(edge(5).head == EdgeEnd::Arrow);
  CHECK(edge(6).head == EdgeEnd::Circle);
  CHECK(edge(7).head == EdgeEnd::Cross);
  CHECK(edge(8).length == 3);
  CHECK(edge(9).stroke == EdgeStroke::Dotted);
  CHECK(edge(9).head == EdgeEnd::None);
  CHECK(edge(10).stroke == EdgeStroke::Thick);
  CHECK(edge(10).head == EdgeEnd::None);
}

TEST_CASE("o and x right after an edge end it, as in mermaid; a space makes them a node's") {
  FlowGraph g = parsed("graph LR\ndev---ops\ndev--- ops\nA --x B\n");
  REQUIRE(g.edges.size() == 3);
  CHECK(g.edges[0].head == EdgeEnd::Circle);
  CHECK(g.nodes[static_cast<std::size_t>(g.edges[0].to)].id == "ps");
  CHECK(g.edges[1].head == EdgeEnd::None);
  CHECK(g.nodes[static_cast<std::size_t>(g.edges[1].to)].id == "ops");
  CHECK(g.edges[2].head == EdgeEnd::Cross);
}

TEST_CASE("edge labels in both syntaxes") {
  FlowGraph g = parsed(
      "flowchart TD\n"
      "Q{ok?} -- yes --> Y\nQ -->|no| N\nQ -. maybe .-> M\nQ == sure ==> S\nQ -.->|later| L\napp[\"python\"]-- OTLP --> col\n");
  REQUIRE(g.edges.size() == 6);
  CHECK(g.edges[0].label == "yes");
  CHECK(g.edges[0].head == EdgeEnd::Arrow);
  CHECK(g.edges[1].label == "no");
  CHECK(g.edges[2].label == "maybe");
  CHECK(g.edges[2].stroke == EdgeStroke::Dotted);
  CHECK(g.edges[2].head == EdgeEnd::Arrow);
  CHECK(g.edges[3].label == "sure");
  CHECK(g.edges[3].stroke == EdgeStroke::Thick);
  CHECK(g.edges[4].label == "later");
  CHECK(g.edges[5].label == "OTLP");
  CHECK(nodeNamed(g, "app").label == "python");
  CHECK(g.nodes[static_cast<std::size_t>(g.edges[5].to)].id == "col");
}

TEST_CASE("chains and groups make every edge") {
  FlowGraph g = parsed("graph TD;\n  A --> B --> C;  D & E --> F & G\n");
  CHECK(g.nodes.size() == 7);
  CHECK(g.edges.size() == 2 + 4);
}

TEST_CASE("subgraphs hold the nodes first mentioned in them; edges may end at a subgraph") {
  FlowGraph g = parsed(
      "flowchart LR\n"
      "  subgraph STARTER[\"starter — Spring\"]\n"
      "    direction TB\n"
      "    S1[one] --> S2\n"
      "    subgraph inner\n      I1\n    end\n"
      "  end\n"
      "  subgraph AGENT\n    A1 --> A2\n  end\n"
      "  STARTER --> MODEL[model]\n"
      "  AGENT --> MODEL\n");
  REQUIRE(g.clusters.size() == 3);
  CHECK(g.clusters[0].id == "STARTER");
  CHECK(g.clusters[0].title == "starter — Spring");
  CHECK(g.clusters[1].parent == 0);
  CHECK(g.clusters[2].title == "AGENT");
  CHECK(g.direction == "LR");  // a subgraph's own direction does not turn the whole graph
  CHECK(nodeNamed(g, "S1").cluster == 0);
  CHECK(nodeNamed(g, "I1").cluster == 1);
  CHECK(nodeNamed(g, "A2").cluster == 2);
  CHECK(nodeNamed(g, "MODEL").cluster == -1);
  for (const FlowNode& n : g.nodes) CHECK(n.id != "STARTER");  // the subgraph, not a node
  REQUIRE(g.edges.size() == 4);
  CHECK(g.edges[2].fromCluster == 0);
  CHECK(g.nodes[static_cast<std::size_t>(g.edges[2].from)].id == "S1");
  CHECK(g.edges[3].fromCluster == 2);
}

TEST_CASE("styling statements and class suffixes are skipped") {
  FlowGraph g = parsed(
      "flowchart LR\n  A:::hot --> B\n  classDef hot fill:#f96\n  class B hot\n  style A fill:#f9f\n"
      "  linkStyle 0 stroke:#f00\n  click A \"https://example.com\"\n");
  CHECK(g.nodes.size() == 2);
  CHECK(g.edges.size() == 1);
}

TEST_CASE("mistakes are reported at their line") {
  FlowParse p = parseFlowchart("flowchart LR\n  A --> B\n\n  A --> [oops\n");
  CHECK_FALSE(p.ok);
  CHECK(p.line == 4);
  p = parseFlowchart("flowchart LR\n  subgraph one\n  A\n");
  CHECK_FALSE(p.ok);
  CHECK(p.message.find("end") != std::string::npos);
  p = parseFlowchart("flowchart sideways\nA");
  CHECK_FALSE(p.ok);
  CHECK(p.line == 1);
  p = parseFlowchart("graph TD\n  end\n");
  CHECK_FALSE(p.ok);
  CHECK(p.line == 2);
  p = parseFlowchart("graph TD\n  A -->\n");
  CHECK_FALSE(p.ok);
}

TEST_CASE("label text: breaks, entities, tags and escapes") {
  CHECK(mermaidLabelText("Spring resolves<br/>all properties") == "Spring resolves\nall properties");
  CHECK(mermaidLabelText("a <br> b<BR />c") == "a\nb\nc");
  CHECK(mermaidLabelText("&dollar;{VAR:-default}") == "${VAR:-default}");
  CHECK(mermaidLabelText("#quot;hi#quot; &amp; #9829;") == "\"hi\" & \u2665");
  CHECK(mermaidLabelText("<b>bold</b> text") == "bold text");
  CHECK(mermaidLabelText("1\\. Discover") == "1. Discover");
  CHECK(mermaidLabelText("`markdown`") == "markdown");
  CHECK(mermaidLabelText("issue #42 & more") == "issue #42 & more");
}

TEST_CASE("the dot translation names shapes, strokes, labels and clusters") {
  FlowGraph g = parsed(
      "flowchart BT\n  subgraph S[Box]\n    A{\"say #quot;hi#quot;\"}\n  end\n  S -. x .-> B((b))\n  B ==> C[(db)]\n");
  pp::DiagramOptions o;
  o.fontFamily = "Noto Sans";
  const std::string dot = flowchartToDot(g, o);
  CHECK(dot.find("rankdir=BT") != std::string::npos);
  CHECK(dot.find("shape=diamond") != std::string::npos);
  CHECK(dot.find("label=\"say \\\"hi\\\"\"") != std::string::npos);
  CHECK(dot.find("shape=circle") != std::string::npos);
  CHECK(dot.find("shape=cylinder") != std::string::npos);
  CHECK(dot.find("subgraph cluster_0") != std::string::npos);
  CHECK(dot.find("label=\"Box\"") != std::string::npos);
  CHECK(dot.find("compound=true") != std::string::npos);
  CHECK(dot.find("ltail=cluster_0") != std::string::npos);
  CHECK(dot.find("style=dashed") != std::string::npos);
  CHECK(dot.find("penwidth=") != std::string::npos);
  CHECK(dot.find("fontname=\"Noto Sans\"") != std::string::npos);
}

TEST_CASE("long labels are wrapped for Graphviz, which never wraps") {
  FlowGraph g = parsed("graph TD\n  Q0{Is the system safety-critical or change-restricted?}\n");
  const std::string dot = flowchartToDot(g, pp::DiagramOptions{});
  CHECK(dot.find("safety-critical or\\nchange-restricted?") != std::string::npos);
}
