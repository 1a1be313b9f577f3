// ```mdx-code-block fences: Docusaurus renders their content as MDX, not as code (the fence only
// keeps translation tools such as Crowdin from touching the imports and JSX inside). The fence
// lines go, each as an empty line, and the content is read as the rest of the post.
#include "markdown/code_regions.h"
#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

bool fenceChar(char c) { return c == '`' || c == '~'; }

// The info string's first word of the fence line `line`.
std::string_view infoWord(std::string_view line) {
  line = trim(line);
  std::size_t n = 0;
  while (n < line.size() && fenceChar(line[n])) ++n;
  std::string_view info = trim(line.substr(n));
  return info.substr(0, info.find_first_of(" \t{"));
}

}  // namespace

Source unwrapMdxCodeBlocks(const Source& in) {
  const std::string& s = in.text;
  if (s.find("mdx-code-block") == std::string::npos) return in;
  CodeFences fences(s);
  TextBuilder out(in);
  std::size_t copied = 0;
  for (auto [begin, end] : fences.ranges()) {
    std::size_t openEnd = s.find('\n', begin);
    if (openEnd == std::string::npos || openEnd + 1 >= end ||
        infoWord(std::string_view(s).substr(begin, openEnd - begin)) != "mdx-code-block")
      continue;
    // The closing fence is the range's last line, when it has one (an unclosed fence runs to
    // the end of the post).
    std::size_t lastStart = s.rfind('\n', end - 2);
    lastStart = lastStart == std::string::npos || lastStart < openEnd ? end : lastStart + 1;
    std::string_view last = trim(std::string_view(s).substr(lastStart, end - lastStart));
    bool closed = lastStart < end && !last.empty() && last.find_first_not_of(last.front()) == std::string_view::npos &&
                  fenceChar(last.front());
    std::size_t contentEnd = closed ? lastStart : end;
    out.copy(copied, begin);
    out.emit("\n", begin);
    out.copy(openEnd + 1, contentEnd);
    if (closed) out.emit("\n", lastStart);
    copied = end;
  }
  out.copy(copied, s.size());
  return out.finish();
}

}  // namespace pp::markdown
