// A small tree that YAML, TOML and JSON front matter and config files all become, so that the
// metadata rules are written once. Positions are 1-based lines/columns of the original file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pp::site {

struct Meta {
  enum class Kind { Null, Scalar, List, Map };
  Kind kind = Kind::Null;
  std::string text;  // scalar as text; TOML numbers, booleans and datetimes are rendered
  int line = 0;      // where the value starts in the file
  int col = 0;
  std::vector<std::string> keys;  // map keys, in the order written
  std::vector<int> keyLines;      // where each key was written
  std::vector<int> keyCols;
  std::vector<Meta> values;  // list items, or map values parallel to keys

  bool isNull() const { return kind == Kind::Null; }
  bool isScalar() const { return kind == Kind::Scalar; }
  bool isList() const { return kind == Kind::List; }
  bool isMap() const { return kind == Kind::Map; }

  // Map lookup, ASCII case-insensitive (Hugo lower-cases keys; real Jekyll sites mix cases).
  // Returns nullptr when absent or when this is not a map.
  const Meta* find(std::string_view key) const;
  // Index of key in keys, or -1.
  int indexOf(std::string_view key) const;
  // Looks up a dotted path: "params.author.name".
  const Meta* path(std::string_view dotted) const;

  // Scalar text when this is a non-empty scalar, else "".
  std::string scalar() const { return kind == Kind::Scalar ? text : std::string(); }
  // True for YAML/TOML true values (`true`, `yes`, `on`).
  bool truthy() const;
  // True for `false`, `no`, `off`.
  bool falsy() const;

  void set(std::string key, Meta value, int keyLine = 0, int keyCol = 0);
};

// Flattens to dotted keys ("tags.0", "author.name") holding scalars: Liquid `{{ page.x }}`,
// Hugo `.Params.x`, `{{ site.x }}`.
void flatten(const Meta& node, const std::string& prefix, std::map<std::string, std::string>& out);

// Limits that keep hostile input (alias bombs, deep nesting) from exhausting memory or stack.
inline constexpr int kMaxMetaDepth = 64;
inline constexpr std::size_t kMaxMetaNodes = 200000;

// What converting one parsed document may cost: every node counts, nesting is bounded. Once
// exceeded, the conversion stops and the document is refused.
struct MetaBudget {
  std::size_t nodes = 0;
  bool overBudget = false;
  // Counts one node at `depth`; false (and overBudget) when the budget is exceeded.
  bool spend(int depth) {
    if (++nodes > kMaxMetaNodes || depth > kMaxMetaDepth) overBudget = true;
    return !overBudget;
  }
};

// A parse failure with its position in the file.
struct MetaError {
  std::string message;
  int line = 0;
  int col = 0;
};

// Parses YAML (or JSON, which yaml-cpp reads too) / TOML text. `firstLine` is the file line
// where `text` starts, so positions come out as file positions. On failure returns false and
// fills err.
bool parseYaml(std::string_view text, int firstLine, Meta& out, MetaError& err);
bool parseToml(std::string_view text, int firstLine, Meta& out, MetaError& err);

}  // namespace pp::site
