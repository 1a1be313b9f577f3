// Runs a shell command for a test and gives back its exit status and output (stdout and
// stderr together): the validators a test checks its files with (qpdf, poppler, xmllint).
#pragma once

#include <array>
#include <cstdio>
#include <string>

namespace pptest {

struct CommandRun {
  int status = -1;  // as pclose gives it; 0 is success
  std::string out;
};

inline CommandRun runCommand(const std::string& cmd) {
  CommandRun r;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  r.status = ::pclose(p);
  return r;
}

inline bool haveTool(const std::string& name) { return runCommand("command -v " + name).status == 0; }

}  // namespace pptest
