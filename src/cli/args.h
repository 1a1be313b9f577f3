// Command-line arguments shared by the subcommands, and their translation into the build
// stage's types. Validation problems are usage errors (exit code 2).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "postpress/driver.h"

namespace pp::cli {

// Exit codes: a contract with users' scripts and CI jobs.
enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitUsage = 2 };

struct SelectionArgs {
  std::string site = ".";
  std::string postsGlob;
  std::string tagSource = "auto";
  std::vector<std::string> tags, excludeTags, authors;
  std::string since, until, quarter;
  std::string lang;
  int year = 0;
  int limit = 0;
  bool drafts = false;
  bool newestFirst = false;
};

struct BuildArgs {
  std::string formats;
  std::string output;
  std::string title, subtitle;
  std::string style = "report";
  std::string paper;
  std::string config;
  std::string digest;
  std::string report;
  std::string cache;
  std::string groupBy;
  std::string linkNotes;
  std::string language;
  bool strict = false;
  bool timings = false;
  bool fetchRemote = false;
  bool grayscale = false;
  int jobs = 0;
  int dpi = 0;
  int epubMaxSide = 0;
  int jpegQuality = 0;
  bool noCover = false, noBrief = false, noToc = false, noIndexes = false, noQr = false;
};

void addSelectionOptions(CLI::App& cmd, SelectionArgs& args);
void addBuildOptions(CLI::App& cmd, BuildArgs& args, bool check);

// Turns the selection flags into SiteOptions + Selection; on a bad value returns the message
// of the usage error.
std::optional<std::string> toSelection(const SelectionArgs& args, SiteOptions& site, Selection& sel);

// True when any selection flag was given (they cannot be combined with -c).
bool anySelectionFlag(const CLI::App& cmd);

// The DigestSpec the flags describe (command line, no config file).
std::optional<std::string> toDigestSpec(const CLI::App& cmd, const SelectionArgs& sel,
                                        const BuildArgs& args, DigestSpec& spec);

// SOURCE_DATE_EPOCH from the environment (0 when unset or malformed).
long long sourceDateEpoch();

}  // namespace pp::cli
