// One Locale used from several threads at once gives what it gives on one.
#include <doctest/doctest.h>

#include <thread>

#include "locale_test_support.h"

using namespace pp;

namespace {

std::string everything(const Locale& l, int i) {
  const CalendarDate d{2000 + i % 30, 1 + i % 12, 1 + i % 28};
  return l.date(d) + "|" + l.date(d, DateForm::Long) + "|" + l.date(1764460800LL + i * 86400LL) + "|" +
         l.month(d.year, d.month) + "|" + l.quarter(d.year, 1 + i % 4) + "|" + l.year(d.year) + "|" +
         l.dateRange(d, {d.year + 1, d.month, d.day}) + "|" + l.number(i * 1000) + "|" + l.count("posts", i) + "|" +
         l.duration(i) + "|" + l.list({"A", std::to_string(i), "C"}) + "|" + l.pluralCategory(i);
}

}  // namespace

TEST_CASE("formatting from several threads at once") {
  for (const std::string tag : {"de", "ar", "uk"}) {
    CAPTURE(tag);
    const Locale l = test::localeFor(tag);
    constexpr int kCount = 400, kThreads = 4;
    std::vector<std::string> expected;
    for (int i = 0; i < kCount; ++i) expected.push_back(everything(l, i));
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        // Each thread starts elsewhere, so that the threads format different things at once.
        for (int k = 0; k < kCount; ++k) {
          const int i = (k + t * 97) % kCount;
          if (everything(l, i) != expected[static_cast<std::size_t>(i)]) ++mismatches[static_cast<std::size_t>(t)];
        }
      });
    for (auto& th : threads) th.join();
    for (int m : mismatches) CHECK(m == 0);
  }
}
