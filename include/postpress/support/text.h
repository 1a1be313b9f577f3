// Text utilities shared by every stage: UTF-8 validation and decoding, case folding for
// matching, slugs, trimming. Everything that reaches a backend has passed validUtf8().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view s);

// Returns s with every ill-formed sequence replaced by U+FFFD. `replaced` (if given) receives
// the number of replacements and `firstBadOffset` the byte offset of the first one.
std::string sanitizeUtf8(std::string_view s, std::size_t* replaced = nullptr,
                         std::size_t* firstBadOffset = nullptr);

// Decodes the code point at s[i] (which must be valid UTF-8) and advances i past it.
char32_t nextCodepoint(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of cp to out.
void appendUtf8(std::string& out, char32_t cp);

std::u32string toUtf32(std::string_view s);
std::string toUtf8(std::u32string_view s);

// The capital of `c` in any script (Latin, Greek, Cyrillic, Armenian...; Unicode's simple
// mapping: one code point for one), `c` itself when it has none.
char32_t upperCase(char32_t c);
std::u32string upperCase(std::u32string_view s);

// Number of code points (not bytes).
std::size_t utf8Length(std::string_view s);

std::string_view trim(std::string_view s);
// Runs of ASCII white space (spaces, tabs, line breaks) as one space, none at either end.
std::string collapseSpaces(std::string_view s);
std::string toLowerAscii(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
std::vector<std::string> split(std::string_view s, char sep);
// The items with `separator` between them ("a, b, c"). A separator goes before each item once
// something has been written: leading empty items leave no separator.
std::string joinWith(const std::vector<std::string>& items, std::string_view separator);
std::string replaceAll(std::string s, std::string_view from, std::string_view to);
// Tabs replaced by spaces up to the next multiple of four columns (a column per code point,
// counted from the last line break): code as the Document holds it (document.h).
std::string expandTabs(std::string_view s);

// Key for matching tags and authors: lower-case, `-`, `_` and runs of spaces all become one
// space, trimmed. "Machine-Learning", "machine_learning" and "Machine  Learning" match.
std::string matchKey(std::string_view s);

// URL/anchor slug: lower-case ASCII letters and digits, other runs become '-'; non-ASCII
// letters are kept (GitHub style), leading/trailing '-' removed.
std::string slugify(std::string_view s);

// Escapes for XML/XHTML text and attribute values.
std::string xmlEscape(std::string_view s);

// Percent-decoding of URL paths (invalid escapes are kept literally).
std::string percentDecode(std::string_view s);
// Percent-encodes characters not allowed in a URI (spaces, non-ASCII, controls, quotes, <>):
// a URI as written, whose '%', '?' and '#' keep their meaning. PathOnly reads `s` as a file
// path instead: every byte but the unreserved ones and '/' is encoded ('%', '?', '#' too), so
// that "a b#1.md" becomes a URI reference to that very file.
enum class UriText { Uri, PathOnly };
std::string percentEncodeUri(std::string_view s, UriText text = UriText::Uri);
// Appends `byte` as "%XX" (upper-case hex digits).
void appendPercentEncoded(std::string& out, unsigned char byte);

// Counts words the way a reader would (runs of letters/digits; each CJK ideograph counts
// as one word), for reading time.
std::size_t countWords(std::string_view s);

}  // namespace pp
