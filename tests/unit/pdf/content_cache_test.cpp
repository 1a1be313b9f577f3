// PageContentCache: deflated page contents kept between builds, found by their content's hash;
// a pack that is damaged, or made by another deflater or level, gives nothing.
#include <doctest/doctest.h>

#include <string>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "pdf/content_cache.h"
#include "pdf/page_streams.h"
#include "postpress/support/cache_entry.h"
#include "postpress/support/hash.h"

using namespace pp;
using namespace pp::pdf;
using pptest::readWholeFile;
using pptest::TempDir;
using pptest::writeWholeFile;

namespace {

std::string pageText(int n) {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "BT /F1 10 Tf 1 0 0 1 72 " + std::to_string(700 - i - n) + " Tm [(Hello)] TJ ET\n";
  return s;
}

}  // namespace

TEST_CASE("kept page contents: what a fresh deflate makes, kept for the next build, the pack this build's pages") {
  TempDir dir;
  const fs::path pack = dir.path / "pages" / "digest";
  const std::string one = pageText(1), two = pageText(2);
  {
    PageContentCache kept(pack);
    CHECK(kept.deflate(one) == deflatePageContent(one));
    CHECK(kept.deflate(two) == deflatePageContent(two));
    CHECK_FALSE(kept.deflate(""));
    kept.save();
  }
  REQUIRE(fs::is_regular_file(pack));
  const auto both = fs::file_size(pack);
  {
    PageContentCache kept(pack);  // a build of page one only
    CHECK(kept.deflate(one) == deflatePageContent(one));
    kept.save();
  }
  CHECK(fs::file_size(pack) < both);
  {
    PageContentCache kept(pack);  // nothing changed: the pack is not written again
    const auto written = fs::last_write_time(pack);
    CHECK(kept.deflate(one) == deflatePageContent(one));
    kept.save();
    CHECK(fs::last_write_time(pack) == written);
  }
}

TEST_CASE("kept page contents: a damaged pack, or another deflater's, gives nothing") {
  TempDir dir;
  const fs::path pack = dir.path / "pack";
  const std::string one = pageText(1);
  {
    PageContentCache kept(pack);
    REQUIRE(kept.deflate(one));
    kept.save();
  }
  const std::string good = readWholeFile(pack);

  SUBCASE("a flipped byte: the page is deflated again, as a fresh build would") {
    std::string bad = good;
    bad[bad.size() / 2] ^= 0x01;
    writeWholeFile(pack, bad);
    PageContentCache kept(pack);
    CHECK(kept.deflate(one) == deflatePageContent(one));
  }
  SUBCASE("made by another version of libdeflate: its bytes are not taken") {
    // Framed as a pack, under another deflater's name, holding other bytes for the page.
    CacheEntryWriter w(std::string("postpress-page-contents-1 libdeflate 0.1 level ") +
                           std::to_string(kPageContentLevel) + "\n",
                       "");
    w.u32(1);
    w.bytes(contentHash(one));
    w.blob("not what a fresh build makes");
    writeWholeFile(pack, w.finish());
    PageContentCache kept(pack);
    CHECK(kept.deflate(one) == deflatePageContent(one));
  }
  SUBCASE("no pack folder: every page deflated, nothing written") {
    PageContentCache none({});
    CHECK(none.deflate(one) == deflatePageContent(one));
    none.save();
    CHECK(PageContentCache::packFor({}, "digest").empty());
  }
}
