// Highlighted code blocks kept between builds, in the cache folder (highlight/<key>.spans), so
// that a rebuild of unchanged posts borrows no engine: no Kate repository is made and no
// definition loaded, which is most of what highlighting a block costs.
//
// The key names everything a block's spans depend on: this format and postpress's version,
// the Kate library's version, the bytes of postpress's own definitions (<data dir>/syntax), the
// limits that leave a line or a block plain, the info string and the code. Only results that
// follow from those alone are kept (Highlighted, UnknownLanguage): not a block that ran out of
// time. An entry is checked whole before it is used (its fields, a hash of them, its own key,
// every span inside the code, in order, on one line, of a known class); one that is not as
// written is a miss, and the block is highlighted and stored again.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "postpress/highlight.h"

namespace pp::highlight {

class HighlightCache {
 public:
  // `folder`: the cache folder (already checked to be this user's own); `definitions`: what
  // identifies the definitions and limits in use (definitionsIdentity).
  HighlightCache(std::filesystem::path folder, std::string definitions);

  // What names the block `code` under the info string `info` (load and save take it).
  std::string key(std::string_view info, std::string_view code) const;
  std::optional<HighlightedCode> load(const std::string& key, std::string_view code) const;
  // Best effort: a cache that cannot be written costs the next build the highlighting only.
  void save(const std::string& key, const HighlightedCode& highlighted) const;

  // The Kate library's version, the bytes of every file in `dataDir`/syntax and the limits.
  static std::string definitionsIdentity(const std::filesystem::path& dataDir, const HighlightLimits& limits);

 private:
  std::filesystem::path entryPath(const std::string& key) const;

  std::filesystem::path folder_;
  std::string definitions_;
};

}  // namespace pp::highlight
