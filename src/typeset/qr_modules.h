// A QR code's modules (libqrencode, error correction level M), kept between builds in the cache
// folder (qr/<key>.modules): choosing a code's mask is most of the work of drawing it, and a
// digest draws one for each post and many of its links.
//
// The key names the format, postpress's and libqrencode's versions, the level and the text. An
// entry is used only when its hash, its own key and its size (a QR code's side: 21 to 177
// modules, in steps of 4) check out; otherwise the code is made again and the entry rewritten.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pp::typeset {

struct QrModules {
  int width = 0;                   // modules per side
  std::vector<std::uint8_t> dark;  // width * width, row by row: 1 dark, 0 light

  bool at(int row, int col) const { return dark[static_cast<std::size_t>(row * width + col)] != 0; }
};

// The modules of `text` (at most 2,000 bytes), read from or kept in `cacheDir` (empty: none);
// nullopt when libqrencode cannot encode it.
std::optional<QrModules> qrModules(const std::string& text, const std::filesystem::path& cacheDir);

}  // namespace pp::typeset
