// YAML (and JSON) to Meta through yaml-cpp.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "site/meta.h"

namespace pp::site {

namespace {

struct YamlConverter {
  int firstLine;
  MetaBudget budget;

  void position(const YAML::Mark& mark, int& line, int& col) const {
    line = mark.line >= 0 ? firstLine + mark.line : 0;
    col = mark.column >= 0 ? mark.column + 1 : 0;
  }

  Meta convert(const YAML::Node& node, int depth) {
    Meta out;
    // Aliases share nodes in yaml-cpp; expanding them could explode (a "billion laughs"
    // document), so the total is bounded.
    if (!budget.spend(depth)) return out;
    position(node.Mark(), out.line, out.col);
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = Meta::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = Meta::Kind::Scalar;
        out.text = node.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.kind = Meta::Kind::List;
        for (const auto& item : node) {
          if (budget.overBudget) break;
          out.values.push_back(convert(item, depth + 1));
        }
        break;
      case YAML::NodeType::Map:
        out.kind = Meta::Kind::Map;
        for (auto it = node.begin(); it != node.end() && !budget.overBudget; ++it) {
          std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
          if (key.empty()) continue;  // complex or empty keys mean nothing to a blog
          int line = 0, col = 0;
          position(it->first.Mark(), line, col);
          Meta value = convert(it->second, depth + 1);
          auto same = std::find(out.keys.begin(), out.keys.end(), key);
          if (same != out.keys.end()) {
            // Duplicate keys: the last one wins, as in Ruby's YAML reader.
            auto i = static_cast<std::size_t>(same - out.keys.begin());
            out.values[i] = std::move(value);
            out.keyLines[i] = line;
            out.keyCols[i] = col;
          } else {
            out.keys.push_back(std::move(key));
            out.keyLines.push_back(line);
            out.keyCols.push_back(col);
            out.values.push_back(std::move(value));
          }
        }
        break;
    }
    return out;
  }
};

// yaml-cpp accepts a quoted scalar that is never closed, folding every following line into it
// (`title: "Launch` swallows the date and the tags). Finds the line and column where a quote
// that runs to the end of the text opened, or returns false. Quotes open only where a YAML
// scalar can start: after `key:`, after `- `, after `[`, `{`, `,` or `?`, or first on a line;
// `#` after a space starts a comment; block scalars (`key: |`, `key: >-`) are literal text.
bool unterminatedQuote(std::string_view text, int& line, int& col) {
  char quote = 0;
  int openLine = 0, openCol = 0;
  int blockIndent = -1;  // inside a block scalar: lines indented more than this are literal
  int ln = 0;
  for (std::size_t start = 0; start <= text.size(); ++ln) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    start = end + 1;
    int indent = 0;
    while (indent < static_cast<int>(l.size()) && l[static_cast<std::size_t>(indent)] == ' ') ++indent;
    bool blank = l.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!quote && blockIndent >= 0) {
      if (blank || indent > blockIndent) continue;
      blockIndent = -1;
    }
    char prev = quote ? 'x' : '\n';  // last significant character outside quotes
    for (std::size_t i = 0; i < l.size(); ++i) {
      char c = l[i];
      if (quote == '"') {
        if (c == '\\') ++i;
        else if (c == '"') quote = 0, prev = 'x';
      } else if (quote == '\'') {
        if (c == '\'' && i + 1 < l.size() && l[i + 1] == '\'') ++i;
        else if (c == '\'') quote = 0, prev = 'x';
      } else if (c == '#' && (i == 0 || l[i - 1] == ' ' || l[i - 1] == '\t')) {
        break;  // a comment
      } else if ((c == '"' || c == '\'') && (prev == '\n' || prev == ':' || prev == '-' ||
                                             prev == '[' || prev == '{' || prev == ',' ||
                                             prev == '?')) {
        quote = c;
        openLine = ln;
        openCol = static_cast<int>(i);
      } else if (c != ' ' && c != '\t' && c != '\r') {
        prev = c;
        // `key: |2-` and `key: >+`: the indicator may carry modifiers.
        if ((c == '|' || c == '>') && i > 0 && (l[i - 1] == ' ' || l[i - 1] == '-' || l[i - 1] == ':')) {
          std::size_t j = i + 1;
          while (j < l.size() && (l[j] == '-' || l[j] == '+' || (l[j] >= '0' && l[j] <= '9'))) ++j;
          std::size_t rest = l.find_first_not_of(" \t\r", j);
          if (rest == std::string_view::npos || l[rest] == '#') {
            blockIndent = indent;
            break;
          }
        }
      }
    }
    if (end == text.size()) break;
  }
  if (!quote) return false;
  line = openLine;
  col = openCol + 1;
  return true;
}

}  // namespace

bool parseYaml(std::string_view text, int firstLine, Meta& out, MetaError& err) {
  if (int line = 0, col = 0; unterminatedQuote(text, line, col)) {
    err = {"a quoted value is never closed (its quote opens here and runs to the end of the "
           "front matter)",
           firstLine + line, col};
    return false;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    YamlConverter conv{firstLine, {}};
    out = conv.convert(root, 0);
    if (conv.budget.overBudget) {
      err = {"too deeply nested or too many values (more than " + std::to_string(kMaxMetaNodes) +
                 " nodes or " + std::to_string(kMaxMetaDepth) + " levels)",
             firstLine, 1};
      return false;
    }
    return true;
  } catch (const YAML::DeepRecursion& e) {
    err = {"nested more than " + std::to_string(e.depth()) + " levels deep",
           e.mark.line >= 0 ? firstLine + e.mark.line : firstLine, e.mark.column >= 0 ? e.mark.column + 1 : 0};
    return false;
  } catch (const YAML::Exception& e) {
    err.message = e.msg.empty() ? std::string("invalid YAML") : e.msg;
    err.line = e.mark.line >= 0 ? firstLine + e.mark.line : firstLine;
    err.col = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    return false;
  } catch (const std::exception& e) {
    err = {e.what(), firstLine, 0};
    return false;
  }
}

}  // namespace pp::site
