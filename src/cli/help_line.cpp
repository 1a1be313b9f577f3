#include "cli/help_line.h"

#include <string>
#include <vector>

namespace pp::cli {

namespace {

std::string joinedNotes(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

}  // namespace

std::string helpLine(const OptionSpec& o) {
  std::string line(o.help);
  if (o.type == OptionType::Choice || o.type == OptionType::Formats) {
    std::string choices;
    for (std::string_view c : o.choices) choices += (choices.empty() ? "" : ", ") + std::string(c);
    line += ": " + choices;
  }
  std::vector<std::string> notes;
  if (o.type == OptionType::Integer) notes.push_back(std::to_string(o.min) + " to " + std::to_string(o.max));
  const std::string value(o.defaultValue);
  if (!o.defaultNote.empty()) notes.push_back("default: " + std::string(o.defaultNote));
  else if (o.type == OptionType::Flag || value.empty()) {}  // a flag says what it changes
  else if (!o.styleKey.empty()) notes.push_back("default: the style's, " + value);
  else notes.push_back("default: " + value);
  if (!notes.empty()) line += " (" + joinedNotes(notes) + ")";
  return line;
}

}  // namespace pp::cli
