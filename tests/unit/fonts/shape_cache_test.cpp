// Shaped words kept in the cache folder between builds (fonts/shape_cache.h): read back exactly
// as shaped, never trusted when cut short, changed or out of range, and used by the next store.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "common/xorshift.h"
#include "fonts/shape_cache.h"
#include "postpress/fonts.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

using namespace pp;
using fonts::StoredShape;

namespace {

fs::path charis() { return dataDir() / "fonts" / "CharisSIL-Regular.ttf"; }

std::vector<StoredShape> someShapes(FontFile& font) {
  std::vector<StoredShape> out;
  for (std::u32string word : {U"office", U"Typesetting", U"AVAWAY", U"fjord,", U"\u00e9t\u00e9"})
    out.push_back({TextDirection::Auto, word, font.shape(word)});
  out.push_back({TextDirection::RightToLeft, U"(x)", font.shape(U"(x)", TextDirection::RightToLeft)});
  return out;
}

void checkSame(const ShapedText& a, const ShapedText& b) {
  REQUIRE(a.glyphs.size() == b.glyphs.size());
  CHECK(a.rtl == b.rtl);
  CHECK(a.advance == doctest::Approx(b.advance));
  for (std::size_t i = 0; i < a.glyphs.size(); ++i) {
    CHECK(a.glyphs[i].glyph == b.glyphs[i].glyph);
    CHECK(a.glyphs[i].cluster == b.glyphs[i].cluster);
    CHECK(a.glyphs[i].advance == b.glyphs[i].advance);  // bit for bit: the PDF's numbers
    CHECK(a.glyphs[i].dx == b.glyphs[i].dx);
    CHECK(a.glyphs[i].dy == b.glyphs[i].dy);
    CHECK(a.glyphs[i].width == b.glyphs[i].width);
    CHECK(a.glyphs[i].substituted == b.glyphs[i].substituted);
  }
}

struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("pp-shapes-" + std::to_string(::getpid()));
  TempFolder() { fs::create_directories(path); }
  ~TempFolder() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("shape files: what is written reads back bit for bit") {
  auto font = FontFile::load(charis(), nullptr);
  REQUIRE(font);
  const auto shapes = someShapes(*font);
  CHECK(shapes[0].shaped.glyphs.size() < shapes[0].text.size());  // "ffi": a ligature
  const auto back = fonts::decodeShapes(fonts::encodeShapes(shapes), font->glyphCount());
  REQUIRE(back);
  REQUIRE(back->size() == shapes.size());
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    CHECK((*back)[i].text == shapes[i].text);
    CHECK((*back)[i].direction == shapes[i].direction);
    checkSame((*back)[i].shaped, shapes[i].shaped);
  }
}

TEST_CASE("shape files: cut short, changed or out of range, none of it is used") {
  auto font = FontFile::load(charis(), nullptr);
  REQUIRE(font);
  const int glyphs = font->glyphCount();
  const std::string good = fonts::encodeShapes(someShapes(*font));
  REQUIRE(fonts::decodeShapes(good, glyphs));
  for (std::size_t cut = 0; cut < good.size(); cut += 7) CHECK_FALSE(fonts::decodeShapes(good.substr(0, cut), glyphs));
  for (std::size_t at = 0; at < good.size(); at += 11) {
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    CHECK_FALSE(fonts::decodeShapes(flipped, glyphs));
  }
  CHECK_FALSE(fonts::decodeShapes(good + "x", glyphs));
  CHECK_FALSE(fonts::decodeShapes("", glyphs));
  // Files whose hash is right but whose entries lie: each would make a reader of the shape
  // index past its text or its font, or draw at no finite place.
  auto lie = [&](auto&& edit) {
    auto shapes = someShapes(*font);
    edit(shapes[1]);
    return fonts::encodeShapes(shapes);
  };
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.shaped.glyphs[0].cluster = 99; }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([&](StoredShape& s) { s.shaped.glyphs[0].glyph = static_cast<std::uint16_t>(glyphs); }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.shaped.glyphs[0].advance = std::nanf(""); }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.shaped.glyphs[0].dx = std::numeric_limits<float>::infinity(); }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.shaped.glyphs[0].dy = 1e9f; }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.text[0] = 0x110000; }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.direction = static_cast<TextDirection>(7); }), glyphs));
  CHECK_FALSE(fonts::decodeShapes(lie([](StoredShape& s) { s.text.clear(); }), glyphs));
  // Read for a smaller font (the same name, other bytes would be another file): refused.
  CHECK_FALSE(fonts::decodeShapes(good, 3));
}

TEST_CASE("shape files: the next store shapes from the folder, and a damaged file is replaced") {
  TempFolder folder;
  std::vector<std::u32string> words = {U"office", U"Kerning", U"AVAWAY"};
  std::vector<ShapedText> first;
  {
    FontStore store;
    store.keepShapesIn(folder.path);
    auto font = store.load(charis(), nullptr);
    REQUIRE(font);
    for (const auto& w : words) first.push_back(font->shaped(w));
    store.saveShapes();
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder.path / "shapes")) files.push_back(e.path());
  REQUIRE(files.size() == 1);
  const std::string kept = readFile(files[0]).value();

  // What the folder says is what the next store draws: planted with a wider "office" (a valid
  // file), the next store returns it, so the words came from the file and not from HarfBuzz.
  {
    auto font = FontFile::load(charis(), nullptr);
    auto shapes = fonts::decodeShapes(kept, font->glyphCount()).value();
    for (auto& s : shapes)
      if (s.text == U"office") s.shaped.glyphs[0].advance += 100;
    writeFileAtomic(files[0], fonts::encodeShapes(shapes));
    FontStore store;
    store.keepShapesIn(folder.path);
    auto copy = store.load(charis(), nullptr);
    CHECK(copy->shaped(U"office").advance == doctest::Approx(first[0].advance + 100));
    checkSame(copy->shaped(U"Kerning"), first[1]);
    // Nothing new was shaped: the file is left as it is.
    const auto before = fs::last_write_time(files[0]);
    store.saveShapes();
    CHECK(fs::last_write_time(files[0]) == before);
  }
  // A file cut in half is not read: the words are shaped again, the same as the first time,
  // and the file is written again whole.
  fs::resize_file(files[0], kept.size() / 2);
  {
    FontStore store;
    store.keepShapesIn(folder.path);
    auto font = store.load(charis(), nullptr);
    for (std::size_t i = 0; i < words.size(); ++i) checkSame(font->shaped(words[i]), first[i]);
    store.saveShapes();
  }
  auto font = FontFile::load(charis(), nullptr);
  const auto repaired = fonts::decodeShapes(readFile(files[0]).value(), font->glyphCount());
  REQUIRE(repaired);
  CHECK(repaired->size() == words.size());
}

TEST_CASE("shape files: long words and stores without a folder keep nothing") {
  TempFolder folder;
  {
    FontStore store;  // no folder
    auto font = store.load(charis(), nullptr);
    font->shaped(U"word");
    store.saveShapes();
  }
  CHECK_FALSE(fs::exists(folder.path / "shapes"));
  FontStore store;
  store.keepShapesIn(folder.path);
  auto font = store.load(charis(), nullptr);
  font->shaped(std::u32string(fonts::ShapeMemory::kMaxTextLength + 1, U'a'));
  store.saveShapes();
  CHECK_FALSE(fs::exists(folder.path / "shapes"));  // nothing short enough was shaped
  font->shaped(U"short");
  store.saveShapes();
  CHECK(fs::exists(folder.path / "shapes"));
}

TEST_CASE("shape files: forged files whose hash is right never reach past their text or font") {
  // A file anyone who can write the cache folder could make: random bytes changed in a valid
  // file, the hash made right again (an attacker can compute it too), so that the reader's
  // framing and entry checks are what stand. Whatever is accepted must index its own text and
  // the font's glyphs only.
  auto font = FontFile::load(charis(), nullptr);
  REQUIRE(font);
  const int glyphs = font->glyphCount();
  std::vector<StoredShape> shapes = someShapes(*font);
  const std::string good = fonts::encodeShapes(shapes);
  const std::size_t body = good.size() - 32;
  pptest::Xorshift random(0x9E3779B97F4A7C15ull);
  auto next = [&] { return random.next(); };
  int opened = 0, found = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string forged = good.substr(0, body);
    const int changes = 1 + static_cast<int>(next() % 4);
    for (int c = 0; c < changes; ++c) forged[next() % body] = static_cast<char>(next());
    if (next() % 8 == 0) forged.resize(next() % body);  // cut, or grown below
    if (next() % 16 == 0) forged += std::string(next() % 64, static_cast<char>(next()));
    Hasher h;
    h.update(forged);
    forged += h.hex();
    auto file = fonts::ShapeFile::open(FileBytes(std::string(forged)));
    if (!file) continue;
    ++opened;
    file->forEachValid(glyphs, [&](TextDirection d, std::u32string_view text, const ShapedText& s, std::string_view raw) {
      CHECK(static_cast<int>(d) <= 2);
      CHECK_FALSE(raw.empty());
      for (const ShapedGlyph& g : s.glyphs) {
        CHECK(g.cluster < text.size());
        CHECK(static_cast<int>(g.glyph) < glyphs);
        CHECK(std::isfinite(g.advance));
      }
      if (auto again = file->find(text, d, glyphs)) ++found;
    });
    for (const StoredShape& s : shapes) (void)file->find(s.text, s.direction, glyphs);
  }
  CHECK(opened > 100);  // the checks past the hash were reached
  CHECK(found > 0);
}
