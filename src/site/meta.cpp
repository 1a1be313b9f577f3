// Tree operations shared by every front matter and config format.
#include "site/meta.h"

#include "postpress/support/text.h"

namespace pp::site {

int Meta::indexOf(std::string_view key) const {
  if (kind != Kind::Map) return -1;
  // Exact spelling first, so that `Title` and `title` in one map resolve predictably.
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (iequals(keys[i], key)) return static_cast<int>(i);
  }
  return -1;
}

const Meta* Meta::find(std::string_view key) const {
  int i = indexOf(key);
  return i < 0 ? nullptr : &values[static_cast<std::size_t>(i)];
}

const Meta* Meta::path(std::string_view dotted) const {
  const Meta* node = this;
  while (node && !dotted.empty()) {
    std::size_t dot = dotted.find('.');
    std::string_view part = dotted.substr(0, dot);
    if (node->isList()) {
      std::size_t index = 0;
      bool numeric = !part.empty();
      for (char c : part) {
        if (c < '0' || c > '9' || index > 1000000) {
          numeric = false;
          break;
        }
        index = index * 10 + static_cast<std::size_t>(c - '0');
      }
      node = numeric && index < node->values.size() ? &node->values[index] : nullptr;
    } else {
      node = node->find(part);
    }
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return node;
}

bool Meta::truthy() const {
  if (kind != Kind::Scalar) return false;
  std::string v = toLowerAscii(trim(text));
  return v == "true" || v == "yes" || v == "on" || v == "1";
}

bool Meta::falsy() const {
  if (kind != Kind::Scalar) return false;
  std::string v = toLowerAscii(trim(text));
  return v == "false" || v == "no" || v == "off" || v == "0";
}

void Meta::set(std::string key, Meta value, int keyLine, int keyCol) {
  kind = Kind::Map;
  int i = indexOf(key);
  if (i >= 0) {
    values[static_cast<std::size_t>(i)] = std::move(value);
    return;
  }
  keys.push_back(std::move(key));
  keyLines.push_back(keyLine);
  keyCols.push_back(keyCol);
  values.push_back(std::move(value));
}

void flatten(const Meta& node, const std::string& prefix, std::map<std::string, std::string>& out) {
  switch (node.kind) {
    case Meta::Kind::Null:
      if (!prefix.empty()) out.emplace(prefix, std::string());
      break;
    case Meta::Kind::Scalar:
      if (!prefix.empty()) out.emplace(prefix, node.text);
      break;
    case Meta::Kind::List:
      for (std::size_t i = 0; i < node.values.size(); ++i) {
        flatten(node.values[i], prefix.empty() ? std::to_string(i) : prefix + "." + std::to_string(i),
                out);
      }
      break;
    case Meta::Kind::Map:
      for (std::size_t i = 0; i < node.keys.size(); ++i) {
        flatten(node.values[i], prefix.empty() ? node.keys[i] : prefix + "." + node.keys[i], out);
      }
      break;
  }
}

}  // namespace pp::site
