// Liquid markup into a tree: text spans, outputs ({{ }}) and tags ({% %}), block tags holding
// one body per branch; raw, comment and highlight bodies kept literal. Whitespace control
// ({{- -}}) is applied here. Liquid inside fenced code stays text, as Jekyll shows it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown/context.h"
#include "markdown/source.h"

namespace pp::markdown::liquid {

struct Node {
  enum class Kind { Text, Output, Tag };
  Kind kind = Kind::Text;
  std::size_t begin = 0, end = 0;  // Text: copied span; Output/Tag: markup span
  std::string name;                // Tag name
  std::string markup;              // Output expression / Tag arguments
  std::size_t bodyBegin = 0, bodyEnd = 0;  // raw / highlight: literal body
  // Block tags: one body per branch; branch conditions in `conds` ("" = else).
  std::vector<std::vector<Node>> bodies;
  std::vector<std::string> conds;
};

// The `conds` entry of an else branch (no condition can be spelled so).
inline constexpr std::string_view kElseBranch = "\x01" "else";

// Parses `text`. Problems (unclosed markup, nesting too deep, stray end tags) are reported
// at their line of `src`; with no `src` (an included file) at line 0.
std::vector<Node> parse(std::string_view text, ParseContext& ctx, const Source* src);

}  // namespace pp::markdown::liquid
