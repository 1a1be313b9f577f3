// Assets: every image a post references, found as a browser would, confined to the site root,
// decoded from its real format, scaled for each output, encoded once, deduplicated by content
// and cached on disk by content hash. Stage home: src/assets/.
//
// Flow: resolve() registers references (cheap, no decoding) -> process() decodes, scales and
// encodes every registered image in parallel, writing results to the cache -> the backends read
// the encoded files through Asset::pdf / Asset::epub. Encoded bytes live on disk, not in memory,
// so memory does not grow with the number of images.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/support/files.h"
#include "postpress/document.h"
#include "postpress/site.h"

namespace pp {

namespace fs = std::filesystem;

struct AssetOptions {
  fs::path cacheDir;            // on-disk cache of processed images (created when missing;
                                // empty, or a folder another user owns or may write: none,
                                // only a private folder for the store's lifetime)
  int jobs = 0;                 // worker threads; 0 = all cores
  // PDF target: images are scaled to at most this many pixels per inch at the largest size
  // the layout can draw them (the text block), never upscaled.
  int pdfDpi = 200;
  double pdfMaxWidthPt = 468;   // text block width (letter, 1in margins)
  double pdfMaxHeightPt = 648;  // text block height
  int epubMaxSide = 1600;       // EPUB: longest side in pixels
  int jpegQuality = 85;
  bool grayscale = false;       // --grayscale: black-and-white print (PDF renditions only)
  bool fetchRemote = false;     // --fetch-remote (libcurl, with timeout, size limit, cache)
  int fetchTimeoutSeconds = 10;  // one image, redirects included
  int fetchBudgetSeconds = 30;   // every fetch of one process() together
  std::vector<std::string> fetchAllowHosts;  // --fetch-allow: exempt from the public-address rule
  std::uint64_t maxRemoteBytes = 16ull << 20;   // a remote image larger than this is not fetched
  std::uint64_t maxFileBytes = 64ull << 20;     // larger files are refused
  std::uint64_t maxPixels = 100'000'000ull;     // decompression-bomb guard, checked before decoding
  int maxDimension = 30000;
  // Told after each image process() converts (cache hits are not converted): how many of how
  // many. Called from the workers, so it must be safe to call from several threads at once.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

enum class AssetStatus {
  Pending,      // registered, not processed yet
  Ok,           // decoded and encoded
  Missing,      // local file not found
  Refused,      // outside the site root, symlink escaping it, not a regular file
  Remote,       // remote URL not fetched (offline build) or fetch failed
  Corrupt,      // could not be decoded (truncated, garbage)
  TooLarge,     // over the size/pixel limits
  Unsupported,  // a format we do not decode (e.g. video)
};
const char* assetStatusName(AssetStatus s);

// One encoded rendition, stored in the cache folder. Files are complete and verified: a JPEG
// here was written (or checked end to end) by us, never a truncated source handed through.
// Identical renditions share one file (named by `hash`).
//   Jpeg: baseline 8-bit JPEG, gray or YCbCr 4:2:0 (HPDF_LoadJpegImageFromMem).
//   Png:  8-bit, not interlaced: gray, RGB or palette (<= 256 colours), with alpha for the
//         EPUB. The PDF's PNG has no alpha and no tRNS: the PDF embeds its IDAT data as it is
//         (FlateDecode with PNG predictors), so a lossless rendition is compressed once, when it
//         is made, and never again on a build. A graphic that needs no other picture for print
//         has one PNG for both outputs (and a photograph whose two targets are the same size
//         one JPEG): the PDF's `file` is then the EPUB's.
//   alphaFile (PDF only): a gray PNG of the alpha, for a soft mask; empty when opaque. EPUB
//   renditions carry alpha in their own PNG.
struct EncodedImage {
  enum class Codec { None, Jpeg, Png };
  Codec codec = Codec::None;
  int width = 0, height = 0;  // pixels
  int components = 0;         // colour channels: 1 gray, 3 RGB (a palette PNG counts 3)
  fs::path file;              // the encoded bytes (JPEG or PNG file)
  fs::path alphaFile;         // PDF soft mask (gray PNG); empty when opaque
  std::string hash;           // content hash of the encoded bytes (EPUB file name, dedupe)
  const char* mediaType() const;  // "image/jpeg", "image/png"
  const char* extension() const;  // "jpg", "png"
};

struct Asset {
  int id = -1;
  AssetStatus status = AssetStatus::Pending;
  std::string source;       // what the user wrote it as, for diagnostics and placeholders
  std::string url;          // remote URL when the reference is remote
  fs::path file;            // resolved local file (empty for data: URIs and remote)
  SourceLoc where;          // first reference
  // Natural size in CSS pixels after EXIF orientation (0 when unknown): the pixel size of a
  // raster image; an SVG's intrinsic size (viewBox-only SVGs: the text block's width). The
  // layout draws an image at this size (1 px = 0.75 pt), shrunk to fit the text block.
  int width = 0, height = 0;
  std::string format;       // what the bytes really are: "png", "jpeg", "webp", "gif", "bmp", "svg"
  EncodedImage pdf;         // rendition for the PDF (scaled to pdfDpi)
  EncodedImage epub;        // rendition for the EPUB (longest side <= epubMaxSide)
  std::string message;      // why it is not Ok
  bool ok() const { return status == AssetStatus::Ok; }
};

struct PreparedImage;  // one reference's (src/assets/store.cpp)

// What resolving a document's images asks of the file system (lookups confined to the site
// root, canonical paths), made ahead by AssetStore::prepareDocument on any thread, for
// resolveDocument to register in order.
class PreparedImages {
 public:
  PreparedImages();
  ~PreparedImages();
  PreparedImages(PreparedImages&&) noexcept;
  PreparedImages& operator=(PreparedImages&&) noexcept;

 private:
  friend class AssetStore;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class AssetStore {
 public:
  explicit AssetStore(AssetOptions options);
  ~AssetStore();
  AssetStore(const AssetStore&) = delete;
  AssetStore& operator=(const AssetStore&) = delete;

  // Resolves `src` as written in `post` (Markdown/HTML image, front matter hero image, data:
  // URI, shortcode resource) and registers it. The same file referenced twice gets the same
  // id. Refused, missing and remote references get an id too (the backends draw a
  // placeholder); they are reported here, with `where`.
  // `widthHintPx` is the CSS width the post asks for (HTML width=, ImageRef::widthHint; 0 =
  // none): when every reference of an image asks for less than the text block, its PDF
  // rendition is scaled for that smaller drawn size, so it never exceeds pdfDpi as drawn.
  int resolve(const Site& site, const Post& post, std::string_view src, const SourceLoc& where,
              DiagnosticSink& diags, int widthHintPx = 0);

  // Resolves every ImageRef of the document (figures, inline images) and sets its asset id.
  // `prepared`: prepareDocument's for this document, which it then takes.
  void resolveDocument(const Site& site, const Post& post, Document& doc, DiagnosticSink& diags,
                       PreparedImages* prepared = nullptr);
  // The file system's part of resolveDocument (any thread, beside other calls of its own).
  PreparedImages prepareDocument(const Site& site, const Post& post, const Document& doc) const;

  // Registers a file the digest itself needs (cover image, logo) by its path. Not confined to
  // a site root: the user or postpress itself names it, not a post.
  int resolveFile(const fs::path& file, const SourceLoc& where, DiagnosticSink& diags);

  // Decodes, scales and encodes every pending asset on `jobs` threads, using the cache.
  // Output is identical whatever the number of threads.
  void process(DiagnosticSink& diags);

  // The PDF rendition of asset `id` for a picture drawn `widthPx` pixels wide at pdfDpi (the
  // drawn width in inches times the dpi; the height follows the picture's aspect): the stored
  // rendition when it is not wider, else one made from it for that size (JPEG stays JPEG, PNG
  // stays PNG with its soft mask) and kept in the cache like the others, checked on every read.
  // For the PDF's painter, when the layout draws a picture so small that its stored pixels
  // would print finer than a press takes. nullopt, with a warning, when it cannot be made.
  // Changes nothing in the store: safe to call from several threads, and after process().
  std::optional<EncodedImage> pdfRenditionFor(int id, int widthPx, DiagnosticSink& diags) const;

  const Asset& at(int id) const;
  std::size_t size() const;
  const AssetOptions& options() const;

  struct Stats {
    int decoded = 0;     // images decoded this run
    int cacheHits = 0;   // images whose renditions came from the cache
    int failed = 0;      // images not Ok after process() (missing, refused, remote... included)
    int fetched = 0;     // remote images downloaded this run
  };
  Stats stats() const;

 private:
  // Registers one reference from what was found for it (the asset's id).
  int registerPrepared(PreparedImage&& p, const Site& site, const Post& post, std::string_view src,
                       const SourceLoc& where, DiagnosticSink& diags, int widthHintPx);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// An encoded rendition's bytes, mapped (for writers that need a buffer); empty, with an
// error reported, when the file cannot be read.
FileBytes readEncoded(const EncodedImage& image, DiagnosticSink& diags);

// codecs::encodePngPixels (postpress/codecs.h) through the image cache in `cacheDir`
// (AssetOptions::cacheDir), for pictures other stages draw (the EPUB cover): the same pixels at
// the same level are encoded once, and read back on later builds. An empty `cacheDir`, or a
// cache that cannot be read or written, encodes every time; the bytes are the same either way.
std::string encodePngPixelsCached(const fs::path& cacheDir, int width, int height, int channels,
                                  const std::uint8_t* pixels, int level);

// `dir` when it may hold the cache, as AssetStore decides (made when missing, this user's own,
// writable by nobody else), for other stages that keep work there (highlighted code); empty
// when it may not. AssetStore reports why.
fs::path usableCacheFolder(const fs::path& dir);

}  // namespace pp
