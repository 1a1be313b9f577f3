#include "markdown/shortcode_syntax.h"

#include <cctype>

#include "postpress/support/text.h"

namespace pp::markdown {

std::size_t nextShortcodeOpening(std::string_view s, std::size_t from) {
  while (true) {
    std::size_t at = s.find("{{", from);
    if (at == std::string_view::npos || at + 2 >= s.size()) return std::string_view::npos;
    if (s[at + 2] == '<' || s[at + 2] == '%') return at;
    from = at + 1;  // "{{{<": the shortcode starts at the second brace
  }
}

bool parseShortcode(std::string_view s, std::size_t at, Shortcode& sc) {
  char kind = s[at + 2];
  std::string closer = kind == '<' ? ">}}" : "%}}";
  std::size_t i = at + 3;
  auto ws = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  ws();
  if (i < s.size() && s[i] == '/') {
    if (i + 1 < s.size() && s[i + 1] == '*') return false;  // comment form, handled by the caller
    sc.closing = true;
    ++i;
    ws();
  }
  std::size_t n = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-' || s[i] == '/' || s[i] == '.'))
    ++i;
  if (i == n) return false;
  sc.name = std::string(s.substr(n, i - n));
  // Parameters until the closer.
  while (i < s.size()) {
    ws();
    if (s.compare(i, closer.size(), closer) == 0) {
      sc.end = i + closer.size();
      sc.begin = at;
      sc.markdown = kind == '%';
      return true;
    }
    if (s[i] == '/' && s.compare(i + 1, closer.size(), closer) == 0) {  // self-closing {{< x />}}
      sc.end = i + 1 + closer.size();
      sc.begin = at;
      sc.markdown = kind == '%';
      return true;
    }
    // A shortcode cannot contain another opening: stopping there keeps scanning linear.
    if (i - at > 20000 || s.compare(i, 2, "{{") == 0) return false;
    std::string key, value;
    std::size_t k = i;
    while (i < s.size() && s[i] != '=' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '"' && s[i] != '`' &&
           s.compare(i, closer.size(), closer) != 0)
      ++i;
    std::string word(s.substr(k, i - k));
    bool isNamed = i < s.size() && s[i] == '=';
    if (isNamed) {
      key = word;
      ++i;
    } else if (!word.empty()) {
      sc.positional.push_back(word);
      continue;
    }
    if (i >= s.size()) return false;
    if (s[i] == '"' || s[i] == '`') {
      char q = s[i];
      std::size_t end = i + 1;
      while (end < s.size() && s[end] != q && end - at < 20000) {
        if (q == '"' && s[end] == '\\') ++end;
        ++end;
      }
      if (end - at >= 20000) return false;
      if (end >= s.size()) return false;
      value = std::string(s.substr(i + 1, end - i - 1));
      if (q == '"') value = replaceAll(replaceAll(value, "\\\"", "\""), "\\\\", "\\");
      i = end + 1;
    } else {
      std::size_t v = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s.compare(i, closer.size(), closer) != 0) ++i;
      value = std::string(s.substr(v, i - v));
    }
    if (isNamed) sc.named[key] = value;
    else sc.positional.push_back(value);
  }
  return false;
}

int shortcodePixelWidth(const std::string& w) {
  if (w.empty()) return 0;
  try {
    std::size_t used = 0;
    int v = std::stoi(w, &used);
    std::string unit = w.substr(used);
    return (unit.empty() || unit == "px") && v > 0 && v < 20000 ? v : 0;
  } catch (...) {
    return 0;
  }
}

}  // namespace pp::markdown
