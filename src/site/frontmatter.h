// Source text normalisation and front matter splitting: the part of reading a post that knows
// about bytes, BOMs, line ends and delimiters, and nothing about what the keys mean.
#pragma once

#include <string>
#include <string_view>

#include "postpress/support/diagnostics.h"
#include "site/meta.h"

namespace pp::site {

// Strips a UTF-8 BOM, turns CRLF and lone CR into LF, and replaces ill-formed UTF-8 with
// U+FFFD, reporting the first bad byte as `path:line:col` (code "utf8-invalid").
std::string normaliseText(std::string_view raw, const std::string& path, DiagnosticSink& diags);

enum class FrontMatterFormat { None, Yaml, Toml, Json };

struct FrontMatter {
  FrontMatterFormat format = FrontMatterFormat::None;
  Meta data;          // always a map (empty when there is no front matter)
  std::string body;   // everything after the closing delimiter
  int bodyLine = 1;   // file line where body starts
  int openLine = 0;   // line of the opening delimiter (1) or 0 when none
};

// Splits normalised text into front matter and body and parses the front matter:
// YAML between `---` lines (closed by `---` or `...`), TOML between `+++` lines, and, when
// allowJson (Hugo), a JSON object starting with a `{` line and ending with a `}` line.
// Returns false after reporting an error at the right file line when the front matter is
// malformed or never closed.
bool splitFrontMatter(std::string_view text, const std::string& path, bool allowJson,
                      FrontMatter& out, DiagnosticSink& diags);

// Pelican's and Python-Markdown's metadata header (MkDocs reads it too): `Key: value` lines up
// to the first blank line, continuation lines indented four spaces; keys lower-cased, values
// text. Fills out (format None, data, body, bodyLine) and returns true when the text starts
// with such a header.
bool splitMetadataHeader(std::string_view text, FrontMatter& out);

// Parses a whole config file (YAML, TOML or JSON chosen by extension). Reports errors with
// file positions. Returns false when unusable.
bool parseConfigText(std::string_view text, const std::string& path, Meta& out,
                     DiagnosticSink& diags);

}  // namespace pp::site
