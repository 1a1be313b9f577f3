// Runs a shell command for a test and gives back its exit status and output (stdout and
// stderr together, or stdout alone): the validators a test checks its files with (qpdf,
// poppler, xmllint).
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace pptest {

struct CommandRun {
  int status = -1;  // as pclose gives it; 0 is success
  std::string out;
};

// Runs a whole shell command line (its redirections included).
inline CommandRun runShellLine(const std::string& line) {
  CommandRun r;
  FILE* p = ::popen(line.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  r.status = ::pclose(p);
  return r;
}

inline CommandRun runCommand(const std::string& cmd) { return runShellLine(cmd + " 2>&1"); }

// The same with stderr thrown away: out is what the command printed on stdout only, for a test
// that reads a tool's output (text, JSON) where a warning on stderr would stand in the way.
inline CommandRun runCommandStdoutOnly(const std::string& cmd) { return runShellLine(cmd + " 2>/dev/null"); }

inline bool haveTool(const std::string& name) { return runCommand("command -v " + name).status == 0; }

}  // namespace pptest
