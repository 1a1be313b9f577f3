// A glob matcher by dynamic programming over (pattern position, path position), so that
// patterns with many stars cost O(pattern × path) instead of exponential backtracking.
#include "site/glob.h"

#include <vector>

namespace pp::site {

namespace {

constexpr std::size_t kMaxAlternatives = 4096;

// End of a character class starting at pattern[p] == '[' (past the ']'), or p when the
// class is never closed (the '[' is then a literal).
std::size_t classEnd(std::string_view pattern, std::size_t p) {
  std::size_t i = p + 1;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;  // `[]a]` holds ']'
  for (; i < pattern.size(); ++i) {
    if (pattern[i] == ']') return i + 1;
  }
  return p;
}

bool classMatches(std::string_view pattern, std::size_t p, std::size_t end, char c) {
  if (c == '/') return false;
  std::size_t i = p + 1, last = end - 1;  // pattern[last] == ']'
  bool negate = false;
  if (pattern[i] == '!' || pattern[i] == '^') {
    negate = true;
    ++i;
  }
  bool matched = false;
  for (; i < last; ++i) {
    char lo = pattern[i];
    if (i + 2 < last && pattern[i + 1] == '-') {
      if (c >= lo && c <= pattern[i + 2]) matched = true;
      i += 2;
    } else if (c == lo) {
      matched = true;
    }
  }
  return matched != negate;
}

bool matchOne(std::string_view pat, std::string_view path) {
  const std::size_t P = pat.size(), S = path.size();
  // reach[s] for the current pattern position: can pattern[0..p) match path[0..s)?
  std::vector<char> reach(S + 1, 0), next(S + 1, 0);
  reach[0] = 1;
  std::size_t p = 0;
  while (p < P) {
    std::fill(next.begin(), next.end(), 0);
    char c = pat[p];
    std::size_t step = 1;
    if (c == '*') {
      bool doubleStar = p + 1 < P && pat[p + 1] == '*';
      if (doubleStar) {
        std::size_t q = p;
        while (q < P && pat[q] == '*') ++q;
        bool wholeComponent = (p == 0 || pat[p - 1] == '/') && (q == P || pat[q] == '/');
        if (wholeComponent && q < P) {
          // `**/` : zero or more whole components.
          step = q + 1 - p;
          for (std::size_t s = 0; s <= S; ++s) {
            if (!reach[s]) continue;
            next[s] = 1;  // zero components
            for (std::size_t t = s; t < S; ++t) {
              if (path[t] == '/') next[t + 1] = 1;
            }
          }
        } else {
          // `**` at the end or inside a component: anything, '/' included.
          step = q - p;
          bool any = false;
          for (std::size_t s = 0; s <= S; ++s) {
            any = any || reach[s];
            if (any) next[s] = 1;
          }
        }
      } else {
        // `*` : any run without '/'.
        for (std::size_t s = 0; s <= S; ++s) {
          if (!reach[s]) continue;
          next[s] = 1;
          for (std::size_t t = s; t < S && path[t] != '/'; ++t) next[t + 1] = 1;
        }
      }
    } else if (c == '?') {
      for (std::size_t s = 0; s < S; ++s) {
        if (reach[s] && path[s] != '/') next[s + 1] = 1;
      }
    } else if (c == '[' && classEnd(pat, p) != p) {
      std::size_t end = classEnd(pat, p);
      for (std::size_t s = 0; s < S; ++s) {
        if (reach[s] && classMatches(pat, p, end, path[s])) next[s + 1] = 1;
      }
      step = end - p;
    } else {
      if (c == '\\' && p + 1 < P) {
        c = pat[p + 1];
        step = 2;
      }
      for (std::size_t s = 0; s < S; ++s) {
        if (reach[s] && path[s] == c) next[s + 1] = 1;
      }
    }
    reach.swap(next);
    p += step;
  }
  return reach[S] != 0;
}

void expandInto(std::string_view pattern, std::vector<std::string>& out) {
  if (out.size() >= kMaxAlternatives) return;
  // Find the first top-level {...} group with a comma.
  std::size_t open = std::string_view::npos;
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] == '{') {
      if (depth == 0) open = i;
      ++depth;
    } else if (pattern[i] == '}' && depth > 0) {
      if (--depth == 0) {
        std::string_view inner = pattern.substr(open + 1, i - open - 1);
        std::vector<std::string_view> parts;
        int d = 0;
        std::size_t start = 0;
        for (std::size_t j = 0; j < inner.size(); ++j) {
          if (inner[j] == '{') ++d;
          if (inner[j] == '}') --d;
          if (inner[j] == ',' && d == 0) {
            parts.push_back(inner.substr(start, j - start));
            start = j + 1;
          }
        }
        parts.push_back(inner.substr(start));
        if (parts.size() < 2) continue;  // `{x}` is literal
        std::string_view head = pattern.substr(0, open);
        std::string_view tail = pattern.substr(i + 1);
        for (std::string_view part : parts) {
          std::string alt;
          alt.reserve(head.size() + part.size() + tail.size());
          alt.append(head).append(part).append(tail);
          expandInto(alt, out);
          if (out.size() >= kMaxAlternatives) return;
        }
        return;
      }
    }
  }
  out.emplace_back(pattern);
}

}  // namespace

std::vector<std::string> expandBraces(std::string_view pattern) {
  std::vector<std::string> out;
  expandInto(pattern, out);
  return out;
}

bool globMatch(std::string_view pattern, std::string_view path) {
  if (pattern.find('{') == std::string_view::npos) return matchOne(pattern, path);
  for (const std::string& alt : expandBraces(pattern)) {
    if (matchOne(alt, path)) return true;
  }
  return false;
}

bool hasGlobSyntax(std::string_view pattern) {
  return pattern.find_first_of("*?[{") != std::string_view::npos;
}

std::string globLiteralPrefix(std::string_view pattern) {
  std::string prefix;
  std::size_t start = 0;
  while (start < pattern.size()) {
    std::size_t slash = pattern.find('/', start);
    if (slash == std::string_view::npos) break;  // the last component names files
    std::string_view part = pattern.substr(start, slash - start);
    if (hasGlobSyntax(part)) break;
    if (!part.empty() && part != ".") {
      if (!prefix.empty()) prefix += '/';
      prefix.append(part);
    }
    start = slash + 1;
  }
  return prefix;
}

}  // namespace pp::site
