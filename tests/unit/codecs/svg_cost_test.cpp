// The SVG work budget (issue 25, item 6): filter chains and huge text are refused before
// librsvg is asked to render them.
#include <doctest/doctest.h>

#include "postpress/codecs.h"

using namespace pp::codecs;

TEST_CASE("svgCostProblem refuses long filter chains, huge text and too many elements") {
  std::string blur = "<svg xmlns='http://www.w3.org/2000/svg' width='100' height='100'><filter id='f'>";
  for (int i = 0; i < 500; ++i) blur += "<feGaussianBlur stdDeviation='50'/>";
  blur += "</filter><rect width='100' height='100' filter='url(#f)'/></svg>";
  REQUIRE(svgCostProblem(blur));
  CHECK(svgCostProblem(blur)->find("filter") != std::string::npos);

  const std::string text = "<svg xmlns='http://www.w3.org/2000/svg'><text x='0' y='10'>" +
                           std::string(1u << 20, 'W') + "</text></svg>";
  REQUIRE(svgCostProblem(text));
  CHECK(svgCostProblem(text)->find("text") != std::string::npos);
  const std::string cdata = "<svg><text><![CDATA[" + std::string(1u << 20, 'W') + "]]></text></svg>";
  CHECK(svgCostProblem(cdata));

  std::string many = "<svg>";
  for (int i = 0; i < 300000; ++i) many += "<g/>";
  many += "</svg>";
  CHECK(svgCostProblem(many));
}

TEST_CASE("svgCostProblem passes ordinary drawings") {
  std::string chart = "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='300'>"
                      "<filter id='s'><feGaussianBlur stdDeviation='2'/><feOffset dx='1'/></filter>"
                      "<style>" + std::string(500000, ' ') + "</style>";
  for (int i = 0; i < 2000; ++i) chart += "<rect x='1' y='2' width='3' height='4'/><text x='1' y='1'>label</text>";
  chart += "</svg>";
  CHECK_FALSE(svgCostProblem(chart));
}
