// "Did you mean": the known word closest to one the user mistyped (an option, a command, a tag,
// a style), by edit distance with transpositions, ignoring case, as git and cargo suggest.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

// Optimal string alignment distance between a and b, ASCII letters folded to lower case,
// counted in bytes; stops counting past `limit` (returns limit + 1) so a long word costs little.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit);

// The candidate closest to `word`, when it is close enough to be what was meant: at most one
// edit for words up to four letters, else a third of the word's length (at most 3). Ties go to
// the earlier candidate. None when `word` is itself a candidate or nothing is close.
std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" for a closestMatch, else "".
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace pp
