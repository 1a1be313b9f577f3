// The diagnostics sink: once-only keys, and per-task sinks replayed in a fixed order.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/support/parallel.h"

using namespace pp;

TEST_CASE("per-task sinks replay in task order whatever order the tasks ran in") {
  std::vector<std::string> printed;
  DiagnosticSink main([&](const Diagnostic& d) { printed.push_back(d.message); });
  std::vector<DiagnosticSink> tasks(8);
  // Run the tasks backwards and in parallel: the replay order must not care.
  parallelFor(tasks.size(), 4, [&](std::size_t k) {
    const std::size_t i = tasks.size() - 1 - k;
    tasks[i].warning({"post" + std::to_string(i) + ".md", 1, 1}, "w", "task " + std::to_string(i) + " a");
    tasks[i].reportOnce("glyph:U+1F680", {Severity::Warning, {}, "missing-glyph", "rocket missing"});
    tasks[i].note({}, "n", "task " + std::to_string(i) + " b");
  });
  for (const auto& t : tasks) t.replayInto(main);
  std::vector<std::string> expected;
  for (int i = 0; i < 8; ++i) {
    expected.push_back("task " + std::to_string(i) + " a");
    if (i == 0) expected.push_back("rocket missing");  // a once-only key stays once across tasks
    expected.push_back("task " + std::to_string(i) + " b");
  }
  CHECK(printed == expected);
  CHECK(main.warningCount() == 9);
  CHECK(main.countCode("missing-glyph") == 1);
}

TEST_CASE("control characters in paths and messages are printed as escapes, on one line") {
  const Diagnostic d{Severity::Error, {"_posts/x\nforged.md:1:1: error: forged\x1b[2J.md", 3, 1}, "code",
                     "bad \x07 title \xC2\x9B" "31m\tend"};
  const std::string line = formatDiagnostic(d);
  CHECK(line == "_posts/x\\nforged.md:1:1: error: forged\\x1b[2J.md:3:1: error: bad \\x07 title \\u009b31m\\tend [code]");
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\x1b') == std::string::npos);
  // Ordinary text, UTF-8 included, is unchanged.
  CHECK(formatDiagnostic({Severity::Warning, {"a/é.md", 1, 2}, "w", "naïve → ok"}) == "a/é.md:1:2: warning: naïve → ok [w]");
}
