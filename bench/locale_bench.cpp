// locale_bench: what the digest's language costs (src/locale/, ICU).
//
//   locale_bench [--quick]
//
// 1. Making a Locale (labels read from lang/, ICU's plural rules, number, list and date
//    formatters): the first in the process (ICU loads its data) and then each further one.
// 2. Formatting 1,000 dates, counts and numbers with one Locale.
// 3. Sharing one ICU date formatter between threads: used as is (ICU's const format is
//    thread-safe), behind a lock, cloned for every call, or cloned once per thread; on one and
//    on two threads, the same total work.
#include <unicode/datefmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "postpress/locale.h"

using namespace pp;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time: the machine these figures come from is shared, and wall time there measures the
// neighbours as much as the code.
double cpuSeconds(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
double threadCpu() { return cpuSeconds(CLOCK_THREAD_CPUTIME_ID); }
double processCpu() { return cpuSeconds(CLOCK_PROCESS_CPUTIME_ID); }

// Median thread CPU seconds of `rounds` runs of fn.
template <typename Fn>
double medianSeconds(int rounds, Fn&& fn) {
  std::vector<double> t;
  for (int r = 0; r < rounds; ++r) {
    const double start = threadCpu();
    fn();
    t.push_back(threadCpu() - start);
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// Keeps the compiler from dropping work whose result is unused.
std::size_t sink = 0;

void creation(const char* const* tags, int rounds) {
  std::printf("Making a Locale (CPU, median of %d, after the first in the process)\n", rounds);
  std::printf("  %-8s %12s\n", "tag", "ms");
  for (const char* const* t = tags; *t; ++t) {
    const double s = medianSeconds(rounds, [&] {
      Locale l(*t);
      sink += l.tag().size();
    });
    std::printf("  %-8s %12.3f\n", *t, s * 1e3);
  }
}

void formatting(const char* const* tags, int rounds) {
  constexpr int kCalls = 1000;
  std::printf("\nFormatting %d values with one Locale (CPU, median of %d), microseconds per call\n", kCalls, rounds);
  std::printf("  %-8s %10s %10s %10s %10s %10s\n", "tag", "short", "long", "month", "count", "number");
  for (const char* const* t = tags; *t; ++t) {
    const Locale l(*t);
    auto per = [&](auto&& one) {
      return medianSeconds(rounds, [&] {
               for (int i = 0; i < kCalls; ++i) sink += one(i).size();
             }) / kCalls * 1e6;
    };
    const double shortDate = per([&](int i) { return l.date(CalendarDate{2000 + i % 30, 1 + i % 12, 1 + i % 28}); });
    const double longDate = per([&](int i) { return l.date(CalendarDate{2000 + i % 30, 1 + i % 12, 1 + i % 28}, DateForm::Long); });
    const double month = per([&](int i) { return l.month(2000 + i % 30, 1 + i % 12); });
    const double count = per([&](int i) { return l.count("posts", i); });
    const double number = per([&](int i) { return l.number(i * 1000); });
    std::printf("  %-8s %10.2f %10.2f %10.2f %10.2f %10.2f\n", *t, shortDate, longDate, month, count, number);
  }
}

std::unique_ptr<icu::DateFormat> germanShortDate() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> f(
      icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString("yMMMd"), icu::Locale("de@calendar=gregorian"), status));
  f->setTimeZone(*icu::TimeZone::getGMT());
  return f;
}

void sharing(int total) {
  std::printf("\nOne ICU date formatter and %d dates, shared by threads: wall ms / process CPU ms\n", total);
  std::printf("  %-22s %18s %18s\n", "strategy", "1 thread", "2 threads");
  const std::unique_ptr<icu::DateFormat> shared = germanShortDate();
  std::mutex lock;
  struct Times {
    double wall, cpu;
  };
  auto run = [&](int threads, auto&& formatOne) {
    const auto start = Clock::now();
    const double cpuStart = processCpu();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        std::size_t local = 0;
        for (int i = t; i < total; i += threads) local += formatOne(1.7e12 + i * 8.64e7);
        std::lock_guard<std::mutex> g(lock);
        sink += local;
      });
    for (auto& th : pool) th.join();
    return Times{secondsSince(start), processCpu() - cpuStart};
  };
  struct Strategy {
    const char* name;
    std::function<std::size_t(UDate)> one;
  };
  std::mutex formatLock;
  const Strategy strategies[] = {
      {"shared, no lock", [&](UDate d) {
         icu::UnicodeString s;
         shared->format(d, s);
         return static_cast<std::size_t>(s.length());
       }},
      {"shared, one lock", [&](UDate d) {
         icu::UnicodeString s;
         std::lock_guard<std::mutex> g(formatLock);
         shared->format(d, s);
         return static_cast<std::size_t>(s.length());
       }},
      {"clone per call", [&](UDate d) {
         std::unique_ptr<icu::DateFormat> f(shared->clone());
         icu::UnicodeString s;
         f->format(d, s);
         return static_cast<std::size_t>(s.length());
       }},
      {"clone per thread", [&](UDate d) {
         thread_local std::unique_ptr<icu::DateFormat> f(shared->clone());
         icu::UnicodeString s;
         f->format(d, s);
         return static_cast<std::size_t>(s.length());
       }},
  };
  run(2, strategies[0].one);  // warm-up: the first pass pays for ICU's caches
  for (const Strategy& s : strategies) {
    const Times one = run(1, s.one), two = run(2, s.one);
    std::printf("  %-22s %8.0f / %7.0f %8.0f / %7.0f\n", s.name, one.wall * 1e3, one.cpu * 1e3, two.wall * 1e3, two.cpu * 1e3);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const char* const tags[] = {"en", "de", "ja", "ar", "uk", nullptr};
  {
    const double start = threadCpu();
    const auto wall = Clock::now();
    Locale first("de");
    std::printf("First Locale in the process (ICU loads its data): %.1f ms CPU, %.1f ms wall\n\n",
                (threadCpu() - start) * 1e3, secondsSince(wall) * 1e3);
    sink += first.tag().size();
  }
  creation(tags, quick ? 5 : 21);
  formatting(tags, quick ? 3 : 11);
  sharing(quick ? 20000 : 200000);
  return sink == 0;  // never: keeps the work
}
