#include "locale/labels.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::locale {

namespace {

// A placeholder name: letters, digits and underscores between braces.
bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Calls fn(start, end, name) for each {name} in text, `end` one past the closing brace.
template <typename Fn>
void forEachPlaceholder(std::string_view text, Fn&& fn) {
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    std::size_t close = open + 1;
    while (close < text.size() && isNameChar(text[close])) ++close;
    if (close < text.size() && text[close] == '}' && close > open + 1)
      fn(open, close + 1, text.substr(open + 1, close - open - 1));
  }
}

}  // namespace

std::optional<Labels> readLabelFile(const std::filesystem::path& path, std::string* err) {
  auto fail = [&](std::string why) -> std::optional<Labels> {
    if (err) *err = std::move(why);
    return std::nullopt;
  };
  std::string readErr;
  const std::optional<std::string> bytes = readFile(path, &readErr, std::uintmax_t{1} << 20);
  if (!bytes) return fail(readErr);
  if (!isValidUtf8(*bytes)) return fail("not UTF-8");
  YAML::Node root;
  try {
    root = YAML::Load(*bytes);
  } catch (const YAML::Exception& e) {
    return fail("line " + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (!root.IsMap()) return fail("not a map of keys to texts");
  Labels labels;
  for (const auto& entry : root) {
    if (!entry.first.IsScalar() || !entry.second.IsScalar())
      return fail("line " + std::to_string(entry.first.Mark().line + 1) + ": '" +
                  (entry.first.IsScalar() ? entry.first.Scalar() : std::string("?")) +
                  "' is not a key with a text");
    labels[entry.first.Scalar()] = entry.second.Scalar();
  }
  return labels;
}

KeyParts splitKey(std::string_view key) {
  const std::size_t dot = key.rfind('.');
  if (dot == std::string_view::npos) return {key, {}};
  const std::string_view suffix = key.substr(dot + 1);
  if (std::find(kPluralCategories.begin(), kPluralCategories.end(), suffix) == kPluralCategories.end())
    return {key, {}};
  return {key.substr(0, dot), suffix};
}

std::set<std::string> placeholdersOf(std::string_view text) {
  std::set<std::string> names;
  forEachPlaceholder(text, [&](std::size_t, std::size_t, std::string_view name) { names.emplace(name); });
  return names;
}

std::string fillPlaceholders(std::string_view text, ArgList args) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t copied = 0;
  forEachPlaceholder(text, [&](std::size_t start, std::size_t end, std::string_view name) {
    for (const auto& [key, value] : args)
      if (key == name) {
        out.append(text.substr(copied, start - copied));
        out.append(value);
        copied = end;
        return;
      }
  });
  out.append(text.substr(copied));
  return out;
}

}  // namespace pp::locale
