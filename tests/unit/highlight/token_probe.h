// Test helpers: the token class the highlighter gave a piece of code.
#pragma once

#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "postpress/highlight.h"

namespace pp::test {

// The class name of the `occurrence`-th appearance of `token` in `code` when every byte of it
// has the same class; "mixed" when it has several, "absent" when the code lacks it.
inline std::string classOf(const HighlightedCode& h, std::string_view code, std::string_view token,
                           int occurrence = 0) {
  std::size_t at = code.find(token);
  for (int k = 0; k < occurrence && at != std::string_view::npos; ++k) at = code.find(token, at + 1);
  if (at == std::string_view::npos || token.empty()) return "absent";
  auto classAt = [&](std::size_t byte) {
    for (const CodeSpan& s : h.spans)
      if (byte >= s.begin && byte < std::size_t{s.begin} + s.length) return s.token;
    return TokenClass::Plain;
  };
  const TokenClass first = classAt(at);
  for (std::size_t b = at + 1; b < at + token.size(); ++b)
    if (classAt(b) != first) return "mixed";
  return std::string(tokenClassName(first));
}

// Every span of `h` as "class:text" lines, for a failing check's message.
inline std::string dump(const HighlightedCode& h, std::string_view code) {
  std::string out;
  for (const CodeSpan& s : h.spans)
    out += std::string(tokenClassName(s.token)) + ":" + std::string(code.substr(s.begin, s.length)) + "\n";
  return out;
}

}  // namespace pp::test

namespace pp::test {

// One highlighter for the tests of this binary, reading syntax/ from the source tree.
inline const Highlighter& highlighter() {
  static const Highlighter h(HighlightOptions{PP_SOURCE_DIR, {}, 0, {}});
  return h;
}

// Highlights `code` as `info` and checks that each token has the expected class.
struct Expect {
  const char* token;
  const char* cls;
  int occurrence = 0;
};
inline void checkClasses(const char* info, std::string_view code, std::initializer_list<Expect> expects) {
  const HighlightedCode h = highlighter().highlight(info, code);
  INFO("language " << info << "\n" << dump(h, code));
  CHECK(h.status == HighlightStatus::Highlighted);
  for (const Expect& e : expects) {
    const std::string token = e.token;
    CAPTURE(token);
    CHECK(classOf(h, code, e.token, e.occurrence) == std::string(e.cls));
  }
}

}  // namespace pp::test
