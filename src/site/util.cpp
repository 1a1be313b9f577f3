#include "site/util.h"

#include <cctype>
#include <system_error>

#include "postpress/support/text.h"

namespace pp::site {

bool isDirectory(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool isRegularFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string scalarAt(const Meta& m, std::string_view dotted) {
  const Meta* v = m.path(dotted);
  return v && v->isScalar() ? std::string(trim(v->text)) : std::string();
}

std::vector<std::string> stringList(const Meta* m) {
  std::vector<std::string> out;
  if (!m) return out;
  if (m->isScalar()) {
    if (!trim(m->text).empty()) out.emplace_back(trim(m->text));
  } else if (m->isList()) {
    for (const Meta& item : m->values) {
      if (item.isScalar() && !trim(item.text).empty()) out.emplace_back(trim(item.text));
    }
  }
  return out;
}

std::string stripHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  auto put = [&](std::string_view piece) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += piece;
  };
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '<') {
      std::size_t close = s.find('>', i);
      bool tag = close != std::string_view::npos && i + 1 < s.size() &&
                 (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' ||
                  s[i + 1] == '!');
      if (tag) {
        i = close + 1;
        continue;
      }
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> entities[] = {
          {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
          {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
      bool matched = false;
      for (auto [name, value] : entities) {
        if (s.substr(i, name.size()) == name) {
          if (value == " ") {
            space = true;
          } else {
            put(value);
          }
          i += name.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      ++i;
      continue;
    }
    put(s.substr(i, 1));
    ++i;
  }
  return out;
}

std::string imageValue(const Meta& v) {
  if (v.isScalar()) {
    std::string s(trim(v.text));
    return (s == "false" || s == "none" || s == "null") ? std::string() : s;
  }
  if (v.isMap()) {
    for (const char* key : {"path", "src", "url", "image", "filename", "file"}) {
      if (std::string s = scalarAt(v, key); !s.empty()) return s;
    }
  }
  if (v.isList() && !v.values.empty()) return imageValue(v.values.front());
  return {};
}

bool looksLikeLanguageCode(std::string_view name, bool twoLetters) {
  // en, fr, pt-br, zh-hans, en_US
  std::size_t i = 0;
  while (i < name.size() && name[i] >= 'a' && name[i] <= 'z') ++i;
  if (i < 2 || i > (twoLetters ? 2u : 3u)) return false;
  if (i == name.size()) return true;
  if (name[i] != '-' && name[i] != '_') return false;
  std::size_t rest = name.size() - i - 1;
  if (rest < 2 || rest > 4) return false;
  for (char c : name.substr(i + 1)) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool isConfigName(std::string_view name) {
  std::string lower = toLowerAscii(name);
  return endsWith(lower, ".toml") || endsWith(lower, ".yaml") || endsWith(lower, ".yml") ||
         endsWith(lower, ".json");
}

bool isMarkdownName(std::string_view name, bool allowMdx) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext = toLowerAscii(name.substr(dot + 1));
  if (ext == "mdx") return allowMdx;
  return ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd" || ext == "mkdn";
}

std::string stemOf(std::string_view name) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::string(name);
  return std::string(name.substr(0, dot));
}

std::string normaliseBasePath(std::string_view p) {
  p = trim(p);
  while (!p.empty() && p.back() == '/') p.remove_suffix(1);
  while (!p.empty() && p.front() == '/') p.remove_prefix(1);
  if (p.empty()) return {};
  return "/" + std::string(p);
}

void splitBaseUrl(std::string_view base, std::string& url, std::string& path) {
  base = trim(base);
  std::size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) {
    // Protocol-relative `//host/path` is a host too.
    if (startsWith(base, "//")) scheme = 0;
  }
  if (scheme == std::string_view::npos) {
    url.clear();
    path = normaliseBasePath(base);
    return;
  }
  std::size_t hostStart = scheme == 0 ? 2 : scheme + 3;
  std::size_t slash = base.find('/', hostStart);
  if (slash == std::string_view::npos) {
    url = std::string(base);
    path.clear();
  } else {
    url = std::string(base.substr(0, slash));
    path = normaliseBasePath(base.substr(slash));
  }
}

}  // namespace pp::site
