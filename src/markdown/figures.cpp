// Images and figures as the converters and passes build them: the inline and block forms, the
// caption an alt text deserves, the width an author asked for.
#include <charconv>
#include <cctype>

#include "markdown/convert.h"
#include "postpress/support/media_types.h"
#include "postpress/support/text.h"

namespace pp::markdown {

Inline makeImage(const std::string& src, const std::string& alt, const std::string& title,
                 SourcePos pos, int width) {
  Inline i;
  i.kind = InlineKind::Image;
  i.image.src = src;
  i.image.alt = alt;
  i.image.title = title;
  i.image.pos = pos;
  i.image.widthHint = width;
  i.pos = pos;
  return i;
}

Block makeFigure(ImageRef image, std::vector<Inline> caption, SourcePos pos) {
  Block b;
  b.kind = BlockKind::Figure;
  b.image = std::move(image);
  b.inlines = std::move(caption);
  b.pos = pos;
  return b;
}

bool meaningfulAlt(std::string_view alt) {
  std::string a = toLowerAscii(trim(alt));
  if (a.empty()) return false;
  static constexpr std::string_view kGeneric[] = {"image", "img", "alt text", "alt", "picture",
                                                  "photo", "screenshot", "screen shot", "figure",
                                                  "logo", "png", "jpg", "gif", "diagram"};
  for (auto g : kGeneric)
    if (a == g) return false;
  if (hasImageExtension(a)) return false;  // a file name
  // "image1", "image-3", "img_2"
  std::size_t k = 0;
  while (k < a.size() && std::isalpha(static_cast<unsigned char>(a[k]))) ++k;
  std::string_view word = std::string_view(a).substr(0, k);
  std::string_view rest = std::string_view(a).substr(k);
  if ((word == "image" || word == "img" || word == "screenshot") &&
      rest.find_first_not_of("0123456789-_ ") == std::string_view::npos)
    return false;
  return true;
}

Inline figureImage(const Block& figure) {
  Inline i;
  i.kind = InlineKind::Image;
  i.image = figure.image;
  return i;
}

int widthHint(const std::string* width, const std::string* style) {
  auto px = [](std::string_view v) -> int {
    v = trim(v);
    int n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || n <= 0 || n > 20000) return 0;
    std::string_view unit = trim(v.substr(static_cast<std::size_t>(p - v.data())));
    if (!unit.empty() && unit != "px" && unit[0] != '\'' && unit[0] != '"' && unit[0] != ',' &&
        unit[0] != ';' && unit[0] != '}')
      return 0;  // %, em, vw: not a pixel width
    return n;
  };
  if (width) {
    if (int w = px(*width)) return w;
  }
  if (style) {
    std::string s = toLowerAscii(*style);
    std::size_t at = 0;
    while ((at = s.find("width", at)) != std::string::npos) {
      bool bounded = at == 0 || !(std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '-');
      std::size_t v = at + 5;
      while (v < s.size() && (s[v] == ' ' || s[v] == ':' || s[v] == '\'' || s[v] == '"')) ++v;
      if (bounded)
        if (int w = px(std::string_view(s).substr(v))) return w;
      at += 5;
    }
  }
  return 0;
}

}  // namespace pp::markdown
