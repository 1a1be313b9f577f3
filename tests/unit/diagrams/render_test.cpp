// Graphviz behind renderDiagram: SVG with text as outlines, and every way a source is not drawn.
#include <doctest/doctest.h>

#include <string>

#include "postpress/diagrams.h"

using pp::DiagramLanguage;
using pp::DiagramOptions;
using pp::DiagramResult;
using pp::renderDiagram;
using Status = DiagramResult::Status;

namespace {

DiagramResult dot(const std::string& source, const DiagramOptions& o = {}) { return renderDiagram(DiagramLanguage::Dot, source, o); }
DiagramResult mermaid(const std::string& source) { return renderDiagram(DiagramLanguage::Mermaid, source, {}); }

std::string chain(int nodes) {
  std::string s = "digraph { ";
  for (int k = 1; k < nodes; ++k) s += "n" + std::to_string(k - 1) + " -> n" + std::to_string(k) + "; ";
  return s + "}";
}

}  // namespace

TEST_CASE("diagram languages by info string") {
  CHECK(pp::diagramLanguage("dot") == DiagramLanguage::Dot);
  CHECK(pp::diagramLanguage("Graphviz") == DiagramLanguage::Dot);
  CHECK(pp::diagramLanguage("mermaid") == DiagramLanguage::Mermaid);
  CHECK(pp::diagramLanguage("python") == DiagramLanguage::None);
  CHECK(pp::diagramLanguage("") == DiagramLanguage::None);
}

TEST_CASE("a dot graph becomes SVG whose text is outlines") {
  DiagramResult r = dot("digraph G { a [label=\"Start here\"]; a -> b -> c; a -> c [label=\"yes\"]; }");
  INFO(r.message);
  REQUIRE(r.status == Status::Drawn);
  CHECK(r.svg.find("<svg") != std::string::npos);
  CHECK(r.svg.find("<path") != std::string::npos);
  CHECK(r.svg.find("<text") == std::string::npos);  // no font needed to show it
  CHECK(r.alt == "Diagram: Start here, b, c");
  CHECK(dot("digraph G { a [label=\"Start here\"]; a -> b -> c; a -> c [label=\"yes\"]; }").svg == r.svg);
}

TEST_CASE("a mermaid flowchart is drawn the same way") {
  DiagramResult r = mermaid("flowchart LR\n  A[MySQL client]-->B[Collector];\n  B-->C{\"Jaeger (trace)\"}\n");
  INFO(r.message);
  REQUIRE(r.status == Status::Drawn);
  CHECK(r.kind == "flowchart");
  CHECK(r.alt == "Flowchart: MySQL client, Collector, Jaeger (trace)");
  CHECK(r.svg.find("<path") != std::string::npos);
}

TEST_CASE("other mermaid kinds are not drawn") {
  DiagramResult r = mermaid("sequenceDiagram\n  Alice->>Bob: hi\n");
  CHECK(r.status == Status::Unsupported);
  CHECK(r.kind == "sequenceDiagram");
  CHECK(r.svg.empty());
  CHECK(std::string(pp::diagramWarningCode(r.status)) == "diagram-unsupported");
  CHECK(mermaid("pie title Pets\n \"Dogs\" : 386\n").kind == "pie");
}

TEST_CASE("a flowchart mistake is reported at its line") {
  DiagramResult r = mermaid("flowchart TD\n  A --> B\n  B --> {broken\n");
  CHECK(r.status == Status::Invalid);
  CHECK(r.line == 3);
}

TEST_CASE("dot that Graphviz rejects, then dot it accepts") {
  DiagramResult bad = dot("digraph {\n  a -> b\n  c -> -> d\n}\n");
  CHECK(bad.status == Status::Invalid);
  CHECK(bad.line == 3);
  CHECK(bad.message.find("syntax error") != std::string::npos);
  CHECK(std::string(pp::diagramWarningCode(bad.status)) == "diagram-invalid");
  CHECK(dot("graph { x -- y }").status == Status::Drawn);
  CHECK(dot("digraph { layout=\"sfdp-not-here\"; a -> b }").status == Status::Invalid);
  CHECK(dot("digraph { layout=neato; a -> b -> c -> a }").status == Status::Drawn);
}

TEST_CASE("budgets: source size, nodes, edges, clusters") {
  DiagramOptions o;
  o.limits.maxNodes = 50;
  CHECK(dot(chain(50), o).status == Status::Drawn);
  DiagramResult big = dot(chain(51), o);
  CHECK(big.status == Status::TooLarge);
  CHECK(std::string(pp::diagramWarningCode(big.status)) == "diagram-too-large");
  o = {};
  o.limits.maxEdges = 3;
  CHECK(dot("digraph { a -> b; a -> b; a -> b; a -> b }", o).status == Status::TooLarge);
  o = {};
  o.limits.maxClusters = 1;
  CHECK(dot("digraph { subgraph cluster_a { a } subgraph cluster_b { b } }", o).status == Status::TooLarge);
  o = {};
  o.limits.maxSourceBytes = 100;
  CHECK(dot(chain(40), o).status == Status::TooLarge);
  CHECK(renderDiagram(DiagramLanguage::Mermaid, "graph TD\n" + std::string(200, ' ') + "A", o).status == Status::TooLarge);
  o = {};
  o.limits.maxNodes = 5;
  CHECK(renderDiagram(DiagramLanguage::Mermaid, "graph TD\nA-->B-->C-->D-->E-->F", o).status == Status::TooLarge);
}

TEST_CASE("sources that would read files are refused") {
  CHECK(dot("digraph { a [image=\"/etc/hostname\"] }").status == Status::Refused);
  CHECK(dot("digraph { a [shape=epsf, shapefile=\"/etc/passwd\"] }").status == Status::Refused);
  CHECK(dot("digraph { stylesheet=\"/etc/x.css\"; a }").status == Status::Refused);
  DiagramResult html = dot("digraph { a [label=<<TABLE><TR><TD><IMG SRC=\"/etc/x.png\"/></TD></TR></TABLE>>] }");
  CHECK(html.status == Status::Refused);
  CHECK(std::string(pp::diagramWarningCode(html.status)) == "diagram-refused");
}

TEST_CASE("the source's own fonts and sizes are kept, ours fill in") {
  DiagramResult own = dot("digraph { node [fontsize=30]; a }");
  DiagramResult ours = dot("digraph { a }");
  REQUIRE(own.status == Status::Drawn);
  REQUIRE(ours.status == Status::Drawn);
  CHECK(own.svg.size() != ours.svg.size());
}
