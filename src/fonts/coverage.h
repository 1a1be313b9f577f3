// Which characters a font file has, read from its character map alone: the fallback chain asks
// this before it reads a font whole, so that a character found only far down the chain (a
// Chinese word in an English blog) does not read and parse every font before it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "postpress/fonts.h"

namespace pp {

class FontCoverage {
 public:
  // The code points face `face` of the file maps to glyphs (its 'cmap' as HarfBuzz reads it,
  // glyph ids past the font's glyph count left out), reading only the table directory and the
  // tables HarfBuzz asks for; nullopt (and *error) when the file is not a readable font.
  static std::optional<FontCoverage> read(const fs::path& file, unsigned face, std::string* error);
  // From ranges of code points (first, last), sorted and not overlapping (tests).
  explicit FontCoverage(std::vector<std::pair<char32_t, char32_t>> ranges) : ranges_(std::move(ranges)) {}

  bool has(char32_t cp) const;
  std::size_t rangeCount() const { return ranges_.size(); }

 private:
  std::vector<std::pair<char32_t, char32_t>> ranges_;  // sorted, inclusive
};

namespace fonts {

// The tables of one face of a font file, read on demand by (four-letter) tag with pread: the
// directory is checked when opened (every table inside the file), a table larger than
// kMaxTableBytes is refused. For reading a few tables of a font without reading all of it.
class FontTables {
 public:
  static constexpr std::size_t kMaxTableBytes = std::size_t{32} << 20;
  FontTables() = default;
  ~FontTables();
  FontTables(FontTables&& o) noexcept;
  FontTables& operator=(FontTables&& o) noexcept;
  FontTables(const FontTables&) = delete;
  FontTables& operator=(const FontTables&) = delete;

  // False (and *error) when the file cannot be opened, is not a regular file, or has no valid
  // table directory for face `face`.
  bool open(const fs::path& file, unsigned face, std::string* error);
  bool has(std::string_view tag) const;
  // The table's bytes; nullopt when the face has no such table or it cannot be read.
  std::optional<std::string> read(std::string_view tag) const;

 private:
  struct Record {
    char tag[4];
    std::uint32_t offset, length;
  };
  int fd_ = -1;
  std::vector<Record> records_;
};

}  // namespace fonts
}  // namespace pp
