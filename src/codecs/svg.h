// SVG through librsvg 2.54, locked down: the document is loaded from memory with no base
// URL, so librsvg's resolver refuses every external reference (images, <use>, XInclude,
// CSS imports, on disk or on the network) and only `data:` URLs load. Before librsvg sees
// the bytes, the DOCTYPE is checked and its entities expanded here (svgWithoutEntities).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "codecs/image.h"

namespace pp::codecs {

// The document with its DOCTYPE removed and its internal entities expanded by us, so that
// librsvg's XML parser never handles an entity (libxml2 also leaks an entity value per
// document). nullopt with *problem when the declarations are unsafe: external or parameter
// entities, entities that nest other entities (the "billion laughs"), too many or too long
// ones, or an expansion that grows the document past a sane size.
std::optional<std::string> svgWithoutEntities(std::string_view bytes, std::string* problem);

struct RsvgApi;  // librsvg's functions (svg.cpp)

class SvgDocument {
 public:
  // nullopt with *error set when librsvg cannot parse the document.
  static std::unique_ptr<SvgDocument> open(std::string_view bytes, std::string* error);
  ~SvgDocument();
  SvgDocument(const SvgDocument&) = delete;
  SvgDocument& operator=(const SvgDocument&) = delete;

  // Natural size in CSS pixels. Width and height in absolute units give it directly; an SVG
  // with only a viewBox fills `fallbackWidth` (the text block, as a browser fills its
  // container) at the viewBox's aspect ratio; with neither, a browser's 300 x 150.
  void naturalSize(double fallbackWidth, double* width, double* height) const;

  // Rasterises the whole document into width x height pixels (RGBA).
  std::optional<Image> render(int width, int height, std::string* error) const;

 private:
  SvgDocument(void* handle, const RsvgApi* api) : handle_(handle), api_(api) {}
  void* handle_;  // RsvgHandle*
  const RsvgApi* api_;  // librsvg, opened on first use
};

}  // namespace pp::codecs
