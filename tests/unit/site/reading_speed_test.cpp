// Reading a large site stays fast: a return to quadratic behaviour in discovery or front matter
// fails the bound, which only means something in an optimised build without the sanitizers.
// also-unsanitized: the time bound
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "site_test_util.h"

using namespace pp;

TEST_CASE("reading is fast: a generated 2,000-post site") {
  test::TempSite dir;
  dir.write("_config.yml", "title: bench\nurl: https://bench.example.org\n");
  std::string body;
  for (int i = 0; i < 28; ++i) body += "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  body += "\n\n";
  std::string big;
  for (int i = 0; i < 10; ++i) big += body;
  for (int i = 0; i < 2000; ++i) {
    char name[96];
    std::snprintf(name, sizeof name, "_posts/%04d-%02d-%02d-post-%d.md", 2015 + i % 10, 1 + i % 12,
                  1 + i % 28, i);
    dir.write(name, "---\ntitle: \"Post " + std::to_string(i) +
                        "\"\ndate: 2020-01-01 10:00:00 +0100\nauthor: A\ntags: [x, y, z]\n"
                        "description: d\nheader-img: img/x.png\n---\n\n" + big);
  }
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = dir.root();
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  Site s = loadSite(opts, diags);
  // CPU time of all threads: stable on a machine shared with other jobs, unlike wall time.
  double cpuMs = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("read 2000 posts (32 MB) in " << ms << " ms wall, " << cpuMs << " ms CPU");
  CHECK(s.posts.size() == 2000);
#if PP_LIBRARIES_OPTIMISED
  // Typically ~250 ms CPU in an optimised build; the bound leaves room for slow machines.
  CHECK(cpuMs < 2000);
#else
  MESSAGE("unoptimised or sanitized libraries: no time bound");
#endif
}
