// Console sessions: which lines are commands (after a prompt) and which are output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pp::highlight {

// Bytes of the shell prompt that starts `line`, 0 when none does: `$ `, `# `, `% `, `> `,
// `❯ `, `PS> `, `PS C:\dir> `, `user@host:~/dir$ `, `[user@host dir]# `, `(venv) $ `, and a
// lone `$` or `#` (an empty command).
std::size_t promptLength(std::string_view line);

// True for PowerShell's prompts (`PS> `, `PS C:\dir> `): their commands are PowerShell.
bool isPowerShellPrompt(std::string_view prompt);

// True when the first non-blank line starts with a `$ ` prompt: a shell block that is in fact
// a session (no shell script starts so).
bool startsAsSession(std::string_view code);

enum class SessionLine : unsigned char { Command, Continuation, Output };

// Reads a session line by line. A command goes on over the next line after a trailing `\`,
// and over a here-document's lines (`<<EOF` ... `EOF`); everything else without a prompt is
// output.
class SessionReader {
 public:
  struct Verdict {
    SessionLine kind = SessionLine::Output;
    std::size_t prompt = 0;  // bytes of the prompt (Command only)
    bool powershell = false;
  };
  Verdict next(std::string_view line);

 private:
  void noteCommand(std::string_view command, bool powershell);
  bool backslash_ = false;     // the previous bash command line ended with `\`
  bool powershell_ = false;    // the current command is PowerShell's
  std::string heredocEnd_;     // the word that closes an open here-document
};

}  // namespace pp::highlight
