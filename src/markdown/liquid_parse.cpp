#include "markdown/liquid_parse.h"

#include <cctype>

#include "markdown/code_regions.h"
#include "postpress/support/text.h"

namespace pp::markdown::liquid {

namespace {

// Blocks nested deeper are ignored (with a warning), so that rendering recursion stays bounded.
constexpr int kMaxNesting = 32;

Node makeNode(Node::Kind kind, std::size_t begin, std::size_t end, std::string name = {},
              std::string markup = {}) {
  Node n;
  n.kind = kind;
  n.begin = begin;
  n.end = end;
  n.name = std::move(name);
  n.markup = std::move(markup);
  return n;
}

bool isBlockTag(const std::string& n) {
  return n == "if" || n == "unless" || n == "case" || n == "for" || n == "capture" || n == "tablerow";
}

// ---------------------------------------------------------------------------------------------
// Lexing and parsing

class Parser {
 public:
  Parser(std::string_view text, ParseContext& ctx, const Source* src)
      : s_(text), ctx_(ctx), src_(src), fences_(text) {}

  std::vector<Node> parse() {
    std::vector<Node> root;
    stack_.push_back({&root, nullptr});
    std::size_t i = 0, textStart = 0;
    bool trimNext = false;
    while (i < s_.size()) {
      std::size_t open = s_.find('{', i);
      if (open == std::string_view::npos || open + 1 >= s_.size()) break;
      char k = s_[open + 1];
      if (k != '{' && k != '%') {
        i = open + 1;
        continue;
      }
      bool inCode = fences_.inside(open);
      std::string_view closer = k == '{' ? "}}" : "%}";
      if (noClose_[k == '{'] <= open) {
        i = open + 2;
        continue;
      }
      std::size_t close = s_.find(closer, open + 2);
      if (close == std::string_view::npos) {
        noClose_[k == '{'] = open;
        warnAt(open, "liquid-unclosed", std::string("'") + (k == '{' ? "{{" : "{%") + "' never closed: kept as text");
        i = open + 2;
        continue;
      }
      std::string_view inner = s_.substr(open + 2, close - open - 2);
      bool trimBefore = !inner.empty() && inner.front() == '-';
      bool trimAfter = !inner.empty() && inner.back() == '-';
      if (trimBefore) inner.remove_prefix(1);
      if (trimAfter && !inner.empty()) inner.remove_suffix(1);
      inner = trim(inner);
      std::size_t after = close + 2;

      std::string name;
      std::string_view args;
      if (k == '%') {
        std::size_t e = 0;
        while (e < inner.size() && !std::isspace(static_cast<unsigned char>(inner[e]))) ++e;
        name = std::string(inner.substr(0, e));
        args = trim(inner.substr(e));
      }
      if (inCode && !(k == '%' && (name == "raw" || name == "endraw"))) {
        i = after;  // Liquid shown in a code block is left as written
        continue;
      }
      // Text before the markup.
      std::size_t textEnd = open;
      if (trimBefore)
        while (textEnd > textStart && std::isspace(static_cast<unsigned char>(s_[textEnd - 1]))) --textEnd;
      std::size_t ts = textStart;
      if (trimNext)
        while (ts < textEnd && std::isspace(static_cast<unsigned char>(s_[ts]))) ++ts;
      addText(ts, textEnd);
      trimNext = trimAfter;

      if (k == '{') {
        add(makeNode(Node::Kind::Output, open, after, {}, std::string(inner)));
        i = textStart = after;
        continue;
      }
      if (name == "raw" || name == "comment" || name == "highlight") {
        std::string endName = "end" + name;
        std::size_t bodyEnd = 0, endAfter = 0;
        if (!findEnd(after, endName, bodyEnd, endAfter)) {
          if (name == "raw" && inCode) {  // a lone raw marker in code: just drop it
            i = textStart = after;
            continue;
          }
          warnAt(open, "liquid-unclosed", "{% " + name + " %} without {% " + endName + " %}");
          bodyEnd = endAfter = s_.size();
        }
        Node n = makeNode(Node::Kind::Tag, open, endAfter, name, std::string(args));
        n.bodyBegin = after;
        n.bodyEnd = bodyEnd;
        add(std::move(n));
        i = textStart = endAfter;
        continue;
      }
      tag(name, args, open, after);
      i = textStart = after;
    }
    std::size_t ts = textStart;
    if (trimNext)
      while (ts < s_.size() && std::isspace(static_cast<unsigned char>(s_[ts]))) ++ts;
    addText(ts, s_.size());
    for (std::size_t k = stack_.size(); k-- > 1;)
      warnAt(stack_[k].node->begin, "liquid-unclosed", "{% " + stack_[k].node->name + " %} never closed");
    return root;
  }

 private:
  struct Frame {
    std::vector<Node>* body;
    Node* node;
  };

  void warnAt(std::size_t offset, std::string code, std::string msg) {
    int line = src_ ? src_->bodyLineAt(offset) : 0;
    ctx_.warn(line, std::move(code), std::move(msg), src_ ? src_->columnAt(offset) : 0);
  }

  void addText(std::size_t from, std::size_t to) {
    if (to > from) add(makeNode(Node::Kind::Text, from, to));
  }
  void add(Node n) { stack_.back().body->push_back(std::move(n)); }

  // Finds `{% endName %}` (with optional whitespace control) after `from`.
  bool findEnd(std::size_t from, const std::string& endName, std::size_t& bodyEnd, std::size_t& after) {
    std::size_t p = from;
    while (true) {
      std::size_t o = s_.find("{%", p);
      if (o == std::string_view::npos) return false;
      std::size_t c = s_.find("%}", o + 2);
      if (c == std::string_view::npos) return false;
      std::string_view in = s_.substr(o + 2, c - o - 2);
      if (!in.empty() && in.front() == '-') in.remove_prefix(1);
      if (!in.empty() && in.back() == '-') in.remove_suffix(1);
      if (trim(in) == endName) {
        bodyEnd = o;
        after = c + 2;
        return true;
      }
      p = o + 2;
    }
  }

  void tag(const std::string& name, std::string_view args, std::size_t open, std::size_t after) {
    Node* top = stack_.back().node;
    if (isBlockTag(name)) {
      if (stack_.size() > static_cast<std::size_t>(kMaxNesting)) {
        warnAt(open, "liquid-nesting", "Liquid blocks nested too deep: {% " + name + " %} ignored");
        return;
      }
      Node n = makeNode(Node::Kind::Tag, open, after, name, std::string(args));
      n.bodies.emplace_back();
      n.conds.push_back(std::string(args));
      add(std::move(n));
      Node* added = &stack_.back().body->back();
      stack_.push_back({&added->bodies.back(), added});
      return;
    }
    if ((name == "elsif" || name == "else" || name == "when") && top &&
        (top->name == "if" || top->name == "unless" || top->name == "case" || top->name == "for")) {
      top->bodies.emplace_back();
      top->conds.push_back(name == "else" ? std::string(kElseBranch) : std::string(args));
      stack_.back().body = &top->bodies.back();
      return;
    }
    if (startsWith(name, "end") && name.size() > 3) {
      std::string opened = name.substr(3);
      for (std::size_t k = stack_.size(); k-- > 1;) {
        if (stack_[k].node->name == opened) {
          stack_.resize(k);
          return;
        }
      }
      if (opened != "raw")
        warnAt(open, "liquid-tag-unknown", "{% " + name + " %} closes nothing: removed");
      return;
    }
    add(makeNode(Node::Kind::Tag, open, after, name, std::string(args)));
  }

  std::string_view s_;
  ParseContext& ctx_;
  const Source* src_;
  CodeFences fences_;
  std::vector<Frame> stack_;
  std::size_t noClose_[2] = {std::string_view::npos, std::string_view::npos};
};

}  // namespace

std::vector<Node> parse(std::string_view text, ParseContext& ctx, const Source* src) {
  return Parser(text, ctx, src).parse();
}

}  // namespace pp::markdown::liquid
