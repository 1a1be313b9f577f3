// What comes before a mermaid diagram's statements: front matter (`---` ... `---`, of which
// `title:` is kept), %%{init}%% directives and %% comments; and the diagram's kind.
#include "diagrams/mermaid_source.h"

#include <cctype>

#include "postpress/support/text.h"

namespace pp::diagrams {

namespace {

std::string_view unquoted(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) return s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

MermaidLines mermaidLines(std::string_view source) {
  MermaidLines out;
  std::vector<std::string_view> raw;
  for (std::size_t start = 0; start <= source.size();) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view line = source.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    raw.push_back(line);
    start = end + 1;
  }
  std::size_t first = 0;
  while (first < raw.size() && trim(raw[first]).empty()) ++first;
  if (first < raw.size() && trim(raw[first]) == "---") {
    std::size_t close = first + 1;
    while (close < raw.size() && trim(raw[close]) != "---") ++close;
    if (close < raw.size()) {
      for (std::size_t k = first + 1; k < close; ++k) {
        std::string_view l = trim(raw[k]);
        if (startsWith(l, "title:")) out.title = std::string(unquoted(l.substr(6)));
      }
      first = close + 1;
    }
  }
  for (std::size_t k = first; k < raw.size(); ++k) {
    std::string_view l = trim(raw[k]);
    if (l.empty() || startsWith(l, "%%")) continue;  // comments and %%{init}%% directives
    if (startsWith(l, "accTitle") && trim(l.substr(8)).starts_with(':')) {
      out.accTitle = std::string(unquoted(trim(l.substr(8)).substr(1)));
      continue;
    }
    if (startsWith(l, "accDescr")) {
      std::string_view rest = trim(l.substr(8));
      if (rest.starts_with(':')) {
        out.accDescr = std::string(unquoted(rest.substr(1)));
        continue;
      }
      if (rest.starts_with('{')) {  // the lines up to the closing brace
        std::string text(trim(rest.substr(1)));
        for (++k; k < raw.size() && trim(raw[k]) != "}"; ++k) text += (text.empty() ? "" : " ") + std::string(trim(raw[k]));
        out.accDescr = collapseSpaces(text);
        continue;
      }
    }
    out.lines.push_back({l, static_cast<int>(k) + 1});
  }
  return out;
}

std::string mermaidKind(std::string_view source) {
  MermaidLines m = mermaidLines(source);
  if (m.lines.empty()) return {};
  std::string_view l = m.lines.front().text;
  std::size_t n = 0;
  while (n < l.size() && (std::isalnum(static_cast<unsigned char>(l[n])) || l[n] == '-' || l[n] == '_')) ++n;
  return std::string(l.substr(0, n));
}

bool isFlowchartKind(std::string_view kind) { return kind == "flowchart" || kind == "graph"; }

}  // namespace pp::diagrams
