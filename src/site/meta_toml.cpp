// TOML to Meta through toml++ (Hugo front matter between `+++` lines, hugo.toml).
// Kept in its own file because toml++ is a large header.
#include <cstdio>

#include <toml++/toml.h>

#include "site/meta.h"

namespace pp::site {

namespace {

std::string renderDate(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year),
                static_cast<int>(d.month), static_cast<int>(d.day));
  return buf;
}

std::string renderTime(const toml::time& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(t.hour),
                static_cast<int>(t.minute), static_cast<int>(t.second));
  return buf;
}

// Renders datetimes in the ISO form parseDateTime reads back, keeping the offset as written.
std::string renderDateTime(const toml::date_time& dt) {
  std::string out = renderDate(dt.date) + "T" + renderTime(dt.time);
  if (dt.offset) {
    int minutes = dt.offset->minutes;
    char buf[16];
    int a = minutes < 0 ? -minutes : minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
    out += buf;
  }
  return out;
}

std::string renderFloat(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

struct TomlConverter {
  int firstLine;
  MetaBudget budget;

  void position(const toml::source_region& r, int& line, int& col) const {
    line = r.begin.line > 0 ? firstLine - 1 + static_cast<int>(r.begin.line) : 0;
    col = static_cast<int>(r.begin.column);
  }

  Meta convert(const toml::node& node, int depth) {
    Meta out;
    if (!budget.spend(depth)) return out;
    position(node.source(), out.line, out.col);
    out.kind = Meta::Kind::Scalar;
    switch (node.type()) {
      case toml::node_type::table: {
        out.kind = Meta::Kind::Map;
        for (auto&& [key, value] : *node.as_table()) {
          if (budget.overBudget) break;
          int line = 0, col = 0;
          position(key.source(), line, col);
          out.keys.emplace_back(key.str());
          out.keyLines.push_back(line);
          out.keyCols.push_back(col);
          out.values.push_back(convert(value, depth + 1));
        }
        break;
      }
      case toml::node_type::array:
        out.kind = Meta::Kind::List;
        for (const toml::node& item : *node.as_array()) {
          if (budget.overBudget) break;
          out.values.push_back(convert(item, depth + 1));
        }
        break;
      case toml::node_type::string: out.text = node.as_string()->get(); break;
      case toml::node_type::integer: out.text = std::to_string(node.as_integer()->get()); break;
      case toml::node_type::floating_point: out.text = renderFloat(node.as_floating_point()->get()); break;
      case toml::node_type::boolean: out.text = node.as_boolean()->get() ? "true" : "false"; break;
      case toml::node_type::date: out.text = renderDate(node.as_date()->get()); break;
      case toml::node_type::time: out.text = renderTime(node.as_time()->get()); break;
      case toml::node_type::date_time: out.text = renderDateTime(node.as_date_time()->get()); break;
      default: out.kind = Meta::Kind::Null; break;
    }
    return out;
  }
};

}  // namespace

bool parseToml(std::string_view text, int firstLine, Meta& out, MetaError& err) {
  try {
    toml::table table = toml::parse(text);
    TomlConverter conv{firstLine, {}};
    out = conv.convert(table, 0);
    out.line = firstLine;
    if (conv.budget.overBudget) {
      err = {"too deeply nested or too many values", firstLine, 1};
      return false;
    }
    return true;
  } catch (const toml::parse_error& e) {
    err.message = std::string(e.description());
    err.line = e.source().begin.line > 0 ? firstLine - 1 + static_cast<int>(e.source().begin.line)
                                         : firstLine;
    err.col = static_cast<int>(e.source().begin.column);
    return false;
  } catch (const std::exception& e) {
    err = {e.what(), firstLine, 0};
    return false;
  }
}

}  // namespace pp::site
