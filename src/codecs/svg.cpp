#include "postpress/codecs.h"

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "postpress/support/lazy_library.h"

namespace pp::codecs {

// librsvg, with cairo and GLib, opened the first time an SVG is drawn: it brings some fifty
// shared libraries (pango, X11, fontconfig...), and most runs draw no SVG.
#define PP_RSVG_FUNCTIONS(X)                                                 \
  X(memoryInputStreamNew, g_memory_input_stream_new_from_data)               \
  X(objectUnref, g_object_unref)                                             \
  X(errorFree, g_error_free)                                                 \
  X(handleNewFromStream, rsvg_handle_new_from_stream_sync)                   \
  X(setDpi, rsvg_handle_set_dpi)                                             \
  X(intrinsicSizeInPixels, rsvg_handle_get_intrinsic_size_in_pixels)         \
  X(intrinsicDimensions, rsvg_handle_get_intrinsic_dimensions)               \
  X(renderDocument, rsvg_handle_render_document)                             \
  X(imageSurfaceCreate, cairo_image_surface_create)                          \
  X(surfaceDestroy, cairo_surface_destroy)                                   \
  X(surfaceStatus, cairo_surface_status)                                     \
  X(create, cairo_create)                                                    \
  X(destroy, cairo_destroy)                                                  \
  X(surfaceFlush, cairo_surface_flush)                                       \
  X(imageSurfaceData, cairo_image_surface_get_data)                          \
  X(imageSurfaceStride, cairo_image_surface_get_stride)

struct RsvgApi {
  PP_RSVG_FUNCTIONS(PP_LAZY_FUNCTION)
};

namespace {

const RsvgApi* rsvgApi(std::string* error) {
  static const LazyLibrary<RsvgApi> rsvg("librsvg-2.so.2", [](RsvgApi& api, SharedLibrary& library) {
    PP_RSVG_FUNCTIONS(PP_LAZY_BIND)
  });
  return rsvg.api(error);
}

// Limits on the DTD's internal subset. Illustrator declares a handful of short namespace
// entities; nothing legitimate needs more.
constexpr int kMaxEntities = 64;
constexpr std::size_t kMaxEntityValue = 1024;

std::size_t skipSpace(std::string_view s, std::size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

struct GErrorFree {
  const RsvgApi* api;
  void operator()(GError* e) const { api->errorFree(e); }
};
struct GObjectUnref {
  const RsvgApi* api;
  void operator()(void* o) const { api->objectUnref(o); }
};

}  // namespace

namespace {

// Index just past the quoted string starting at s[i] (a quote), or npos.
std::size_t skipQuoted(std::string_view s, std::size_t i) {
  const std::size_t end = s.find(s[i], i + 1);
  return end == std::string_view::npos ? end : end + 1;
}

// Index just past the '>' closing a declaration that starts at i, honouring quotes.
std::size_t skipDeclaration(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] != '>') {
    if (s[i] == '"' || s[i] == '\'') {
      i = skipQuoted(s, i);
      if (i == std::string_view::npos) return i;
    } else {
      ++i;
    }
  }
  return i < s.size() ? i + 1 : std::string_view::npos;
}

// Amplification guard: an expanded document may not exceed this many times the original
// (plus a fixed allowance for tiny files).
constexpr std::size_t kMaxExpansionFactor = 8;
constexpr std::size_t kExpansionAllowance = 1 << 20;

}  // namespace

std::optional<std::string> svgWithoutEntities(std::string_view s, std::string* problem) {
  auto refuse = [&](std::string why) -> std::optional<std::string> {
    *problem = std::move(why);
    return std::nullopt;
  };
  const std::size_t doctype = s.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) {
    if (s.find("<!ENTITY") != std::string_view::npos) return refuse("svg declares entities outside a DOCTYPE");
    return std::string(s);
  }
  // <!DOCTYPE name [ExternalID] [ '[' internal subset ']' ] '>'
  std::size_t i = doctype + 9;
  while (i < s.size() && s[i] != '[' && s[i] != '>') {
    if (s[i] == '"' || s[i] == '\'') {
      i = skipQuoted(s, i);
      if (i == std::string_view::npos) return refuse("svg has an unterminated DOCTYPE");
    } else {
      ++i;
    }
  }
  if (i >= s.size()) return refuse("svg has an unterminated DOCTYPE");
  std::vector<std::pair<std::string, std::string>> entities;
  if (s[i] == '[') {
    ++i;
    for (;;) {
      i = skipSpace(s, i);
      if (i >= s.size()) return refuse("svg has an unterminated DOCTYPE");
      if (s[i] == ']') break;
      if (s.compare(i, 4, "<!--") == 0) {
        const std::size_t end = s.find("-->", i + 4);
        if (end == std::string_view::npos) return refuse("svg has an unterminated comment");
        i = end + 3;
      } else if (s.compare(i, 8, "<!ENTITY") == 0) {
        if (entities.size() >= kMaxEntities) return refuse("svg declares too many XML entities");
        std::size_t j = skipSpace(s, i + 8);
        if (j < s.size() && s[j] == '%') return refuse("svg declares a parameter entity");
        const std::size_t nameStart = j;
        while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '>') ++j;
        std::string name(s.substr(nameStart, j - nameStart));
        j = skipSpace(s, j);
        if (j >= s.size()) return refuse("svg has an unterminated entity declaration");
        if (s.compare(j, 6, "SYSTEM") == 0 || s.compare(j, 6, "PUBLIC") == 0)
          return refuse("svg declares an external entity (a reference to a file or URL)");
        if (s[j] != '"' && s[j] != '\'') return refuse("svg has a malformed entity declaration");
        const std::size_t valueEnd = skipQuoted(s, j);
        if (valueEnd == std::string_view::npos) return refuse("svg has an unterminated entity declaration");
        std::string value(s.substr(j + 1, valueEnd - j - 2));
        if (value.size() > kMaxEntityValue) return refuse("svg declares an oversized entity");
        if (value.find('&') != std::string::npos || value.find('%') != std::string::npos)
          return refuse("svg declares entities that expand other entities (entity expansion attack)");
        if (name.empty()) return refuse("svg has a malformed entity declaration");
        entities.emplace_back(std::move(name), std::move(value));
        i = skipDeclaration(s, valueEnd);
        if (i == std::string_view::npos) return refuse("svg has an unterminated entity declaration");
      } else if (s[i] == '<') {
        // ELEMENT, ATTLIST, NOTATION, processing instructions: not needed to draw.
        i = skipDeclaration(s, i + 1);
        if (i == std::string_view::npos) return refuse("svg has an unterminated declaration");
      } else {
        return refuse("svg has an unexpected DOCTYPE content (parameter entity reference?)");
      }
    }
    i = skipSpace(s, i + 1);
    if (i >= s.size() || s[i] != '>') return refuse("svg has an unterminated DOCTYPE");
  }
  const std::string_view rest = s.substr(i + 1);
  if (rest.find("<!ENTITY") != std::string_view::npos) return refuse("svg declares entities outside its DOCTYPE");

  std::string out(s.substr(0, doctype));
  const std::size_t limit = kMaxExpansionFactor * s.size() + kExpansionAllowance;
  for (std::size_t k = 0; k < rest.size();) {
    const std::size_t amp = rest.find('&', k);
    out.append(rest.substr(k, amp == std::string_view::npos ? std::string_view::npos : amp - k));
    if (amp == std::string_view::npos) break;
    const std::size_t semi = rest.find(';', amp + 1);
    bool replaced = false;
    if (semi != std::string_view::npos && semi - amp <= 64) {
      const std::string_view name = rest.substr(amp + 1, semi - amp - 1);
      for (const auto& [n, v] : entities)
        if (n == name) {
          out += v;
          replaced = true;
          break;
        }
    }
    if (replaced) {
      k = semi + 1;
    } else {
      out += '&';  // predefined entities and character references stay for the parser
      k = amp + 1;
    }
    if (out.size() > limit) return refuse("svg entity expansion grows the document too much");
  }
  return out;
}

std::unique_ptr<SvgDocument> SvgDocument::open(std::string_view bytes, std::string* error) {
  std::string why;
  const RsvgApi* api = rsvgApi(&why);
  if (!api) {
    if (error) *error = "SVG support unavailable (" + why + ")";
    return nullptr;
  }
  std::unique_ptr<GInputStream, GObjectUnref> stream(
      api->memoryInputStreamNew(bytes.data(), static_cast<gssize>(bytes.size()), nullptr), GObjectUnref{api});
  GError* raw = nullptr;
  // No base file: see the header. RSVG_HANDLE_FLAG_UNLIMITED stays off (librsvg's own
  // limits on element count and nesting stay on).
  RsvgHandle* h = api->handleNewFromStream(stream.get(), nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, &raw);
  std::unique_ptr<GError, GErrorFree> err(raw, GErrorFree{api});
  if (!h) {
    if (error) *error = std::string("invalid SVG: ") + (err && err->message ? err->message : "parse error");
    return nullptr;
  }
  api->setDpi(h, 96.0);
  return std::unique_ptr<SvgDocument>(new SvgDocument(h, api));
}

SvgDocument::~SvgDocument() { api_->objectUnref(handle_); }

void SvgDocument::naturalSize(double fallbackWidth, double* width, double* height) const {
  auto* h = static_cast<RsvgHandle*>(handle_);
  double w = 0, hh = 0;
  if (api_->intrinsicSizeInPixels(h, &w, &hh) && std::isfinite(w) && std::isfinite(hh) && w > 0 && hh > 0) {
    *width = w;
    *height = hh;
    return;
  }
  gboolean hasW = FALSE, hasH = FALSE, hasVb = FALSE;
  RsvgLength lw{}, lh{};
  RsvgRectangle vb{};
  api_->intrinsicDimensions(h, &hasW, &lw, &hasH, &lh, &hasVb, &vb);
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
  const RsvgApi* api = api_;
  cairo_surface_t* surface = api->imageSurfaceCreate(CAIRO_FORMAT_ARGB32, width, height);
  std::unique_ptr<cairo_surface_t, decltype(api->surfaceDestroy)> surf(surface, api->surfaceDestroy);
  if (api->surfaceStatus(surface) != CAIRO_STATUS_SUCCESS) {
    if (error) *error = "cannot allocate the SVG canvas";
    return std::nullopt;
  }
  {
    std::unique_ptr<cairo_t, decltype(api->destroy)> cr(api->create(surface), api->destroy);
    RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
    GError* raw = nullptr;
    gboolean ok = api->renderDocument(h, cr.get(), &viewport, &raw);
    std::unique_ptr<GError, GErrorFree> err(raw, GErrorFree{api});
    if (!ok) {
      if (error) *error = std::string("cannot render SVG: ") + (err && err->message ? err->message : "render error");
      return std::nullopt;
    }
  }
  api->surfaceFlush(surface);
  // cairo keeps premultiplied native-endian ARGB in 32-bit words.
  Image out = Image::blank(width, height, 4);
  const unsigned char* data = api->imageSurfaceData(surface);
  const int stride = api->imageSurfaceStride(surface);
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

}  // namespace pp::codecs

// gcc says __SANITIZE_ADDRESS__; clang 14 only answers __has_feature (the fuzz targets).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PP_SVG_LSAN_SUPPRESSIONS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(PP_SVG_LSAN_SUPPRESSIONS)
// Text in an SVG goes through pango and fontconfig, whose font configuration and caches live
// for the whole process by design (they are never freed before exit). LeakSanitizer would
// report them in every sanitized run that renders SVG text; they are not ours to free.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libpango-1.0.so\nleak:libpangoft2-1.0.so\nleak:libpangocairo-1.0.so\n"
         "leak:libharfbuzz.so\nleak:libcairo.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n";
}
#endif
