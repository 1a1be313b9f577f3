// Hostile input: nothing crashes, hangs or explodes; depth is capped (huge inputs and their time
// bounds: huge_input_test.cpp).
// ctest-cost: 40
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

int blockDepth(const std::vector<Block>& blocks, int d = 1) {
  int m = 0;
  for (const auto& b : blocks) m = std::max(m, std::max(d, blockDepth(b.children, d + 1)));
  return m;
}

}  // namespace

TEST_CASE("10,000-deep nested lists and quotes are flattened, not overflowed") {
  DiagnosticSink d;
  std::string lists, quotes, html, inl;
  // 10,000 levels of "- - - item" (a list in a list item in a list...), and 1,000 levels by
  // indentation: five times the depth kept, in 1 MB (10,000 indented levels took 100 MB of
  // spaces, far over a post's size limit, for the same flattening).
  for (int k = 0; k < 10000; ++k) lists += "- ";
  lists += "item\n\n";
  for (int k = 0; k < 1000; ++k) lists += std::string(static_cast<std::size_t>(k) * 2, ' ') + "- item\n";
  for (int k = 0; k < 10000; ++k) quotes += ">";
  quotes += " deep\n";
  for (int k = 0; k < 10000; ++k) html += "<div><span><b>";
  html += "x\n";
  for (int k = 0; k < 5000; ++k) inl += "*a **b ";
  Document a = parse(lists, d);
  CHECK(allText(a).find("item") != std::string::npos);
  Document b = parse(quotes, d);
  Document c = parse("<div>\n" + html, d);
  Document e = parse(inl + "\n", d);
  CHECK(blockDepth(a.blocks) < 200);
  CHECK(blockDepth(b.blocks) < 200);
  CHECK(blockDepth(c.blocks) < 200);
  CHECK(allText(b).find("deep") != std::string::npos);
  CHECK(hasDiag(d, "nesting-too-deep"));
}

TEST_CASE("garbage bytes and placeholders in the input are harmless") {
  DiagnosticSink d;
  std::string junk;
  for (int k = 0; k < 100000; ++k) junk += static_cast<char>((k * 7919) % 256);
  Document doc = parse(junk + "\n<!--\x01pp0-->\n<!--\x01pp99999-->\n", d);
  forEachInline(doc, [](const Inline& i) { CHECK(i.text.find('\x01') == std::string::npos); });
  CHECK(hasDiag(d, "utf8-invalid"));
}
