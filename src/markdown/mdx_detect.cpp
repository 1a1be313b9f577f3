// Whether a post is MDX, read from its content: Gatsby, Astro and other generators let `.md`
// posts hold MDX (gatsby-plugin-mdx takes both extensions), so the extension alone misses them.
#include <cctype>
#include <string_view>

#include "markdown/code_regions.h"
#include "markdown/context.h"
#include "markdown/jsx_syntax.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

std::string_view skipSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

// `import x from '...'`, `import x, { y } from`, `import { y }`, `import * as x`,
// `import '...'`: what ES modules write and prose never does (a sentence "import data from the
// API" has no quote after "from").
bool importLine(std::string_view line) {
  if (!startsWith(line, "import") || line.size() < 7 || jsIdentifierChar(line[6])) return false;
  std::string_view after = line.substr(6);
  std::string_view rest = skipSpaces(after);
  if (rest.empty()) return false;
  char c = rest.front();
  if (c == '{') return true;
  if (rest.size() == after.size()) return false;  // "imported", "import-x"
  if (c == '\'' || c == '"') return true;
  if (c == '*') return startsWith(skipSpaces(rest.substr(1)), "as ");
  std::size_t n = 0;
  while (n < rest.size() && jsIdentifierChar(rest[n])) ++n;
  if (n == 0) return false;
  rest = skipSpaces(rest.substr(n));
  if (!rest.empty() && rest.front() == ',') {
    rest = skipSpaces(rest.substr(1));
    return !rest.empty() && (rest.front() == '{' || rest.front() == '*');
  }
  if (!startsWith(rest, "from")) return false;
  rest = skipSpaces(rest.substr(4));
  return !rest.empty() && (rest.front() == '\'' || rest.front() == '"');
}

// `export const x =`, `export default {`, `export function f(`, `export { x }`.
bool exportLine(std::string_view line) {
  if (!startsWith(line, "export ")) return false;
  std::string_view rest = skipSpaces(line.substr(7));
  return startsWith(rest, "const ") || startsWith(rest, "let ") || startsWith(rest, "function ") ||
         startsWith(rest, "default ") || startsWith(rest, "{");
}

// A capitalised JSX component opening a line, that closes itself or is closed later in the body
// (`<T>` alone, in a post about generics, is not).
bool componentLine(std::string_view line, std::string_view after) {
  line = skipSpaces(line);
  if (line.size() < 2 || line[0] != '<' || !std::isupper(static_cast<unsigned char>(line[1]))) return false;
  std::size_t n = 1;
  while (n < line.size() && (jsIdentifierChar(line[n]) || line[n] == '.')) ++n;
  if (n < line.size() && line[n] != ' ' && line[n] != '\t' && line[n] != '>' && line[n] != '/') return false;
  std::string name(line.substr(1, n - 1));
  std::size_t close = line.find('>', n);
  if (close != std::string_view::npos && close > 0 && line[close - 1] == '/') return true;
  return after.find("</" + name + ">") != std::string_view::npos;
}

}  // namespace

bool mdxByContent(std::string_view body) {
  CodeFences fences(body);
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t nl = body.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? body.size() : nl;
    std::size_t next = nl == std::string_view::npos ? body.size() : nl + 1;
    if (!fences.inside(pos)) {
      std::string_view line = body.substr(pos, end - pos);
      if (importLine(line) || exportLine(line) || componentLine(line, body.substr(next))) return true;
    }
    pos = next;
  }
  return false;
}

}  // namespace pp::markdown
