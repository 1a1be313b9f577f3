// Prompt recognition and the line kinds of console sessions.
#include "highlight/console.h"

#include <cctype>

#include "postpress/support/text.h"

namespace pp::highlight {

namespace {

bool isPromptMark(char c) { return c == '$' || c == '#' || c == '%' || c == '>'; }

// `$ ` / `# ` / `% ` / `> ` and `❯ ` at the very start, or a lone mark ending the line.
std::size_t bareMark(std::string_view line) {
  if (startsWith(line, "\xE2\x9D\xAF ")) return 4;  // ❯ (starship, pure)
  if (line.empty() || !isPromptMark(line[0])) return 0;
  if (line.size() == 1) return line[0] == '$' || line[0] == '#' ? 1 : 0;
  return line[1] == ' ' ? 2 : 0;
}

// `user@host:~/dir$ `, `~/src$ `, `root@pod:/# `, `[user@host dir]$ `: a word (or a bracketed
// group) that looks like a place, then the mark, then a space or the line's end.
std::size_t placePrompt(std::string_view line) {
  std::size_t end = 0;
  if (startsWith(line, "[")) {
    end = line.find(']');
    if (end == std::string_view::npos || end > 80) return 0;
    ++end;
  } else {
    end = line.find(' ');
    if (end == std::string_view::npos) end = line.size();
    if (end < 2 || end > 80) return 0;
    std::string_view word = line.substr(0, end - 1);
    if (word.find_first_of("@:~/") == std::string_view::npos) return 0;
    --end;  // the mark is the word's last character
  }
  if (end >= line.size() || !isPromptMark(line[end]) || line[end] == '>') return 0;
  if (end + 1 == line.size()) return end + 1;
  return line[end + 1] == ' ' ? end + 2 : 0;
}

std::size_t powerShellPrompt(std::string_view line) {
  if (startsWith(line, "PS>")) return line.size() > 3 && line[3] == ' ' ? 4 : 3;
  if (!startsWith(line, "PS ")) return 0;
  const std::size_t mark = line.find("> ");
  if (mark == std::string_view::npos || mark > 120) return 0;
  return mark + 2;
}

std::string_view trimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The word that closes a here-document the command opens (`<<EOF`, `<<-'EOF'`, `<< "END"`),
// empty when it opens none. `<<<` is a here-string, not a document.
std::string heredocWord(std::string_view command) {
  for (std::size_t at = command.find("<<"); at != std::string_view::npos; at = command.find("<<", at + 2)) {
    std::size_t i = at + 2;
    if (i < command.size() && command[i] == '<') {
      at = i;
      continue;
    }
    if (i < command.size() && command[i] == '-') ++i;
    while (i < command.size() && command[i] == ' ') ++i;
    if (i < command.size() && (command[i] == '\'' || command[i] == '"')) ++i;
    std::string word;
    while (i < command.size() && (std::isalnum(static_cast<unsigned char>(command[i])) || command[i] == '_'))
      word += command[i++];
    if (!word.empty()) return word;
  }
  return {};
}

}  // namespace

std::size_t promptLength(std::string_view line) {
  if (std::size_t n = powerShellPrompt(line)) return n;
  if (std::size_t n = bareMark(line)) return n;
  if (startsWith(line, "(")) {  // a virtualenv or conda prefix: `(venv) $ `
    const std::size_t close = line.find(") ");
    if (close != std::string_view::npos && close < 60) {
      const std::string_view rest = line.substr(close + 2);
      const std::size_t n = bareMark(rest) ? bareMark(rest) : placePrompt(rest);
      return n ? close + 2 + n : 0;
    }
  }
  return placePrompt(line);
}

bool isPowerShellPrompt(std::string_view prompt) { return startsWith(prompt, "PS"); }

bool startsAsSession(std::string_view code) {
  std::size_t start = 0;
  while (start < code.size()) {
    std::size_t end = code.find('\n', start);
    if (end == std::string_view::npos) end = code.size();
    const std::string_view line = code.substr(start, end - start);
    if (!trim(line).empty()) return startsWith(line, "$ ") || trimRight(line) == "$";
    start = end + 1;
  }
  return false;
}

SessionReader::Verdict SessionReader::next(std::string_view line) {
  Verdict v;
  if (!heredocEnd_.empty()) {
    if (trim(line) == heredocEnd_) heredocEnd_.clear();
    v.kind = SessionLine::Continuation;
    return v;
  }
  if (backslash_) {
    v.kind = SessionLine::Continuation;
    v.powershell = powershell_;
    noteCommand(line, powershell_);
    return v;
  }
  v.prompt = promptLength(line);
  if (v.prompt == 0) return v;
  v.kind = SessionLine::Command;
  v.powershell = isPowerShellPrompt(line.substr(0, v.prompt));
  noteCommand(line.substr(v.prompt), v.powershell);
  return v;
}

void SessionReader::noteCommand(std::string_view command, bool powershell) {
  powershell_ = powershell;
  backslash_ = !powershell && !trimRight(command).empty() && trimRight(command).back() == '\\';
  heredocEnd_ = heredocWord(command);
}

}  // namespace pp::highlight
