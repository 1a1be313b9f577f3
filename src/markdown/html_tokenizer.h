// A small tolerant HTML tokenizer for the raw HTML found in Markdown posts. It never fails:
// anything that is not a well-formed tag is text. Linear time on any input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pp::markdown {

struct HtmlAttr {
  std::string name;   // lower-case
  std::string value;  // entities decoded; JSX `{'x'}` values reduced to their string
};

struct HtmlToken {
  enum class Type { Text, StartTag, EndTag, Comment, RawText };
  Type type = Type::Text;
  std::string name;  // lower-case tag name (StartTag, EndTag, RawText: the element)
  std::vector<HtmlAttr> attrs;
  std::string text;  // Text: decoded; Comment: inside of <!-- -->; RawText: script/style body
  bool selfClosing = false;
  bool unclosedComment = false;  // a <!-- without --> swallowed the rest of the input
  int line = 0;      // 0-based line of the token start within the tokenized text
  int col = 0;       // 1-based

  const std::string* attr(std::string_view name) const;
};

std::vector<HtmlToken> tokenizeHtml(std::string_view html);

// Decodes HTML character references (named, decimal, hex), as a browser does.
std::string decodeEntities(std::string_view s);

}  // namespace pp::markdown
