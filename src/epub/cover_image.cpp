#include "epub/cover_image.h"

#include <stb_image.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "epub/front_back.h"
#include "postpress/assets.h"
#include "postpress/fonts.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::epub {

namespace {

struct Rgb {
  unsigned char r, g, b;
};

Rgb toRgb(const Color& c) {
  auto ch = [](float v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  return {ch(c.r), ch(c.g), ch(c.b)};
}

struct Canvas {
  int w, h;
  // Not zeroed first (a vector would be): the paper colour is every byte's first value, one
  // row painted and copied down (the cover is made on every build).
  std::unique_ptr<unsigned char[]> px;
  Canvas(int w_, int h_, Rgb bg)
      : w(std::max(w_, 0)), h(std::max(h_, 0)), px(new unsigned char[static_cast<std::size_t>(w) * h * 3]) {
    const std::size_t row = static_cast<std::size_t>(w) * 3;
    if (h == 0 || row == 0) return;
    for (std::size_t i = 0; i < row; i += 3) {
      px[i] = bg.r;
      px[i + 1] = bg.g;
      px[i + 2] = bg.b;
    }
    for (int y = 1; y < h; ++y) std::memcpy(&px[static_cast<std::size_t>(y) * row], px.get(), row);
  }
  void fill(int x0, int y0, int x1, int y1, Rgb c) {
    x0 = std::clamp(x0, 0, w); x1 = std::clamp(x1, 0, w);
    y0 = std::clamp(y0, 0, h); y1 = std::clamp(y1, 0, h);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
        p[0] = c.r; p[1] = c.g; p[2] = c.b;
      }
  }
  void blend(int x, int y, Rgb c, int alpha) {
    if (x < 0 || y < 0 || x >= w || y >= h || alpha <= 0) return;
    unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
    p[0] = static_cast<unsigned char>((c.r * alpha + p[0] * (255 - alpha) + 127) / 255);
    p[1] = static_cast<unsigned char>((c.g * alpha + p[1] * (255 - alpha) + 127) / 255);
    p[2] = static_cast<unsigned char>((c.b * alpha + p[2] * (255 - alpha) + 127) / 255);
  }
};

// Text in pixels, shaped (FontChain::set), each glyph's coverage blended into the canvas.
void drawText(Canvas& c, const FontChain& fonts, const std::u32string& s, float x, float y, float px, Rgb color) {
  fonts.set(s, x, px, [&](const FontFile& font, int glyph, float penX, float rise, float scale) {
    const GlyphBitmap bmp = font.rasterize(glyph, scale, penX - std::floor(penX));
    const int ox = static_cast<int>(std::floor(penX)) + bmp.x0, oy = static_cast<int>(std::lround(y - rise)) + bmp.y0;
    for (int yy = 0; yy < bmp.height; ++yy)
      for (int xx = 0; xx < bmp.width; ++xx)
        c.blend(ox + xx, oy + yy, color, bmp.coverage[static_cast<std::size_t>(yy) * bmp.width + xx]);
  });
}

// Greedy line breaking at spaces; a word wider than the line is cut by characters.
std::vector<std::u32string> wrap(const FontChain& fonts, const std::string& textUtf8, float px, float maxWidth) {
  std::vector<std::u32string> lines;
  std::u32string line;
  for (const std::string& word8 : split(textUtf8, ' ')) {
    if (word8.empty()) continue;
    std::u32string word = toUtf32(word8);
    std::u32string candidate = line.empty() ? word : line + U" " + word;
    if (fonts.width(candidate, px) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line.clear();
    while (fonts.width(word, px) > maxWidth && word.size() > 1) {
      std::size_t n = word.size() - 1;
      while (n > 1 && fonts.width(word.substr(0, n), px) > maxWidth) --n;
      lines.push_back(word.substr(0, n));
      word = word.substr(n);
    }
    line = word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// Draws an image (decoded from JPEG/PNG bytes) scaled to cover the box, centred, by sampling.
void drawPicture(Canvas& c, const std::string& bytes, int bx, int by, int bw, int bh) {
  int w = 0, h = 0, n = 0;
  unsigned char* img = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                             static_cast<int>(bytes.size()), &w, &h, &n, 3);
  if (!img) return;
  std::unique_ptr<unsigned char, void (*)(void*)> guard(img, stbi_image_free);
  double s = std::max(static_cast<double>(bw) / w, static_cast<double>(bh) / h);
  double ox = (w * s - bw) / 2, oy = (h * s - bh) / 2;
  // Average the source pixels under each target pixel (a box filter): photos scaled down by
  // plain sampling shimmer with moire.
  for (int y = 0; y < bh; ++y) {
    int y0 = std::clamp(static_cast<int>((y + oy) / s), 0, h - 1);
    int y1 = std::clamp(static_cast<int>((y + 1 + oy) / s), y0 + 1, h);
    for (int x = 0; x < bw; ++x) {
      int x0 = std::clamp(static_cast<int>((x + ox) / s), 0, w - 1);
      int x1 = std::clamp(static_cast<int>((x + 1 + ox) / s), x0 + 1, w);
      long sum[3] = {0, 0, 0}, count = 0;
      for (int sy = y0; sy < y1; ++sy)
        for (int sx = x0; sx < x1; ++sx) {
          const unsigned char* p = img + (static_cast<std::size_t>(sy) * w + sx) * 3;
          sum[0] += p[0];
          sum[1] += p[1];
          sum[2] += p[2];
          ++count;
        }
      c.blend(bx + x, by + y,
              Rgb{static_cast<unsigned char>(sum[0] / count), static_cast<unsigned char>(sum[1] / count),
                  static_cast<unsigned char>(sum[2] / count)},
              255);
    }
  }
}

// Draws a logo (with its alpha) scaled to fit the box, left-aligned (or right-aligned),
// averaging the source pixels under each target pixel so that downscaled line art stays clean.
void drawLogo(Canvas& c, const std::string& bytes, int bx, int by, int bw, int bh, bool alignRight) {
  int w = 0, h = 0, n = 0;
  unsigned char* img = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                             static_cast<int>(bytes.size()), &w, &h, &n, 4);
  if (!img) return;
  std::unique_ptr<unsigned char, void (*)(void*)> guard(img, stbi_image_free);
  double s = std::min({static_cast<double>(bw) / w, static_cast<double>(bh) / h, 1.0});
  int tw = std::max(1, static_cast<int>(w * s)), th = std::max(1, static_cast<int>(h * s));
  if (alignRight) bx += bw - tw;
  for (int y = 0; y < th; ++y)
    for (int x = 0; x < tw; ++x) {
      int x0 = static_cast<int>(x / s), x1 = std::max(x0 + 1, std::min(w, static_cast<int>((x + 1) / s)));
      int y0 = static_cast<int>(y / s), y1 = std::max(y0 + 1, std::min(h, static_cast<int>((y + 1) / s)));
      long sum[4] = {0, 0, 0, 0}, count = 0;
      for (int sy = y0; sy < y1 && sy < h; ++sy)
        for (int sx = x0; sx < x1 && sx < w; ++sx) {
          const unsigned char* p = img + (static_cast<std::size_t>(sy) * w + sx) * 4;
          for (int k = 0; k < 3; ++k) sum[k] += p[k] * p[3];  // premultiplied
          sum[3] += p[3];
          ++count;
        }
      if (count == 0 || sum[3] == 0) continue;
      Rgb col{static_cast<unsigned char>(sum[0] / sum[3]), static_cast<unsigned char>(sum[1] / sum[3]),
              static_cast<unsigned char>(sum[2] / sum[3])};
      c.blend(bx + x, by + y, col, static_cast<int>(sum[3] / count));
    }
}

fs::path styleFont(const Style& style, const std::string& role, bool bold) {
  auto it = style.families.find(role);
  if (it == style.families.end()) return {};
  return bold ? it->second.bold : it->second.regular;
}

}  // namespace

std::string renderCoverPng(const Publication& pub, const Style& style, const AssetLookup& assets,
                           int width, int height, const fs::path& cacheDir, DiagnosticSink& diags) {
  fs::path fontDir = dataDir() / "fonts";
  auto load = [&](bool bold) {
    FontChain f;
    f.add(styleFont(style, "heading", bold));
    f.add(fontDir / (bold ? "NotoSans-Bold.ttf" : "NotoSans-Regular.ttf"));
    for (const auto& fb : style.fallbacks) f.add(fb);
    f.add(fontDir / (bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"));
    return f;
  };
  FontChain bold = load(true), regular = load(false);
  if (bold.empty() || regular.empty()) {
    diags.warning({}, "epub-cover-font", "no font found in " + fontDir.string() +
                                             " to draw the cover: the cover page shows text only");
    return "";
  }

  Rgb accent = toRgb(style.accent);
  Rgb paper{250, 249, 246}, ink{34, 34, 34}, white{255, 255, 255};
  Rgb mutedInk = toRgb(style.muted);
  Canvas c(width, height, paper);
  float W = static_cast<float>(width), H = static_cast<float>(height);
  float margin = W * 0.09f;
  // A right-to-left book's cover is laid out from the right: each line ends where a
  // left-to-right one starts, the logo and the bullets at the right.
  const bool rtl = pub.locale->rightToLeft();
  auto line = [&](const FontChain& fonts, const std::u32string& s, float x, float y, float px, Rgb color) {
    drawText(c, fonts, s, rtl ? W - x - fonts.width(s, px) : x, y, px, color);
  };

  // Optional picture from the config above the band.
  bool picture = pub.coverImageAsset >= 0;
  bool logo = !picture && pub.logoAsset >= 0;
  int bandTop = static_cast<int>(H * (picture ? 0.30f : logo ? 0.24f : 0.17f));
  if (pub.coverImageAsset >= 0 && assets) {
    if (const Asset* a = assets(pub.coverImageAsset); a && a->ok()) {
      if (auto bytes = readFile(a->epub.file, nullptr, 64u << 20))
        drawPicture(c, *bytes, 0, 0, width, bandTop);
    }
  } else {
    c.fill(0, 0, width, static_cast<int>(H * 0.012f), accent);  // a thin top rule
    if (pub.logoAsset >= 0 && assets) {
      if (const Asset* a = assets(pub.logoAsset); a && a->ok())
        if (auto bytes = readFile(a->epub.file, nullptr, 64u << 20))
          drawLogo(c, *bytes, static_cast<int>(rtl ? W * 0.5f - margin : margin), static_cast<int>(H * 0.07f),
                   static_cast<int>(W * 0.5f), static_cast<int>(H * 0.12f), rtl);
    }
  }

  // Site name above the band.
  std::string site = pub.site ? std::string(trim(pub.site->title)) : std::string();
  if (!site.empty() && pub.coverImageAsset < 0 && matchKey(site) != matchKey(pub.title)) {
    const std::string upper = toUtf8(upperCase(toUtf32(site)));
    auto lines = wrap(regular, upper, H * 0.026f, W - 2 * margin);
    if (!lines.empty()) line(regular, lines[0], margin, bandTop - H * 0.04f, H * 0.026f, mutedInk);
  }

  // The band: title and subtitle, sized down until the title fits in four lines.
  std::string title = trim(pub.title).empty() ? pub.locale->label("digest") : std::string(trim(pub.title));
  float titlePx = H * 0.062f;
  std::vector<std::u32string> titleLines;
  for (;; titlePx *= 0.9f) {
    titleLines = wrap(bold, title, titlePx, W - 2 * margin);
    if (titleLines.size() <= 4 || titlePx < H * 0.025f) break;
  }
  if (titleLines.size() > 5) titleLines.resize(5);
  std::string subtitle(trim(pub.subtitle));
  float subPx = H * 0.03f;
  auto subLines = subtitle.empty() ? std::vector<std::u32string>{} : wrap(regular, subtitle, subPx, W - 2 * margin);
  if (subLines.size() > 3) subLines.resize(3);
  float pad = H * 0.045f;
  float bandHeight = pad * 2 + titleLines.size() * titlePx * 1.15f +
                     (subLines.empty() ? 0 : H * 0.02f + subLines.size() * subPx * 1.3f);
  bandHeight = std::max(bandHeight, H * 0.22f);
  int bandBottom = bandTop + static_cast<int>(bandHeight);
  c.fill(0, bandTop, width, bandBottom, accent);
  float y = bandTop + pad + titlePx * 0.85f;
  for (const auto& l : titleLines) {
    line(bold, l, margin, y, titlePx, white);
    y += titlePx * 1.15f;
  }
  if (!subLines.empty()) {
    y += H * 0.02f - titlePx * 0.15f + subPx * 0.2f;
    for (const auto& l : subLines) {
      line(regular, l, margin, y, subPx, Rgb{235, 240, 245});
      y += subPx * 1.3f;
    }
  }

  // Below the band: period, filters, count.
  y = bandBottom + H * 0.07f;
  if (!trim(pub.period).empty()) {
    float px = H * 0.042f;
    for (const auto& l : wrap(bold, std::string(trim(pub.period)), px, W - 2 * margin)) {
      line(bold, l, margin, y, px, accent);
      y += px * 1.2f;
    }
    y += H * 0.015f;
  }
  float smallPx = H * 0.024f;
  if (!trim(pub.filters).empty()) {
    auto lines = wrap(regular, std::string(trim(pub.filters)), smallPx, W - 2 * margin);
    if (lines.size() > 3) lines.resize(3);
    for (const auto& l : lines) {
      line(regular, l, margin, y, smallPx, ink);
      y += smallPx * 1.35f;
    }
  }
  for (const auto& l : wrap(regular, postCountLabel(pub), smallPx, W - 2 * margin)) {
    line(regular, l, margin, y, smallPx, ink);
    y += smallPx * 1.35f;
  }

  // Inside: the first post titles, as many as fit above the foot.
  int footY = static_cast<int>(H * 0.92f);
  float itemPx = smallPx * 0.95f;
  float limit = footY - H * 0.055f;
  if (!pub.posts.empty() && y + H * 0.05f + itemPx * 2 < limit) {
    y += H * 0.03f;
    line(regular, upperCase(toUtf32(pub.locale->label("in_this_digest"))), margin, y, smallPx * 0.8f, mutedInk);
    y += itemPx * 1.6f;
    std::size_t shown = 0;
    for (const PostEntry& e : pub.posts) {
      std::string t = e.post ? std::string(trim(e.post->title)) : std::string();
      if (t.empty()) continue;
      auto lines = wrap(regular, t, itemPx, W - 2 * margin - itemPx);
      if (lines.size() > 2) {
        lines.resize(2);
        lines[1] += U"\u2026";
      }
      bool last = shown + 1 < pub.posts.size();
      if (y + lines.size() * itemPx * 1.3f + (last ? itemPx * 1.5f : 0) > limit) break;
      const float bullet = rtl ? W - margin - itemPx * 0.35f : margin;
      c.fill(static_cast<int>(bullet), static_cast<int>(y - itemPx * 0.42f), static_cast<int>(bullet + itemPx * 0.35f),
             static_cast<int>(y - itemPx * 0.07f), accent);
      for (const auto& l : lines) {
        line(regular, l, margin + itemPx, y, itemPx, ink);
        y += itemPx * 1.3f;
      }
      y += itemPx * 0.35f;
      ++shown;
    }
    if (shown < pub.posts.size() && shown > 0)
      line(regular, toUtf32(pub.locale->count("and_more", static_cast<long long>(pub.posts.size() - shown))), margin + itemPx, y,
                   itemPx, mutedInk);
  }

  // Foot: the date, over a rule in the accent colour.
  c.fill(static_cast<int>(margin), footY - static_cast<int>(H * 0.035f),
         width - static_cast<int>(margin), footY - static_cast<int>(H * 0.035f) + std::max(2, height / 600), accent);
  if (!trim(pub.dateLabel).empty())
    line(regular, toUtf32(std::string(trim(pub.dateLabel))), margin, static_cast<float>(footY), smallPx, mutedInk);

  // The renditions' PNG encoder: zlib and adaptive filters, several times faster than
  // stb_image_write's deflate. Flat colour and text: libdeflate's fastest level makes a file
  // a little larger than level 6 in a fraction of the time (bench/results.md).
  constexpr int kCoverDeflateLevel = 1;
  std::string png = encodePngPixelsCached(cacheDir, width, height, 3, c.px.get(), kCoverDeflateLevel);
  if (png.empty()) {
    diags.warning({}, "epub-cover-encode", "cannot encode the cover image: the cover page shows text only");
    return "";
  }
  return png;
}

}  // namespace pp::epub
