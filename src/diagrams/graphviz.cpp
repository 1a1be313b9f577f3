// Graphviz through libgvc (diagrams/graphviz_api.h). The library keeps its state in globals
// (the error handler, the parser, the layout engines' scratch data), so every use is
// serialised by one lock.
#include "diagrams/graphviz.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

#include "diagrams/graphviz_api.h"
#include "diagrams/xdot_drawing.h"
#include "postpress/support/text.h"

namespace pp::diagrams {

namespace {

// Iteration caps handed to the layout engines, whatever the source asks for: dot's network
// simplex runs at most nslimit x nodes iterations (unbounded by default), its crossing
// minimisation mclimit x 24 passes; neato's stress majorisation maxiter iterations. With the
// node and edge limits they bound a diagram's time (bench/results.md, "Diagrams").
constexpr const char* kNetworkSimplexLimit = "20";
constexpr const char* kCrossingLimit = "1";
constexpr const char* kNeatoIterations = "600";

// Attributes that make Graphviz open files named in the source.
constexpr std::string_view kFileAttributes[] = {"image", "shapefile", "imagepath", "fontpath", "stylesheet"};
constexpr std::string_view kEngines[] = {"dot", "neato", "fdp", "circo", "twopi"};

std::mutex& graphvizLock() {
  static std::mutex lock;  // Graphviz's own globals are process-wide: so is the lock on them
  return lock;
}

// Where cgraph's error handler writes. cgraph's handler takes no context pointer, so this one
// is file-wide, like the handler itself; it is set and read only while the lock is held.
std::string* currentErrors = nullptr;

int collectError(char* message) {
  if (currentErrors && message && currentErrors->size() < 2000) *currentErrors += message;
  return 0;
}

struct ContextDeleter {
  const GraphvizApi* gv;
  void operator()(GVC_t* gvc) const { gv->freeContext(gvc); }
};
using Context = std::unique_ptr<GVC_t, ContextDeleter>;

// One Graphviz context for the process, made on first use while the lock is held. The pango
// plugin keeps a pointer to the last font name it measured, a string owned by the context's
// font table: a context freed after each diagram left that pointer dangling for the next
// diagram (Graphviz 2.42: a read after free under AddressSanitizer). It is never freed, like
// the libraries it comes from, which stay loaded.
GVC_t* sharedContext(const GraphvizApi& gv) {
  static GVC_t* const context = gv.contextPlugins(gv.builtins, 0);
  return context;
}

struct GraphDeleter {
  const GraphvizApi* gv;
  void operator()(Agraph_t* g) const { gv->close(g); }
};
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

// gvFreeLayout before the graph closes (the layout's data hangs on the graph).
class LayoutGuard {
 public:
  LayoutGuard(const GraphvizApi& gv, GVC_t* gvc, Agraph_t* g) : gv_(gv), gvc_(gvc), g_(g) {}
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;
  ~LayoutGuard() { gv_.freeLayout(gvc_, g_); }

 private:
  const GraphvizApi& gv_;
  GVC_t* gvc_;
  Agraph_t* g_;
};

GraphvizResult failed(DiagramResult::Status status, std::string message, int line = 0) {
  GraphvizResult r;
  r.status = status;
  r.message = std::move(message);
  r.line = line;
  return r;
}

// "syntax error in line 3 near 'x'": the line, or 0.
int lineOfError(const std::string& message) {
  const std::size_t at = message.find("line ");
  if (at == std::string::npos) return 0;
  return std::atoi(message.c_str() + at + 5);
}

// cgraph's message without its "Error: " prefix (the diagnostic says it is a warning).
std::string firstLine(std::string message) {
  message = std::string(trim(message));
  if (startsWith(message, "Error: ")) message.erase(0, 7);
  if (std::size_t nl = message.find('\n'); nl != std::string::npos) message.resize(nl);
  return message;
}

int clusterCount(const GraphvizApi& gv, Agraph_t* g) {
  int n = 0;
  for (Agraph_t* s = gv.fstsubg(g); s; s = gv.nxtsubg(s)) n += (startsWith(gv.nameof(s), "cluster") ? 1 : 0) + clusterCount(gv, s);
  return n;
}

bool namesFiles(const GraphvizApi& gv, Agraph_t* g, std::string* which) {
  for (int kind : {AGRAPH, AGNODE, AGEDGE})
    for (Agsym_t* sym = gv.nxtattr(g, kind, nullptr); sym; sym = gv.nxtattr(g, kind, sym))
      for (std::string_view bad : kFileAttributes)
        if (iequals(sym->name, bad)) {
          *which = sym->name;
          return true;
        }
  return false;
}

// Gives the graph, its nodes and its edges `value` for `name` unless the source declared it.
void defaultAttribute(const GraphvizApi& gv, Agraph_t* g, int kind, const char* name, const std::string& value) {
  if (!gv.attr(g, kind, const_cast<char*>(name), nullptr))
    gv.attr(g, kind, const_cast<char*>(name), const_cast<char*>(value.c_str()));
}

void setGraphAttribute(const GraphvizApi& gv, Agraph_t* g, const char* name, const char* value) {
  gv.safeset(g, const_cast<char*>(name), const_cast<char*>(value), const_cast<char*>(""));
}

const char* attribute(const GraphvizApi& gv, void* object, const char* name) { return gv.get(object, const_cast<char*>(name)); }

std::vector<std::string> nodeLabels(const GraphvizApi& gv, Agraph_t* g) {
  std::vector<std::string> out;
  for (Agnode_t* n = gv.fstnode(g); n; n = gv.nxtnode(g, n)) {
    char* label = gv.get(n, const_cast<char*>("label"));
    std::string text = label && *label && !gv.htmlstr(label) && std::string_view(label) != "\\N" ? label : gv.nameof(n);
    text = replaceAll(replaceAll(replaceAll(text, "\\n", " "), "\\l", " "), "\\r", " ");
    if (!text.empty()) out.push_back(std::string(trim(text)));
  }
  return out;
}

// cairo numbers its surfaces across the whole process ("surface7"): renumbered from 1 in order
// of appearance, the same diagram gives the same bytes whatever was drawn before it.
std::string canonicalSurfaceIds(const std::string& svg) {
  static constexpr std::string_view kPrefix = "surface";
  std::vector<std::string> seen;
  std::string out;
  out.reserve(svg.size());
  std::size_t i = 0;
  for (std::size_t at; (at = svg.find(kPrefix, i)) != std::string::npos;) {
    std::size_t end = at + kPrefix.size();
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
    out.append(svg, i, end - i);
    if (end > at + kPrefix.size()) {
      const std::string number = svg.substr(at + kPrefix.size(), end - at - kPrefix.size());
      auto it = std::find(seen.begin(), seen.end(), number);
      if (it == seen.end()) it = seen.insert(seen.end(), number);
      out.resize(out.size() - number.size());
      out += std::to_string(it - seen.begin() + 1);
    }
    i = end;
  }
  out.append(svg, i, std::string::npos);
  return out;
}

std::string_view trimRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The root graph's label when it is plain text (an HTML label is a table, not a caption),
// removed from the graph so that the picture does not print it too.
std::string takeTitle(const GraphvizApi& gv, Agraph_t* g) {
  char* label = gv.get(g, const_cast<char*>("label"));
  if (!label || !*label || gv.htmlstr(label)) return {};
  std::string text = replaceAll(replaceAll(replaceAll(label, "\\n", " "), "\\l", " "), "\\r", " ");
  text = collapseSpaces(text);
  if (text.empty() || !isValidUtf8(text)) return {};
  setGraphAttribute(gv, g, "label", "");
  return text;
}

bool containsImageTag(std::string_view dot) {
  const std::string lower = toLowerAscii(dot);
  return lower.find("<img") != std::string::npos;
}

}  // namespace

GraphvizResult renderDot(std::string_view dot, const DiagramOptions& options) {
  const DiagramLimits& limits = options.limits;
  if (dot.size() > limits.maxSourceBytes)
    return failed(DiagramResult::Status::TooLarge, "diagram source of " + std::to_string(dot.size()) + " bytes, over the limit of " +
                                                       std::to_string(limits.maxSourceBytes));
  if (containsImageTag(dot)) return failed(DiagramResult::Status::Refused, "an HTML label with <IMG> would read a file");
  std::string missing;
  const GraphvizApi* api = graphvizApi(&missing);
  if (!api) return failed(DiagramResult::Status::Invalid, "Graphviz is not available (" + missing + ")");
  const GraphvizApi& gv = *api;
  // cgraph reads a NUL-terminated string. Its lexer stops at the graph's closing brace and
  // counts what followed it (a final line end) into the next source's line numbers.
  const std::string source(trimRight(dot));

  std::lock_guard<std::mutex> lock(graphvizLock());
  std::string errors;
  currentErrors = &errors;
  struct ResetErrors {
    const GraphvizApi& gv;
    ~ResetErrors() {
      gv.seterrf(nullptr);
      currentErrors = nullptr;
    }
  } resetErrors{gv};
  gv.seterrf(collectError);
  gv.seterr(AGERR);  // warnings (an unknown attribute value...) are not worth a diagnostic
  gv.reseterrors();

  GVC_t* const context = sharedContext(gv);
  if (!context) return failed(DiagramResult::Status::Invalid, "Graphviz could not start");
  gv.readline(1);  // the lexer's line count runs on from the previous source otherwise
  Graph g(gv.memread(source.c_str()), GraphDeleter{&gv});
  if (!g || gv.errors()) return failed(DiagramResult::Status::Invalid, errors.empty() ? "Graphviz cannot read the source" : firstLine(errors), lineOfError(errors));

  const int nodes = gv.nnodes(g.get()), edges = gv.nedges(g.get()), clusters = clusterCount(gv, g.get());
  if (nodes > limits.maxNodes || edges > limits.maxEdges || clusters > limits.maxClusters)
    return failed(DiagramResult::Status::TooLarge, std::to_string(nodes) + " nodes, " + std::to_string(edges) + " edges and " +
                                                       std::to_string(clusters) + " clusters, over the limits of " +
                                                       std::to_string(limits.maxNodes) + ", " + std::to_string(limits.maxEdges) +
                                                       " and " + std::to_string(limits.maxClusters));
  std::string fileAttribute;
  if (namesFiles(gv, g.get(), &fileAttribute))
    return failed(DiagramResult::Status::Refused, "the attribute '" + fileAttribute + "' would read a file");

  std::string engine = "dot";
  if (const char* asked = attribute(gv, g.get(), "layout"); asked && *asked) {
    engine = toLowerAscii(asked);
    if (std::find(std::begin(kEngines), std::end(kEngines), engine) == std::end(kEngines))
      return failed(DiagramResult::Status::Invalid, "layout engine '" + std::string(asked) + "' is not available");
  }
  std::string title = takeTitle(gv, g.get());
  const std::string size = std::to_string(options.fontSize);
  for (int kind : {AGRAPH, AGNODE, AGEDGE}) {
    defaultAttribute(gv, g.get(), kind, "fontname", options.fontFamily);
    defaultAttribute(gv, g.get(), kind, "fontsize", size);
  }
  setGraphAttribute(gv, g.get(), "nslimit", kNetworkSimplexLimit);
  setGraphAttribute(gv, g.get(), "nslimit1", kNetworkSimplexLimit);
  setGraphAttribute(gv, g.get(), "mclimit", kCrossingLimit);
  setGraphAttribute(gv, g.get(), "maxiter", kNeatoIterations);
  for (const char* density : {"dpi", "resolution"})
    if (attribute(gv, g.get(), density)) setGraphAttribute(gv, g.get(), density, "72");

  if (gv.layout(context, g.get(), engine.c_str()) != 0)
    return failed(DiagramResult::Status::Invalid, errors.empty() ? "Graphviz cannot lay the graph out" : firstLine(errors));
  LayoutGuard layout(gv, context, g.get());
  char* data = nullptr;
  unsigned int length = 0;
  if (gv.renderData(context, g.get(), "svg:cairo", &data, &length) != 0 || !data)
    return failed(DiagramResult::Status::Invalid, errors.empty() ? "Graphviz cannot render the graph" : firstLine(errors));
  const std::string svg(data, length);
  gv.freeRenderData(data);
  GraphvizResult r;
  r.status = DiagramResult::Status::Drawn;
  r.svg = canonicalSurfaceIds(svg);
  r.drawing = xdotDrawing(gv, context, g.get(), options.grayscale);
  r.title = std::move(title);
  r.labels = nodeLabels(gv, g.get());
  r.nodes = nodes;
  r.edges = edges;
  return r;
}

}  // namespace pp::diagrams
