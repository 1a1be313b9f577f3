// What each HTML element is to the converters: a block or not, dropped with a warning (scripts,
// forms), a plain container whose box goes; and what some carry (a code language, the kind of
// an admonition-like box).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "markdown/html_tree.h"
#include "postpress/document.h"

namespace pp::markdown {

inline bool oneOf(std::string_view tag, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), tag) != set.end();
}

bool isBlockTag(std::string_view t);
bool isDroppedTag(std::string_view t);
// Elements whose box is dropped and whose children are kept.
bool isContainerTag(std::string_view t);
bool hasBlockChild(const HtmlNode& n);

// The text of an element's subtree (<br> as a newline), dropped elements left out.
void textContent(const HtmlNode& n, std::string& out, int depth = 0);
// The language of a <pre> or <code> from its class ("language-go", "highlight-source-python").
std::string codeLanguage(const HtmlNode& n);
// An admonition-like box: <div class="admonition note">, Bootstrap "alert alert-warning",
// GitHub "flash flash-warn", "callout callout-tip", "note"...
bool admonitionDiv(const HtmlNode& n, AdmonitionKind* kind);

}  // namespace pp::markdown
