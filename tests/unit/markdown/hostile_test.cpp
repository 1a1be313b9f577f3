// Hostile input: nothing crashes, hangs or explodes; depth is capped; time stays linear.
// ctest-cost: 70
#include <doctest/doctest.h>

#include <ctime>
#include <functional>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

int blockDepth(const std::vector<Block>& blocks, int d = 1) {
  int m = 0;
  for (const auto& b : blocks) m = std::max(m, std::max(d, blockDepth(b.children, d + 1)));
  return m;
}

// CPU time, not wall time: the machine is shared. Sanitizer builds are several times slower.
double cpuSeconds(std::clock_t since) { return static_cast<double>(std::clock() - since) / CLOCKS_PER_SEC; }

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
constexpr double kSlowdown = 8.0;
#else
constexpr double kSlowdown = 1.0;
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

TEST_CASE("10,000-deep nested lists and quotes are flattened, not overflowed") {
  DiagnosticSink d;
  std::string lists, quotes, html, inl;
  for (int k = 0; k < 10000; ++k) lists += std::string(static_cast<std::size_t>(k) * 2, ' ') + "- item\n";
  for (int k = 0; k < 10000; ++k) quotes += ">";
  quotes += " deep\n";
  for (int k = 0; k < 10000; ++k) html += "<div><span><b>";
  html += "x\n";
  for (int k = 0; k < 5000; ++k) inl += "*a **b ";
  Document a = parse(lists, d);
  Document b = parse(quotes, d);
  Document c = parse("<div>\n" + html, d);
  Document e = parse(inl + "\n", d);
  CHECK(blockDepth(a.blocks) < 200);
  CHECK(blockDepth(b.blocks) < 200);
  CHECK(blockDepth(c.blocks) < 200);
  CHECK(allText(b).find("deep") != std::string::npos);
  CHECK(hasDiag(d, "nesting-too-deep"));
}

TEST_CASE("huge inputs stay fast: 10 MB line, 100,000-column table, pathological markup") {
  std::string line(10u << 20, 'a');
  for (std::size_t k = 0; k < line.size(); k += 7) line[k] = " *_$`<{:["[k % 9];
  CHECK(secondsToParse(line) < 5.0 * kSlowdown);
  std::string table = "|";
  for (int k = 0; k < 100000; ++k) table += " c |";
  table += "\n|";
  for (int k = 0; k < 100000; ++k) table += "---|";
  table += "\n|";
  for (int k = 0; k < 100000; ++k) table += " x |";
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
    while (s.size() < (1u << 20)) s += unit;
    std::string name = unit;
    CAPTURE(name);
    CHECK(secondsToParse(s, Generator::Jekyll) < 4.0 * kSlowdown);
    CHECK(secondsToParse(s, Generator::Hugo) < 4.0 * kSlowdown);
    CHECK(secondsToParse(s, Generator::Docusaurus) < 4.0 * kSlowdown);
  }
}

TEST_CASE("garbage bytes and placeholders in the input are harmless") {
  DiagnosticSink d;
  std::string junk;
  for (int k = 0; k < 100000; ++k) junk += static_cast<char>((k * 7919) % 256);
  Document doc = parse(junk + "\n<!--\x01pp0-->\n<!--\x01pp99999-->\n", d);
  forEachInline(doc, [](const Inline& i) { CHECK(i.text.find('\x01') == std::string::npos); });
  CHECK(hasDiag(d, "utf8-invalid"));
}
