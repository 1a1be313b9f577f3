// The words one face has shaped, kept in the cache folder between builds: a warm build of an
// unchanged blog shapes almost nothing, where shaping every distinct word with HarfBuzz was a
// sixth of its work (bench/results.md). One file per face, named by what decides its glyphs:
// the font's bytes, HarfBuzz's version, the default language and this program's version.
#pragma once

#include <cstdint>
#include <functional>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/fonts.h"
#include "postpress/support/files.h"

namespace pp::fonts {

// What a file of shapes holds, and its checks: every entry's clusters inside its text, its
// glyphs inside the font, its numbers finite; and a hash of the whole file, so that a file
// cut short or changed is not used at all.
struct StoredShape {
  TextDirection direction = TextDirection::Auto;
  std::u32string text;
  ShapedText shaped;
};
std::string encodeShapes(const std::vector<StoredShape>& shapes);
// Every entry; nullopt when the bytes are not a whole file or any entry is not valid for a
// font of `glyphCount` glyphs.
std::optional<std::vector<StoredShape>> decodeShapes(std::string_view bytes, int glyphCount);

// A file of shapes as a build reads it: checked whole (its hash and the framing of its
// entries) when opened, indexed by text, and each entry decoded (and checked against the font)
// only when a word asks for it, so that opening costs one pass over the bytes and no entry of
// a word this build does not set is made.
class ShapeFile {
 public:
  static std::optional<ShapeFile> open(FileBytes bytes);
  // The entry for text in that direction, decoded; nullopt when there is none or it is not
  // valid for a font of `glyphCount` glyphs.
  std::optional<ShapedText> find(std::u32string_view text, TextDirection direction, int glyphCount) const;
  // Every entry valid for the font, decoded and raw (for writing a file again), in order.
  void forEachValid(int glyphCount, const std::function<void(TextDirection, std::u32string_view text, const ShapedText&,
                                                             std::string_view raw)>& f) const;
  std::size_t size() const { return offsets_.size(); }  // entries, valid or not

 private:
  ShapeFile() = default;
  std::optional<ShapedText> decodeAt(std::uint32_t offset, int glyphCount) const;
  FileBytes bytes_;
  std::vector<std::uint32_t> offsets_;  // each entry's start
  // Open addressing: (hash of direction and text, index into offsets_ + 1); 0: empty.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;
};

// Shapes of one face read from and written to the cache folder. Thread-safe: find() reads a
// table filled once; remember() and save() lock.
class ShapeMemory {
 public:
  // Where the face's file lives; empty (the default): nothing is read or written.
  void setFolder(const std::filesystem::path& folder) { folder_ = folder; }
  // The stored shape of `text`, from the face's file (read on the first call); nullopt when
  // the file has none (or there is no usable file).
  std::optional<ShapedText> find(const FontFile& font, std::u32string_view text, TextDirection direction);
  // A shape made by this build, written by save().
  void remember(std::u32string_view text, TextDirection direction, const ShapedText& shaped);
  // Writes the stored and remembered shapes when anything was remembered (best effort: a
  // cache that cannot be written costs the next build the shaping only).
  void save(const FontFile& font);

  // Longer words are not kept (they are rare, and a file of them would be large).
  static constexpr std::size_t kMaxTextLength = 256;
  // A file holds at most this many shapes; past it, this build's shapes come first.
  static constexpr std::size_t kMaxShapes = 200000;

 private:
  std::filesystem::path file(const FontFile& font) const;
  void load(const FontFile& font);

  std::filesystem::path folder_;
  std::once_flag loaded_;
  std::optional<ShapeFile> stored_;  // read-only once loaded
  int glyphCount_ = 0;
  std::mutex mutex_;
  std::vector<StoredShape> fresh_;
};

}  // namespace pp::fonts
