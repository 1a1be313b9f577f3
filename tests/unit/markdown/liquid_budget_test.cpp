// Liquid budgets (issue 25, item 5): templates that would run for minutes or take gigabytes
// end the post's rendering quickly with a [liquid-budget] warning.
#include <doctest/doctest.h>

#include <chrono>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

// Parses `body` as a Jekyll post; the seconds it took.
double timedParse(const std::string& body, DiagnosticSink& d, Document* doc = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  Document parsed = parse(body, d, Generator::Jekyll);
  if (doc) *doc = std::move(parsed);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The post's templates stop at their budget, within `seconds`.
void expectStopped(const std::string& body, double seconds) {
  DiagnosticSink d;
  CHECK(timedParse(body, d) < seconds);
  CHECK(hasDiag(d, "liquid-budget"));
}

std::string repeated(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("liquid budget: a billion empty loop turns stop quickly") {
  expectStopped("Before.\n\n{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}{% endfor %}"
                "{% endfor %}{% endfor %}\n\nAfter.\n",
                5.0);
}

TEST_CASE("liquid budget: a string doubled forty times is stopped before it is made") {
  expectStopped("{% assign a = 'x' %}" + repeated("{% assign a = a | append: a %}", 40) + "{{ a | size }}\n", 5.0);
}

TEST_CASE("liquid budget: replace doubling thirty times is stopped") {
  expectStopped("{% assign a = 'aaaa' %}" + repeated("{% assign a = a | replace: 'a', 'aa' %}", 30) + "{{ a | size }}\n",
                5.0);
}

TEST_CASE("liquid budget: nested loops with output stop at the output budget") {
  expectStopped("{% for a in (1..1000) %}{% for b in (1..1000) %}{{ 'some words of output, again and again' }}"
                "{% endfor %}{% endfor %}\n",
                10.0);
}

TEST_CASE("liquid budget: ordinary templates are far from it") {
  DiagnosticSink d;
  Document doc;
  timedParse("{% for i in (1..100) %}{{ i | append: '-' | upcase }}{% endfor %}\n", d, &doc);
  CHECK_FALSE(hasDiag(d, "liquid-budget"));
  CHECK(visibleText(doc).find("100-") != std::string::npos);
}
