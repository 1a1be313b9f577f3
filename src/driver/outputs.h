// Where a digest's outputs go, and the checks before anything is written there: an output
// stays inside the config's folder when the config named it, and never replaces a file the
// build reads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "postpress/driver.h"
#include "postpress/support/diagnostics.h"

namespace pp::driver {

// The file an output format goes to: "out/digest" -> "out/digest.pdf"; an output that already
// names the format's extension is used as it is.
fs::path outputPathFor(const fs::path& base, const std::string& format);

// Creates the output's folder; false after an error diagnostic when it cannot be made.
bool ensureParentFolder(const fs::path& file, DiagnosticSink& diags);

// The sources a digest reads: its site's posts and generator config, the postpress config,
// the style file, the logo and cover, and every local image.
// (`assets` null: before images are resolved).
std::vector<fs::path> digestInputs(const DigestSpec& spec, const Site& site, const AssetStore* assets);

// Hands `from`'s diagnostics on to `to`, naming `target` where they name `staged` (a writer
// writes into a staging folder, the user knows the output by its own name).
void replayNamingTarget(const DiagnosticSink& from, DiagnosticSink& to, const fs::path& staged, const fs::path& target);

}  // namespace pp::driver
