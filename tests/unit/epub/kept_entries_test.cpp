// The EPUB's deflated entries kept between builds (packageEpub with a DeflatePack): the archive
// is byte for byte the one made without the pack, whether the pack is empty, full, damaged or
// another deflater's; the pack keeps what this build deflated.
#include <doctest/doctest.h>

#include <atomic>

#include "epub_fixture.h"
#include "postpress/support/deflate_pack.h"

using namespace epubtest;

namespace {

// The book's archive made with `kept` (nullptr: none), read back whole.
std::string archiveWith(const epub::Book& book, const fs::path& out, DeflatePack* kept) {
  DiagnosticSink diags;
  REQUIRE(epub::packageEpub(book, out, diags, 2, kept));
  auto bytes = readFile(out);
  REQUIRE(bytes);
  return *bytes;
}

}  // namespace

TEST_CASE("kept EPUB entries: the same archive, made from the pack on the next build") {
  Fixture fx("kept-entries");
  const fs::path dir = tempDir("kept-entries");
  DiagnosticSink diags;
  const epub::Book book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags);
  const std::string plain = archiveWith(book, dir / "plain.epub", nullptr);
  const fs::path pack = DeflatePack::packFor(dir / "cache", "epub", digestIdentity(fx.pub, fx.style));
  {
    DeflatePack kept(pack, epub::entryPackFormat(), epub::deflateEntry);
    CHECK(archiveWith(book, dir / "first.epub", &kept) == plain);
    kept.save();
  }
  REQUIRE(fs::is_regular_file(pack));
  const auto written = fs::last_write_time(pack);
  {
    // Every entry found in the pack: the same bytes, and nothing to write back.
    std::atomic<int> deflated{0};  // counted on packageEpub's worker threads
    DeflatePack kept(pack, epub::entryPackFormat(), [&deflated](std::string_view bytes) {
      ++deflated;
      return epub::deflateEntry(bytes);
    });
    CHECK(archiveWith(book, dir / "second.epub", &kept) == plain);
    CHECK(deflated == 0);
    kept.save();
    CHECK(fs::last_write_time(pack) == written);
  }
  {
    // Another deflater's pack (its format line differs) gives nothing: all made afresh.
    DeflatePack other(pack, "postpress-epub-entries-1 some other deflater\n", epub::deflateEntry);
    CHECK(archiveWith(book, dir / "other.epub", &other) == plain);
  }
  {
    // A damaged pack is a miss for every entry, and is replaced.
    std::string damaged = *readFile(pack);
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x40);
    REQUIRE(writeFileAtomic(pack, damaged));
    DeflatePack kept(pack, epub::entryPackFormat(), epub::deflateEntry);
    CHECK(archiveWith(book, dir / "damaged.epub", &kept) == plain);
    kept.save();
    CHECK(*readFile(pack) != damaged);
  }
  fs::remove_all(dir);
}
