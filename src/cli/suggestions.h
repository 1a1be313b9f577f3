// Mistyped commands and options, named with the nearest one ("--sit": did you mean '--site'?),
// for when CLI11 refuses the command line.
#pragma once

#include <optional>
#include <string>

namespace pp::cli {

// The first unknown command or long option of argv, as a usage error's message with a
// suggestion; none when every word is known (CLI11's own message then stands).
std::optional<std::string> unknownArgument(int argc, const char* const* argv);

}  // namespace pp::cli
