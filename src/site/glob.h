// Glob matching for --posts and Jekyll defaults scopes: `*` and `?` stay inside one path
// component, `**` as a whole component matches any number of components (also none),
// `**` inside a component matches across `/` (Hugo's `**.png`), `[abc]`/`[!a-z]` classes and
// `{a,b}` alternatives. Paths use '/' separators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pp::site {

bool globMatch(std::string_view pattern, std::string_view path);

// True when pattern contains any glob syntax.
bool hasGlobSyntax(std::string_view pattern);

// The longest leading run of whole components without glob syntax ("content/*/blog/**" ->
// "content"): the folder to walk when matching.
std::string globLiteralPrefix(std::string_view pattern);

// Expands {a,b} alternatives (nested too), bounded to a few thousand results.
std::vector<std::string> expandBraces(std::string_view pattern);

}  // namespace pp::site
