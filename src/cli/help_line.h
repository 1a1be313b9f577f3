// An option's help line, the same in --help, the manual pages and the shell completions.
#pragma once

#include <string>

#include "postpress/options.h"

namespace pp::cli {

// What the option does, its choices, range and default.
std::string helpLine(const OptionSpec& option);

}  // namespace pp::cli
