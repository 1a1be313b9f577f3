// From a fenced block's language and text to an SVG, or to the reason there is none.
#include <string>

#include "diagrams/captions.h"
#include "diagrams/graphviz.h"
#include "diagrams/mermaid.h"
#include "diagrams/mermaid_source.h"
#include "postpress/diagrams.h"
#include "postpress/support/text.h"

namespace pp {

using namespace diagrams;

namespace {

// Alt text: what the picture is and what its nodes say, short enough to be read out.
constexpr std::size_t kAltLabels = 12;

std::string altText(const std::string& what, const std::vector<std::string>& labels) {
  std::string alt = what;
  for (std::size_t k = 0; k < labels.size() && k < kAltLabels; ++k) {
    alt += k == 0 ? ": " : ", ";
    alt += replaceAll(labels[k], "\n", " ");
  }
  if (labels.size() > kAltLabels) alt += ", ...";
  return alt;
}

DiagramResult fromGraphviz(GraphvizResult g, std::string kind, std::string what) {
  DiagramResult r;
  r.status = g.status;
  r.svg = std::move(g.svg);
  r.drawing = std::move(g.drawing);
  r.title = std::move(g.title);
  r.kind = std::move(kind);
  r.message = std::move(g.message);
  r.line = g.line;
  r.alt = altText(what, g.labels);
  r.nodes = g.nodes;
  r.edges = g.edges;
  return r;
}

}  // namespace

DiagramLanguage diagramLanguage(std::string_view info) {
  std::string lang = toLowerAscii(trim(info));
  if (lang == "dot" || lang == "graphviz" || lang == "gv") return DiagramLanguage::Dot;
  if (lang == "mermaid" || lang == "mmd") return DiagramLanguage::Mermaid;
  return DiagramLanguage::None;
}

const char* diagramWarningCode(DiagramResult::Status status) {
  switch (status) {
    case DiagramResult::Status::Drawn: return "";
    case DiagramResult::Status::Unsupported: return "diagram-unsupported";
    case DiagramResult::Status::Invalid: return "diagram-invalid";
    case DiagramResult::Status::TooLarge: return "diagram-too-large";
    case DiagramResult::Status::Refused: return "diagram-refused";
  }
  return "diagram-invalid";
}

DiagramResult renderDiagram(DiagramLanguage language, std::string_view source, const DiagramOptions& options) {
  DiagramResult r;
  if (source.size() > options.limits.maxSourceBytes) {
    r.status = DiagramResult::Status::TooLarge;
    r.kind = language == DiagramLanguage::Mermaid ? "mermaid" : "dot";
    r.message = "diagram source of " + std::to_string(source.size()) + " bytes, over the limit of " +
                std::to_string(options.limits.maxSourceBytes);
    return r;
  }
  if (language == DiagramLanguage::Dot) {
    DiagramResult drawn = fromGraphviz(renderDot(source, options), "dot", "Diagram");
    if (std::string caption = cellOption(source, "//|", "fig-cap"); !caption.empty()) drawn.title = std::move(caption);
    return drawn;
  }
  if (language != DiagramLanguage::Mermaid) {
    r.message = "not a diagram language";
    return r;
  }
  r.kind = mermaidKind(source);
  if (!isFlowchartKind(r.kind)) {
    r.status = DiagramResult::Status::Unsupported;
    r.message = r.kind.empty() ? "empty mermaid diagram" : "mermaid " + r.kind + " diagrams are not drawn";
    return r;
  }
  FlowParse flow = parseFlowchart(source);
  if (!flow.ok) {
    r.status = DiagramResult::Status::Invalid;
    r.message = flow.message;
    r.line = flow.line;
    return r;
  }
  if (static_cast<int>(flow.graph.nodes.size()) > options.limits.maxNodes ||
      static_cast<int>(flow.graph.edges.size()) > options.limits.maxEdges) {
    r.status = DiagramResult::Status::TooLarge;
    r.message = std::to_string(flow.graph.nodes.size()) + " nodes and " + std::to_string(flow.graph.edges.size()) +
                " edges, over the limits of " + std::to_string(options.limits.maxNodes) + " and " +
                std::to_string(options.limits.maxEdges);
    return r;
  }
  // The translation is ours: its size is bounded by the flowchart's, not by maxSourceBytes.
  DiagramOptions own = options;
  own.limits.maxSourceBytes = std::string::npos;
  GraphvizResult laid = renderDot(flowchartToDot(flow.graph, options), own);
  laid.line = 0;  // a line of our dot would mean nothing to the author
  // The labels in the order the author wrote the nodes (dot lists a subgraph's nodes last).
  laid.labels.clear();
  for (const FlowNode& n : flow.graph.nodes) laid.labels.push_back(n.label);
  DiagramResult drawn = fromGraphviz(std::move(laid), r.kind, "Flowchart");
  // The caption: Quarto's fig-cap, else the accessible title, else the front matter's title.
  // The accessible description, the author's own words, is the alt text.
  const MermaidLines lines = mermaidLines(source);
  for (const std::string& caption : {cellOption(source, "%%|", "fig-cap"), lines.accTitle, flow.graph.title})
    if (!caption.empty()) {
      drawn.title = caption;
      break;
    }
  if (!lines.accDescr.empty()) drawn.alt = lines.accDescr;
  return drawn;
}

}  // namespace pp
