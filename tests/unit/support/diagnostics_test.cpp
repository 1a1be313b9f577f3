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

TEST_CASE("a diagnostics policy silences warnings and notes by code, denies warnings, and never drops an error") {
  pp::DiagnosticPolicy policy;
  REQUIRE(policy.addWarningOption("no-date-mismatch"));
  CHECK_FALSE(policy.addWarningOption("no-"));
  policy.denied.insert("image-missing");
  pp::DiagnosticSink sink;
  sink.setFilter([&policy](pp::Diagnostic& d) { return policy.apply(d); });
  sink.warning({"a.md", 1, 1}, "date-mismatch", "dates differ");
  sink.note({"a.md", 1, 1}, "date-mismatch", "a note of the same code");
  sink.error({"a.md", 2, 1}, "date-mismatch", "an error of a silenced code still counts");
  sink.warning({"a.md", 3, 1}, "image-missing", "no picture");
  sink.warning({"a.md", 4, 1}, "other", "kept as it is");
  CHECK(sink.count() == 3);
  CHECK(sink.errorCount() == 2);  // the error, and the denied warning
  CHECK(sink.warningCount() == 1);
  CHECK(sink.all()[1].severity == pp::Severity::Error);
  CHECK(sink.all()[1].code == "image-missing");
}

TEST_CASE("the command line's -W CODE undoes a config's ignore; its --deny wins over an ignore") {
  pp::DiagnosticPolicy config;
  config.silenced = {"date-mismatch", "image-remote"};
  config.denied = {"image-missing"};
  pp::DiagnosticPolicy line;
  line.addWarningOption("date-mismatch");
  line.denied.insert("image-remote");
  line.addWarningOption("no-image-missing");
  config.mergeFrom(line);
  CHECK(config.silenced == std::set<std::string>{"image-missing"});
  CHECK(config.denied == std::set<std::string>{"image-remote"});
}
