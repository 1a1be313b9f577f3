// Hostile and broken files: decompression bombs, truncation, garbage, lying names, SVG
// entity attacks and external references. None may crash, hang, or reach a backend.
#include "support.h"

using namespace pptest;

namespace {

void setBe32(std::string& s, std::size_t at, std::uint32_t v) {
  s[at] = static_cast<char>(v >> 24);
  s[at + 1] = static_cast<char>(v >> 16);
  s[at + 2] = static_cast<char>(v >> 8);
  s[at + 3] = static_cast<char>(v);
}

}  // namespace

TEST_CASE("a PNG whose header claims 100,000 x 100,000 pixels is refused before decoding") {
  StoreRun r;
  std::string png = makePng(4, 4, 3, halves());
  setBe32(png, 16, 100000);
  setBe32(png, 20, 100000);
  const auto& a = r.process(png);
  CHECK(a.status == pp::AssetStatus::TooLarge);
  CHECK(r.diags.countCode("image-too-large") == 1);
  CHECK(a.message.find("100000") != std::string::npos);
}

TEST_CASE("pixel-count bombs in every format are refused from the header") {
  SUBCASE("JPEG 60000 x 60000") {
    StoreRun r;
    std::string jpg = makeJpeg(8, 8, halves());
    // Patch the SOF0 frame size.
    std::size_t sof = jpg.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    jpg[sof + 5] = static_cast<char>(0xEA); jpg[sof + 6] = static_cast<char>(0x60);
    jpg[sof + 7] = static_cast<char>(0xEA); jpg[sof + 8] = static_cast<char>(0x60);
    CHECK(r.process(jpg).status == pp::AssetStatus::TooLarge);
  }
  SUBCASE("GIF 65535 x 65535") {
    StoreRun r;
    std::string gif = makeGif(4, 4, {[](int, int) { return 0; }});
    gif[6] = gif[7] = gif[8] = gif[9] = static_cast<char>(0xFF);
    CHECK(r.process(gif).status == pp::AssetStatus::TooLarge);
  }
  SUBCASE("BMP 50000 x -50000") {
    StoreRun r;
    std::string bmp = makeBmp(4, 4, halves());
    std::int32_t w = 50000, h = -50000;
    std::memcpy(&bmp[18], &w, 4);
    std::memcpy(&bmp[22], &h, 4);
    CHECK(r.process(bmp).status == pp::AssetStatus::TooLarge);
  }
}

TEST_CASE("file size limit") {
  TempDir dir;
  TestSite t(dir / "site");
  pp::AssetOptions o = optionsIn(dir / "cache");
  o.maxFileBytes = 1000;
  pp::AssetStore store(o);
  pp::DiagnosticSink diags;
  writeBytes(dir / "site/img/big.png", makePng(200, 200, 3, photo()));
  int id = store.resolve(t.site, t.post, "/img/big.png", {}, diags);
  store.process(diags);
  CHECK(store.at(id).status == pp::AssetStatus::TooLarge);
}

TEST_CASE("truncated files are Corrupt, never half pictures: JPEG, progressive JPEG, PNG, WebP, GIF") {
  struct Case {
    const char* name;
    std::string bytes;
  };
  std::vector<Case> cases{
      {"jpeg", makeJpeg(200, 120, photo())},
      {"progressive", makeJpeg(200, 120, photo(), TJPF_RGB, TJFLAG_PROGRESSIVE)},
      {"png", makePng(200, 120, 3, photo())},
      {"webp", makeWebp(200, 120, 3, photo(), false)},
      {"gif", makeGif(64, 64, {[](int x, int y) { return (x * y) % 4; }})},
  };
  for (auto& c : cases) {
    CAPTURE(c.name);
    StoreRun r;
    const auto& a = r.process(c.bytes.substr(0, c.bytes.size() / 2));
    CHECK(a.status == pp::AssetStatus::Corrupt);
    CHECK(a.pdf.codec == pp::EncodedImage::Codec::None);
    CHECK(r.diags.countCode("image-corrupt") == 1);
  }
}

TEST_CASE("garbage, empty files, HTML pages and videos under image names") {
  StoreRun r1;
  CHECK(r1.process(std::string("\x89PNG\r\n\x1a\n") + std::string(200, 'x')).status == pp::AssetStatus::Corrupt);
  StoreRun r2;
  CHECK(r2.process("").status == pp::AssetStatus::Corrupt);
  StoreRun r3;
  const auto& html = r3.process("<!DOCTYPE html><html><body>404 Not Found</body></html>");
  CHECK(html.status == pp::AssetStatus::Corrupt);
  CHECK(html.message.find("HTML") != std::string::npos);
  StoreRun r4;
  CHECK(r4.process(std::string("\0\0\0\x18" "ftypmp42", 12) + std::string(100, '\0')).status == pp::AssetStatus::Unsupported);
  StoreRun r5;
  std::mt19937 rng(1);
  std::string noise(5000, '\0');
  for (auto& c : noise) c = static_cast<char>(rng());
  CHECK(r5.process("\xFF\xD8\xFF" + noise).status == pp::AssetStatus::Corrupt);
  CHECK(r5.process("RIFF\x10\0\0\0WEBPVP8 " + noise, "img/w.png").status == pp::AssetStatus::Corrupt);
  CHECK(r5.process(std::string("GIF89a\x10\0\x10\0", 10) + noise, "img/g.png").status == pp::AssetStatus::Corrupt);
}

TEST_CASE("fuzzed bytes of every format never crash") {
  std::vector<std::string> seeds{makeJpeg(40, 30, photo()), makePng(40, 30, 4, photo()), makeWebp(40, 30, 4, photo(), true),
                                 makeWebp(40, 30, 3, photo(), false), makeGif(20, 20, {[](int x, int) { return x % 4; }}),
                                 makeBmp(20, 10, photo())};
  std::mt19937 rng(42);
  TempDir dir;
  TestSite t(dir / "site");
  pp::AssetStore store(optionsIn(dir / "cache", 2));
  pp::DiagnosticSink diags;
  int n = 0;
  for (const auto& seed : seeds)
    for (int i = 0; i < 25; ++i) {
      std::string b = seed;
      for (int k = 0; k < 1 + static_cast<int>(rng() % 8); ++k) b[rng() % b.size()] = static_cast<char>(rng());
      std::string name = "img/f" + std::to_string(n++) + ".png";
      writeBytes(dir / "site" / name, b);
      store.resolve(t.site, t.post, "/" + name, {}, diags);
    }
  store.process(diags);
  for (std::size_t i = 0; i < store.size(); ++i) {
    const auto& a = store.at(static_cast<int>(i));
    CHECK(a.status != pp::AssetStatus::Pending);
    if (a.ok()) {
      CHECK(fs::exists(a.pdf.file));
      CHECK(fs::exists(a.epub.file));
    }
  }
}

TEST_CASE("SVG billion laughs, external entities and parameter entities are refused before parsing") {
  const std::string laughs =
      "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY lol 'lol'>"
      "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
      "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>"
      "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>"
      "<!ENTITY lol9 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>]>"
      "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><text>&lol9;</text></svg>";
  const std::string external =
      "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
      "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><text>&xxe;</text></svg>";
  const std::string parameter =
      "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY % p SYSTEM 'http://127.0.0.1:1/x.dtd'> %p;]>"
      "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>";
  for (const auto* svg : {&laughs, &external, &parameter}) {
    StoreRun r;
    const auto& a = r.process(*svg, "img/evil.svg");
    CHECK(a.status == pp::AssetStatus::Refused);
    CHECK(r.diags.countCode("image-refused") == 1);
  }
  // Flat entities referenced a great many times: refused once the expansion outgrows the file.
  {
    std::string big = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY a '" + std::string(1000, 'a') + "'>]>"
                      "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><desc>";
    for (int i = 0; i < 300000; ++i) big += "&a;";
    big += "</desc></svg>";
    StoreRun r;
    CHECK(r.process(big, "img/amplified.svg").status == pp::AssetStatus::Refused);
  }
  // Illustrator-style namespace entities are harmless and accepted.
  StoreRun ok;
  const auto& a = ok.process(
      "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY ns_svg 'http://www.w3.org/2000/svg'>]>"
      "<svg xmlns='&ns_svg;' width='10' height='10'><rect width='10' height='10'/></svg>",
      "img/ai.svg");
  CHECK(a.ok());
}

TEST_CASE("SVG references to files (inside or outside the site) and URLs are never loaded") {
  StoreRun r;
  const std::string red = makePng(10, 10, 3, [](int, int) { return Rgba{255, 0, 0, 255}; });
  writeBytes(r.root / "img/red.png", red);
  TempDir outside;
  writeBytes(outside / "red.png", red);
  for (std::string href : {std::string("red.png"), std::string("/img/red.png"), "file://" + (outside / "red.png").string(),
                           std::string("../../../../../../..") + (outside / "red.png").string(), std::string("http://127.0.0.1:1/red.png")}) {
    CAPTURE(href);
    const std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>"
                            "<image width='10' height='10' xlink:href='" + href + "'/>"
                            "<use xlink:href='" + href + "#x'/></svg>";
    const std::string name = "img/ref" + std::to_string(std::hash<std::string>{}(href) % 100000) + ".svg";
    const auto& a = r.process(svg, name);
    if (a.ok()) {
      auto d = decodeFile(a.epub.file);
      CHECK(d.at(5, 5).a == 0);  // nothing drawn: the reference was not followed
    }
  }
  // XInclude of a local file.
  const auto& x = r.process(
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xi='http://www.w3.org/2001/XInclude' width='10' height='10'>"
      "<text y='5'><xi:include href='/etc/passwd' parse='text'/></text></svg>",
      "img/xi.svg");
  CHECK(x.status != pp::AssetStatus::Pending);
  // The data: control: an embedded image does render.
  const std::string b64 = base64(makePng(1, 1, 3, [](int, int) { return Rgba{0, 255, 0, 255}; }));
  const auto& ok = r.process("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' width='10' height='10'>"
                             "<image width='10' height='10' preserveAspectRatio='none' xlink:href='data:image/png;base64," + b64 + "'/></svg>",
                             "img/data.svg");
  REQUIRE(ok.ok());
  CHECK(decodeFile(ok.epub.file).at(5, 5).a == 255);
}
