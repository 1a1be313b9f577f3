// Literal values in JavaScript config files (docusaurus.config.js, gatsby-config.js,
// astro.config.mjs, eleventy.config.js): these are programs, not data, so only properties
// written as literals can be read, and that is what sites mostly do.
#include "site/js_config.h"

#include <cctype>

#include "postpress/support/text.h"

namespace pp::site {

// Blanks out // and /* */ comments (outside string literals) so that commented-out settings
// are not read.
std::string stripJsComments(std::string_view s) {
  std::string out(s);
  char quote = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    } else if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
      std::size_t end = out.find("*/", i + 2);
      std::size_t stop = end == std::string::npos ? out.size() : end + 2;
      for (; i < stop; ++i) {
        if (out[i] != '\n') out[i] = ' ';
      }
      --i;
    }
  }
  return out;
}

namespace {

bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

bool isQuote(char c) { return c == '\'' || c == '"' || c == '`'; }

// Calls at(i) for each `key:` property of text (the key quoted or not), with i at the first
// character of its value, until at() returns true. Returns whether one did.
template <class At>
bool forEachValue(std::string_view text, std::string_view key, At at) {
  std::size_t pos = 0;
  while ((pos = text.find(key, pos)) != std::string_view::npos) {
    std::size_t start = pos;
    pos += key.size();
    if (start > 0 && isIdentChar(text[start - 1])) continue;
    std::size_t i = pos;
    if (i < text.size() && (text[i] == '\'' || text[i] == '"')) ++i;  // 'title': …
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size() || text[i] != ':') continue;
    ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && at(i)) return true;
  }
  return false;
}

// The string literal whose opening quote is text[i]; i ends on its closing quote.
std::string literalAt(std::string_view text, std::size_t& i) {
  char quote = text[i];
  std::string value;
  for (++i; i < text.size() && text[i] != quote; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    value += text[i];
  }
  return value;
}

}  // namespace

std::string jsStringProperty(std::string_view text, std::string_view key) {
  std::string value;
  forEachValue(text, key, [&](std::size_t i) {
    if (!isQuote(text[i])) return false;
    value = literalAt(text, i);
    return true;
  });
  return value;
}

std::string_view jsObjectProperty(std::string_view text, std::string_view key) {
  std::string_view object;
  forEachValue(text, key, [&](std::size_t i) {
    if (text[i] != '{') return false;
    int depth = 0;
    for (std::size_t j = i; j < text.size(); ++j) {
      if (text[j] == '{') ++depth;
      if (text[j] == '}' && --depth == 0) {
        object = text.substr(i, j - i + 1);
        return true;
      }
    }
    object = text.substr(i);
    return true;
  });
  return object;
}

std::vector<std::string> jsStringArray(std::string_view text, std::string_view key) {
  std::vector<std::string> out;
  forEachValue(text, key, [&](std::size_t i) {
    if (text[i] != '[') return false;
    for (++i; i < text.size() && text[i] != ']'; ++i) {
      if (isQuote(text[i])) out.push_back(literalAt(text, i));
    }
    return true;
  });
  return out;
}

bool namesBlogFolder(std::string_view name) {
  std::string n = toLowerAscii(name);
  return n == "blog" || n == "posts" || n == "post" || n == "articles" || n == "writing";
}

}  // namespace pp::site
