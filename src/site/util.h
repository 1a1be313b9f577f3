// Small helpers shared by the site stage's files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "site/meta.h"

namespace pp::site {

namespace fs = std::filesystem;

bool isDirectory(const fs::path& p);
bool isRegularFile(const fs::path& p);

// Trimmed scalar at a dotted path, or "".
std::string scalarAt(const Meta& m, std::string_view dotted);
// A scalar as a one-element list, a list's scalars (maps and nulls skipped), else empty.
std::vector<std::string> stringList(const Meta* m);

// Removes HTML tags and decodes the common entities, collapsing whitespace
// (`<a href='…'>Yuan Tang</a> (Ant Group)` -> `Yuan Tang (Ant Group)`).
std::string stripHtml(std::string_view s);

// True for .md, .markdown and friends; mdx too when allowMdx.
bool isMarkdownName(std::string_view name, bool allowMdx);
// The name without its last extension.
std::string stemOf(std::string_view name);

// "https://example.org/blog/" -> url "https://example.org", path "/blog"; "/" -> "", "".
void splitBaseUrl(std::string_view base, std::string& url, std::string& path);
// "/blog/" or "blog" -> "/blog"; "/" and "" -> "".
std::string normaliseBasePath(std::string_view p);

}  // namespace pp::site
