// Shell completions for bash, zsh and fish, written from the option table: commands, long and
// short options, the choices of an option and file or folder names where a path is expected.
#pragma once

#include <string>

namespace pp::docgen {

std::string bashCompletion();
std::string zshCompletion();
std::string fishCompletion();

}  // namespace pp::docgen
