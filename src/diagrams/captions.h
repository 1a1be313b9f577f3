// A diagram's caption and description as its source gives them.
#pragma once

#include <string>
#include <string_view>

namespace pp::diagrams {

// Quarto's cell options at the top of a diagram's source (`%%| fig-cap: "..."` in mermaid,
// `//| fig-cap: ...` in dot): the value of `key` after `prefix`, unquoted; "" when absent.
std::string cellOption(std::string_view source, std::string_view prefix, std::string_view key);

}  // namespace pp::diagrams
