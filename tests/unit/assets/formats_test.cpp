// Decoding by magic bytes, each format and its odd cases, and what comes out the other end.
#include "postpress/support/files.h"
#include "support.h"

using namespace pptest;
using Codec = pp::EncodedImage::Codec;

namespace {

bool near(pptest::Rgba c, int r, int g, int b, int tol = 40) {
  return std::abs(c.r - r) <= tol && std::abs(c.g - g) <= tol && std::abs(c.b - b) <= tol;
}

}  // namespace

TEST_CASE("WebP named .png: lossy (photo -> JPEG), lossless graphic (-> PNG), alpha kept as a mask") {
  StoreRun r;
  const auto& lossy = r.process(makeWebp(64, 48, 3, photo(), false), "img/lossy.png");
  REQUIRE(lossy.ok());
  CHECK(lossy.format == "webp");
  CHECK(lossy.width == 64);
  CHECK(lossy.pdf.codec == Codec::Jpeg);
  CHECK(lossy.epub.codec == Codec::Jpeg);

  StoreRun r2;
  const auto& alpha = r2.process(makeWebp(40, 30, 4, [](int x, int) { return x < 20 ? Rgba{0, 128, 0, 255} : Rgba{0, 0, 0, 0}; }, true), "img/alpha.jpeg");
  REQUIRE(alpha.ok());
  CHECK(alpha.pdf.codec == Codec::Png);
  CHECK(alpha.pdf.components == 3);
  CHECK_FALSE(alpha.pdf.alphaFile.empty());
  CHECK(alpha.pdf.file != alpha.epub.file);  // translucent: the PDF's colour and mask are apart
  // Compressed once for the PDF: a PNG of the colour without alpha, and a gray PNG of the
  // mask, 0 where transparent.
  auto colour = decodeFile(alpha.pdf.file);
  CHECK(colour.ch == 3);
  CHECK(near(colour.at(5, 5), 0, 128, 0, 2));
  auto mask = decodeFile(alpha.pdf.alphaFile);
  REQUIRE(mask.ch == 1);
  CHECK(mask.w == 40);
  CHECK(mask.at(0, 0).g == 255);
  CHECK(mask.at(39, 0).g == 0);
  CHECK(alpha.epub.codec == Codec::Png);
  auto d = decodeFile(alpha.epub.file);
  CHECK(d.ch == 4);
  CHECK(d.at(5, 5).a == 255);
  CHECK(d.at(35, 5).a == 0);
}

TEST_CASE("animated WebP: the first frame, composed on the canvas") {
  StoreRun r;
  auto red = [](int, int) { return Rgba{255, 0, 0, 255}; };
  auto blue = [](int, int) { return Rgba{0, 0, 255, 255}; };
  const auto& a = r.process(makeAnimatedWebp(16, 12, {red, blue}), "img/anim.png");
  REQUIRE(a.ok());
  CHECK(a.width == 16);
  CHECK(a.height == 12);
  auto d = decodeFile(a.epub.file);
  CHECK(near(d.at(8, 6), 255, 0, 0));
  CHECK(r.diags.countCode("image-note") == 1);
}

TEST_CASE("PNG: interlaced RGBA, 16-bit, palette with tRNS") {
  for (std::string name : {"interlaced-rgba.png", "rgb16.png", "palette-trns.png"}) {
    CAPTURE(name);
    StoreRun r;
    std::string err;
    auto bytes = pp::readFile(fs::path(PP_TEST_DATA) / "images" / name, &err);
    REQUIRE(bytes);
    const auto& a = r.process(*bytes, "img/" + name);
    REQUIRE(a.ok());
    CHECK(a.width == 24);
    CHECK(a.height == 16);
    CHECK(a.pdf.codec == Codec::Png);  // two colours: a graphic
    auto d = decodeFile(a.epub.file);
    CHECK(near(d.at(2, 2), 255, 0, 0, 2));
    CHECK(near(d.at(20, 2), 0, 0, 255, 2));
    const bool alpha = name != "rgb16.png";
    CHECK((d.ch == 4) == alpha);
    if (alpha) CHECK(d.at(3, 15).a == 0);
    CHECK(a.pdf.alphaFile.empty() == !alpha);
    CHECK((a.pdf.file == a.epub.file) == !alpha);  // an opaque graphic: one PNG for both
  }
}

TEST_CASE("JPEG: baseline, progressive, grayscale, EXIF orientation, Adobe CMYK") {
  StoreRun r;
  const auto& base = r.process(makeJpeg(64, 32, photo()), "img/base.png");
  REQUIRE(base.ok());
  CHECK(base.format == "jpeg");
  CHECK(base.pdf.codec == Codec::Jpeg);
  CHECK(base.pdf.components == 3);

  StoreRun r2;
  const auto& prog = r2.process(makeJpeg(64, 32, photo(), TJPF_RGB, TJFLAG_PROGRESSIVE), "img/prog.jpg");
  REQUIRE(prog.ok());

  StoreRun r3;
  const auto& gray = r3.process(makeJpeg(64, 32, photo(), TJPF_GRAY), "img/gray.jpg");
  REQUIRE(gray.ok());
  CHECK(gray.pdf.components == 1);
  CHECK(decodeFile(gray.epub.file).ch == 1);

  // Orientation 6: the stored picture is turned 90 degrees clockwise for display, so its
  // left half (red) ends up on top.
  StoreRun r4;
  auto leftRed = [](int x, int) { return x < 32 ? Rgba{255, 0, 0, 255} : Rgba{0, 0, 255, 255}; };
  const auto& rot = r4.process(withExifOrientation(makeJpeg(64, 32, leftRed), 6), "img/rot.jpg");
  REQUIRE(rot.ok());
  CHECK(rot.width == 32);
  CHECK(rot.height == 64);
  auto d = decodeFile(rot.epub.file);
  CHECK(d.w == 32);
  CHECK(d.h == 64);
  CHECK(near(d.at(16, 5), 255, 0, 0));
  CHECK(near(d.at(16, 58), 0, 0, 255));

  // Adobe CMYK (libjpeg writes the APP14 marker; Photoshop's samples are inverted): samples
  // (255, 0, 0, 255) mean no cyan, full magenta and yellow, no black: red.
  StoreRun r5;
  const auto& cmyk = r5.process(makeJpeg(16, 16, [](int, int) { return Rgba{255, 0, 0, 255}; }, TJPF_CMYK), "img/cmyk.jpg");
  REQUIRE(cmyk.ok());
  CHECK(near(decodeFile(cmyk.epub.file).at(8, 8), 255, 0, 0));
}

TEST_CASE("GIF: first frame of an animation, transparency, interlacing") {
  StoreRun r;
  auto frame1 = [](int x, int) { return x < 8 ? 0 : 3; };  // red | transparent (index 3)
  auto frame2 = [](int, int) { return 1; };
  const auto& a = r.process(makeGif(16, 16, {frame1, frame2}, 3, true), "img/anim.gif");
  REQUIRE(a.ok());
  CHECK(a.format == "gif");
  auto d = decodeFile(a.epub.file);
  REQUIRE(d.ch == 4);
  CHECK(near(d.at(2, 9), 255, 0, 0, 2));
  CHECK(d.at(12, 9).a == 0);
  CHECK(r.diags.countCode("image-note") == 1);
}

TEST_CASE("BMP") {
  StoreRun r;
  const auto& a = r.process(makeBmp(20, 10, halves()), "img/x.png");
  REQUIRE(a.ok());
  CHECK(a.format == "bmp");
  CHECK(a.width == 20);
}

TEST_CASE("photographs become JPEG, graphics lossless; grayscale option; opaque alpha dropped") {
  StoreRun r;
  const auto& ph = r.process(makePng(300, 200, 3, photo()), "img/photo.png");
  REQUIRE(ph.ok());
  CHECK(ph.pdf.codec == Codec::Jpeg);
  CHECK(ph.epub.codec == Codec::Jpeg);

  StoreRun r2;
  const auto& gr = r2.process(makePng(300, 200, 4, halves()), "img/chart.png");
  REQUIRE(gr.ok());
  CHECK(gr.pdf.codec == Codec::Png);
  CHECK(gr.pdf.alphaFile.empty());  // alpha 255 everywhere: no mask
  CHECK(gr.pdf.file == gr.epub.file);
  CHECK(gr.epub.codec == Codec::Png);

  StoreRun r3;
  r3.opts.grayscale = true;
  r3.store = std::make_unique<pp::AssetStore>(r3.opts);
  const auto& g = r3.process(makePng(300, 200, 3, photo()), "img/photo.png");
  REQUIRE(g.ok());
  CHECK(g.pdf.components == 1);
  CHECK(g.epub.components == 3);  // the e-book keeps its colour
}

TEST_CASE("scaling: PDF to the text block at pdfDpi, EPUB to epubMaxSide, never upscaled, width hints") {
  StoreRun r;
  const auto& big = r.process(makeJpeg(4000, 1000, photo()), "img/wide.jpg");
  REQUIRE(big.ok());
  CHECK(big.width == 4000);
  CHECK(big.pdf.width == 1300);  // 468 pt at 200 dpi
  CHECK(big.pdf.height == 325);
  CHECK(big.epub.width == 1600);
  CHECK(big.epub.height == 400);

  StoreRun r2;
  const auto& tall = r2.process(makePng(500, 5000, 3, photo()), "img/tall.png");
  REQUIRE(tall.ok());
  CHECK(tall.pdf.height == 1800);  // 648 pt at 200 dpi
  CHECK(tall.epub.height == 1600);

  StoreRun r3;
  const auto& small = r3.process(makePng(120, 80, 3, photo()), "img/small.png");
  REQUIRE(small.ok());
  CHECK(small.pdf.width == 120);
  CHECK(small.epub.width == 120);

  // Every reference asks for 300 CSS px (225 pt): 625 px at 200 dpi is enough.
  StoreRun r4;
  writeBytes(r4.root / "img/hint.jpg", makeJpeg(3000, 2000, photo()));
  int id = r4.store->resolve(r4.t.site, r4.t.post, "/img/hint.jpg", {}, r4.diags, 300);
  r4.store->process(r4.diags);
  REQUIRE(r4.store->at(id).ok());
  CHECK(r4.store->at(id).pdf.width == 625);
}

TEST_CASE("downscaling is gamma-correct: a fine black/white pattern averages to light gray, not dark") {
  StoreRun r;
  r.opts.epubMaxSide = 100;
  r.store = std::make_unique<pp::AssetStore>(r.opts);
  auto checker = [](int x, int y) { return (x + y) % 2 ? Rgba{255, 255, 255, 255} : Rgba{0, 0, 0, 255}; };
  const auto& a = r.process(makePng(200, 200, 3, checker), "img/checker.png");
  REQUIRE(a.ok());
  auto d = decodeFile(a.epub.file);
  CHECK(d.ch == 1);
  // Half the light: sRGB ~188. A gamma-unaware filter gives ~128.
  CHECK(d.at(d.w / 2, d.h / 2).g > 170);
  CHECK(d.at(d.w / 2, d.h / 2).g < 205);
}

TEST_CASE("SVG: intrinsic size, viewBox-only sizing, rasterised at the target resolution") {
  StoreRun r;
  const auto& a = r.process(
      "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='150'><rect width='300' height='150' fill='#00f'/></svg>",
      "img/a.svg");
  REQUIRE(a.ok());
  CHECK(a.format == "svg");
  CHECK(a.width == 300);
  CHECK(a.height == 150);
  CHECK(a.pdf.width == 625);  // 300 px = 225 pt, at 200 dpi
  CHECK(a.epub.width == 600);  // twice the CSS size
  CHECK(near(decodeFile(a.epub.file).at(10, 10), 0, 0, 255, 2));

  StoreRun r2;
  const auto& vb = r2.process(
      "<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 20 10'><circle cx='10' cy='5' r='4'/></svg>",
      "img/vb.png");
  REQUIRE(vb.ok());
  CHECK(vb.width == 624);  // fills the 468 pt text block
  CHECK(vb.height == 312);
  CHECK(vb.pdf.width == 1300);
}

TEST_CASE("WebP larger than needed: lossy scaled by libwebp while decoding, lossless by the gamma-correct filter") {
  // Lossy: straight to the EPUB size (1600 px), the PDF's from that.
  StoreRun r;
  auto bands = [](int x, int) { return x % 400 < 200 ? Rgba{200, 40, 40, 255} : Rgba{40, 40, 200, 255}; };
  const auto& lossy = r.process(makeWebp(2400, 600, 3, bands, false), "img/big.webp");
  REQUIRE(lossy.ok());
  CHECK(lossy.width == 2400);
  CHECK(lossy.epub.width == 1600);
  CHECK(lossy.epub.height == 400);
  CHECK(lossy.pdf.width == 1300);
  auto d = decodeFile(lossy.epub.file);
  CHECK(near(d.at(60, 200), 200, 40, 40, 30));
  CHECK(near(d.at(200, 200), 40, 40, 200, 30));

  // Lossless, a fine black/white pattern: averaged in linear light (light gray, ~188), which
  // sRGB averaging would make ~128.
  StoreRun r2;
  r2.opts.epubMaxSide = 100;
  r2.store = std::make_unique<pp::AssetStore>(r2.opts);
  auto checker = [](int x, int y) { return (x + y) % 2 ? Rgba{255, 255, 255, 255} : Rgba{0, 0, 0, 255}; };
  const auto& lossless = r2.process(makeWebp(800, 800, 3, checker, true), "img/checker.webp");
  REQUIRE(lossless.ok());
  auto g = decodeFile(lossless.epub.file);
  CHECK(g.w == 100);
  CHECK(g.at(50, 50).g > 170);
}
