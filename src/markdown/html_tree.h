// Tolerant tree building over HtmlTokens: implied end tags (p, li, td, tr...), void elements,
// stray end tags kept as markers (they close containers opened by an earlier HTML block),
// depth capped so that hostile nesting cannot exhaust the stack of any later walker.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "markdown/html_tokenizer.h"

namespace pp::markdown {

struct HtmlNode {
  enum class Type { Element, Text, Comment, RawText, StrayEnd };
  Type type = Type::Element;
  std::string tag;  // Element, RawText, StrayEnd: lower-case name
  std::vector<HtmlAttr> attrs;
  std::string text;  // Text, Comment, RawText
  std::vector<HtmlNode> children;
  bool closed = false;          // Element: its end tag was seen (or it is void/self-closing)
  bool unclosedComment = false;
  int line = 0;                 // 0-based line within the HTML text
  int col = 0;

  const std::string* attr(std::string_view name) const;
  bool hasClass(std::string_view cls) const;
};

inline constexpr int kMaxHtmlDepth = 64;

// Builds the tree; *tooDeep is set when nesting beyond kMaxHtmlDepth was flattened.
HtmlNode buildHtmlTree(std::vector<HtmlToken> tokens, bool* tooDeep = nullptr);

bool isVoidElement(std::string_view tag);

}  // namespace pp::markdown
