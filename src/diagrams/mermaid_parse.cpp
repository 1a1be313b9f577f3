// Reading a mermaid flowchart: the header (`flowchart LR`), node definitions with their shape,
// edge chains (`A & B -->|label| C --- D`), subgraphs and directions. Styling statements are
// skipped; anything else is an error at its line, and the block is printed as source.
#include <cctype>
#include <map>
#include <string>
#include <string_view>

#include "diagrams/mermaid.h"
#include "diagrams/mermaid_source.h"
#include "postpress/support/text.h"

namespace pp::diagrams {

namespace {

// Statements on one line are separated by `;` outside quotes and brackets.
std::vector<std::string_view> statementsOf(std::string_view line) {
  std::vector<std::string_view> out;
  int depth = 0;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '[' || c == '(' || c == '{') ++depth;
    else if ((c == ']' || c == ')' || c == '}') && depth > 0) --depth;
    else if (c == ';' && depth == 0) {
      out.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(trim(line.substr(start)));
  return out;
}

std::string_view firstWord(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && !std::isspace(static_cast<unsigned char>(s[n]))) ++n;
  return s.substr(0, n);
}

bool directionOf(std::string_view word, std::string* dir) {
  if (word == "TD" || word == "TB" || word == "v") *dir = "TB";
  else if (word == "BT" || word == "^") *dir = "BT";
  else if (word == "LR" || word == ">") *dir = "LR";
  else if (word == "RL" || word == "<") *dir = "RL";
  else return false;
  return true;
}

// The shapes, longest opening first so that `((` is not read as `(`.
struct ShapeSyntax {
  std::string_view open, close;
  NodeShape shape;
};
constexpr ShapeSyntax kShapes[] = {
    {"(((", ")))", NodeShape::DoubleCircle}, {"((", "))", NodeShape::Circle},
    {"([", "])", NodeShape::Stadium},        {"[[", "]]", NodeShape::Subroutine},
    {"[(", ")]", NodeShape::Cylinder},       {"{{", "}}", NodeShape::Hexagon},
    {"[/", "/]", NodeShape::Parallelogram},  {"[/", "\\]", NodeShape::Trapezoid},
    {"[\\", "\\]", NodeShape::Parallelogram}, {"[\\", "/]", NodeShape::InvTrapezoid},
    {"[", "]", NodeShape::Rect},             {"(", ")", NodeShape::Round},
    {"{", "}", NodeShape::Rhombus},          {">", "]", NodeShape::Asymmetric},
};

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  void skipSpace() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool atEnd() const { return i_ >= s_.size(); }
  bool startsWith(std::string_view p) const { return s_.substr(i_).substr(0, p.size()) == p; }
  char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  void advance(std::size_t n) { i_ = std::min(s_.size(), i_ + n); }
  std::string_view rest() const { return s_.substr(i_); }
  std::size_t pos() const { return i_; }
  std::string_view slice(std::size_t from, std::size_t to) const { return s_.substr(from, to - from); }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

bool edgeStartsAt(const Cursor& c) {
  return c.startsWith("--") || c.startsWith("-.") || c.startsWith("==") || c.startsWith("~~");
}

// A node reference: its id, and the shape and text when the reference defines them.
struct NodeRef {
  std::string id;
  bool defined = false;
  NodeShape shape = NodeShape::Rect;
  std::string label;
};

bool readNode(Cursor& c, NodeRef* node, std::string* error) {
  c.skipSpace();
  const std::size_t start = c.pos();
  while (!c.atEnd()) {
    const char ch = c.peek();
    if (std::isspace(static_cast<unsigned char>(ch)) || std::string_view("[](){}<>|&;\"").find(ch) != std::string_view::npos) break;
    if (c.startsWith(":::") || edgeStartsAt(c)) break;
    c.advance(1);
  }
  node->id = std::string(c.slice(start, c.pos()));
  if (node->id.empty()) {
    *error = c.atEnd() ? "a node is missing at the end of the statement" : "expected a node id before '" + std::string(1, c.peek()) + "'";
    return false;
  }
  for (const ShapeSyntax& s : kShapes) {
    if (!c.startsWith(s.open)) continue;
    Cursor probe = c;
    probe.advance(s.open.size());
    std::string_view text;
    if (probe.peek() == '"') {  // a quoted label may hold any bracket
      const std::size_t from = probe.pos() + 1;
      std::string_view rest = probe.rest().substr(1);
      const std::size_t q = rest.find('"');
      if (q == std::string_view::npos) {
        *error = "unterminated quoted label of node '" + node->id + "'";
        return false;
      }
      probe.advance(q + 2);
      text = probe.slice(from, from + q);
      probe.skipSpace();
      if (!probe.startsWith(s.close)) continue;
    } else {
      const std::size_t close = probe.rest().find(s.close);
      if (close == std::string_view::npos) continue;
      text = probe.rest().substr(0, close);
      probe.advance(close);
    }
    probe.advance(s.close.size());
    c = probe;
    node->defined = true;
    node->shape = s.shape;
    node->label = mermaidLabelText(text);
    break;
  }
  if (!node->defined && std::string_view("[({>").find(c.peek()) != std::string_view::npos && c.peek() != '\0') {
    *error = "unclosed shape of node '" + node->id + "'";
    return false;
  }
  if (c.startsWith(":::")) {  // a class name: styling, skipped
    c.advance(3);
    while (!c.atEnd() && !std::isspace(static_cast<unsigned char>(c.peek())) && c.peek() != '&' && !edgeStartsAt(c)) c.advance(1);
  }
  return true;
}

EdgeEnd endOf(char c) {
  return c == '>' || c == '<' ? EdgeEnd::Arrow : c == 'o' ? EdgeEnd::Circle : c == 'x' ? EdgeEnd::Cross : EdgeEnd::None;
}

// The stroke and the dashes of an edge operator at the cursor ("--", "-.-", "===", "~~~"),
// without its ends.
bool readStroke(Cursor& c, EdgeStroke* stroke, int* marks) {
  *marks = 0;
  if (c.peek() == '~') {
    while (c.peek() == '~') c.advance(1), ++*marks;
    *stroke = EdgeStroke::Invisible;
    return *marks >= 3;
  }
  if (c.peek() == '=') {
    while (c.peek() == '=') c.advance(1), ++*marks;
    *stroke = EdgeStroke::Thick;
    return *marks >= 2;
  }
  if (c.peek() != '-') return false;
  int dashes = 0;
  while (c.peek() == '-') c.advance(1), ++dashes;
  if (c.peek() == '.') {
    while (c.peek() == '.') c.advance(1), ++*marks;
    while (c.peek() == '-') c.advance(1);
    *stroke = EdgeStroke::Dotted;
    return true;
  }
  *marks = dashes;
  *stroke = EdgeStroke::Solid;
  return dashes >= 2;
}

bool readEdge(Cursor& c, FlowEdge* edge, std::string* error) {
  c.skipSpace();
  if (std::string_view("<ox").find(c.peek()) != std::string_view::npos && c.peek() != '\0' &&
      std::string_view("-=.").find(c.peek(1)) != std::string_view::npos && c.peek(1) != '\0') {
    edge->tail = endOf(c.peek());
    c.advance(1);
  }
  int marks = 0;
  if (!readStroke(c, &edge->stroke, &marks)) {
    *error = c.atEnd() ? "the statement ends inside an edge" : "expected an edge (-->, ---, -.->, ==>) at '" + std::string(c.rest().substr(0, 12)) + "'";
    return false;
  }
  // `A -- text --> B`, `A -. text .-> B`, `A == text ==> B`: an opener, the text, the edge.
  const bool opener = edge->tail == EdgeEnd::None && std::isspace(static_cast<unsigned char>(c.peek())) &&
                      ((edge->stroke == EdgeStroke::Solid && marks == 2) || (edge->stroke == EdgeStroke::Dotted && c.slice(c.pos() - 2, c.pos()) == "-.") ||
                       (edge->stroke == EdgeStroke::Thick && marks == 2));
  if (opener) {
    const std::string_view closer = edge->stroke == EdgeStroke::Solid ? "--" : edge->stroke == EdgeStroke::Dotted ? ".-" : "==";
    const std::size_t at = c.rest().find(closer);
    if (at == std::string_view::npos) {
      *error = "edge text is not closed by an edge";
      return false;
    }
    edge->label = mermaidLabelText(c.rest().substr(0, at));
    c.advance(at);
    if (edge->stroke == EdgeStroke::Dotted) c.advance(1);
    EdgeStroke again;
    readStroke(c, &again, &marks);
    if (edge->stroke == EdgeStroke::Dotted) marks = std::max(1, marks);
  }
  // `>`, `o` or `x` right after the stroke ends the edge, as in mermaid, where `dev---ops`
  // is an edge to `ps` and a node named ops needs a space before it.
  const char end = c.peek();
  edge->head = end == '>' || end == 'o' || end == 'x' ? endOf(end) : EdgeEnd::None;
  if (edge->head != EdgeEnd::None) c.advance(1);
  if (edge->stroke == EdgeStroke::Solid || edge->stroke == EdgeStroke::Thick)
    edge->length = std::max(1, marks - (edge->head == EdgeEnd::None ? 2 : 1));
  else if (edge->stroke == EdgeStroke::Dotted)
    edge->length = std::max(1, marks);
  c.skipSpace();
  if (c.peek() == '|') {
    const std::size_t close = c.rest().find('|', 1);
    if (close == std::string_view::npos) {
      *error = "edge label '|' is not closed";
      return false;
    }
    edge->label = mermaidLabelText(c.rest().substr(1, close - 1));
    c.advance(close + 1);
  }
  return true;
}

class FlowchartReader {
 public:
  FlowParse read(std::string_view source) {
    MermaidLines m = mermaidLines(source);
    result_.graph.title = mermaidLabelText(m.title);
    bool header = false;
    for (const MermaidLine& line : m.lines) {
      for (std::string_view st : statementsOf(line.text)) {
        if (st.empty()) continue;
        if (!header) {
          std::string_view kind = firstWord(st);
          if (!isFlowchartKind(kind)) return fail("not a flowchart: '" + std::string(kind) + "'", line.number);
          std::string_view dir = trim(st.substr(kind.size()));
          if (!dir.empty() && !directionOf(dir, &result_.graph.direction))
            return fail("unknown flowchart direction '" + std::string(dir) + "'", line.number);
          header = true;
          continue;
        }
        std::string error;
        if (!statement(st, &error)) return fail(error, line.number);
      }
    }
    if (!header) return fail("empty diagram", 0);
    if (!open_.empty()) return fail("subgraph '" + result_.graph.clusters[open_.back()].id + "' has no 'end'", m.lines.back().number);
    resolveClusterEnds();
    result_.ok = true;
    return std::move(result_);
  }

 private:
  FlowParse fail(std::string message, int line) {
    FlowParse f;
    f.message = std::move(message);
    f.line = line;
    return f;
  }

  bool statement(std::string_view st, std::string* error) {
    const std::string_view word = firstWord(st);
    if (word == "subgraph") return openSubgraph(trim(st.substr(word.size())));
    if (word == "end" && trim(st) == "end") {
      if (open_.empty()) {
        *error = "'end' without a subgraph";
        return false;
      }
      open_.pop_back();
      return true;
    }
    if (word == "direction") {
      std::string dir;
      if (!directionOf(trim(st.substr(word.size())), &dir)) {
        *error = "unknown direction '" + std::string(trim(st.substr(word.size()))) + "'";
        return false;
      }
      // Graphviz lays a whole graph out in one direction: a subgraph's own is not kept.
      if (open_.empty()) result_.graph.direction = dir;
      return true;
    }
    for (std::string_view skipped : {"classDef", "class", "style", "linkStyle", "click", "accTitle", "accDescr"})
      if (word == skipped || startsWith(word, std::string(skipped) + ":")) return true;
    return chain(st, error);
  }

  bool openSubgraph(std::string_view rest) {
    FlowCluster cl;
    cl.parent = open_.empty() ? -1 : open_.back();
    const std::size_t bracket = rest.find('[');
    if (bracket != std::string_view::npos && rest.back() == ']') {
      cl.id = std::string(trim(rest.substr(0, bracket)));
      std::string_view title = trim(rest.substr(bracket + 1, rest.size() - bracket - 2));
      if (title.size() >= 2 && title.front() == '"' && title.back() == '"') title = title.substr(1, title.size() - 2);
      cl.title = mermaidLabelText(title);
    } else if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') {
      cl.title = mermaidLabelText(rest.substr(1, rest.size() - 2));
    } else {
      cl.id = std::string(rest);
      cl.title = mermaidLabelText(rest);
    }
    if (cl.id.empty()) cl.id = "subgraph " + std::to_string(result_.graph.clusters.size() + 1);
    clusterIds_.emplace(cl.id, static_cast<int>(result_.graph.clusters.size()));
    open_.push_back(static_cast<int>(result_.graph.clusters.size()));
    result_.graph.clusters.push_back(std::move(cl));
    return true;
  }

  int node(const NodeRef& ref) {
    auto [it, added] = nodeIds_.emplace(ref.id, static_cast<int>(result_.graph.nodes.size()));
    if (added) {
      FlowNode n;
      n.id = ref.id;
      n.label = ref.id;
      result_.graph.nodes.push_back(std::move(n));
    }
    FlowNode& n = result_.graph.nodes[it->second];
    if (ref.defined) {
      n.shape = ref.shape;
      n.label = ref.label;
    }
    if (n.cluster < 0 && !open_.empty()) n.cluster = open_.back();
    return it->second;
  }

  bool group(Cursor& c, std::vector<int>* nodes, std::string* error) {
    for (;;) {
      NodeRef ref;
      if (!readNode(c, &ref, error)) return false;
      nodes->push_back(node(ref));
      c.skipSpace();
      if (c.peek() != '&') return true;
      c.advance(1);
    }
  }

  bool chain(std::string_view st, std::string* error) {
    Cursor c(st);
    std::vector<int> left;
    if (!group(c, &left, error)) return false;
    for (;;) {
      c.skipSpace();
      if (c.atEnd()) return true;
      FlowEdge proto;
      if (!readEdge(c, &proto, error)) return false;
      std::vector<int> right;
      if (!group(c, &right, error)) return false;
      for (int from : left)
        for (int to : right) {
          FlowEdge e = proto;
          e.from = from;
          e.to = to;
          result_.graph.edges.push_back(std::move(e));
        }
      left = std::move(right);
    }
  }

  // An edge to a subgraph's id means the subgraph: it ends at the cluster's border (dot's
  // lhead/ltail), drawn to one of its nodes. The node the id made is dropped.
  void resolveClusterEnds() {
    FlowGraph& g = result_.graph;
    std::vector<int> clusterOfNode(g.nodes.size(), -1);
    for (std::size_t k = 0; k < g.nodes.size(); ++k)
      if (auto it = clusterIds_.find(g.nodes[k].id); it != clusterIds_.end()) clusterOfNode[k] = it->second;
    std::vector<FlowEdge> kept;
    for (FlowEdge e : g.edges) {
      e.fromCluster = clusterOfNode[e.from];
      e.toCluster = clusterOfNode[e.to];
      if (e.fromCluster >= 0 && (e.from = memberOf(e.fromCluster, clusterOfNode)) < 0) continue;
      if (e.toCluster >= 0 && (e.to = memberOf(e.toCluster, clusterOfNode)) < 0) continue;
      kept.push_back(e);
    }
    g.edges = std::move(kept);
    std::vector<int> newIndex(g.nodes.size(), -1);
    std::vector<FlowNode> nodes;
    for (std::size_t k = 0; k < g.nodes.size(); ++k)
      if (clusterOfNode[k] < 0) {
        newIndex[k] = static_cast<int>(nodes.size());
        nodes.push_back(std::move(g.nodes[k]));
      }
    g.nodes = std::move(nodes);
    for (FlowEdge& e : g.edges) {
      e.from = newIndex[e.from];
      e.to = newIndex[e.to];
    }
  }

  // The first node inside cluster `cl` or one of its subclusters; -1 when it holds none.
  int memberOf(int cl, const std::vector<int>& clusterOfNode) const {
    const FlowGraph& g = result_.graph;
    for (std::size_t k = 0; k < g.nodes.size(); ++k) {
      if (clusterOfNode[k] >= 0) continue;
      for (int c = g.nodes[k].cluster; c >= 0; c = g.clusters[c].parent)
        if (c == cl) return static_cast<int>(k);
    }
    return -1;
  }

  FlowParse result_;
  std::map<std::string, int> nodeIds_;
  std::map<std::string, int> clusterIds_;
  std::vector<int> open_;  // subgraphs open at this point, innermost last
};

}  // namespace

FlowParse parseFlowchart(std::string_view source) { return FlowchartReader().read(source); }

}  // namespace pp::diagrams
