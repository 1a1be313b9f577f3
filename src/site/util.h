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

// An image named by a front matter value: a string (except false/none/null), a map's
// path/src/url/image/filename/file, or a list's first item.
std::string imageValue(const Meta& v);

// en, fr, pt-br, zh-hans, en_US; with twoLetters only a two-letter primary code (`fr`, `pt-br`).
bool looksLikeLanguageCode(std::string_view name, bool twoLetters = false);

// True for the data files configs are written in: .toml, .yaml, .yml, .json.
bool isConfigName(std::string_view name);

// True for .md, .markdown and friends; mdx too when allowMdx.
bool isMarkdownName(std::string_view name, bool allowMdx);
// The name without its last extension.
std::string stemOf(std::string_view name);

// "https://example.org/blog/" -> url "https://example.org", path "/blog"; "/" -> "", "".
void splitBaseUrl(std::string_view base, std::string& url, std::string& path);
// "/blog/" or "blog" -> "/blog"; "/" and "" -> "".
std::string normaliseBasePath(std::string_view p);

}  // namespace pp::site
