// QR code modules kept between builds (typeset/qr_modules.h): the same modules from the cache
// as from libqrencode, and a damaged or forged entry never used.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "postpress/support/hash.h"
#include "typeset/qr_modules.h"

using namespace pp;
using pp::typeset::QrModules;
using pp::typeset::qrModules;

namespace {

namespace fs = std::filesystem;

bool same(const std::optional<QrModules>& a, const std::optional<QrModules>& b) {
  return a && b && a->width == b->width && a->dark == b->dark;
}

const std::string kMagic = "postpress-qr-modules-1\n";

// An entry for `key` as the cache writes one, its hash right: what a forger can make.
std::string forged(const std::string& key, std::uint32_t width, const std::string& modules) {
  std::string out = kMagic + key;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((width >> shift) & 0xFF);
  out += modules;
  return out + contentHash(out);
}

const std::string kUrl = "https://opentelemetry.io/blog/2025/otel-collector-1.0/";

}  // namespace

TEST_CASE("a QR code's modules are the same from the cache as made; without a folder none is kept") {
  pptest::TempDir dir;
  const std::optional<QrModules> made = qrModules(kUrl, {});
  REQUIRE(made);
  CHECK(made->width >= 21);
  CHECK(made->dark.size() == static_cast<std::size_t>(made->width * made->width));
  CHECK(same(qrModules(kUrl, dir.path), made));  // made and kept
  REQUIRE(fs::exists(pptest::fileIn(dir.path / "qr")));
  CHECK(same(qrModules(kUrl, dir.path), made));  // read back
  CHECK_FALSE(qrModules("", dir.path));
  CHECK_FALSE(qrModules(std::string(2001, 'a'), dir.path));
  // Another text is another entry.
  CHECK(same(qrModules(kUrl + "x", dir.path), qrModules(kUrl + "x", {})));
  CHECK(std::distance(fs::directory_iterator(dir.path / "qr"), fs::directory_iterator()) == 2);
}

TEST_CASE("a damaged QR entry, or another code's, is made again and rewritten") {
  pptest::TempDir dir;
  const std::optional<QrModules> truth = qrModules(kUrl, dir.path);
  REQUIRE(truth);
  const fs::path entry = pptest::fileIn(dir.path / "qr");
  const std::string good = pptest::readWholeFile(entry);
  const std::string key = good.substr(kMagic.size(), 32);
  const std::string modules = good.substr(kMagic.size() + 32 + 4, good.size() - kMagic.size() - 32 - 4 - 32);
  REQUIRE(forged(key, static_cast<std::uint32_t>(truth->width), modules) == good);  // the forger knows the format
  std::string inverted = modules;
  for (char& c : inverted) c = static_cast<char>(c ^ 1);
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 1);
  pptest::TempDir other;
  (void)qrModules("https://example.com/", other.path);
  const std::vector<std::pair<const char*, std::string>> bad = {
      {"empty", ""},
      {"truncated", good.substr(0, good.size() - 3)},
      {"a byte changed", flipped},
      {"another code's entry", pptest::readWholeFile(pptest::fileIn(other.path / "qr"))},
      {"another key", forged(std::string(32, 'f'), static_cast<std::uint32_t>(truth->width), modules)},
      {"a width no QR code has", forged(key, 22, std::string(22 * 22, '\0'))},
      {"fewer modules than the width says", forged(key, static_cast<std::uint32_t>(truth->width), modules.substr(1))},
      {"a module neither dark nor light", forged(key, static_cast<std::uint32_t>(truth->width), std::string(modules.size(), '\2'))},
  };
  for (const auto& [what, bytes] : bad) {
    CAPTURE(what);
    pptest::writeWholeFile(entry, bytes);
    CHECK(same(qrModules(kUrl, dir.path), truth));
    CHECK(pptest::readWholeFile(entry) == good);
  }
  // A well-formed entry under its own key is used as it is: the folder must be the user's own
  // (AssetStore refuses another), as for the pictures kept beside it.
  pptest::writeWholeFile(entry, forged(key, static_cast<std::uint32_t>(truth->width), inverted));
  CHECK_FALSE(same(qrModules(kUrl, dir.path), truth));
}
