// Reading a style's `highlight:` block (the syntax highlighting theme).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "postpress/style.h"

namespace pp::style {

struct ThemeProblem {
  YAML::Node where;
  const char* code;  // "style-unknown-key", "style-bad-value"
  std::string message;
};

// Applies `node` onto `theme`: only the classes and fields it sets change. Every unknown key
// and bad value is a problem (the theme keeps its value there).
void readHighlightTheme(const YAML::Node& node, HighlightTheme& theme, std::vector<ThemeProblem>& problems);

}  // namespace pp::style
