#include <doctest/doctest.h>

#include <fstream>

#include "postpress/driver.h"

using namespace pp;

namespace {

struct TempConfig {
  fs::path dir;
  fs::path file;
  explicit TempConfig(const std::string& text) {
    dir = fs::temp_directory_path() / ("pp-config-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir);
    file = dir / "postpress.yaml";
    std::ofstream(file) << text;
  }
  ~TempConfig() { fs::remove_all(dir); }
};

const Diagnostic* firstError(const DiagnosticSink& sink, std::vector<Diagnostic>& keep) {
  keep = sink.all();
  for (const auto& d : keep)
    if (d.severity == Severity::Error) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("a config with digests: entries inherit top-level keys and resolve paths") {
  TempConfig cfg(R"(site: blog
style: report
paper: a4
digests:
  - name: q4
    title: Quarterly
    select:
      quarter: 2025Q4
      tags: [kubernetes, ai]
    group_by: month
  - name: brief
    style: brief
    output: out/brief.pdf
)");
  DiagnosticSink sink;
  auto specs = loadConfig(cfg.file, "", sink);
  REQUIRE(sink.errorCount() == 0);
  REQUIRE(specs.size() == 2);
  CHECK(specs[0].name == "q4");
  CHECK(specs[0].site.root == cfg.dir / "blog");
  CHECK(specs[0].paper == "a4");
  CHECK(specs[0].style == "report");
  CHECK(specs[0].selection.quarter == "2025Q4");
  CHECK(specs[0].selection.tags == std::vector<std::string>{"kubernetes", "ai"});
  CHECK(specs[0].publication.groupBy == "month");
  CHECK(specs[0].output == cfg.dir / "out" / "q4");
  CHECK(specs[0].formats == std::vector<std::string>{"pdf", "epub"});
  CHECK(specs[1].style == "brief");
  CHECK(specs[1].output == cfg.dir / "out" / "brief.pdf");
  CHECK(specs[1].formats == std::vector<std::string>{"pdf"});  // the .pdf name implies the format
}

TEST_CASE("a config without digests: is one digest") {
  TempConfig cfg("title: Solo\nselect: {year: 2024, limit: 5, newest_first: true, lang: fr}\nformats: epub\n");
  DiagnosticSink sink;
  auto specs = loadConfig(cfg.file, "", sink);
  REQUIRE(specs.size() == 1);
  CHECK(specs[0].publication.title == "Solo");
  CHECK(specs[0].selection.year == 2024);
  CHECK(specs[0].selection.limit == 5);
  CHECK(specs[0].selection.newestFirst);
  CHECK(specs[0].selection.language == "fr");
  CHECK(specs[0].formats == std::vector<std::string>{"epub"});
}

TEST_CASE("unknown keys and bad values are errors at their line and column") {
  TempConfig cfg("title: X\ndigests:\n  - name: a\n    colour: blue\n  - name: b\n    select:\n      quarter: 2025Q5\n");
  DiagnosticSink sink;
  auto specs = loadConfig(cfg.file, "", sink);
  CHECK(specs.empty());
  auto all = sink.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].loc.line == 4);
  CHECK(all[0].loc.col == 5);
  CHECK(all[0].message.find("colour") != std::string::npos);
  CHECK(all[1].loc.line == 7);
  CHECK(all[1].message.find("2025Q5") != std::string::npos);
}

TEST_CASE("YAML syntax errors carry the position") {
  TempConfig cfg("title: [unclosed\nstyle: report\n");
  DiagnosticSink sink;
  auto specs = loadConfig(cfg.file, "", sink);
  CHECK(specs.empty());
  std::vector<Diagnostic> keep;
  const Diagnostic* e = firstError(sink, keep);
  REQUIRE(e);
  CHECK(e->loc.line >= 1);
  CHECK(e->loc.path == cfg.file.string());
}

TEST_CASE("--digest keeps one entry; an unknown name lists the others") {
  TempConfig cfg("digests:\n  - name: one\n  - name: two\n");
  DiagnosticSink sink;
  auto specs = loadConfig(cfg.file, "two", sink);
  REQUIRE(specs.size() == 1);
  CHECK(specs[0].name == "two");
  DiagnosticSink sink2;
  CHECK(loadConfig(cfg.file, "three", sink2).empty());
  std::vector<Diagnostic> keep;
  const Diagnostic* e = firstError(sink2, keep);
  REQUIRE(e);
  CHECK(e->message.find("one, two") != std::string::npos);
}

TEST_CASE("duplicate digest names and bad booleans are refused") {
  TempConfig cfg("digests:\n  - name: same\n    cover: maybe\n  - name: same\n");
  DiagnosticSink sink;
  CHECK(loadConfig(cfg.file, "", sink).empty());
  CHECK(sink.errorCount() == 2);
}

TEST_CASE("values are read by the option table's rules, in the command line's words") {
  const OptionSpec& dpi = option(OptionId::Dpi);
  const std::string tooHigh = std::to_string(dpi.max + 1);
  TempConfig cfg("dpi: " + tooHigh + "\nselect:\n  limit: -1\n  tag: security, ai\n");
  DiagnosticSink sink;
  CHECK(loadConfig(cfg.file, "", sink).empty());
  auto all = sink.all();
  REQUIRE(all.size() == 2);
  OptionValue unused;
  CHECK(all[0].loc.line == 1);
  CHECK(all[0].message == "'dpi' " + *readOptionValue(dpi, {tooHigh}, unused));
  CHECK(all[1].loc.line == 3);
  CHECK(all[1].message.find("'limit' must be a whole number from 0") == 0);

  TempConfig good("dpi: " + std::to_string(dpi.max) + "\nselect:\n  tag: security, ai\n  drafts: yes\n");
  DiagnosticSink sink2;
  auto specs = loadConfig(good.file, "", sink2);
  REQUIRE(specs.size() == 1);
  CHECK(specs[0].dpi == dpi.max);
  CHECK(specs[0].selection.tags == std::vector<std::string>{"security", "ai"});
  CHECK(specs[0].selection.drafts);
  CHECK(specs[0].site.drafts);  // keeping drafts reads them, as --drafts does
  CHECK(specs[0].epubMaxSide == optionDefaultInt(OptionId::EpubMaxSide));
}

TEST_CASE("an output naming one format cannot ask for another; keys in the wrong place are named") {
  TempConfig cfg("name: top\nformats: epub\ndigests:\n  - name: a\n    output: a.pdf\n  - name: b\n    digests: []\n");
  DiagnosticSink sink;
  CHECK(loadConfig(cfg.file, "", sink).empty());
  auto all = sink.all();
  REQUIRE(all.size() == 3);
  CHECK(all[0].loc.line == 1);
  CHECK(all[0].message.find("under digests:") != std::string::npos);
  CHECK(all[1].loc.line == 4);
  CHECK(all[1].message.find("a.pdf") != std::string::npos);
  CHECK(all[2].loc.line == 7);
  CHECK(all[2].message.find("top level") != std::string::npos);
}
