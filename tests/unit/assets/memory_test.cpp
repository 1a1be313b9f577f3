// Memory is bounded by the largest image times the number of jobs, never by the number of
// images: each is decoded, scaled, encoded, written and freed before the next.
// also-unsanitized: memory growth is measurable only without AddressSanitizer's quarantine
#include <sys/resource.h>

#include "support.h"

using namespace pptest;

namespace {

long peakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // ASan's quarantine keeps freed memory: RSS grows anyway
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

TEST_CASE("peak memory does not grow with the number of images") {
  if (kSanitized) {
    MESSAGE("built with AddressSanitizer: memory growth not measurable, skipped");
    return;
  }
  TempDir dir;
  TestSite t(dir / "site");
  // Fifteen more images than the first few: a leak of one picture's working set per image
  // (tens of MB) shows many times over the slack below, as a leak of a megabyte per image does.
  const int kFew = 5, kMany = 20;
  // One photograph, each copy with a row of its own (every file new to the cache): making
  // the pixels one by one took most of this test's time (the test code is not optimised).
  const int w = 2400, h = 1800;
  std::vector<std::uint8_t> px = pixels(w, h, 3, photo());
  for (int i = 0; i < kMany; ++i) {
    for (int x = 0; x < w * 3; ++x) px[static_cast<std::size_t>(x)] = static_cast<std::uint8_t>(positionHash(x, i));
    writeBytes(dir / ("site/img/p" + std::to_string(i) + ".jpg"), jpegOf(w, h, px));
  }
  auto run = [&](int from, int to, const std::string& cache) {
    pp::AssetStore store(optionsIn(dir / cache, 1));
    pp::DiagnosticSink diags;
    for (int i = from; i < to; ++i) store.resolve(t.site, t.post, "/img/p" + std::to_string(i) + ".jpg", {}, diags);
    store.process(diags);
    CHECK(store.stats().decoded == to - from);
  };
  run(0, kFew, "c1");
  const long afterFew = peakRssKb();
  run(kFew, kMany, "c2");  // three times as many, all new
  const long afterMany = peakRssKb();
  MESSAGE("peak RSS after " << kFew << " images: " << afterFew / 1024 << " MB, after " << kMany - kFew << " more: "
                            << afterMany / 1024 << " MB");
  // One 2400 x 1800 image's working set is about 40 MB; allow a little allocator slack.
  CHECK(afterMany - afterFew < 16 * 1024);
}
