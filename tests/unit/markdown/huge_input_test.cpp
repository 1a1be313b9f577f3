// Huge inputs: a 10 MB line, a 100,000-column table and a megabyte of each pathological opener
// parse in time linear in their size.
// also-unsanitized: the time bounds, at full size
// ctest-cost: 10
#include <doctest/doctest.h>

#include <ctime>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

// CPU time, not wall time: the machine is shared.
double cpuSeconds(std::clock_t since) { return static_cast<double>(std::clock() - since) / CLOCKS_PER_SEC; }

// The time bounds hold where the parser is optimised and not sanitized, at full size. Where it
// is sanitized the same inputs at an eighth of the size still pass every cap (columns, depth,
// the budgets) and every path, which is what that run looks for, in an eighth of the time
// (22 s of the sanitizer tree's tests at full size); its bounds are loose, for a hang only.
#if PP_LIBRARIES_OPTIMISED
constexpr std::size_t kScale = 8;
constexpr double kSlowdown = 1.0;
#else
constexpr std::size_t kScale = 1;
constexpr double kSlowdown = 8.0;
#endif

double secondsToParse(const std::string& body, Generator g = Generator::Plain, bool math = true) {
  DiagnosticSink d;
  Site site = makeSite(g);
  site.math = math;
  site.emoji = true;
  Post post = makePost(body);
  std::clock_t t0 = std::clock();
  Document doc = parsePost(site, post, d);
  (void)doc;
  CHECK(d.count() < 2000);  // floods of diagnostics are cut short
  return cpuSeconds(t0);
}

}  // namespace

TEST_CASE("huge inputs stay fast: 10 MB line, 100,000-column table, pathological markup") {
  std::string line(kScale * (10u << 17), 'a');
  for (std::size_t k = 0; k < line.size(); k += 7) line[k] = " *_$`<{:["[k % 9];
  CHECK(secondsToParse(line) < 5.0 * kSlowdown);
  std::string table = "|";
  for (std::size_t k = 0; k < kScale * 12500; ++k) table += " c |";
  table += "\n|";
  for (std::size_t k = 0; k < kScale * 12500; ++k) table += "---|";
  table += "\n|";
  for (std::size_t k = 0; k < kScale * 12500; ++k) table += " x |";
  table += "\n";
  DiagnosticSink d;
  std::clock_t t0 = std::clock();
  Document t = parse(table, d);
  CHECK(cpuSeconds(t0) < 2.0 * kSlowdown);
  auto tables = blocksOfKind(t, BlockKind::Table);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->rows[0].cells.size() <= 64);
  CHECK(hasDiag(d, "table-too-wide"));
  for (const char* unit : {"{{< a ", "{% if ", "<a href=\"", "$x ", "{{ ", ":::note\n", "<!-- ", "`", "{'", "<Comp "}) {
    std::string s;
    while (s.size() < kScale * (1u << 17)) s += unit;
    std::string name = unit;
    CAPTURE(name);
    CHECK(secondsToParse(s, Generator::Jekyll) < 4.0 * kSlowdown);
    CHECK(secondsToParse(s, Generator::Hugo) < 4.0 * kSlowdown);
    CHECK(secondsToParse(s, Generator::Docusaurus) < 4.0 * kSlowdown);
  }
}
