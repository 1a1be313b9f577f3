// How many columns text takes on a terminal (as wcwidth(3) counts them, by Unicode's East Asian
// Width): CJK ideographs, kana, Hangul and fullwidth forms two, combining marks and format
// characters none, everything else one. For tables printed to a terminal (`postpress list`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pp {

std::size_t displayWidth(char32_t c);
std::size_t displayWidth(std::string_view utf8);

// `utf8` cut to at most `columns` columns, ending with "…" when cut (never inside a character,
// never leaving a combining mark without its base).
std::string fitColumns(std::string_view utf8, std::size_t columns);
// `utf8` followed by spaces up to `columns` columns (unchanged when it is as wide or wider).
std::string padColumns(std::string_view utf8, std::size_t columns);

}  // namespace pp
