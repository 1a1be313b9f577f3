// Codecs: image files to pixels and back. A file is recognised by its bytes (never its name),
// decoded under size limits (PNG, JPEG, WebP, GIF, BMP; SVG through librsvg), turned the way
// its camera meant, scaled in linear light and encoded as JPEG or PNG. A library below every
// stage, as LLVM keeps its Support: it knows nothing of posts, sites, caches or diagnostics.
// Bad bytes come back as failures with a message, never as exceptions (std::bad_alloc aside).
// Home: src/codecs/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pp::codecs {

// ---- Pictures in memory ----------------------------------------------------------------------

// Memory for picture and compression buffers: a megabyte or more is mapped on its own, in huge
// pages where the kernel gives them, and unmapped when freed; less comes from the allocator.
// Each picture is written in full right after it is made, and the allocator hands freed
// megabytes back to the system at once, so pages taken one fault at a time cost every picture.
void* allocateBufferBytes(std::size_t bytes);
void releaseBufferBytes(void* p, std::size_t bytes) noexcept;

// std::allocator, except that value-less construction (resize) default-initialises: for bytes
// that is no initialisation at all, since pixel buffers and compression outputs are written in
// full right after they are made (zeroing them first is a memset over every picture, and
// touches every page before its time). Explicit values (assign(n, 0)) are written as ever.
template <class T>
struct DefaultInitAllocator : std::allocator<T> {
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "buffers of plain values only");
  using value_type = T;
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <class U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocateBufferBytes(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { releaseBufferBytes(p, n * sizeof(T)); }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

using ByteBuffer = std::vector<std::uint8_t, DefaultInitAllocator<std::uint8_t>>;

// The picture every decoder produces and every later step takes: 8-bit samples, 1 (gray), 2
// (gray+alpha), 3 (RGB) or 4 (RGBA) channels, rows top to bottom, no padding, colour values in
// sRGB and alpha not premultiplied.
struct Image {
  int width = 0;
  int height = 0;
  int channels = 0;
  ByteBuffer pixels;

  bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
  bool hasAlphaChannel() const { return channels == 2 || channels == 4; }
  std::size_t rowBytes() const { return static_cast<std::size_t>(width) * channels; }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * rowBytes(); }
  const std::uint8_t* row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * rowBytes(); }

  // All zero: transparent black.
  static Image blank(int w, int h, int ch) {
    Image im = uninitialised(w, h, ch);
    std::fill(im.pixels.begin(), im.pixels.end(), std::uint8_t{0});
    return im;
  }
  // Bytes left as they come: for pictures written in full right away.
  static Image uninitialised(int w, int h, int ch) {
    Image im;
    im.width = w;
    im.height = h;
    im.channels = ch;
    im.pixels.resize(static_cast<std::size_t>(w) * h * ch);
    return im;
  }
};

// ---- What a file is --------------------------------------------------------------------------

// Real blogs name WebP files `.png`, JPEGs `.png` and so on: only the bytes are consulted.
enum class Format { Unknown, Png, Jpeg, Webp, Gif, Bmp, Svg, Tiff, Avif, Heic, Ico, Pdf, Video, Html };

const char* formatName(Format f);  // "png", "jpeg", ...
Format sniffFormat(std::string_view bytes);

// Pixel size read from the header alone, before anything is allocated for the pixels (the
// decompression-bomb guard). nullopt when the header cannot be read (truncated, garbage).
struct HeaderSize {
  long long width = 0;
  long long height = 0;
};
std::optional<HeaderSize> probeHeaderSize(Format f, std::string_view bytes);

// The EXIF orientation (1..8) a JPEG or WebP file asks for; 1 for other formats and for files
// without one. Browsers draw a photo the way its camera tagged it (CSS `image-orientation:
// from-image` is the default), so the renditions do too.
int exifOrientation(Format f, std::string_view bytes);

// ---- Decoding --------------------------------------------------------------------------------

enum class DecodeFailure { None, Corrupt, Unsupported, TooLarge };

struct Decoded {
  Image image;                     // as stored: EXIF orientation not yet applied
  int orientation = 1;             // EXIF orientation to apply for display (1..8)
  bool lossy = false;              // the source is lossy (JPEG, lossy WebP): a photograph
  DecodeFailure failure = DecodeFailure::None;
  std::string message;             // why it failed
  std::vector<std::string> notes;  // things worth telling the user (first frame only, ...)

  bool ok() const { return failure == DecodeFailure::None && !image.empty(); }
  static Decoded fail(DecodeFailure f, std::string why) {
    Decoded d;
    d.failure = f;
    d.message = std::move(why);
    return d;
  }
};

// What the caller needs: decoders that can scale while decoding (JPEG DCT scaling, WebP's
// scaler) may return a smaller picture, but never smaller than this (stored orientation).
// 0 = full size.
struct DecodeHint {
  int minWidth = 0;
  int minHeight = 0;
  // Limits a decoder that reads its own header checks again before allocating (0 = none).
  int maxDimension = 0;
  std::uint64_t maxPixels = 0;
};

// Any raster format sniffFormat() recognises (PNG, JPEG, WebP, GIF, BMP), the whole file in
// memory, already checked against the size and pixel limits from its header; Unsupported for
// the rest. A truncated or corrupt file is a failure, never half a picture.
Decoded decodeRaster(Format f, std::string_view bytes, DecodeHint hint);

// ---- Pixels ----------------------------------------------------------------------------------

// True for orientations 5..8: the stored picture is transposed relative to what is shown.
inline bool orientationSwapsAxes(int orientation) { return orientation >= 5 && orientation <= 8; }

// The picture as it should be shown.
Image applyOrientation(Image src, int orientation);

// src resampled to width x height (both >= 1) in linear light, with a Catmull-Rom filter
// widened by the reduction ratio: averaging sRGB-encoded values darkens fine detail (thin text
// and lines turn grey-black, bright speckles vanish), averaging light does not. Colour is
// premultiplied by alpha first, so transparent pixels lend no colour to edges.
Image resizeLinear(const Image& src, int width, int height);

// The size that fits inside maxWidth x maxHeight (0 = no limit) keeping the aspect ratio,
// never larger than the source (no upscaling), each side at least 1.
void fitWithin(int width, int height, double maxWidth, double maxHeight, int* outW, int* outH);

// Rec. 709 luma of sRGB values, alpha kept: the gray a black-and-white printer would show.
Image toGray(const Image& im);

// The pixel loops (scaling, PNG filtering and unfiltering, colour analysis) are compiled twice:
// for the x86-64 baseline every Debian machine has (SSE2), and for AVX2, chosen once when the
// program starts on a CPU that has it (GCC's target_clones: an ifunc). Everything they call in
// their own file is inlined into each copy (flatten), so the whole loop gets the wider vectors.
// Not FMA: a fused multiply-add rounds differently, and a picture must not depend on the CPU
// that made it (the tests, on a machine with AVX2, check that copy against references).
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define PP_PIXEL_LOOP __attribute__((target_clones("avx2", "default"), flatten))
#else
#define PP_PIXEL_LOOP
#endif

// ---- Encoding --------------------------------------------------------------------------------
// Output is a function of the pixels and settings only (no timestamps, no thread-dependent
// state): the same picture is the same bytes on every run.

// 1 (gray) or 3 (RGB) channels, baseline, 4:2:0: progressive files are a little smaller for a
// third more CPU.
std::optional<std::string> encodeJpeg(const Image& im, int quality, std::string* error);

// libdeflate's level for pictures' PNGs, one below the PDF's streams' (support/deflate.h):
// markedly less CPU for a fraction of a percent more bytes.
inline constexpr int kPictureDeflateLevel = 5;

// 1..4 channels, adaptive filters per row (the one whose output has the smallest sum of
// magnitudes, as libpng chooses), indexed when there are at most 256 colours.
std::optional<std::string> encodePng(const Image& im, std::string* error, int level = kPictureDeflateLevel);

// encodePng of pixels held elsewhere (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA, rows top to
// bottom, packed), not copied into an Image; empty when there is nothing to encode. `level` is
// libdeflate's (1 fastest .. 12 smallest).
std::string encodePngPixels(int width, int height, int channels, const std::uint8_t* pixels, int level);

// ---- A PNG's structure -----------------------------------------------------------------------
// The header fields, the palette and the IDAT data (one zlib stream of filtered scanlines),
// without decoding: what a PDF needs to embed a PNG as it is (FlateDecode with PNG
// predictors), and what passes a source's compressed pixels through.

struct PngParts {
  std::uint32_t width = 0, height = 0;
  int bitDepth = 0;
  int colourType = 0;        // 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
  int interlace = 0;         // 0 none, 1 Adam7
  std::string palette;       // PLTE payload: RGB triples (colour type 3)
  std::string transparency;  // tRNS payload; empty when there is none
  std::string idat;          // every IDAT payload, joined (see readPngParts' joinIdat)
  // Where the payload of the one IDAT chunk is in the file, when there is only one (length 0
  // when there are several).
  std::size_t idatOffset = 0, idatLength = 0;

  // Samples a pixel in the IDAT rows (an index counts as one).
  int samplesPerPixel() const;
  // The pixels can be embedded in a PDF as they are: 8-bit, not interlaced, no alpha and no
  // tRNS, gray, RGB or palette.
  bool pdfReady() const;
};

// nullopt when the bytes are not a whole PNG: bad signature, IHDR not first, a chunk running
// past the end or failing its CRC, no IDAT, no IEND, or a palette image without PLTE.
// With joinIdat false, a file of one IDAT chunk leaves `idat` empty: the caller takes the
// payload from the file (idatOffset, idatLength) instead of a copy.
std::optional<PngParts> readPngParts(std::string_view png, bool joinIdat = true);

// Appends one chunk (length, type, data, CRC) to `out`.
void appendPngChunk(std::string& out, const char* type, std::string_view data);

// A PNG of only IHDR, PLTE and tRNS (when there are), IDAT and IEND: the source's other
// ancillary chunks (text, colour profiles, times) are left out.
std::string assemblePng(const PngParts& parts);

// ---- SVG -------------------------------------------------------------------------------------
// Through librsvg 2.54, locked down: the document is loaded from memory with no base URL, so
// librsvg's resolver refuses every external reference (images, <use>, XInclude, CSS imports, on
// disk or on the network) and only `data:` URLs load. librsvg is opened on first use.

// The document with its DOCTYPE removed and its internal entities expanded here, so that
// librsvg's XML parser never handles an entity (libxml2 also leaks an entity value per
// document). nullopt with *problem when the declarations are unsafe: external or parameter
// entities, entities that nest other entities (the "billion laughs"), too many or too long
// ones, or an expansion that grows the document past a sane size.
std::optional<std::string> svgWithoutEntities(std::string_view bytes, std::string* problem);

// What an SVG may ask of librsvg, whose rendering cannot be stopped once begun: the budget is
// judged on the document's text before it is handed over. Generous for drawings and charts
// (the corpora's largest SVG has a few thousand elements and no filter chains).
struct SvgCostLimits {
  std::size_t maxElements = 200'000;
  std::size_t maxFilterPrimitives = 64;    // feGaussianBlur, feMorphology, ... in the whole file
  std::size_t maxTextBytes = 256u << 10;   // character data inside <text>, <tspan>, <textPath>
};
// Why the SVG (entities already expanded) is over those limits, or nullopt when it is not.
std::optional<std::string> svgCostProblem(std::string_view svg, const SvgCostLimits& limits = {});

struct RsvgApi;  // librsvg's functions (src/codecs/svg.cpp)

class SvgDocument {
 public:
  // nullptr with *error set when librsvg cannot be loaded or cannot parse the document.
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
  void* handle_;         // RsvgHandle*
  const RsvgApi* api_;   // librsvg, opened on first use
};

}  // namespace pp::codecs
