// encodePngPixelsCached: the bytes are encodePngPixels' whether the cache misses, hits, is
// damaged or cannot be written, and a hit really comes from the cache.
#include "postpress/codecs.h"
#include "support.h"

using namespace pptest;

namespace {

std::vector<fs::path> drawnFiles(const fs::path& cache) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache / "images", ec))
    if (e.path().filename().string().rfind("drawn-", 0) == 0) out.push_back(e.path());
  return out;
}

}  // namespace

TEST_CASE("a drawn picture's PNG is encoded once and read back from the cache") {
  TempDir dir;
  const fs::path cache = dir.path() / "cache";
  const auto px = pixels(120, 80, 3, photo());
  const std::string fresh = pp::codecs::encodePngPixels(120, 80, 3, px.data(), 1);
  REQUIRE_FALSE(fresh.empty());

  CHECK(pp::encodePngPixelsCached(cache, 120, 80, 3, px.data(), 1) == fresh);  // miss: written
  const auto files = drawnFiles(cache);
  REQUIRE(files.size() == 1);
  CHECK(pp::readFile(files[0]).value_or("") == fresh);

  // A hit is what the file holds: another valid PNG of the same size put in its place comes
  // back (the cache is trusted for what it names, and checked only for being a whole PNG).
  const auto other = pixels(120, 80, 3, halves());
  const std::string otherPng = pp::codecs::encodePngPixels(120, 80, 3, other.data(), 1);
  REQUIRE(otherPng != fresh);
  { std::ofstream(files[0], std::ios::binary | std::ios::trunc) << otherPng; }
  CHECK(pp::encodePngPixelsCached(cache, 120, 80, 3, px.data(), 1) == otherPng);

  // Different pixels, shape or level are different entries.
  CHECK(pp::encodePngPixelsCached(cache, 120, 80, 3, other.data(), 1) == otherPng);
  CHECK(pp::encodePngPixelsCached(cache, 80, 120, 3, px.data(), 1) == pp::codecs::encodePngPixels(80, 120, 3, px.data(), 1));
  CHECK(pp::encodePngPixelsCached(cache, 120, 80, 3, px.data(), 6) == pp::codecs::encodePngPixels(120, 80, 3, px.data(), 6));
  CHECK(drawnFiles(cache).size() == 4);
}

TEST_CASE("a damaged cached PNG is a miss and is written again") {
  TempDir dir;
  const fs::path cache = dir.path() / "cache";
  const auto px = pixels(64, 64, 4, photo(3));
  const std::string fresh = pp::codecs::encodePngPixels(64, 64, 4, px.data(), 1);
  REQUIRE(pp::encodePngPixelsCached(cache, 64, 64, 4, px.data(), 1) == fresh);
  const auto files = drawnFiles(cache);
  REQUIRE(files.size() == 1);
  for (const std::string& damage : {std::string("not a png"), fresh.substr(0, fresh.size() / 2), std::string()}) {
    { std::ofstream(files[0], std::ios::binary | std::ios::trunc) << damage; }
    CHECK(pp::encodePngPixelsCached(cache, 64, 64, 4, px.data(), 1) == fresh);
    CHECK(pp::readFile(files[0]).value_or("") == fresh);
  }
  // A valid PNG of another size under this name is no hit either.
  const auto small = pixels(8, 8, 4, photo(3));
  { std::ofstream(files[0], std::ios::binary | std::ios::trunc) << pp::codecs::encodePngPixels(8, 8, 4, small.data(), 1); }
  CHECK(pp::encodePngPixelsCached(cache, 64, 64, 4, px.data(), 1) == fresh);
}

TEST_CASE("without a usable cache the picture is encoded every time") {
  const auto px = pixels(32, 16, 1, photo());
  const std::string fresh = pp::codecs::encodePngPixels(32, 16, 1, px.data(), 1);
  CHECK(pp::encodePngPixelsCached({}, 32, 16, 1, px.data(), 1) == fresh);
  TempDir dir;
  // The cache's place is a file: nothing can be written under it.
  { std::ofstream(dir.path() / "file") << "x"; }
  CHECK(pp::encodePngPixelsCached(dir.path() / "file", 32, 16, 1, px.data(), 1) == fresh);
  CHECK(pp::encodePngPixelsCached(dir.path() / "file", 0, 16, 1, px.data(), 1).empty());
}
