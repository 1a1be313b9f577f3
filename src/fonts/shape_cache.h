// The words one face has shaped, kept in the cache folder between builds: a warm build of an
// unchanged blog shapes almost nothing, where shaping every distinct word with HarfBuzz was a
// sixth of its work (bench/results.md). One file per face, named by what decides its glyphs:
// the font's bytes, HarfBuzz's version, the default language and this program's version.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "postpress/fonts.h"

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
// nullopt when the bytes are not a whole, valid file for a font of `glyphCount` glyphs.
std::optional<std::vector<StoredShape>> decodeShapes(std::string_view bytes, int glyphCount);

// Shapes of one face read from and written to the cache folder. Thread-safe: find() reads a
// table filled once; remember() and save() lock.
class ShapeMemory {
 public:
  // Where the face's file lives; empty (the default): nothing is read or written.
  void setFolder(const std::filesystem::path& folder) { folder_ = folder; }
  // The stored shape of `text`, read from the face's file on the first call; nullptr when the
  // file has none (or there is no usable file). The reference lives as long as this.
  const ShapedText* find(const FontFile& font, std::u32string_view text, TextDirection direction);
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
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view t) const noexcept { return std::hash<std::u32string_view>{}(t); }
  };
  using Table = std::unordered_map<std::u32string, ShapedText, TextHash, std::equal_to<>>;
  std::filesystem::path file(const FontFile& font) const;
  void load(const FontFile& font);

  std::filesystem::path folder_;
  std::once_flag loaded_;
  Table stored_[3];  // by TextDirection; read-only once loaded
  std::mutex mutex_;
  std::vector<StoredShape> fresh_;
};

}  // namespace pp::fonts
