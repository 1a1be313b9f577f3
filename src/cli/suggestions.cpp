#include "cli/suggestions.h"

#include <string_view>
#include <vector>

#include "postpress/options.h"
#include "postpress/support/suggest.h"

namespace pp::cli {

namespace {

const OptionSpec* longOption(std::string_view name, unsigned commands) {
  for (const OptionSpec& o : kOptions)
    if (!o.flag.empty() && o.flag == name && (o.commands & commands)) return &o;
  return nullptr;
}

std::vector<std::string> longOptionsOf(unsigned commands) {
  std::vector<std::string> names;
  for (const OptionSpec& o : kOptions)
    if (!o.flag.empty() && (o.commands & commands)) names.push_back("--" + std::string(o.flag));
  return names;
}

}  // namespace

std::optional<std::string> unknownArgument(int argc, const char* const* argv) {
  unsigned commands = kGlobal;
  bool commandSeen = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 2 && arg.substr(0, 2) == "--") {
      const std::string_view name = arg.substr(2, arg.find('=') == std::string_view::npos ? arg.npos : arg.find('=') - 2);
      const OptionSpec* o = longOption(name, commands);
      if (!o) {
        const std::string typed = "--" + std::string(name);
        const std::string where = commandSeen ? "" : " before the command";
        return "unknown option '" + typed + "'" + where + didYouMean(typed, longOptionsOf(commands));
      }
      // The option's value is the next word, whatever it looks like.
      if (o->type != OptionType::Flag && arg.find('=') == std::string_view::npos) ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;  // short options: CLI11 says what is wrong
    if (commandSeen) continue;                    // a stray word: CLI11's message names it
    std::vector<std::string> names;
    for (const CommandSpec& c : kCommands) {
      names.emplace_back(c.name);
      if (c.name == arg) commands = kGlobal | c.bit;
    }
    if (commands == kGlobal) return "unknown command '" + std::string(arg) + "'" + didYouMean(arg, names);
    commandSeen = true;
  }
  return std::nullopt;
}

}  // namespace pp::cli
