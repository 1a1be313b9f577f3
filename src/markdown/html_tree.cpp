#include "markdown/html_tree.h"

#include <algorithm>
#include <array>

#include "postpress/support/text.h"

namespace pp::markdown {

const std::string* HtmlNode::attr(std::string_view n) const {
  for (const auto& a : attrs)
    if (a.name == n) return &a.value;
  return nullptr;
}

bool HtmlNode::hasClass(std::string_view cls) const {
  const std::string* c = attr("class");
  if (!c) c = attr("classname");
  if (!c) return false;
  for (const auto& w : split(*c, ' '))
    if (iequals(w, cls)) return true;
  return false;
}

bool isVoidElement(std::string_view tag) {
  static constexpr std::array<std::string_view, 16> kVoid = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "frame"};
  return std::find(kVoid.begin(), kVoid.end(), tag) != kVoid.end();
}

namespace {

bool closesParagraph(std::string_view tag) {
  static constexpr std::array<std::string_view, 30> kBlock = {
      "address", "article", "aside", "blockquote", "center", "details", "div", "dl",
      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
      "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "summary"};
  return std::find(kBlock.begin(), kBlock.end(), tag) != kBlock.end();
}

class TreeBuilder {
 public:
  explicit TreeBuilder(bool* tooDeep) : tooDeep_(tooDeep) {
    root_.closed = true;
    stack_.push_back(&root_);
  }

  void add(HtmlToken&& t) {
    switch (t.type) {
      case HtmlToken::Type::Text: {
        HtmlNode n;
        n.type = HtmlNode::Type::Text;
        n.text = std::move(t.text);
        n.line = t.line;
        n.col = t.col;
        top().children.push_back(std::move(n));
        break;
      }
      case HtmlToken::Type::Comment:
      case HtmlToken::Type::RawText: {
        HtmlNode n;
        n.type = t.type == HtmlToken::Type::Comment ? HtmlNode::Type::Comment
                                                     : HtmlNode::Type::RawText;
        n.tag = std::move(t.name);
        n.text = std::move(t.text);
        n.unclosedComment = t.unclosedComment;
        n.line = t.line;
        n.col = t.col;
        top().children.push_back(std::move(n));
        break;
      }
      case HtmlToken::Type::StartTag: start(std::move(t)); break;
      case HtmlToken::Type::EndTag: end(t); break;
    }
  }

  HtmlNode finish() { return std::move(root_); }

 private:
  HtmlNode& top() { return *stack_.back(); }

  // Closes the innermost open `tag` if it is open below any of `barriers`.
  void closeIfOpen(std::string_view tag, std::initializer_list<std::string_view> barriers) {
    for (std::size_t k = stack_.size(); k-- > 1;) {
      const std::string& name = stack_[k]->tag;
      if (name == tag) {
        stack_.resize(k);
        return;
      }
      for (auto b : barriers)
        if (name == b) return;
    }
  }

  void start(HtmlToken&& t) {
    const std::string& tag = t.name;
    if (closesParagraph(tag)) closeIfOpen("p", {"div", "td", "th", "li", "blockquote", "details", "figure", "section", "article"});
    if (tag == "li") closeIfOpen("li", {"ul", "ol"});
    if (tag == "dt" || tag == "dd") {
      closeIfOpen("dt", {"dl"});
      closeIfOpen("dd", {"dl"});
    }
    if (tag == "tr") {
      closeIfOpen("td", {"table"});
      closeIfOpen("th", {"table"});
      closeIfOpen("tr", {"table"});
    }
    if (tag == "td" || tag == "th") {
      closeIfOpen("td", {"tr", "table"});
      closeIfOpen("th", {"tr", "table"});
    }
    if (tag == "thead" || tag == "tbody" || tag == "tfoot") {
      closeIfOpen("thead", {"table"});
      closeIfOpen("tbody", {"table"});
      closeIfOpen("tfoot", {"table"});
    }
    if (tag == "option") closeIfOpen("option", {"select"});

    HtmlNode n;
    n.tag = tag;
    n.attrs = std::move(t.attrs);
    n.line = t.line;
    n.col = t.col;
    bool isVoid = t.selfClosing || isVoidElement(tag);
    n.closed = isVoid;
    top().children.push_back(std::move(n));
    if (isVoid) return;
    if (static_cast<int>(stack_.size()) > kMaxHtmlDepth) {
      // Too deep: the element stays, empty; what would have been its content joins the parent.
      if (tooDeep_) *tooDeep_ = true;
      top().children.back().closed = true;
      return;
    }
    stack_.push_back(&top().children.back());
  }

  void end(const HtmlToken& t) {
    if (t.name == "br") {  // </br> is a line break in every browser
      HtmlToken b;
      b.type = HtmlToken::Type::StartTag;
      b.name = "br";
      b.line = t.line;
      start(std::move(b));
      return;
    }
    for (std::size_t k = stack_.size(); k-- > 1;) {
      if (stack_[k]->tag == t.name) {
        stack_[k]->closed = true;
        stack_.resize(k);
        return;
      }
    }
    if (t.name == "p") {  // </p> alone makes an empty paragraph: nothing to show
      return;
    }
    HtmlNode n;
    n.type = HtmlNode::Type::StrayEnd;
    n.tag = t.name;
    n.line = t.line;
    n.col = t.col;
    top().children.push_back(std::move(n));
  }

  HtmlNode root_;
  std::vector<HtmlNode*> stack_;
  bool* tooDeep_;
};

}  // namespace

HtmlNode buildHtmlTree(std::vector<HtmlToken> tokens, bool* tooDeep) {
  TreeBuilder b(tooDeep);
  for (auto& t : tokens) b.add(std::move(t));
  return b.finish();
}

}  // namespace pp::markdown
