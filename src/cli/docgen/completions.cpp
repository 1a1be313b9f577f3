#include "cli/docgen/completions.h"

#include <sstream>
#include <string_view>

#include "cli/help_line.h"
#include "postpress/options.h"

namespace pp::docgen {

namespace {

std::string longName(const OptionSpec& o) { return "--" + std::string(o.flag); }

std::string choicesOf(const OptionSpec& o, const char* separator) {
  std::string out;
  for (std::string_view c : o.choices) out += (out.empty() ? "" : separator) + std::string(c);
  return out;
}

bool takesFolder(const OptionSpec& o) { return o.type == OptionType::Path && o.valueName == "DIR"; }
bool takesFile(const OptionSpec& o) {
  return (o.type == OptionType::Path && !takesFolder(o)) || o.type == OptionType::Style;
}

// Text inside single quotes of a shell word: ' as '\''.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The option's help without its choices and default (fish and zsh show it beside the name).
std::string shortHelp(const OptionSpec& o) {
  std::string h(o.help);
  if (const auto cut = h.find(" ("); cut != std::string::npos && cut > 20) h.resize(cut);
  for (char& c : h)
    if (c == '[' || c == ']' || c == ':') c = ' ';  // zsh's _arguments syntax
  return h;
}

}  // namespace

std::string bashCompletion() {
  std::ostringstream s;
  s << "# bash completion for postpress, generated from its option table\n"
       "_postpress() {\n"
       "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" command= i\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    case \"${COMP_WORDS[i]}\" in\n";
  std::string names;
  for (const CommandSpec& c : kCommands) names += (names.empty() ? "" : "|") + std::string(c.name);
  s << "      " << names << ") command=\"${COMP_WORDS[i]}\"; break ;;\n    esac\n  done\n";
  // The value of the option before the cursor.
  s << "  case \"$prev\" in\n";
  for (const OptionSpec& o : kOptions) {
    if (o.flag.empty() || o.type == OptionType::Flag) continue;
    std::string spellings = longName(o);
    if (o.shortFlag) spellings += std::string("|-") + o.shortFlag;
    s << "    " << spellings << ") ";
    if (!o.choices.empty()) s << "COMPREPLY=($(compgen -W " << quoted(choicesOf(o, " ")) << " -- \"$cur\"))";
    else if (takesFolder(o)) s << "COMPREPLY=($(compgen -d -- \"$cur\"))";
    else if (takesFile(o)) s << "COMPREPLY=($(compgen -f -- \"$cur\"))";
    else s << "COMPREPLY=()";
    s << "; return ;;\n";
  }
  s << "  esac\n";
  s << "  if [[ \"$cur\" == -* ]]; then\n    case \"$command\" in\n";
  for (const CommandSpec& c : kCommands) {
    std::string opts;
    for (const OptionSpec& o : kOptions)
      if (!o.flag.empty() && (o.commands & (c.bit | kGlobal))) opts += (opts.empty() ? "" : " ") + longName(o);
    s << "      " << c.name << ") COMPREPLY=($(compgen -W " << quoted(opts) << " -- \"$cur\")) ;;\n";
  }
  std::string general;
  for (const OptionSpec& o : kOptions)
    if (!o.flag.empty() && (o.commands & kGlobal)) general += (general.empty() ? "" : " ") + longName(o);
  s << "      *) COMPREPLY=($(compgen -W " << quoted(general) << " -- \"$cur\")) ;;\n    esac\n";
  s << "  elif [[ -z \"$command\" ]]; then\n"
       "    COMPREPLY=($(compgen -W " << quoted([] {
         std::string w;
         for (const CommandSpec& c : kCommands) w += (w.empty() ? "" : " ") + std::string(c.name);
         return w;
       }()) << " -- \"$cur\"))\n  fi\n}\ncomplete -F _postpress postpress\n";
  return s.str();
}

std::string zshCompletion() {
  std::ostringstream s;
  s << "#compdef postpress\n# zsh completion for postpress, generated from its option table\n\n"
       "_postpress() {\n  local curcontext=\"$curcontext\" state line\n  typeset -A opt_args\n"
       "  _arguments -C \\\n";
  for (const OptionSpec& o : kOptions)
    if (!o.flag.empty() && (o.commands & kGlobal))
      s << "    " << quoted(longName(o) + "[" + shortHelp(o) + "]") << " \\\n";
  s << "    '1:command:->command' \\\n    '*::argument:->argument'\n"
       "  case $state in\n    command)\n      local -a commands\n      commands=(\n";
  for (const CommandSpec& c : kCommands) s << "        " << quoted(std::string(c.name) + ":" + std::string(c.help)) << "\n";
  s << "      )\n      _describe command commands ;;\n    argument)\n      case $line[1] in\n";
  for (const CommandSpec& c : kCommands) {
    s << "        " << c.name << ")\n          _arguments \\\n";
    for (const OptionSpec& o : kOptions) {
      if (o.flag.empty() || !(o.commands & c.bit)) continue;
      std::string action;
      if (o.type != OptionType::Flag) {
        const std::string value = o.valueName.empty() ? "value" : std::string(o.valueName);
        if (!o.choices.empty()) action = ":" + value + ":(" + choicesOf(o, " ") + ")";
        else if (takesFolder(o)) action = ":" + value + ":_files -/";
        else if (takesFile(o)) action = ":" + value + ":_files";
        else action = ":" + value + ": ";
      }
      const std::string repeat = o.type == OptionType::List ? "*" : "";
      const std::string spec = "[" + shortHelp(o) + "]" + action;
      if (o.shortFlag) {
        // '(-o --output)'{-o,--output}'[help]:PATH:_files': the two spellings exclude each other.
        const std::string both = "-" + std::string(1, o.shortFlag) + "," + longName(o);
        const std::string exclusive = repeat.empty() ? "(-" + std::string(1, o.shortFlag) + " " + longName(o) + ")" : "*";
        s << "            " << quoted(exclusive) << "{" << both << "}" << quoted(spec) << " \\\n";
      } else {
        s << "            " << quoted(repeat + longName(o) + spec) << " \\\n";
      }
    }
    s << "            && return 0 ;;\n";
  }
  s << "      esac ;;\n  esac\n}\n\n_postpress \"$@\"\n";
  return s.str();
}

std::string fishCompletion() {
  std::ostringstream s;
  s << "# fish completion for postpress, generated from its option table\n"
       "complete -c postpress -f\n";
  std::string names;
  for (const CommandSpec& c : kCommands) names += (names.empty() ? "" : " ") + std::string(c.name);
  for (const CommandSpec& c : kCommands)
    s << "complete -c postpress -n " << quoted("not __fish_seen_subcommand_from " + names) << " -a " << c.name
      << " -d " << quoted(c.help) << "\n";
  for (const OptionSpec& o : kOptions) {
    if (o.flag.empty()) continue;
    std::string condition;
    if (o.commands & kGlobal) {
      condition = "";
    } else {
      std::string of;
      for (const CommandSpec& c : kCommands)
        if (o.commands & c.bit) of += " " + std::string(c.name);
      condition = "__fish_seen_subcommand_from" + of;
    }
    s << "complete -c postpress";
    if (!condition.empty()) s << " -n " << quoted(condition);
    s << " -l " << o.flag;
    if (o.shortFlag) s << " -s " << o.shortFlag;
    if (o.type != OptionType::Flag) {
      s << " -r";
      if (!o.choices.empty()) s << " -a " << quoted(choicesOf(o, " "));
      else if (takesFile(o) || takesFolder(o)) s << " -F";
    }
    s << " -d " << quoted(shortHelp(o)) << "\n";
  }
  return s.str();
}

}  // namespace pp::docgen
