// Unknown languages, hostile input, budgets, threads.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "token_probe.h"

using namespace pp;

TEST_CASE("a language nobody knows is plain") {
  const HighlightedCode h = test::highlighter().highlight("klingon-script", "qapla' batlh\n");
  CHECK(h.status == HighlightStatus::UnknownLanguage);
  CHECK(h.language.empty());
  CHECK(h.spans.empty());
}

TEST_CASE("no language, plain words: plain") {
  for (const char* info : {"", "text", "plaintext", "nohighlight"}) {
    const HighlightedCode h = test::highlighter().highlight(info, "int x = 1;\n");
    CAPTURE(info);
    CHECK(h.status == HighlightStatus::NoLanguage);
    CHECK(h.spans.empty());
  }
}

TEST_CASE("a hostile 10 MB block is plain at once") {
  std::string code;
  code.reserve(std::size_t{10} << 20);
  while (code.size() < (std::size_t{10} << 20)) code += "key: [\"value\", {a: \"b\", c: [1, 2, {d: 'e'";
  test::highlighter().highlight("yaml", "a: 1");  // the engine exists: time the block alone
  const auto start = std::chrono::steady_clock::now();
  const HighlightedCode h = test::highlighter().highlight("yaml", code);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(h.status == HighlightStatus::OverBudget);
  CHECK(h.language == "yaml");
  CHECK(h.spans.empty());
  CHECK(took < std::chrono::milliseconds(100));
  // The same in a language only Kate's own lookup knows: still over budget, not unknown.
  CHECK(test::highlighter().highlight("ruby", code).status == HighlightStatus::OverBudget);
}

TEST_CASE("a block within the size limit but past the time limit is plain") {
  HighlightOptions o{PP_SOURCE_DIR, {}, 0, {}};
  o.limits.maxBlockTime = std::chrono::milliseconds(0);
  const Highlighter h(o);
  std::string code;
  for (int i = 0; i < 2000; ++i) code += "name: \"value " + std::to_string(i) + "\"\n";
  const HighlightedCode r = h.highlight("yaml", code);
  CHECK(r.status == HighlightStatus::OverBudget);
  CHECK(r.spans.empty());
}

TEST_CASE("the time limit holds on a large block of long lines") {
  HighlightOptions o{PP_SOURCE_DIR, {}, 0, {}};
  o.limits.maxBlockBytes = std::size_t{64} << 20;
  o.limits.maxLineBytes = std::size_t{64} << 20;
  o.limits.maxBlockTime = std::chrono::milliseconds(50);
  const Highlighter h(o);
  std::string line(std::size_t{64} << 10, '(');
  std::string code;
  for (int i = 0; i < 160; ++i) code += line + "\n";  // 10 MB of nesting
  const auto start = std::chrono::steady_clock::now();
  const HighlightedCode r = h.highlight("python", code);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(r.status == HighlightStatus::OverBudget);
  CHECK(took < std::chrono::seconds(5));  // the limit plus one line's work at most
}

TEST_CASE("an overlong line is plain, the lines around it highlighted") {
  const std::string code = "a: 1\nb: \"" + std::string(std::size_t{8} << 10, 'x') + "\"\nc: 2\n";
  const HighlightedCode h = test::highlighter().highlight("yaml", code);
  CHECK(h.status == HighlightStatus::Highlighted);
  CHECK(test::classOf(h, code, "a") == "attribute");
  CHECK(test::classOf(h, code, "xxxxxxxx") == "plain");
  CHECK(test::classOf(h, code, "c:") != "plain");
}

TEST_CASE("any bytes: spans stay inside the code and on UTF-8 boundaries") {
  const std::string code = "s = \"h\xC3\xA9llo \xF0\x9F\x98\x80\" # \xFF\xFE bad \xE2\x82\n t = '\xE4\xB8\xAD'\n";
  const HighlightedCode h = test::highlighter().highlight("python", code);
  INFO(test::dump(h, code));
  CHECK(h.status == HighlightStatus::Highlighted);
  std::size_t previousEnd = 0;
  for (const CodeSpan& s : h.spans) {
    CHECK(s.begin >= previousEnd);
    CHECK(std::size_t{s.begin} + s.length <= code.size());
    previousEnd = s.begin + s.length;
  }
  CHECK(test::classOf(h, code, "\"h\xC3\xA9llo \xF0\x9F\x98\x80\"") == "string");
  CHECK(test::classOf(h, code, "'\xE4\xB8\xAD'") == "string");
  CHECK(test::classOf(h, code, "# \xFF\xFE bad \xE2\x82") == "comment");
}

TEST_CASE("threads share one highlighter, each with an engine of its own") {
  const Highlighter h(HighlightOptions{PP_SOURCE_DIR, {}, 0, {}});
  const std::string code = "def f(x):\n    return \"s\" + str(x)  # c\n";
  const HighlightedCode expected = h.highlight("python", code);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const HighlightedCode r = h.highlight(i % 2 ? "python" : "yaml", code);
        if (i % 2 && r.spans.size() != expected.spans.size()) ++mismatches[t];
      }
    });
  for (auto& t : threads) t.join();
  CHECK(mismatches == std::vector<int>(4, 0));
  CHECK(h.engineCount() >= 1);
  CHECK(h.engineCount() <= 4);
}

TEST_CASE("an engine cap of one makes callers take turns") {
  const Highlighter h(HighlightOptions{PP_SOURCE_DIR, {}, 1, {}});
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) h.highlight("go", "package main\nfunc main() {}\n");
    });
  for (auto& t : threads) t.join();
  CHECK(h.engineCount() == 1);
}
