// Pictures written as flat grey PNG files and processed by an AssetStore of one worker, for the
// tests of how the layout sizes pictures whatever pixels they store (tests/unit/book,
// tests/unit/typeset).
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "postpress/assets.h"
#include "postpress/codecs.h"

namespace pptest {

struct PictureFile {
  std::string name;
  int width = 0;
  int height = 0;
};

struct ProcessedPictures {
  std::unique_ptr<pp::AssetStore> store;
  std::vector<int> ids;  // in the order the pictures were given
};

// Writes each picture into `dir`, resolves and processes them all with a cache in dir/cache,
// and requires every one processed.
inline ProcessedPictures processPictures(const std::filesystem::path& dir, const std::vector<PictureFile>& pictures,
                                         pp::DiagnosticSink& diags) {
  ProcessedPictures out;
  pp::AssetOptions options;
  options.cacheDir = dir / "cache";
  options.jobs = 1;
  out.store = std::make_unique<pp::AssetStore>(options);
  for (const PictureFile& p : pictures) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(p.width) * p.height * 3, 90);
    std::ofstream(dir / p.name, std::ios::binary) << pp::codecs::encodePngPixels(p.width, p.height, 3, px.data(), 1);
    out.ids.push_back(out.store->resolveFile(dir / p.name, {}, diags));
  }
  out.store->process(diags);
  for (int id : out.ids) REQUIRE(out.store->at(id).ok());
  return out;
}

}  // namespace pptest
