// Lossless renditions: one PNG for both outputs when it can serve both, and PDF renditions the
// PDF can embed as they are (the IDAT data with PNG predictors, an Indexed colour space for a
// palette). The PDF's own decoding is imitated here: inflate, undo the predictors, look up
// the palette; the result must be the picture.
#include <zlib.h>

#include <set>

#include "assets/cache.h"
#include "postpress/codecs.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "support.h"

using namespace pptest;
namespace pa = pp::assets;
namespace codecs = pp::codecs;
using Codec = pp::EncodedImage::Codec;

namespace {

codecs::PngParts partsOf(const fs::path& file) {
  auto bytes = pp::readFile(file);
  REQUIRE(bytes);
  auto parts = codecs::readPngParts(*bytes);
  REQUIRE(parts);
  return *parts;
}

int paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
}

// What a PDF reader makes of the image XObject postpress writes from these parts: /FlateDecode
// with /DecodeParms << /Predictor 15 /Colors n /BitsPerComponent 8 /Columns w >>, then the
// colour space (DeviceGray, DeviceRGB or [/Indexed /DeviceRGB hival palette]). RGB or gray
// samples out.
std::vector<std::uint8_t> pdfSamples(const codecs::PngParts& png, int* channels) {
  const int spp = png.samplesPerPixel();
  const std::size_t rowBytes = static_cast<std::size_t>(png.width) * spp;
  std::string raw(png.height * (rowBytes + 1), '\0');
  uLongf n = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &n, reinterpret_cast<const Bytef*>(png.idat.data()),
                     static_cast<uLong>(png.idat.size())) == Z_OK);
  REQUIRE(n == raw.size());
  std::vector<std::uint8_t> rows(png.height * rowBytes);
  for (std::size_t y = 0; y < png.height; ++y) {
    const auto* in = reinterpret_cast<const std::uint8_t*>(raw.data()) + y * (rowBytes + 1);
    std::uint8_t* row = &rows[y * rowBytes];
    const std::uint8_t* up = y ? row - rowBytes : nullptr;
    for (std::size_t i = 0; i < rowBytes; ++i) {
      const int a = i >= static_cast<std::size_t>(spp) ? row[i - spp] : 0, b = up ? up[i] : 0;
      const int c = (up && i >= static_cast<std::size_t>(spp)) ? up[i - spp] : 0;
      const int pred = in[0] == 1 ? a : in[0] == 2 ? b : in[0] == 3 ? (a + b) / 2 : in[0] == 4 ? paeth(a, b, c) : 0;
      row[i] = static_cast<std::uint8_t>(in[1 + i] + pred);
    }
  }
  if (png.colourType != 3) {
    *channels = spp;
    return rows;
  }
  *channels = 3;
  std::vector<std::uint8_t> rgb(rows.size() * 3);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (int k = 0; k < 3; ++k) rgb[i * 3 + k] = static_cast<std::uint8_t>(png.palette.at(rows[i] * 3u + k));
  return rgb;
}

}  // namespace

TEST_CASE("an opaque graphic gets one PNG for the PDF and the EPUB, stored once, embeddable as it is") {
  StoreRun r;
  // 12 colours in flat bands: indexed.
  auto bands = [](int x, int y) {
    const std::uint8_t k = static_cast<std::uint8_t>((x / 25 + y / 20) % 12);
    return Rgba{static_cast<std::uint8_t>(k * 20), static_cast<std::uint8_t>(255 - k * 9), static_cast<std::uint8_t>(k * k), 255};
  };
  const int w = 300, h = 200;
  const auto& a = r.process(makePng(w, h, 4, bands), "img/chart.png");
  REQUIRE(a.ok());
  CHECK(a.pdf.codec == Codec::Png);
  CHECK(a.pdf.file == a.epub.file);
  CHECK(a.pdf.hash == a.epub.hash);
  CHECK(a.pdf.width == w);
  CHECK(a.pdf.alphaFile.empty());
  CHECK(r.cachedImages() == 1);

  const codecs::PngParts png = partsOf(a.pdf.file);
  CHECK(png.pdfReady());
  CHECK(png.colourType == 3);
  int channels = 0;
  const auto samples = pdfSamples(png, &channels);
  REQUIRE(channels == 3);
  CHECK(samples == pixels(w, h, 3, bands));

  // Warm: the same shared file, from the cache entry.
  r.reopen();
  const auto& warm = r.process(makePng(w, h, 4, bands), "img/chart.png");
  CHECK(r.store->stats().cacheHits == 1);
  CHECK(warm.pdf.file == warm.epub.file);
  CHECK(warm.pdf.codec == Codec::Png);
}

TEST_CASE("one PNG for both up to 1.5 times the print size; apart when translucent, printed gray, or narrower") {
  // 1800 px wide: EPUB 1600, PDF 1300 (1.23 times): shared, at the EPUB's size.
  StoreRun r1;
  const auto& wide = r1.process(makePng(1800, 400, 3, halves()), "img/wide.png");
  REQUIRE(wide.ok());
  CHECK(wide.pdf.file == wide.epub.file);
  CHECK(wide.pdf.width == 1600);

  // Drawn at 300 CSS px (625 px at 200 dpi): the 1600 px EPUB picture is 2.6 times that.
  StoreRun r2;
  const auto& hinted = r2.process(makePng(1800, 400, 3, halves()), "img/hinted.png", 300);
  REQUIRE(hinted.ok());
  CHECK(hinted.pdf.file != hinted.epub.file);
  CHECK(hinted.pdf.width == 625);
  CHECK(hinted.pdf.codec == Codec::Png);
  CHECK(partsOf(hinted.pdf.file).pdfReady());

  // Tall: the EPUB's 1600 px side is less than the PDF's 1800 px height.
  StoreRun r3;
  const auto& tall = r3.process(makePng(300, 3000, 3, halves()), "img/tall.png");
  REQUIRE(tall.ok());
  CHECK(tall.pdf.file != tall.epub.file);
  CHECK(tall.pdf.height == 1800);

  // Translucent: the PDF's colour PNG has no alpha; the alpha is a gray PNG for the mask.
  StoreRun r4;
  const auto& glass = r4.process(makePng(200, 100, 4, halves({255, 0, 0, 128}, {0, 0, 255, 255})), "img/glass.png");
  REQUIRE(glass.ok());
  CHECK(glass.pdf.file != glass.epub.file);
  REQUIRE_FALSE(glass.pdf.alphaFile.empty());
  const codecs::PngParts colour = partsOf(glass.pdf.file), mask = partsOf(glass.pdf.alphaFile);
  CHECK(colour.pdfReady());
  CHECK(mask.pdfReady());
  CHECK(mask.colourType == 0);
  int channels = 0;
  const auto alpha = pdfSamples(mask, &channels);
  CHECK(channels == 1);
  CHECK(alpha[0] == 128);
  CHECK(alpha[1] == 255);

  // --grayscale: the print rendition is gray, the e-book's keeps its colour.
  StoreRun r5;
  r5.opts.grayscale = true;
  r5.reopen();
  const auto& gray = r5.process(makePng(200, 100, 3, halves()), "img/gray.png");
  REQUIRE(gray.ok());
  CHECK(gray.pdf.file != gray.epub.file);
  CHECK(gray.pdf.components == 1);
  CHECK(partsOf(gray.pdf.file).colourType == 0);
}

TEST_CASE("PDF lossless renditions are small: PNG predictors beat deflating the raw samples") {
  // A screenshot-like picture: flat panels (a graphic) and gradients, far more than 256
  // colours (not indexed).
  auto ui = [](int x, int y) {
    const int band = (y / 30) % 4;
    if (band == 0) return Rgba{static_cast<std::uint8_t>(x % 256), static_cast<std::uint8_t>(y % 256), 200, 255};
    if (band == 1) return Rgba{240, 240, 240, 255};
    if (band == 2) return Rgba{static_cast<std::uint8_t>(y), 90, static_cast<std::uint8_t>(x / 100 * 30), 255};
    return Rgba{30, 30, static_cast<std::uint8_t>(x / 50 * 10), 255};
  };
  const int w = 800, h = 600;
  StoreRun r;
  r.opts.epubMaxSide = 400;  // EPUB 400 px, PDF 800 px: not shared, the PDF has its own PNG
  r.reopen();
  const auto& a = r.process(makePng(w, h, 3, ui), "img/ui.png");
  REQUIRE(a.ok());
  REQUIRE(a.pdf.codec == Codec::Png);
  REQUIRE(a.pdf.file != a.epub.file);
  const codecs::PngParts png = partsOf(a.pdf.file);
  CHECK(png.colourType == 2);
  int channels = 0;
  CHECK(pdfSamples(png, &channels) == pixels(w, h, 3, ui));
  const auto raw = pixels(w, h, 3, ui);
  uLongf n = compressBound(static_cast<uLong>(raw.size()));
  std::string z(n, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(z.data()), &n, raw.data(), static_cast<uLong>(raw.size()), Z_DEFAULT_COMPRESSION) == Z_OK);
  MESSAGE("PDF rendition IDAT " << png.idat.size() << " bytes; raw samples deflated " << n << " bytes");
  CHECK(png.idat.size() < n);
  CHECK(png.idat.size() < raw.size() / 20);
}

TEST_CASE("cache entries of the earlier format (raw or flate PDF renditions) are never served") {
  TempDir dir;
  pa::RenditionCache cache(dir / "cache");
  REQUIRE(cache.prepare(nullptr));
  // Entries otherwise as the cache writes them (hex keys, a check line, renditions named by
  // the hash of their bytes), so that only the format can make one a miss.
  const std::string bytes(100, 'p');
  const std::string hash = pp::contentHash(bytes);
  writeBytes(dir / "cache" / "images" / (hash + ".png"), bytes);
  writeBytes(dir / "cache" / "images" / (hash + ".rgb.z"), bytes);
  auto entry = [&](const std::string& key, const std::string& version, const std::string& pdfLine) {
    const std::string body = version + "\nstatus ok\nformat png\nsize 10 10\n" + pdfLine + "\nepub png 10 10 3 " +
                             hash + " " + hash + ".png -\n";
    writeBytes(dir / "cache" / "entries" / key, body + "check " + pp::contentHash(body) + "\n");
  };
  // The current version line, but a PDF rendition of a codec that no longer exists.
  entry("a1", pa::kPipelineVersion, "pdf flate 10 10 3 " + hash + " " + hash + ".rgb.z -");
  CHECK_FALSE(cache.load("a1"));
  // An entry of the previous version, whatever it names.
  entry("a2", "postpress-assets-2", "pdf png 10 10 3 " + hash + " " + hash + ".png -");
  CHECK_FALSE(cache.load("a2"));
  entry("a3", pa::kPipelineVersion, "pdf png 10 10 3 " + hash + " " + hash + ".png -");
  CHECK(cache.load("a3"));
}

TEST_CASE("a source PNG already as we would write it is passed through: its IDAT as it is, its text chunks left out") {
  // A graphic (flat runs) of many colours, RGB, at a size both outputs take as it is.
  auto ui = [](int x, int y) {
    return Rgba{static_cast<std::uint8_t>(x / 4 * 4), static_cast<std::uint8_t>(y * 3), static_cast<std::uint8_t>((x / 4 + y) % 7 * 30), 255};
  };
  std::string source = makePng(320, 90, 3, ui);
  auto parts = codecs::readPngParts(source);
  REQUIRE(parts);
  REQUIRE(parts->colourType == 2);
  // A tEXt chunk after IHDR: metadata a rendition has no use for.
  std::string withText = source.substr(0, 33);
  codecs::appendPngChunk(withText, "tEXt", std::string("Author\0someone", 14));
  withText += source.substr(33);
  REQUIRE(codecs::readPngParts(withText));

  StoreRun r;
  const auto& a = r.process(withText, "img/ui.png");
  REQUIRE(a.ok());
  CHECK(a.pdf.file == a.epub.file);
  auto out = pp::readFile(a.epub.file);
  REQUIRE(out);
  CHECK(*out == codecs::assemblePng(*parts));  // same IDAT, no tEXt
  CHECK(out->find("tEXt") == std::string::npos);

  // Few colours: our encoder writes a palette, smaller than the source's RGB; re-encoded.
  StoreRun r2;
  const auto& few = r2.process(makePng(320, 90, 3, halves()), "img/few.png");
  REQUIRE(few.ok());
  CHECK(partsOf(few.epub.file).colourType == 3);
  // Needs scaling for print and e-book: re-encoded at the EPUB size.
  StoreRun r3;
  const auto& big = r3.process(makePng(2000, 90, 3, ui), "img/big.png");
  REQUIRE(big.ok());
  CHECK(big.epub.width == 1600);
}
