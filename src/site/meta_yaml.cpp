// YAML (and JSON) to Meta through yaml-cpp.
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "site/meta.h"

namespace pp::site {

namespace {

struct Converter {
  int firstLine;
  std::size_t nodes = 0;
  bool overBudget = false;

  void position(const YAML::Mark& mark, int& line, int& col) const {
    line = mark.line >= 0 ? firstLine + mark.line : 0;
    col = mark.column >= 0 ? mark.column + 1 : 0;
  }

  Meta convert(const YAML::Node& node, int depth) {
    Meta out;
    // Aliases share nodes in yaml-cpp; expanding them could explode (a "billion laughs"
    // document), so the total is bounded.
    if (++nodes > kMaxMetaNodes || depth > kMaxMetaDepth) {
      overBudget = true;
      return out;
    }
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
          if (overBudget) break;
          out.values.push_back(convert(item, depth + 1));
        }
        break;
      case YAML::NodeType::Map:
        out.kind = Meta::Kind::Map;
        for (auto it = node.begin(); it != node.end() && !overBudget; ++it) {
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

}  // namespace

bool parseYaml(std::string_view text, int firstLine, Meta& out, MetaError& err) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    Converter conv{firstLine};
    out = conv.convert(root, 0);
    if (conv.overBudget) {
      err = {"too deeply nested or too many values (more than " + std::to_string(kMaxMetaNodes) +
                 " nodes or " + std::to_string(kMaxMetaDepth) + " levels)",
             firstLine, 1};
      return false;
    }
    return true;
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
