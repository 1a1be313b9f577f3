// Label text: what mermaid would show for the text written between a node's brackets or on
// an edge. Posts write line breaks as <br>, escape `$` as &dollar; (Hugo) and quotes as #quot;.
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "diagrams/mermaid.h"
#include "postpress/support/text.h"

namespace pp::diagrams {

namespace {

struct NamedEntity {
  std::string_view name;
  char32_t codepoint;
};

// The entities labels use in practice; an unknown name is left as written.
constexpr NamedEntity kEntities[] = {
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},
    {"apos", U'\''},    {"nbsp", U' '},     {"dollar", U'$'},   {"num", U'#'},
    {"semi", U';'},     {"colon", U':'},    {"vert", U'|'},     {"lbrace", U'{'},
    {"rbrace", U'}'},   {"lbrack", U'['},   {"rbrack", U']'},   {"lpar", U'('},
    {"rpar", U')'},     {"ndash", U'\u2013'}, {"mdash", U'\u2014'}, {"hellip", U'\u2026'},
    {"rarr", U'\u2192'}, {"larr", U'\u2190'}, {"harr", U'\u2194'}, {"rArr", U'\u21D2'},
    {"copy", U'\u00A9'}, {"reg", U'\u00AE'}, {"trade", U'\u2122'}, {"deg", U'\u00B0'},
    {"times", U'\u00D7'}, {"middot", U'\u00B7'}, {"bull", U'\u2022'}, {"hearts", U'\u2665'},
};

// `&name;`, `&#123;`, `&#x7b;`, and mermaid's own `#name;` / `#123;` starting at text[i]
// (the `&` or `#`). Appends the character and returns the length read; 0 when it is none.
std::size_t decodeEntityAt(std::string_view text, std::size_t i, std::string& out) {
  const std::size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view body = text.substr(i + 1, semi - i - 1);
  if (body.empty()) return 0;
  if (body[0] == '#' && text[i] == '&') body.remove_prefix(1);  // &#123;: mermaid's #123;
  else if (text[i] == '&' && !std::isalpha(static_cast<unsigned char>(body[0]))) return 0;
  char32_t cp = 0;
  if (!body.empty() && std::isdigit(static_cast<unsigned char>(body[0]))) {
    for (char c : body) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || cp > 0x10FFFF) return 0;
      cp = cp * 10 + static_cast<char32_t>(c - '0');
    }
  } else if (body.size() > 1 && (body[0] == 'x' || body[0] == 'X') && text[i] == '&') {
    for (char c : body.substr(1)) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) || cp > 0x10FFFF) return 0;
      cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
  } else {
    bool found = false;
    for (const auto& e : kEntities)
      if (e.name == body) {
        cp = e.codepoint;
        found = true;
        break;
      }
    if (!found) return 0;
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  appendUtf8(out, cp);
  return semi - i + 1;
}

bool isBreakTag(std::string_view tag) {
  std::string t = toLowerAscii(tag);
  std::string name;
  for (char c : t.substr(1)) {
    if (!std::isalpha(static_cast<unsigned char>(c))) break;
    name += c;
  }
  return name == "br";
}

}  // namespace

std::string mermaidLabelText(std::string_view raw) {
  std::string_view text = trim(raw);
  // "`markdown string`": the backticks only say that the text is markdown.
  if (text.size() >= 2 && text.front() == '`' && text.back() == '`') text = trim(text.substr(1, text.size() - 2));
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '<') {
      const std::size_t close = text.find('>', i);
      if (close != std::string_view::npos && close > i + 1 &&
          (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/')) {
        if (isBreakTag(text.substr(i, close - i))) out += '\n';
        i = close + 1;
        continue;
      }
    } else if (c == '&' || c == '#') {
      if (std::size_t n = decodeEntityAt(text, i, out)) {
        i += n;
        continue;
      }
    } else if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
      out += text[i + 1];
      i += 2;
      continue;
    } else if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // Text on either side of a break keeps no spaces at the break.
  std::string tidy;
  for (std::string_view line : split(out, '\n')) {
    if (!tidy.empty()) tidy += '\n';
    tidy += trim(line);
  }
  return tidy;
}

}  // namespace pp::diagrams
