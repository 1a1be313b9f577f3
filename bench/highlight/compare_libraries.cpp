// highlight_libraries: KSyntaxHighlighting (through src/highlight's engine) against GNU
// source-highlight 3.1.9 on the corpora's fenced blocks in the languages both libraries know:
// setup cost, then warm passes over the same blocks, line by line, with a formatter that only
// counts tokens (no output). Also which of the blocks each library can highlight at all.
//   build/bench/highlight_libraries [corpus-folder] [passes]
#include <srchilite/formatter.h>
#include <srchilite/formattermanager.h>
#include <srchilite/formatterparams.h>
#include <srchilite/langdefmanager.h>
#include <srchilite/regexrulefactory.h>
#include <srchilite/sourcehighlighter.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "corpus_blocks.h"
#include "highlight/kate_engine.h"
#include "postpress/highlight.h"

namespace {

using Clock = std::chrono::steady_clock;
double threadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Our canonical ids -> source-highlight's language files (its lang.map).
const std::map<std::string, std::string> kSourceHighlightLang = {
    {"bash", "sh.lang"},     {"zsh", "zsh.lang"},       {"python", "python.lang"}, {"go", "go.lang"},
    {"json", "json.lang"},   {"c", "c.lang"},           {"cpp", "cpp.lang"},       {"rust", "rust.lang"},
    {"javascript", "javascript.lang"}, {"diff", "diff.lang"}, {"sql", "sql.lang"}, {"java", "java.lang"},
    {"makefile", "makefile.lang"}, {"ini", "desktop.lang"}, {"properties", "properties.lang"},
    {"xml", "xml.lang"},     {"html", "html.lang"},     {"csharp", "csharp.lang"},
};

struct Counter : srchilite::Formatter {
  std::size_t* tokens;
  explicit Counter(std::size_t* t) : tokens(t) {}
  void format(const std::string&, const srchilite::FormatterParams*) override { ++*tokens; }
};

template <typename Fn>
void forEachLine(const std::string& code, Fn fn) {
  std::size_t start = 0;
  for (;;) {
    std::size_t end = code.find('\n', start);
    if (end == std::string::npos) end = code.size();
    fn(std::string_view(code).substr(start, end - start));
    if (end == code.size()) break;
    start = end + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : "/work/shared/corpus";
  const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;
  const std::vector<bench::CodeBlock> all = bench::corpusBlocks(root);

  // Blocks with a language Kate knows; among them those source-highlight knows too.
  struct Block {
    std::string id, definition, lang;
    const std::string* code;
  };
  std::vector<Block> both;
  std::size_t kateBlocks = 0, shBlocks = 0, bothBytes = 0;
  std::map<std::string, int> kateOnly;
  const pp::Highlighter probe;
  for (const auto& b : all) {
    const pp::CodeLanguage lang = pp::resolveCodeLanguage(b.info);
    if (lang.id.empty()) continue;
    const pp::HighlightedCode r = probe.highlight(b.info, b.code);
    const bool kate = r.status == pp::HighlightStatus::Highlighted;
    const std::string id = lang.session ? "bash" : lang.id;  // a session's commands are shell
    auto sh = kSourceHighlightLang.find(id);
    kateBlocks += kate;
    shBlocks += sh != kSourceHighlightLang.end();
    if (kate && sh == kSourceHighlightLang.end()) kateOnly[lang.id]++;
    if (kate && sh != kSourceHighlightLang.end() && !lang.definition.empty()) {
      both.push_back({id, lang.definition, sh->second, &b.code});
      bothBytes += b.code.size();
    }
  }
  std::printf("%zu fenced blocks; KSyntaxHighlighting highlights %zu, source-highlight knows the language of %zu\n",
              all.size(), kateBlocks, shBlocks);
  std::printf("only KSyntaxHighlighting:");
  for (const auto& [id, n] : kateOnly) std::printf(" %s %d", id.c_str(), n);
  std::printf("\ncompared: %zu blocks (%.1f KB) in languages both know, %d passes\n", both.size(),
              bothBytes / 1024.0, passes);

  // KSyntaxHighlighting.
  auto start = Clock::now();
  pp::highlight::KateEngine engine(PP_SOURCE_DIR);
  std::printf("KSyntaxHighlighting: repository %.1f ms", msSince(start));
  std::vector<pp::CodeSpan> spans;
  auto kateRun = [&] {
    std::size_t n = 0;
    for (const Block& b : both) {
      engine.select(b.definition);
      spans.clear();
      forEachLine(*b.code, [&](std::string_view line) { engine.highlightLine(line, 0, spans); });
      n += spans.size();
    }
    return n;
  };
  start = Clock::now();
  const std::size_t kateSpans = kateRun();
  std::printf(", cold pass %.1f ms", msSince(start));
  double cpu = threadCpuMs();
  for (int p = 0; p < passes; ++p) kateRun();
  const double kateWarm = (threadCpuMs() - cpu) / passes;
  std::printf(", warm pass %.2f ms CPU (%.1f MB/s), %zu spans\n", kateWarm, bothBytes / 1048576.0 / (kateWarm / 1000), kateSpans);

  // source-highlight.
  start = Clock::now();
  srchilite::RegexRuleFactory factory;
  srchilite::LangDefManager langs(&factory);
  std::map<std::string, srchilite::HighlightStatePtr> states;
  for (const Block& b : both)
    if (!states.count(b.lang)) states[b.lang] = langs.getHighlightState(SOURCE_HIGHLIGHT_DATA, b.lang);
  std::printf("source-highlight: %zu language files %.1f ms", states.size(), msSince(start));
  std::size_t tokens = 0;
  srchilite::FormatterManager formatters(srchilite::FormatterPtr(new Counter(&tokens)));
  srchilite::FormatterParams params;
  auto shRun = [&] {
    for (const Block& b : both) {
      srchilite::SourceHighlighter hl(states[b.lang]);
      hl.setFormatterManager(&formatters);
      hl.setFormatterParams(&params);
      forEachLine(*b.code, [&](std::string_view line) { hl.highlightParagraph(std::string(line)); });
    }
  };
  start = Clock::now();
  shRun();
  std::printf(", cold pass %.1f ms", msSince(start));
  const std::size_t shTokens = tokens;
  cpu = threadCpuMs();
  for (int p = 0; p < passes; ++p) shRun();
  const double shWarm = (threadCpuMs() - cpu) / passes;
  std::printf(", warm pass %.2f ms CPU (%.1f MB/s), %zu tokens\n", shWarm, bothBytes / 1048576.0 / (shWarm / 1000), shTokens);
  return 0;
}
