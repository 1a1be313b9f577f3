// The label data files (lang/<tag>.yaml): flat keys to texts, plural forms as keys ending in
// a CLDR plural category ("posts.one", "posts.other"), placeholders written {name}.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "postpress/locale.h"

namespace pp::locale {

inline constexpr std::array<std::string_view, 6> kPluralCategories = {"zero", "one", "two", "few", "many", "other"};

using Labels = std::map<std::string, std::string, std::less<>>;

// Reads a label file. nullopt, with err set, when it cannot be read, is not YAML, is not a
// flat map of keys to texts, or holds text that is not UTF-8.
std::optional<Labels> readLabelFile(const std::filesystem::path& path, std::string* err);

// "posts.one" -> {"posts", "one"}; "contents" -> {"contents", ""}. Only the six plural
// category names count as a plural suffix.
struct KeyParts {
  std::string_view base, category;
};
KeyParts splitKey(std::string_view key);

// The names of a text's placeholders: "{n} posts from {site}" -> {"n", "site"}.
std::set<std::string> placeholdersOf(std::string_view text);

// `text` with each {name} that args gives replaced by its value (once: a value holding braces
// is not read again); other braces kept as written.
using ArgList = std::span<const std::pair<std::string_view, std::string_view>>;
std::string fillPlaceholders(std::string_view text, ArgList args);
inline std::string fillPlaceholders(std::string_view text, LabelArgs args) {
  return fillPlaceholders(text, ArgList(args.begin(), args.size()));
}

}  // namespace pp::locale
