#include "markdown/mdx_bindings.h"

#include <cctype>

#include "markdown/jsx_syntax.h"
#include "postpress/support/media_types.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

std::string_view identifierAt(std::string_view s, std::size_t at) {
  std::size_t e = at;
  while (e < s.size() && jsIdentifierChar(s[e])) ++e;
  return s.substr(at, e - at);
}

// The value of `key:` inside one object literal `object`: a quoted string, or an identifier.
std::string_view member(std::string_view object, std::string_view key, bool* quoted) {
  for (std::size_t at = object.find(key); at != std::string_view::npos; at = object.find(key, at + 1)) {
    if (at > 0 && jsIdentifierChar(object[at - 1])) continue;
    std::size_t i = at + key.size();
    while (i < object.size() && object[i] == ' ') ++i;
    if (i >= object.size() || object[i] != ':') continue;
    ++i;
    while (i < object.size() && std::isspace(static_cast<unsigned char>(object[i]))) ++i;
    if (i < object.size() && (object[i] == '\'' || object[i] == '"' || object[i] == '`')) {
      std::size_t e = object.find(object[i], i + 1);
      if (e == std::string_view::npos) return {};
      *quoted = true;
      return object.substr(i + 1, e - i - 1);
    }
    *quoted = false;
    return identifierAt(object, i);
  }
  return {};
}

}  // namespace

void ImageBindings::addImport(std::string_view statement) {
  std::string_view s = trim(statement);
  if (!startsWith(s, "import ")) return;
  std::string_view name = identifierAt(s, s.find_first_not_of(' ', 7));
  std::size_t from = s.find(" from ");
  if (name.empty() || from == std::string_view::npos) return;
  std::string path = jsxExpressionString(s.substr(from + 6));
  if (!path.empty() && hasImageExtension(withoutQueryOrFragment(path))) names_[std::string(name)] = path;
}

std::string ImageBindings::resolve(std::string_view expression) const {
  auto it = names_.find(trim(expression));
  return it == names_.end() ? "" : it->second;
}

std::vector<BoundImage> ImageBindings::gallery(std::string_view expression) const {
  std::vector<BoundImage> images;
  std::string_view e = trim(expression);
  if (!startsWith(e, "[")) return images;
  for (std::size_t open = e.find('{'); open != std::string_view::npos; open = e.find('{', open + 1)) {
    std::size_t close = e.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view object = e.substr(open + 1, close - open - 1);
    bool quoted = false, altQuoted = false;
    std::string_view src = member(object, "src", &quoted);
    std::string path = quoted ? std::string(src) : resolve(src);
    std::string_view alt = member(object, "alt", &altQuoted);
    if (!path.empty()) images.push_back({path, altQuoted ? std::string(alt) : ""});
    open = close;
  }
  return images;
}

}  // namespace pp::markdown
