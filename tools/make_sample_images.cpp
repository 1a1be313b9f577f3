// make_sample_images: draws the images of the bundled sample site (samples/img/) procedurally.
//
// Why a program and not checked-in artwork alone: the images must be ours (no licence
// questions), small, reproducible byte for byte on the same library versions, and cover the
// formats real blogs use: PNG with and without alpha, photo-like JPEG, WebP, and a WebP file
// named `.png` as blogs often have. Everything is drawn from signed distances (anti-aliased),
// text comes from the bundled Noto Sans through stb_truetype, and the "photo" noise comes from
// a fixed-seed generator of our own (std:: distributions differ between library versions).
//
// Usage: make_sample_images OUTDIR     (OUTDIR is samples/img; sub-folders are created)

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <stb_image_write.h>
#include <stb_truetype.h>
#include <webp/encode.h>

#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Colour and canvas

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
};

Rgba hex(std::uint32_t rgb, float alpha = 1.0f) {
  return {((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f,
          alpha};
}

Rgba mix(Rgba a, Rgba b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
          a.a + (b.a - a.a) * t};
}

// Straight (not premultiplied) RGBA in floats; starts fully transparent so the logo can keep
// its alpha, and opaque images paint a background first.
class Canvas {
 public:
  Canvas(int w, int h) : w_(w), h_(h), px_(static_cast<std::size_t>(w) * h, Rgba{0, 0, 0, 0}) {}

  int width() const { return w_; }
  int height() const { return h_; }
  Rgba& at(int x, int y) { return px_[static_cast<std::size_t>(y) * w_ + x]; }

  // Porter-Duff "over" of colour c, scaled by coverage, onto pixel (x, y).
  void blend(int x, int y, Rgba c, float coverage) {
    if (x < 0 || y < 0 || x >= w_ || y >= h_) return;
    const float sa = std::clamp(c.a * coverage, 0.0f, 1.0f);
    if (sa <= 0) return;
    Rgba& d = at(x, y);
    const float outA = sa + d.a * (1 - sa);
    if (outA <= 0) return;
    const float keep = d.a * (1 - sa);
    d.r = (c.r * sa + d.r * keep) / outA;
    d.g = (c.g * sa + d.g * keep) / outA;
    d.b = (c.b * sa + d.b * keep) / outA;
    d.a = outA;
  }

  std::vector<unsigned char> bytes(int channels) const {
    std::vector<unsigned char> out;
    out.reserve(px_.size() * channels);
    auto q = [](float v) {
      return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
    };
    for (const Rgba& p : px_) {
      out.push_back(q(p.r));
      out.push_back(q(p.g));
      out.push_back(q(p.b));
      if (channels == 4) out.push_back(q(p.a));
    }
    return out;
  }

 private:
  int w_, h_;
  std::vector<Rgba> px_;
};

// ---------------------------------------------------------------------------------------------
// Shapes: each is a signed distance (negative inside); coverage is taken from the distance at
// the pixel centre, which gives one pixel of anti-aliasing (or `soft` pixels for glows and
// shadows).

using Paint = std::function<Rgba(float x, float y)>;

Paint solid(Rgba c) {
  return [c](float, float) { return c; };
}

Paint verticalGradient(float y0, float y1, Rgba top, Rgba bottom) {
  return [=](float, float y) { return mix(top, bottom, std::clamp((y - y0) / (y1 - y0), 0.0f, 1.0f)); };
}

template <class Sdf>
void fillShape(Canvas& c, float x0, float y0, float x1, float y1, float soft, Sdf sdf,
               const Paint& paint) {
  const int ix0 = std::max(0, static_cast<int>(std::floor(x0 - soft - 1)));
  const int iy0 = std::max(0, static_cast<int>(std::floor(y0 - soft - 1)));
  const int ix1 = std::min(c.width(), static_cast<int>(std::ceil(x1 + soft + 1)));
  const int iy1 = std::min(c.height(), static_cast<int>(std::ceil(y1 + soft + 1)));
  for (int y = iy0; y < iy1; ++y) {
    for (int x = ix0; x < ix1; ++x) {
      const float px = x + 0.5f, py = y + 0.5f;
      const float cov = std::clamp(0.5f - sdf(px, py) / soft, 0.0f, 1.0f);
      if (cov > 0) c.blend(x, y, paint(px, py), cov);
    }
  }
}

float roundedRectSdf(float px, float py, float x0, float y0, float x1, float y1, float r) {
  const float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const float qx = std::abs(px - cx) - (x1 - x0) / 2 + r;
  const float qy = std::abs(py - cy) - (y1 - y0) / 2 + r;
  const float ox = std::max(qx, 0.0f), oy = std::max(qy, 0.0f);
  return std::sqrt(ox * ox + oy * oy) + std::min(std::max(qx, qy), 0.0f) - r;
}

void fillRect(Canvas& c, float x0, float y0, float x1, float y1, float r, const Paint& paint,
              float soft = 1.0f) {
  fillShape(c, x0, y0, x1, y1, soft,
            [=](float px, float py) { return roundedRectSdf(px, py, x0, y0, x1, y1, r); }, paint);
}

void strokeRect(Canvas& c, float x0, float y0, float x1, float y1, float r, float width,
                Rgba color) {
  fillShape(c, x0 - width, y0 - width, x1 + width, y1 + width, 1.0f,
            [=](float px, float py) {
              return std::abs(roundedRectSdf(px, py, x0, y0, x1, y1, r)) - width / 2;
            },
            solid(color));
}

void fillCircle(Canvas& c, float cx, float cy, float r, const Paint& paint, float soft = 1.0f) {
  fillShape(c, cx - r, cy - r, cx + r, cy + r, soft,
            [=](float px, float py) { return std::hypot(px - cx, py - cy) - r; }, paint);
}

void strokeLine(Canvas& c, float ax, float ay, float bx, float by, float width, Rgba color) {
  const float dx = bx - ax, dy = by - ay;
  const float len2 = std::max(dx * dx + dy * dy, 1e-6f);
  fillShape(c, std::min(ax, bx) - width, std::min(ay, by) - width, std::max(ax, bx) + width,
            std::max(ay, by) + width, 1.0f,
            [=](float px, float py) {
              const float t = std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0f, 1.0f);
              return std::hypot(px - (ax + t * dx), py - (ay + t * dy)) - width / 2;
            },
            solid(color));
}

struct Pt {
  float x, y;
};

// Convex polygon, vertices in either winding: the distance is the largest signed distance to
// an edge line, exact along edges (where anti-aliasing happens) and good enough at corners.
void fillPolygon(Canvas& c, std::vector<Pt> pts, const Paint& paint, float soft = 1.0f) {
  float area = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const Pt& a = pts[i];
    const Pt& b = pts[(i + 1) % pts.size()];
    area += a.x * b.y - b.x * a.y;
  }
  if (area < 0) std::reverse(pts.begin(), pts.end());
  float x0 = pts[0].x, x1 = pts[0].x, y0 = pts[0].y, y1 = pts[0].y;
  for (const Pt& p : pts) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  fillShape(c, x0, y0, x1, y1, soft,
            [&pts](float px, float py) {
              float d = -1e9f;
              for (std::size_t i = 0; i < pts.size(); ++i) {
                const Pt& a = pts[i];
                const Pt& b = pts[(i + 1) % pts.size()];
                const float ex = b.x - a.x, ey = b.y - a.y;
                const float len = std::max(std::hypot(ex, ey), 1e-6f);
                // Outward normal (ey, -ex) of an edge of a polygon with positive signed area.
                d = std::max(d, ((px - a.x) * ey - (py - a.y) * ex) / len);
              }
              return d;
            },
            paint);
}

void arrow(Canvas& c, float ax, float ay, float bx, float by, float width, Rgba color) {
  const float len = std::max(std::hypot(bx - ax, by - ay), 1e-3f);
  const float ux = (bx - ax) / len, uy = (by - ay) / len;
  const float head = width * 4.5f;
  strokeLine(c, ax, ay, bx - ux * head * 0.8f, by - uy * head * 0.8f, width, color);
  fillPolygon(c,
              {{bx, by},
               {bx - ux * head - uy * head * 0.55f, by - uy * head + ux * head * 0.55f},
               {bx - ux * head + uy * head * 0.55f, by - uy * head - ux * head * 0.55f}},
              solid(color));
}

// ---------------------------------------------------------------------------------------------
// Text through stb_truetype (the font bytes must outlive the stbtt_fontinfo that points at them)

class Font {
 public:
  bool load(const fs::path& file, std::string* err) {
    auto data = pp::readFile(file, err, 16u << 20);
    if (!data) return false;
    data_ = std::move(*data);
    const auto* bytes = reinterpret_cast<const unsigned char*>(data_.data());
    if (!stbtt_InitFont(&info_, bytes, stbtt_GetFontOffsetForIndex(bytes, 0))) {
      if (err) *err = "not a TrueType font: " + file.string();
      return false;
    }
    return true;
  }
  const stbtt_fontinfo& info() const { return info_; }

 private:
  std::string data_;
  stbtt_fontinfo info_{};
};

enum class Align { Left, Center, Right };

float textWidth(const Font& font, std::string_view text, float px) {
  const float scale = stbtt_ScaleForPixelHeight(&font.info(), px);
  float w = 0;
  char32_t prev = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = pp::nextCodepoint(text, i);
    int advance = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(&font.info(), static_cast<int>(cp), &advance, &lsb);
    if (prev) w += scale * stbtt_GetCodepointKernAdvance(&font.info(), static_cast<int>(prev), static_cast<int>(cp));
    w += scale * advance;
    prev = cp;
  }
  return w;
}

// Draws one line of UTF-8 text with its baseline at y.
void drawText(Canvas& c, const Font& font, std::string_view text, float x, float y, float px,
              Rgba color, Align align = Align::Left) {
  if (align != Align::Left) {
    const float w = textWidth(font, text, px);
    x -= align == Align::Center ? w / 2 : w;
  }
  const stbtt_fontinfo* info = &font.info();
  const float scale = stbtt_ScaleForPixelHeight(info, px);
  float pen = x;
  char32_t prev = 0;
  std::vector<unsigned char> glyph;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = pp::nextCodepoint(text, i);
    const int code = static_cast<int>(cp);
    if (prev) pen += scale * stbtt_GetCodepointKernAdvance(info, static_cast<int>(prev), code);
    const float shiftX = pen - std::floor(pen);
    int gx0, gy0, gx1, gy1;
    stbtt_GetCodepointBitmapBoxSubpixel(info, code, scale, scale, shiftX, 0, &gx0, &gy0, &gx1, &gy1);
    const int gw = gx1 - gx0, gh = gy1 - gy0;
    if (gw > 0 && gh > 0) {
      glyph.assign(static_cast<std::size_t>(gw) * gh, 0);
      stbtt_MakeCodepointBitmapSubpixel(info, glyph.data(), gw, gh, gw, scale, scale, shiftX, 0, code);
      const int ox = static_cast<int>(std::floor(pen)) + gx0;
      const int oy = static_cast<int>(std::lround(y)) + gy0;
      for (int gy = 0; gy < gh; ++gy)
        for (int gx = 0; gx < gw; ++gx)
          if (unsigned char v = glyph[static_cast<std::size_t>(gy) * gw + gx])
            c.blend(ox + gx, oy + gy, color, v / 255.0f);
    }
    int advance = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(info, code, &advance, &lsb);
    pen += scale * advance;
    prev = cp;
  }
}

struct Fonts {
  Font regular, bold;
};

// ---------------------------------------------------------------------------------------------
// Deterministic noise: splitmix64 for grain, a hashed lattice for smooth "value noise".

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  float uniform() { return static_cast<float>(next() >> 40) / static_cast<float>(1ull << 24); }
  float range(float lo, float hi) { return lo + (hi - lo) * uniform(); }

 private:
  std::uint64_t state_;
};

float latticeValue(int x, int y, std::uint32_t seed) {
  std::uint32_t h = static_cast<std::uint32_t>(x) * 374761393u + static_cast<std::uint32_t>(y) * 668265263u + seed * 2246822519u;
  h = (h ^ (h >> 13)) * 1274126177u;
  h ^= h >> 16;
  return static_cast<float>(h & 0xffffff) / static_cast<float>(0xffffff);
}

float smoothNoise(float x, float y, std::uint32_t seed) {
  const int ix = static_cast<int>(std::floor(x)), iy = static_cast<int>(std::floor(y));
  const float fx = x - ix, fy = y - iy;
  const float sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
  const float a = latticeValue(ix, iy, seed), b = latticeValue(ix + 1, iy, seed);
  const float c = latticeValue(ix, iy + 1, seed), d = latticeValue(ix + 1, iy + 1, seed);
  return (a + (b - a) * sx) + ((c + (d - c) * sx) - (a + (b - a) * sx)) * sy;
}

// Film-like texture: a soft low-frequency mottle plus a fine grain, on every opaque pixel.
void addPhotoNoise(Canvas& c, std::uint64_t seed, float mottle, float grain) {
  Random rng(seed);
  const auto s = static_cast<std::uint32_t>(seed);
  for (int y = 0; y < c.height(); ++y) {
    for (int x = 0; x < c.width(); ++x) {
      const float m = (smoothNoise(x / 90.0f, y / 90.0f, s) - 0.5f) * mottle +
                      (smoothNoise(x / 23.0f, y / 23.0f, s + 7) - 0.5f) * mottle * 0.5f;
      const float g = (rng.uniform() + rng.uniform() - 1.0f) * grain;
      Rgba& p = c.at(x, y);
      p.r += m + g;
      p.g += m + g * 0.9f;
      p.b += m + g * 1.1f;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Encoders: every file goes through pp::writeFileAtomic so a failed run leaves no torn image.

void appendToString(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

bool save(const fs::path& file, const std::string& bytes, int w, int h) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::string err;
  if (bytes.empty() || !pp::writeFileAtomic(file, bytes, &err)) {
    std::fprintf(stderr, "make_sample_images: cannot write %s: %s\n", file.string().c_str(),
                 bytes.empty() ? "encoder failed" : err.c_str());
    return false;
  }
  std::printf("%-48s %5d x %-5d %7zu bytes\n", file.string().c_str(), w, h, bytes.size());
  return true;
}

bool savePng(const Canvas& c, const fs::path& file, bool alpha) {
  const int ch = alpha ? 4 : 3;
  const auto px = c.bytes(ch);
  std::string out;
  stbi_write_png_to_func(appendToString, &out, c.width(), c.height(), ch, px.data(), c.width() * ch);
  return save(file, out, c.width(), c.height());
}

bool saveJpeg(const Canvas& c, const fs::path& file, int quality) {
  const auto px = c.bytes(3);
  std::string out;
  stbi_write_jpg_to_func(appendToString, &out, c.width(), c.height(), 3, px.data(), quality);
  return save(file, out, c.width(), c.height());
}

// quality < 0 means lossless.
bool saveWebp(const Canvas& c, const fs::path& file, float quality) {
  const auto px = c.bytes(3);
  std::uint8_t* data = nullptr;
  const std::size_t size =
      quality < 0 ? WebPEncodeLosslessRGB(px.data(), c.width(), c.height(), c.width() * 3, &data)
                  : WebPEncodeRGB(px.data(), c.width(), c.height(), c.width() * 3, quality, &data);
  std::string out;
  if (size > 0 && data) out.assign(reinterpret_cast<const char*>(data), size);
  WebPFree(data);
  return save(file, out, c.width(), c.height());
}

// ---------------------------------------------------------------------------------------------
// Palette shared by the drawings, so the site looks like one conference.

const Rgba kInk = hex(0x1f2933);
const Rgba kMuted = hex(0x616e7c);
const Rgba kGrid = hex(0xd9dee4);
const Rgba kPaper = hex(0xffffff);
const Rgba kTeal = hex(0x0f9d9a);
const Rgba kBlue = hex(0x2f6fde);
const Rgba kOrange = hex(0xf08c2e);
const Rgba kPurple = hex(0x6b4fbb);
const Rgba kPaleBlue = hex(0xe8f0fd);
const Rgba kPaleTeal = hex(0xe3f5f4);
const Rgba kPaleOrange = hex(0xfdf0e3);

void legendItem(Canvas& c, const Fonts& f, float x, float y, Rgba color, std::string_view label,
                bool line) {
  if (line) {
    strokeLine(c, x, y - 9, x + 34, y - 9, 5, color);
    fillCircle(c, x + 17, y - 9, 7, solid(color));
  } else {
    fillRect(c, x + 4, y - 22, x + 30, y + 4, 3, solid(color));
  }
  drawText(c, f.regular, label, x + 46, y, 26, kInk);
}

// A box of a diagram with a bold title and an optional second line.
void diagramBox(Canvas& c, const Fonts& f, float x0, float y0, float x1, float y1, Rgba fill,
                Rgba edge, std::string_view title, std::string_view detail, float titlePx = 30) {
  fillRect(c, x0 + 4, y0 + 7, x1 + 4, y1 + 7, 16, solid(hex(0x000000, 0.10f)), 6);  // shadow
  fillRect(c, x0, y0, x1, y1, 16, solid(fill));
  strokeRect(c, x0, y0, x1, y1, 16, 3, edge);
  const float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  if (detail.empty()) {
    drawText(c, f.bold, title, cx, cy + titlePx * 0.36f, titlePx, kInk, Align::Center);
  } else {
    drawText(c, f.bold, title, cx, cy - 4, titlePx, kInk, Align::Center);
    drawText(c, f.regular, detail, cx, cy + titlePx * 0.95f, titlePx * 0.78f, kMuted, Align::Center);
  }
}

// ---------------------------------------------------------------------------------------------
// The images

// Logo with a transparent background: a cloud of circles over a summit, and the word mark.
bool drawLogo(const Fonts& f, const fs::path& out) {
  Canvas c(1200, 420);
  const Paint cloud = verticalGradient(90, 330, hex(0x4f8ff7), hex(0x1f5fc8));
  fillCircle(c, 150, 250, 85, cloud);
  fillCircle(c, 250, 180, 115, cloud);
  fillCircle(c, 345, 245, 88, cloud);
  fillRect(c, 150, 230, 345, 335, 40, cloud);
  // The summit: two white peaks cut into the cloud.
  fillPolygon(c, {{150, 320}, {235, 200}, {320, 320}}, solid(kPaper));
  fillPolygon(c, {{225, 320}, {290, 235}, {355, 320}}, solid(hex(0xdfeafc)));
  fillPolygon(c, {{235, 200}, {255, 228}, {215, 228}}, solid(hex(0x9ec2fa)));
  drawText(c, f.bold, "CloudSummit", 470, 235, 132, kInk);
  drawText(c, f.regular, "2025 \xC2\xB7 cloud-native conference", 476, 312, 50, kTeal);
  return savePng(c, out, /*alpha=*/true);
}

// Shared by both photo-like images: a dark hall with stage light, haze and out-of-focus lamps.
void paintHall(Canvas& c, std::uint64_t seed, float horizon) {
  const float w = static_cast<float>(c.width()), h = static_cast<float>(c.height());
  fillRect(c, 0, 0, w, h, 0, verticalGradient(0, h, hex(0x0b1026), hex(0x2a1642)));
  // Warm haze above the stage.
  fillCircle(c, w * 0.5f, horizon, w * 0.45f, solid(hex(0xc0527a, 0.28f)), w * 0.35f);
  fillCircle(c, w * 0.5f, horizon * 0.9f, w * 0.22f, solid(hex(0xf2a65a, 0.22f)), w * 0.2f);
  Random rng(seed);
  // Bokeh: soft discs of light along the ceiling.
  for (int i = 0; i < 46; ++i) {
    const float x = rng.range(0, w), y = rng.range(0, horizon * 0.8f);
    const float r = rng.range(h * 0.012f, h * 0.05f);
    const Rgba col = rng.uniform() < 0.5f ? hex(0xffd9a0, rng.range(0.10f, 0.35f))
                                          : hex(0x8fb8ff, rng.range(0.08f, 0.28f));
    fillCircle(c, x, y, r, solid(col), r * 0.6f);
  }
}

// The day-one keynote, as if photographed from the middle of the hall.
bool drawStagePhoto(const Fonts& f, const fs::path& out) {
  Canvas c(1800, 1013);
  const float w = 1800, horizon = 560;
  paintHall(c, 2025101401, horizon);
  // Spotlight cones from the truss.
  for (int i = 0; i < 5; ++i) {
    const float x = 360 + i * 270.0f;
    fillPolygon(c, {{x - 14, 60}, {x + 14, 60}, {x + 150 - i * 40.0f, horizon + 40}, {x - 150 - i * 40.0f, horizon + 40}},
                solid(hex(0xfff1d6, 0.10f)), 40);
    fillCircle(c, x, 60, 16, solid(hex(0xfff6e0, 0.95f)), 6);
  }
  strokeLine(c, 200, 56, 1600, 56, 10, hex(0x161a2a));
  // The screen, with the conference title on it.
  fillRect(c, 540, 150, 1260, 520, 6, verticalGradient(150, 520, hex(0x2f6fde), hex(0x0f9d9a)));
  fillRect(c, 540, 150, 1260, 520, 6, solid(hex(0xffffff, 0.06f)));
  drawText(c, f.bold, "CloudSummit 2025", 900, 318, 78, hex(0xffffff, 0.95f), Align::Center);
  drawText(c, f.regular, "Day one \xC2\xB7 Opening keynote", 900, 392, 40, hex(0xe6f4ff, 0.9f), Align::Center);
  // Stage floor and a speaker at the lectern.
  fillRect(c, 0, horizon + 40, w, 700, 0, verticalGradient(horizon + 40, 700, hex(0x3a2340), hex(0x120d1c)));
  fillRect(c, 420, horizon + 20, 1380, horizon + 52, 4, solid(hex(0x4a3656)));
  fillRect(c, 1090, 470, 1160, horizon + 30, 8, solid(hex(0x1a1424)));
  fillCircle(c, 1125, 438, 24, solid(hex(0x1a1424)));
  fillRect(c, 1040, 520, 1130, horizon + 30, 6, solid(hex(0x2b2236)));
  // Audience: rows of heads and shoulders in silhouette, darker towards the camera.
  Random rng(77);
  for (int row = 0; row < 5; ++row) {
    const float y = 720 + row * 68.0f;
    const float scale = 1.0f + row * 0.28f;
    const Rgba col = mix(hex(0x1d1628), hex(0x07060b), row / 4.0f);
    for (float x = -40 + rng.range(0, 60); x < w + 60; x += rng.range(80, 120) * scale) {
      const float hy = y + rng.range(-10, 10);
      fillRect(c, x - 44 * scale, hy + 18 * scale, x + 44 * scale, hy + 140 * scale, 30 * scale, solid(col));
      fillCircle(c, x, hy, 26 * scale, solid(col));
    }
  }
  addPhotoNoise(c, 42, 0.035f, 0.018f);
  return saveJpeg(c, out, 82);
}

// A wide, calm header image: the hall before doors open.
bool drawHeader(const fs::path& out) {
  Canvas c(2400, 800);
  paintHall(c, 2025101402, 620);
  fillRect(c, 0, 620, 2400, 800, 0, verticalGradient(620, 800, hex(0x2a1a38), hex(0x0c0914)));
  // Rows of empty seats as soft horizontal bands.
  for (int row = 0; row < 6; ++row) {
    const float y = 640 + row * 26.0f;
    fillRect(c, 120 - row * 20.0f, y, 2280 + row * 20.0f, y + 12, 6, solid(hex(0x000000, 0.25f)), 4);
  }
  addPhotoNoise(c, 43, 0.03f, 0.012f);
  return saveJpeg(c, out, 78);
}

// Grouped bar chart: scholarship applications and awards by region.
bool drawScholarshipChart(const Fonts& f, const fs::path& out) {
  Canvas c(1400, 860);
  fillRect(c, 0, 0, 1400, 860, 0, solid(kPaper));
  drawText(c, f.bold, "CloudSummit 2025 scholarships by region", 70, 78, 40, kInk);
  drawText(c, f.regular, "1,402 applications, 148 scholarships awarded", 70, 124, 28, kMuted);
  const char* regions[] = {"Africa", "Asia-Pacific", "Europe", "Latin America", "North America", "Middle East"};
  const float applied[] = {212, 348, 295, 187, 264, 96};
  const float awarded[] = {28, 34, 26, 24, 22, 14};
  const float left = 130, right = 1350, top = 190, bottom = 720, maxV = 400;
  for (int v = 0; v <= 400; v += 100) {
    const float y = bottom - (bottom - top) * v / maxV;
    strokeLine(c, left, y, right, y, 2, v == 0 ? kMuted : kGrid);
    drawText(c, f.regular, std::to_string(v), left - 18, y + 9, 24, kMuted, Align::Right);
  }
  const float slot = (right - left) / 6;
  for (int i = 0; i < 6; ++i) {
    const float x = left + slot * i + slot * 0.18f, bw = slot * 0.3f;
    const float ya = bottom - (bottom - top) * applied[i] / maxV;
    const float yw = bottom - (bottom - top) * awarded[i] / maxV;
    fillRect(c, x, ya, x + bw, bottom, 4, solid(kBlue));
    fillRect(c, x + bw + 6, yw, x + 2 * bw + 6, bottom, 4, solid(kOrange));
    drawText(c, f.regular, std::to_string(static_cast<int>(applied[i])), x + bw / 2, ya - 10, 22, kInk, Align::Center);
    drawText(c, f.regular, std::to_string(static_cast<int>(awarded[i])), x + bw * 1.5f + 6, yw - 10, 22, kInk, Align::Center);
    drawText(c, f.regular, regions[i], left + slot * (i + 0.5f), bottom + 40, 24, kInk, Align::Center);
  }
  legendItem(c, f, 420, 812, kBlue, "Applications", false);
  legendItem(c, f, 720, 812, kOrange, "Scholarships awarded", false);
  return savePng(c, out, false);
}

// A trace waterfall of one checkout request, as the tutorial's tracing UI would show it.
bool drawTraceWaterfall(const Fonts& f, const fs::path& out) {
  Canvas c(1600, 760);
  fillRect(c, 0, 0, 1600, 760, 0, solid(hex(0xf7f9fb)));
  fillRect(c, 0, 0, 1600, 96, 0, solid(hex(0x1f2933)));
  drawText(c, f.bold, "Trace 4bf92f35\xE2\x80\xA6 \xC2\xB7 GET /checkout \xC2\xB7 418 ms \xC2\xB7 9 spans", 40, 62, 34, kPaper);
  struct Span {
    const char* name;
    int depth;
    float start, end;
    Rgba color;
  };
  const Span spans[] = {
      {"frontend  GET /checkout", 0, 0, 418, kBlue},
      {"auth  Verify", 1, 6, 44, kPurple},
      {"cart  Load", 1, 48, 131, kTeal},
      {"postgres  SELECT carts", 2, 57, 122, hex(0x7c8a99)},
      {"pricing  Quote", 1, 136, 352, kOrange},
      {"pricing  rules.Evaluate", 2, 141, 205, kOrange},
      {"fx-rates  GET /rates", 2, 210, 347, hex(0xd9534f)},
      {"inventory  Reserve", 1, 356, 407, kTeal},
      {"redis  SET reservation", 2, 361, 372, hex(0x7c8a99)},
  };
  const float nameW = 520, x0 = 560, x1 = 1560, top = 170, rowH = 60, total = 420;
  for (int ms = 0; ms <= 400; ms += 100) {
    const float x = x0 + (x1 - x0) * ms / total;
    strokeLine(c, x, top - 40, x, top + rowH * 9, 2, kGrid);
    drawText(c, f.regular, std::to_string(ms) + " ms", x + 6, top - 48, 22, kMuted);
  }
  for (int i = 0; i < 9; ++i) {
    const Span& s = spans[i];
    const float y = top + rowH * i;
    if (i % 2 == 1) fillRect(c, 0, y, 1600, y + rowH, 0, solid(hex(0xeef2f6)));
    drawText(c, f.regular, s.name, 40 + s.depth * 34.0f, y + 40, 26, kInk);
    const float bx0 = x0 + (x1 - x0) * s.start / total, bx1 = x0 + (x1 - x0) * s.end / total;
    fillRect(c, bx0, y + 14, std::max(bx1, bx0 + 6), y + rowH - 14, 6, solid(s.color));
    const std::string dur = std::to_string(static_cast<int>(s.end - s.start)) + " ms";
    if (bx1 + 110 < x1) drawText(c, f.regular, dur, bx1 + 10, y + 40, 22, kMuted);
    else drawText(c, f.bold, dur, bx1 - 12, y + 40, 22, kPaper, Align::Right);
  }
  strokeLine(c, nameW + 20, top, nameW + 20, top + rowH * 9, 2, kGrid);
  return savePng(c, out, false);
}

// The supply-chain flow of the security talk. Saved as lossy WebP under a `.png` name on
// purpose: real blogs are full of these, and the sample must make readers sniff content.
bool drawSigningFlow(const Fonts& f, const fs::path& out) {
  Canvas c(1500, 640);
  fillRect(c, 0, 0, 1500, 640, 0, solid(kPaper));
  drawText(c, f.bold, "From commit to cluster: where each check happens", 750, 70, 38, kInk, Align::Center);
  struct Step {
    const char* title;
    const char* detail;
    Rgba fill, edge;
  };
  const Step row1[] = {{"git push", "signed commit", kPaleBlue, kBlue},
                       {"CI build", "hermetic runner", kPaleBlue, kBlue},
                       {"Attest", "SBOM + provenance", kPaleTeal, kTeal},
                       {"Sign", "keyless, OIDC", kPaleTeal, kTeal}};
  const Step row2[] = {{"Registry", "OCI artifacts", kPaleBlue, kBlue},
                       {"Admission", "policy verifies", kPaleOrange, kOrange},
                       {"Cluster", "runs only signed", kPaleOrange, kOrange}};
  const float bw = 270, bh = 140;
  for (int i = 0; i < 4; ++i) {
    const float x = 60 + i * 360.0f;
    diagramBox(c, f, x, 140, x + bw, 140 + bh, row1[i].fill, row1[i].edge, row1[i].title, row1[i].detail);
    if (i < 3) arrow(c, x + bw + 8, 210, x + 352, 210, 5, kMuted);
  }
  for (int i = 0; i < 3; ++i) {
    const float x = 240 + i * 360.0f;
    diagramBox(c, f, x, 420, x + bw, 420 + bh, row2[i].fill, row2[i].edge, row2[i].title, row2[i].detail);
    if (i < 2) arrow(c, x + bw + 8, 490, x + 352, 490, 5, kMuted);
  }
  // From "Sign" down and back to "Registry".
  strokeLine(c, 1275, 288, 1275, 350, 5, kMuted);
  strokeLine(c, 1275, 350, 375, 350, 5, kMuted);
  arrow(c, 375, 348, 375, 410, 5, kMuted);
  return saveWebp(c, out, 82);
}

// The observability pipeline of the deep dive: services, agents, a load-balancing tier, tail
// sampling gateways and the stores behind them. Lossless WebP: flat colours stay crisp.
bool drawPipeline(const Fonts& f, const fs::path& out) {
  Canvas c(2000, 980);
  fillRect(c, 0, 0, 2000, 980, 0, solid(hex(0xfbfcfd)));
  drawText(c, f.bold, "Tracing pipeline at CloudSummit 2025", 60, 80, 44, kInk);
  drawText(c, f.regular, "about 10,000 traces per second at peak", 60, 128, 28, kMuted);
  // Columns: services, node agents, load balancer, gateways, stores.
  const char* services[] = {"checkout (Go)", "schedule (Python)", "badges (Node.js)"};
  for (int i = 0; i < 3; ++i) {
    const float y = 230 + i * 230.0f;
    diagramBox(c, f, 60, y, 360, y + 130, kPaleBlue, kBlue, services[i], "OTel SDK", 28);
    arrow(c, 368, y + 65, 478, y + 65, 5, kMuted);
    diagramBox(c, f, 486, y, 786, y + 130, kPaleTeal, kTeal, "Agent", "DaemonSet collector", 28);
    arrow(c, 794, y + 65, 896, 470 + i * 55.0f, 5, kMuted);  // spread over the LB's edge
  }
  diagramBox(c, f, 904, 430, 1190, 620, kPaleOrange, kOrange, "Load balancer", "by trace ID", 28);
  for (int i = 0; i < 3; ++i) {
    const float y = 250 + i * 200.0f;
    arrow(c, 1198, 470 + i * 55.0f, 1300, y + 70, 5, kMuted);
    diagramBox(c, f, 1308, y, 1600, y + 140, hex(0xf1ecfb), kPurple,
               ("Gateway " + std::to_string(i + 1)).c_str(), "tail sampling", 28);
  }
  const char* stores[][2] = {{"Trace store", "kept traces"}, {"Metrics", "span metrics"}, {"Anomaly model", "latency baseline"}};
  for (int i = 0; i < 3; ++i) {
    const float y = 250 + i * 200.0f;
    arrow(c, 1608, y + 70, 1680, y + 70, 5, kMuted);
    diagramBox(c, f, 1688, y, 1950, y + 140, kPaper, kInk, stores[i][0], stores[i][1], 26);
  }
  drawText(c, f.regular, "All spans of one trace reach the same gateway, so the decision sees the whole trace.",
           1000, 920, 28, kMuted, Align::Center);
  return saveWebp(c, out, -1);
}

// Bars (storage per day, left axis) and a line (share of error traces kept, right axis) for the
// four sampling policies compared in the deep dive; numbers match the post's table.
bool drawSamplingChart(const Fonts& f, const fs::path& out) {
  Canvas c(1600, 900);
  fillRect(c, 0, 0, 1600, 900, 0, solid(kPaper));
  drawText(c, f.bold, "Storage cost vs. error traces kept, by sampling policy", 80, 76, 40, kInk);
  const char* policies[] = {"Head 10%", "Head 1%", "Tail: errors + slow", "Tail + 1% baseline"};
  const float storage[] = {2.16f, 0.22f, 0.52f, 0.73f};  // TB per day
  const float errorsKept[] = {10, 1, 100, 100};          // percent
  const float left = 170, right = 1430, top = 170, bottom = 730;
  for (int i = 0; i <= 5; ++i) {
    const float y = bottom - (bottom - top) * i / 5.0f;
    strokeLine(c, left, y, right, y, 2, i == 0 ? kMuted : kGrid);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", i * 0.5);
    drawText(c, f.regular, buf, left - 18, y + 9, 24, kBlue, Align::Right);
    drawText(c, f.regular, std::to_string(i * 20) + "%", right + 18, y + 9, 24, kOrange);
  }
  drawText(c, f.bold, "TB / day", left - 18, top - 30, 24, kBlue, Align::Right);
  drawText(c, f.bold, "errors kept", right + 18, top - 30, 24, kOrange);
  const float slot = (right - left) / 4;
  std::vector<Pt> line;
  for (int i = 0; i < 4; ++i) {
    const float cx = left + slot * (i + 0.5f);
    const float yb = bottom - (bottom - top) * storage[i] / 2.5f;
    fillRect(c, cx - slot * 0.22f, yb, cx + slot * 0.22f, bottom, 5, solid(hex(0x2f6fde, 0.85f)));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", storage[i]);
    drawText(c, f.regular, buf, cx, yb - 12, 24, kInk, Align::Center);
    drawText(c, f.regular, policies[i], cx, bottom + 42, 26, kInk, Align::Center);
    line.push_back({cx, bottom - (bottom - top) * errorsKept[i] / 100.0f});
  }
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    strokeLine(c, line[i].x, line[i].y, line[i + 1].x, line[i + 1].y, 6, kOrange);
  for (const Pt& p : line) {
    fillCircle(c, p.x, p.y, 12, solid(kOrange));
    fillCircle(c, p.x, p.y, 5, solid(kPaper));
  }
  legendItem(c, f, 450, 850, hex(0x2f6fde, 0.85f), "Storage (TB/day, left)", false);
  legendItem(c, f, 860, 850, kOrange, "Error traces kept (right)", true);
  return savePng(c, out, false);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    std::fprintf(stderr, "usage: make_sample_images OUTDIR\n"
                         "Draws the sample site's images into OUTDIR (normally samples/img).\n");
    return 2;
  }
  const fs::path outDir = argv[1];
  Fonts fonts;
  std::string err;
  const fs::path fontDir = pp::dataDir() / "fonts";
  if (!fonts.regular.load(fontDir / "NotoSans-Regular.ttf", &err) ||
      !fonts.bold.load(fontDir / "NotoSans-Bold.ttf", &err)) {
    std::fprintf(stderr, "make_sample_images: %s\n", err.c_str());
    return 1;
  }
  bool ok = true;
  ok &= drawLogo(fonts, outDir / "cloudsummit-logo.png");
  ok &= drawHeader(outDir / "header" / "keynote-hall.jpg");
  ok &= drawStagePhoto(fonts, outDir / "posts" / "keynote" / "stage.jpg");
  ok &= drawScholarshipChart(fonts, outDir / "posts" / "community" / "scholarships-by-region.png");
  ok &= drawTraceWaterfall(fonts, outDir / "posts" / "tutorial" / "trace-waterfall.png");
  ok &= drawSigningFlow(fonts, outDir / "posts" / "security" / "signing-flow.png");  // WebP inside
  ok &= drawPipeline(fonts, outDir / "posts" / "observability" / "pipeline.webp");
  ok &= drawSamplingChart(fonts, outDir / "posts" / "observability" / "sampling-policies.png");
  return ok ? 0 : 1;
}
