// highlight_bench: the cost of syntax highlighting (src/highlight) on the fenced code blocks of
// a folder of posts (default: the shared corpora). Prints: blocks and bytes by outcome, the
// cost of a first engine, a cold pass (definitions loaded on first use) and warm passes on one
// thread, and two threads with an engine each (the pool) or one engine taken in turns (a lock).
//   build/bench/highlight_bench [corpus-folder] [passes]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

#include "corpus_blocks.h"
#include "postpress/highlight.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// CPU time of the calling thread: on a machine shared with other work, wall time says little.
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double processCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Highlights every block `passes` times on `threads` threads (blocks dealt round-robin).
double run(const pp::Highlighter& h, const std::vector<bench::CodeBlock>& blocks, int threads, int passes) {
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (int p = 0; p < passes; ++p)
        for (std::size_t i = static_cast<std::size_t>(t); i < blocks.size(); i += static_cast<std::size_t>(threads))
          h.highlight(blocks[i].info, blocks[i].code);
    });
  for (auto& th : pool) th.join();
  return msSince(start) / passes;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : "/work/shared/corpus";
  const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
  const std::vector<bench::CodeBlock> blocks = bench::corpusBlocks(root);

  std::size_t bytes = 0;
  for (const auto& b : blocks) bytes += b.code.size();
  std::printf("corpus %s: %zu fenced blocks, %.1f KB of code\n", root.c_str(), blocks.size(), bytes / 1024.0);

  auto start = Clock::now();
  double cpu = threadCpuMs();
  const pp::Highlighter h;
  h.highlight("yaml", "a: 1");
  std::printf("first engine and first yaml block: %.1f ms, CPU %.1f ms\n", msSince(start), threadCpuMs() - cpu);

  start = Clock::now();
  cpu = threadCpuMs();
  std::map<pp::HighlightStatus, std::pair<int, std::size_t>> outcome;
  std::map<std::string, std::pair<int, std::size_t>> byLanguage;
  std::size_t spans = 0;
  for (const auto& b : blocks) {
    const pp::HighlightedCode r = h.highlight(b.info, b.code);
    outcome[r.status].first++;
    outcome[r.status].second += b.code.size();
    if (r.status == pp::HighlightStatus::Highlighted) {
      byLanguage[r.language].first++;
      byLanguage[r.language].second += b.code.size();
      spans += r.spans.size();
    }
  }
  std::printf("cold pass, 1 thread (definitions loaded on first use): %.1f ms, CPU %.1f ms\n", msSince(start),
              threadCpuMs() - cpu);
  const char* names[] = {"highlighted", "no language", "unknown language", "over budget"};
  for (const auto& [status, nb] : outcome)
    std::printf("  %-17s %4d blocks %8.1f KB\n", names[static_cast<int>(status)], nb.first, nb.second / 1024.0);
  std::printf("  spans: %zu (%.1f bytes of Document each: %zu KB)\n", spans, double(sizeof(pp::CodeSpan)),
              spans * sizeof(pp::CodeSpan) / 1024);
  std::printf("  by language:");
  for (const auto& [lang, nb] : byLanguage) std::printf(" %s %d", lang.c_str(), nb.first);
  std::printf("\n");

  const double warm1 = run(h, blocks, 1, passes);
  std::printf("warm pass, 1 thread: %.2f ms (%.1f MB/s, %.1f us a block)\n", warm1,
              bytes / 1048576.0 / (warm1 / 1000), warm1 * 1000 / blocks.size());
  cpu = threadCpuMs();
  for (int p = 0; p < passes; ++p)
    for (const auto& b : blocks) h.highlight(b.info, b.code);
  cpu = (threadCpuMs() - cpu) / passes;
  std::printf("warm pass, 1 thread, CPU time: %.2f ms (%.1f MB/s)\n", cpu, bytes / 1048576.0 / (cpu / 1000));
  double slowest = 0;
  std::size_t slowestBytes = 0;
  for (const auto& b : blocks) {
    const double before = threadCpuMs();
    h.highlight(b.info, b.code);
    if (threadCpuMs() - before > slowest) {
      slowest = threadCpuMs() - before;
      slowestBytes = b.code.size();
    }
  }
  std::printf("slowest block, warm: %.2f ms CPU (%zu bytes)\n", slowest, slowestBytes);

  pp::HighlightOptions each;
  each.maxEngines = 0;
  const pp::Highlighter pooled(each);
  run(pooled, blocks, 2, 1);
  const double warm2 = run(pooled, blocks, 2, passes);
  std::printf("warm pass, 2 threads, an engine each: %.2f ms (%zu engines)\n", warm2, pooled.engineCount());

  pp::HighlightOptions one;
  one.maxEngines = 1;
  const pp::Highlighter locked(one);
  run(locked, blocks, 2, 1);
  const double warmLocked = run(locked, blocks, 2, passes);
  std::printf("warm pass, 2 threads, one engine taken in turns: %.2f ms\n", warmLocked);

  // What a build pays: a fresh highlighter, every definition loaded on first use, two
  // threads; an engine each (each loads the definitions it meets) or one taken in turns.
  for (std::size_t engines : {std::size_t{0}, std::size_t{1}}) {
    pp::HighlightOptions o;
    o.maxEngines = engines;
    start = Clock::now();
    cpu = processCpuMs();
    {
      const pp::Highlighter fresh(o);
      run(fresh, blocks, 2, 1);
    }
    std::printf("fresh highlighter, cold pass, 2 threads, %s: %.1f ms, CPU %.1f ms\n",
                engines ? "one engine taken in turns" : "an engine each", msSince(start), processCpuMs() - cpu);
  }

  start = Clock::now();
  cpu = threadCpuMs();
  const int fresh = 5;
  for (int i = 0; i < fresh; ++i) {
    const pp::Highlighter f;
    f.highlight("yaml", "a: 1");
  }
  std::printf("a new engine (repository + yaml definition): %.1f ms, CPU %.1f ms\n", msSince(start) / fresh,
              (threadCpuMs() - cpu) / fresh);
  return 0;
}
