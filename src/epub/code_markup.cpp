#include "epub/code_markup.h"

#include "epub/contrast.h"
#include "epub/stylesheet.h"
#include "epub/xml_text.h"

namespace pp::epub {

std::string highlightedCode(const Block& code) {
  std::string out;
  out.reserve(code.text.size() + code.spans.size() * 24);
  bool first = true;
  for (const auto& line : codeLines(code)) {
    if (!first) out += '\n';
    first = false;
    for (const CodeRun& run : line) {
      if (run.token == TokenClass::Plain) {
        out += text(run.text);
        continue;
      }
      out += "<span class=\"hl-";
      out += tokenClassName(run.token);
      out += "\">";
      out += text(run.text);
      out += "</span>";
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string highlightRules(const HighlightTheme& theme, const Color& background) {
  if (!theme.enabled) return {};
  std::string out;
  for (std::size_t k = 1; k < kTokenClassCount; ++k) {  // 0 is plain: the code's own look
    const TokenStyle& t = theme.tokens[k];
    if (!t.color && !t.bold && !t.italic) continue;
    out += "span.hl-";
    out += kTokenClassNames[k];
    out += " {";
    if (t.color) out += " color: " + cssColor(readableOn(*t.color, background)) + ";";
    if (t.bold) out += " font-weight: bold;";
    if (t.italic) out += " font-style: italic;";
    out += " }\n";
  }
  return out;
}

}  // namespace pp::epub
