#include "assets/svg.h"

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace pp::assets {

namespace {

// Limits on the DTD's internal subset. Illustrator declares a handful of short namespace
// entities; nothing legitimate needs more.
constexpr int kMaxEntities = 64;
constexpr std::size_t kMaxEntityValue = 1024;

std::size_t skipSpace(std::string_view s, std::size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

struct GErrorFree {
  void operator()(GError* e) const { g_error_free(e); }
};
struct GObjectUnref {
  void operator()(void* o) const { g_object_unref(o); }
};

}  // namespace

std::optional<std::string> svgSafetyProblem(std::string_view s) {
  int count = 0;
  for (std::size_t at = s.find("<!ENTITY"); at != std::string_view::npos; at = s.find("<!ENTITY", at + 8)) {
    if (++count > kMaxEntities) return "svg declares too many XML entities";
    std::size_t i = skipSpace(s, at + 8);
    if (i < s.size() && s[i] == '%') return "svg declares a parameter entity";
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '>') ++i;  // name
    i = skipSpace(s, i);
    if (i >= s.size()) return "svg has an unterminated entity declaration";
    if (s.compare(i, 6, "SYSTEM") == 0 || s.compare(i, 6, "PUBLIC") == 0)
      return "svg declares an external entity (a reference to a file or URL)";
    const char quote = s[i];
    if (quote != '"' && quote != '\'') return "svg has a malformed entity declaration";
    std::size_t end = s.find(quote, i + 1);
    if (end == std::string_view::npos) return "svg has an unterminated entity declaration";
    std::string_view value = s.substr(i + 1, end - i - 1);
    if (value.size() > kMaxEntityValue) return "svg declares an oversized entity";
    if (value.find('&') != std::string_view::npos || value.find('%') != std::string_view::npos)
      return "svg declares entities that expand other entities (entity expansion attack)";
  }
  return std::nullopt;
}

std::unique_ptr<SvgDocument> SvgDocument::open(std::string_view bytes, std::string* error) {
  std::unique_ptr<GInputStream, GObjectUnref> stream(
      g_memory_input_stream_new_from_data(bytes.data(), static_cast<gssize>(bytes.size()), nullptr));
  GError* raw = nullptr;
  // No base file: see the header. RSVG_HANDLE_FLAG_UNLIMITED stays off (librsvg's own
  // limits on element count and nesting stay on).
  RsvgHandle* h = rsvg_handle_new_from_stream_sync(stream.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &raw);
  std::unique_ptr<GError, GErrorFree> err(raw);
  if (!h) {
    if (error) *error = std::string("invalid SVG: ") + (err && err->message ? err->message : "parse error");
    return nullptr;
  }
  rsvg_handle_set_dpi(h, 96.0);
  return std::unique_ptr<SvgDocument>(new SvgDocument(h));
}

SvgDocument::~SvgDocument() { g_object_unref(handle_); }

void SvgDocument::naturalSize(double fallbackWidth, double* width, double* height) const {
  auto* h = static_cast<RsvgHandle*>(handle_);
  double w = 0, hh = 0;
  if (rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) && std::isfinite(w) && std::isfinite(hh) && w > 0 && hh > 0) {
    *width = w;
    *height = hh;
    return;
  }
  gboolean hasW = FALSE, hasH = FALSE, hasVb = FALSE;
  RsvgLength lw{}, lh{};
  RsvgRectangle vb{};
  rsvg_handle_get_intrinsic_dimensions(h, &hasW, &lw, &hasH, &lh, &hasVb, &vb);
  if (hasVb && vb.width > 0 && vb.height > 0 && std::isfinite(vb.width) && std::isfinite(vb.height)) {
    *width = fallbackWidth;
    *height = fallbackWidth * vb.height / vb.width;
    return;
  }
  *width = 300;
  *height = 150;
}

std::optional<Image> SvgDocument::render(int width, int height, std::string* error) const {
  auto* h = static_cast<RsvgHandle*>(handle_);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surf(surface, cairo_surface_destroy);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    if (error) *error = "cannot allocate the SVG canvas";
    return std::nullopt;
  }
  {
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface), cairo_destroy);
    RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
    GError* raw = nullptr;
    gboolean ok = rsvg_handle_render_document(h, cr.get(), &viewport, &raw);
    std::unique_ptr<GError, GErrorFree> err(raw);
    if (!ok) {
      if (error) *error = std::string("cannot render SVG: ") + (err && err->message ? err->message : "render error");
      return std::nullopt;
    }
  }
  cairo_surface_flush(surface);
  // cairo keeps premultiplied native-endian ARGB in 32-bit words.
  Image out = Image::blank(width, height, 4);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < height; ++y) {
    const auto* in = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    std::uint8_t* o = out.row(y);
    for (int x = 0; x < width; ++x, o += 4) {
      const std::uint32_t p = in[x];
      const unsigned a = p >> 24;
      if (a == 0) continue;
      const unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
      o[0] = static_cast<std::uint8_t>(std::min(255u, (r * 255 + a / 2) / a));
      o[1] = static_cast<std::uint8_t>(std::min(255u, (g * 255 + a / 2) / a));
      o[2] = static_cast<std::uint8_t>(std::min(255u, (b * 255 + a / 2) / a));
      o[3] = static_cast<std::uint8_t>(a);
    }
  }
  return out;
}

}  // namespace pp::assets
