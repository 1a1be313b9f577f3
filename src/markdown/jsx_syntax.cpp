#include "markdown/jsx_syntax.h"

#include <algorithm>

#include "postpress/support/text.h"

namespace pp::markdown {

bool JsStrings::skip(std::string_view s, std::size_t& k) {
  char c = s[k];
  if (quote_) {
    if (c == '\\') ++k;
    else if (c == quote_) quote_ = 0;
    return true;
  }
  if (c == '\'' || c == '"' || c == '`') {
    quote_ = c;
    return true;
  }
  return false;
}

std::size_t matchBrace(std::string_view s, std::size_t open, std::size_t maxSpan, std::size_t* stop) {
  int depth = 0;
  JsStrings strings;
  std::size_t k = open;
  for (; k < s.size() && k - open < maxSpan; ++k) {
    if (strings.skip(s, k)) continue;
    if (s[k] == '{') ++depth;
    else if (s[k] == '}' && --depth == 0) return k + 1;
  }
  if (stop) *stop = std::min(k, s.size());
  return std::string_view::npos;
}

std::string jsxExpressionString(std::string_view inner) {
  for (std::size_t i = 0; i < inner.size(); ++i) {
    char q = inner[i];
    if (q == '\'' || q == '"' || q == '`') {
      std::size_t end = inner.find(q, i + 1);
      if (end == std::string_view::npos) return "";
      return std::string(inner.substr(i + 1, end - i - 1));
    }
  }
  std::string_view t = trim(inner);
  if (!t.empty() && t.find_first_not_of("0123456789.") == std::string_view::npos) return std::string(t);
  return "";
}

}  // namespace pp::markdown
