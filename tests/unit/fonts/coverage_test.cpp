// A font's characters read from its character map alone (FontCoverage), which the fallback
// chain asks before it reads a font whole: it must never say "no" where the font has the glyph,
// must not read fonts it passes over, and must refuse broken or hostile files without hanging.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/xorshift.h"
#include "fonts/coverage.h"
#include "postpress/fonts.h"
#include "postpress/style.h"
#include "postpress/support/files.h"

using namespace pp;

namespace {

// The characters a test looks at: all of the BMP up to the CJK block's start, samples of the
// ideographs, Hangul and the astral planes (emoji, mathematical letters).
std::vector<char32_t> sampleCharacters() {
  std::vector<char32_t> out;
  for (char32_t c = 0; c < 0x3400; ++c) out.push_back(c);
  for (char32_t c = 0x4E00; c < 0xA000; c += 7) out.push_back(c);
  for (char32_t c = 0xAC00; c < 0xD7A4; c += 13) out.push_back(c);
  for (char32_t c = 0xE000; c < 0x10000; ++c) out.push_back(c);
  for (char32_t c = 0x1D400; c < 0x1D800; ++c) out.push_back(c);
  for (char32_t c = 0x1F300; c < 0x1FB00; ++c) out.push_back(c);
  return out;
}

std::string writeFile(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

}  // namespace

TEST_CASE("coverage: ranges answer at their edges") {
  const FontCoverage c({{0x20, 0x7E}, {0xA0, 0xFF}, {0x4E00, 0x4E00}});
  CHECK_FALSE(c.has(0x1F));
  CHECK(c.has(0x20));
  CHECK(c.has(0x7E));
  CHECK_FALSE(c.has(0x7F));
  CHECK_FALSE(c.has(0x9F));
  CHECK(c.has(0xA0));
  CHECK(c.has(0x4E00));
  CHECK_FALSE(c.has(0x4E01));
  CHECK_FALSE(FontCoverage({}).has(0));
}

TEST_CASE("coverage: every font of the style's chain, read from its map, agrees with the font read whole") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  std::vector<fs::path> files = st.fallbacks;
  for (const char* name : {"CharisSIL-Regular.ttf", "NotoSans-Regular.ttf", "JetBrainsMono-Regular.ttf", "DejaVuSans.ttf"})
    files.push_back(dataDir() / "fonts" / name);
  const std::vector<char32_t> sample = sampleCharacters();
  int checked = 0;
  for (const fs::path& file : files) {
    std::string error;
    auto whole = FontFile::load(file, &error);
    if (!whole) continue;  // a fallback this machine does not have
    const auto map = FontCoverage::read(file, 0, &error);
    REQUIRE_MESSAGE(map, (file.string() + ": " + error));
    CHECK(map->rangeCount() > 0);
    int differ = 0;
    for (char32_t c : sample)
      if (whole->has(c) != map->has(c)) ++differ;
    CHECK_MESSAGE(differ == 0, file.string());
    ++checked;
  }
  CHECK(checked >= 4);
}

TEST_CASE("coverage: a character far down the chain reads only the fonts that have it") {
  const fs::path droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
  if (!fs::exists(droid)) {
    MESSAGE("skipped: fonts-droid-fallback is not installed");
    return;
  }
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  auto store = std::make_shared<FontStore>();
  FontSet fonts(st, diags, store);
  const int text = fonts.face("text", false, false);
  const int han = fonts.resolve(text, U'\u4E2D', false);  // 中
  REQUIRE(han >= 0);
  CHECK(fonts.file(han).path() == droid);
  // The fonts before it in the chain were asked for their maps, not read.
  int passedOver = 0;
  for (const fs::path& f : st.fallbacks) {
    if (f == droid) break;
    if (!fs::exists(f)) continue;
    CHECK_MESSAGE(store->find(f) == nullptr, f.string());
    ++passedOver;
  }
  CHECK(passedOver > 0);
  CHECK(diags.all().empty());
}

TEST_CASE("coverage: broken and hostile files are refused, and the chain goes on") {
  const fs::path dir = fs::temp_directory_path() / ("pp-coverage-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string error;
  CHECK_FALSE(FontCoverage::read(dir / "missing.ttf", 0, &error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(FontCoverage::read(writeFile(dir / "empty.ttf", ""), 0, &error));
  CHECK_FALSE(FontCoverage::read(writeFile(dir / "text.ttf", "not a font at all, just words"), 0, &error));
  CHECK(error == "not a TrueType or OpenType font");
  // A directory naming a 'cmap' table far past the end of the file.
  std::string lying("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00", 12);
  lying += std::string("cmap\0\0\0\0\x7f\xff\xff\xf0\x00\x00\x10\x00", 16);
  CHECK_FALSE(FontCoverage::read(writeFile(dir / "lying.ttf", lying), 0, &error));
  CHECK(error == "truncated font file");
  // A collection asked for a face it does not have, or whose face offset points nowhere.
  std::string ttc("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x7f\xff\xff\x00", 16);
  CHECK_FALSE(FontCoverage::read(writeFile(dir / "c.ttc", ttc), 3, &error));
  CHECK_FALSE(FontCoverage::read(dir / "c.ttc", 0, &error));
  // A font that is the first bytes of a real one: its tables lie past the end.
  std::string real = readFile(dataDir() / "fonts" / "NotoSans-Regular.ttf").value();
  CHECK_FALSE(FontCoverage::read(writeFile(dir / "cut.ttf", real.substr(0, 4096)), 0, &error));
  // A FIFO named as a font is refused at once (opening it must not wait for a writer).
  const fs::path fifo = dir / "fifo.ttf";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(FontCoverage::read(fifo, 0, &error));
  CHECK(error == "not a regular file");
  CHECK_FALSE(FontCoverage::read(dir, 0, &error));  // a folder

  // A style whose first fallback is broken: characters still come from the next one.
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  st.fallbacks.insert(st.fallbacks.begin(), dir / "cut.ttf");
  FontSet fonts(st, diags);
  const int text = fonts.face("text", false, false);
  CHECK(fonts.resolve(text, U'\u2192', false) >= 0);  // an arrow: DejaVu's
  fs::remove_all(dir);
}

TEST_CASE("coverage: fonts with bytes changed in their directory and character map are read safely") {
  // The table directory, and the character map it points at, with random bytes changed: read
  // or refused, never read past the file (the sanitizer build runs this).
  const std::string real = readFile(dataDir() / "fonts" / "NotoSans-Regular.ttf").value();
  fonts::FontTables tables;
  REQUIRE(tables.open(dataDir() / "fonts" / "NotoSans-Regular.ttf", 0, nullptr));
  const std::string cmap = tables.read("cmap").value();
  const std::size_t cmapAt = real.find(cmap);
  REQUIRE(cmapAt != std::string::npos);
  const fs::path file = fs::temp_directory_path() / ("pp-coverage-forged-" + std::to_string(::getpid()) + ".ttf");
  pptest::Xorshift random(0x2545F4914F6CDD1Dull);
  auto next = [&] { return random.next(); };
  int read = 0;
  for (int round = 0; round < 150; ++round) {
    std::string forged = real;
    for (int c = 0; c < 6; ++c) {
      const bool inDirectory = next() % 2 == 0;
      const std::size_t at = inDirectory ? next() % 400 : cmapAt + next() % cmap.size();
      forged[at] = static_cast<char>(next());
    }
    writeFile(file, forged);
    std::string error;
    if (auto c = FontCoverage::read(file, 0, &error)) {
      ++read;
      (void)c->has(U'a');
    } else {
      CHECK_FALSE(error.empty());
    }
  }
  fs::remove(file);
  CHECK(read > 0);
}
