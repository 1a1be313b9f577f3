// The work an SVG asks of librsvg, judged from its text before librsvg sees it: librsvg's
// rendering cannot be interrupted, and a short file can ask for a great deal: chained blurs
// take minutes, and large amounts of <text> gigabytes to lay out (bench/results.md).
#include <string>
#include <string_view>

#include "postpress/codecs.h"

namespace pp::codecs {

namespace {

bool isNameChar(char c) {
  return c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' && c != '\r';
}

// The local name of an element ("svg:feBlend" -> "feBlend").
std::string_view localName(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool isTextElement(std::string_view name) {
  return name == "text" || name == "tspan" || name == "textPath" || name == "tref";
}

}  // namespace

std::optional<std::string> svgCostProblem(std::string_view svg, const SvgCostLimits& limits) {
  std::size_t elements = 0, filterPrimitives = 0, textBytes = 0;
  int textDepth = 0;
  std::size_t i = 0;
  while (i < svg.size()) {
    const std::size_t lt = svg.find('<', i);
    const std::size_t textEnd = lt == std::string_view::npos ? svg.size() : lt;
    if (textDepth > 0) textBytes += textEnd - i;
    if (lt == std::string_view::npos) break;
    std::string_view rest = svg.substr(lt);
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = svg.find("-->", lt + 4);
      i = end == std::string_view::npos ? svg.size() : end + 3;
      continue;
    }
    if (rest.substr(0, 9) == "<![CDATA[") {
      const std::size_t end = svg.find("]]>", lt + 9);
      const std::size_t stop = end == std::string_view::npos ? svg.size() : end;
      if (textDepth > 0) textBytes += stop - (lt + 9);
      i = end == std::string_view::npos ? svg.size() : end + 3;
      continue;
    }
    const std::size_t gt = svg.find('>', lt);
    if (gt == std::string_view::npos) break;
    const bool closing = rest.size() > 1 && rest[1] == '/';
    const bool special = rest.size() > 1 && (rest[1] == '?' || rest[1] == '!');
    std::size_t n = lt + (closing ? 2 : 1);
    const std::size_t nameStart = n;
    while (n < gt && isNameChar(svg[n])) ++n;
    const std::string_view name = localName(svg.substr(nameStart, n - nameStart));
    const bool selfClosing = svg[gt - 1] == '/';
    if (!special && !closing) {
      ++elements;
      if (name.size() > 2 && name[0] == 'f' && name[1] == 'e') ++filterPrimitives;
      if (isTextElement(name) && !selfClosing) ++textDepth;
    } else if (closing && isTextElement(name) && textDepth > 0) {
      --textDepth;
    }
    i = gt + 1;
    if (elements > limits.maxElements)
      return "more than " + std::to_string(limits.maxElements) + " elements";
    if (filterPrimitives > limits.maxFilterPrimitives)
      return "more than " + std::to_string(limits.maxFilterPrimitives) + " filter effects";
    if (textBytes > limits.maxTextBytes)
      return "more than " + std::to_string(limits.maxTextBytes) + " bytes of text";
  }
  if (textBytes > limits.maxTextBytes) return "more than " + std::to_string(limits.maxTextBytes) + " bytes of text";
  return std::nullopt;
}

}  // namespace pp::codecs
