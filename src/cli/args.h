// The command line's options: registered with CLI11 from the option table
// (include/postpress/options.h), and read after parsing by the same rules as postpress.yaml's
// keys (postpress/driver.h). Problems with them are usage errors (exit code 2).
#pragma once

#include <CLI/CLI.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "postpress/driver.h"
#include "cli/help_line.h"
#include "postpress/options.h"

namespace pp::cli {

// Exit codes: a contract with users' scripts and CI jobs.
enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

// The options of one command (or the general ones, kGlobal): CLI11 fills in their texts while
// parsing, read() then checks and converts the ones given. CLI11 keeps pointers into it, so it
// stays where it was made.
class GivenOptions {
 public:
  GivenOptions() = default;
  GivenOptions(const GivenOptions&) = delete;
  GivenOptions& operator=(const GivenOptions&) = delete;

  // Adds every option of the table that `command` takes to `app` (but --help and --version,
  // which CLI11 makes itself).
  void addTo(CLI::App& app, Command command);
  // After parsing: reads the given options by the table's rules; returns the first problem,
  // as the usage error's message.
  std::optional<std::string> read();

  bool has(OptionId id) const { return slot(id).given; }
  const OptionValue& operator[](OptionId id) const { return slot(id).value; }  // a given option's
  // The given options, in the table's order.
  std::vector<OptionId> ids() const;
  // A given flag's value, else the table's default.
  bool on(OptionId id) const;

 private:
  struct Slot {
    CLI::Option* option = nullptr;
    std::string text;
    std::vector<std::string> list;
    bool flag = false;
    bool given = false;
    OptionValue value;
  };
  const Slot& slot(OptionId id) const { return slots_[static_cast<std::size_t>(id)]; }
  std::array<Slot, kOptionCount> slots_;
};

// "--dpi", "-o/--output": an option as the user may have typed it, for messages.
std::string spelling(const OptionSpec& option);


// The digest the given options describe (no config file): a selection for `list`, a whole
// digest for `build`. Returns the usage error.
std::optional<std::string> toDigestSpec(const GivenOptions& given, DigestSpec& spec);

// True when an option that picks posts was given (they cannot be combined with -c).
bool anySelectionGiven(const GivenOptions& given);

// Prints a usage error ("postpress: error: ...") and returns its exit code.
int usageError(const std::string& message);


}  // namespace pp::cli
