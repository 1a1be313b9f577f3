// Permalink pieces shared by the generators' rules (permalink.cpp, permalink_generators.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "site/post_reader.h"

namespace pp::site {

std::string twoDigits(int v);

// Collapses `//`, ensures a leading '/'.
std::string cleanPath(std::string_view p);

// A date part by its Jekyll/Hugo placeholder name (year, month, i_month, day, i_day,
// short_year, hour, minute, second, y_day, yearday, short_month, long_month, monthname,
// short_day, long_day, weekday, weekdayname, week); "" for an undated post; nullopt for a name
// that is no date part.
std::optional<std::string> dateValue(const DateTime& d, const std::string& name);

// Replaces each `{name}` of pattern by value(name); names value() does not know stay as written.
template <class Value>
std::string expandBraces(std::string_view pattern, Value value) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += pattern[i++];
      continue;
    }
    std::optional<std::string> v = value(std::string(pattern.substr(i + 1, close - i - 1)));
    out += v ? *v : std::string(pattern.substr(i, close - i + 1));
    i = close + 1;
  }
  return out;
}

// The URL path of a Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican or Quarto post.
std::string generatorPath(const Site& site, const SiteRules& rules, const PostContext& ctx, const Meta& fm,
                          const Post& post);

}  // namespace pp::site
