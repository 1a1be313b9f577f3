// Resolution: every rule a browser applies, and every refusal that keeps reads inside the root.
#include <sys/stat.h>

#include "assets/resolve.h"
#include "postpress/support/text.h"
#include "support.h"

using namespace pptest;

namespace {

struct Fixture {
  TempDir dir;
  fs::path root = dir / "site";
  TestSite t{root};
  pp::DiagnosticSink diags;
  pp::AssetStore store{optionsIn(dir / "cache")};
  std::string png = makePng(8, 6, 3, halves());

  Fixture() {
    writeBytes(root / "img/a.png", png);
    writeBytes(root / "my dir/space (1).png", png);
  }
  const pp::Asset& resolve(const std::string& src, int line = 1, int col = 1) {
    int id = store.resolve(t.site, t.post, src, t.post.loc(line, col), diags);
    return store.at(id);
  }
};

// A document of a figure (line 2) and a paragraph with an inline image (line 4, column 9).
pp::Document figureAndInline(const std::string& figureSrc, const std::string& inlineSrc) {
  pp::Document doc;
  pp::Block fig;
  fig.kind = pp::BlockKind::Figure;
  fig.image.src = figureSrc;
  fig.image.pos = {2, 1};
  doc.blocks.push_back(fig);
  pp::Block para;
  para.kind = pp::BlockKind::Paragraph;
  pp::Inline img;
  img.kind = pp::InlineKind::Image;
  img.image.src = inlineSrc;
  img.image.pos = {4, 9};
  para.inlines.push_back(img);
  doc.blocks.push_back(para);
  return doc;
}

}  // namespace

TEST_CASE("relative paths resolve against the post URL with .. clamped at the site root") {
  Fixture f;
  const auto& a = f.resolve("../../../../../img/a.png");
  CHECK(a.status == pp::AssetStatus::Pending);
  CHECK(a.file == f.root / "img/a.png");
  CHECK(f.diags.count() == 0);
}

TEST_CASE("site-absolute paths resolve against the static roots") {
  Fixture f;
  CHECK(f.resolve("/img/a.png").file == f.root / "img/a.png");
  // Hugo: static/ is the root of site-absolute URLs.
  writeBytes(f.root / "static/img/s.png", f.png);
  f.t.site.staticRoots = {f.root / "static"};
  CHECK(f.resolve("/img/s.png").file == f.root / "static/img/s.png");
  CHECK(f.resolve("/img/a.png").status == pp::AssetStatus::Missing);  // not under static/
}

TEST_CASE("Hugo page-bundle resources resolve next to index.md") {
  Fixture f;
  fs::path bundle = f.root / "content/blog/2025-01-01-x";
  writeBytes(bundle / "index.md", "x");
  writeBytes(bundle / "images/pic.png", f.png);
  f.t.post.file = bundle / "index.md";
  f.t.post.bundleDir = bundle;
  f.t.post.permalinkPath = "/blog/2025/01/01/x/";
  CHECK(f.resolve("images/pic.png").file == bundle / "images/pic.png");
  CHECK(f.resolve("./images/pic.png").file == bundle / "images/pic.png");
}

TEST_CASE("a relative path without a slash falls back to the site root (Jekyll front matter images)") {
  Fixture f;
  CHECK(f.resolve("img/a.png").file == f.root / "img/a.png");
}

TEST_CASE("the post file's folder is tried for editor-style relative paths") {
  Fixture f;
  writeBytes(f.root / "_posts/local.png", f.png);
  CHECK(f.resolve("local.png").file == f.root / "_posts/local.png");
}

TEST_CASE("baseurl prefixes: Liquid left in place and a literal leading baseurl") {
  Fixture f;
  f.t.site.baseurl = "/blog";
  CHECK(f.resolve("/blog/img/a.png").file == f.root / "img/a.png");
  CHECK(f.resolve("{{ site.baseurl }}/img/a.png").file == f.root / "img/a.png");
  CHECK(f.resolve("{{site.baseurl}}/img/a.png").file == f.root / "img/a.png");
}

TEST_CASE("query strings and fragments are dropped, percent-encoding decoded, spaces and parentheses kept") {
  Fixture f;
  CHECK(f.resolve("/img/a.png?v=2#top").file == f.root / "img/a.png");
  CHECK(f.resolve("/my%20dir/space%20%281%29.png").file == f.root / "my dir/space (1).png");
  CHECK(f.resolve("/my dir/space (1).png").file == f.root / "my dir/space (1).png");
  CHECK(f.resolve("../../../../my dir/space (1).png").file == f.root / "my dir/space (1).png");
}

TEST_CASE("a URL on the site's own domain maps to the local file") {
  Fixture f;
  f.t.site.url = "https://example.org";
  CHECK(f.resolve("https://example.org/img/a.png").file == f.root / "img/a.png");
  CHECK(f.resolve("http://www.example.org/img/a.png?x=1").file == f.root / "img/a.png");
  CHECK(f.resolve("//example.org/img/a.png").file == f.root / "img/a.png");
  f.t.site.baseurl = "/blog";
  CHECK(f.resolve("https://example.org/blog/img/a.png").file == f.root / "img/a.png");
  CHECK(f.diags.count() == 0);
}

TEST_CASE("remote URLs are not fetched by default: status Remote and a located warning") {
  Fixture f;
  const auto& a = f.resolve("https://images.example.net/x.png", 3, 7);
  CHECK(a.status == pp::AssetStatus::Remote);
  CHECK(a.url == "https://images.example.net/x.png");
  REQUIRE(f.diags.countCode("image-remote") == 1);
  auto d = f.diags.all().front();
  CHECK(d.loc.path == "_posts/2025-01-01-post.md");
  CHECK(d.loc.line == 8);
  CHECK(d.loc.col == 7);
  f.store.process(f.diags);
  CHECK(f.store.stats().fetched == 0);
}

TEST_CASE("not found: paths leading outside the root and absolute file paths; refused: file: URLs") {
  Fixture f;
  const std::vector<std::string> outside{"../../../../../../../../../../etc/passwd",
                                         "../../../../../../../../../../etc/no-such-file", "/etc/hostname",
                                         "/etc/no-such-file", "/../../../../etc/passwd"};
  for (const std::string& src : outside) {
    CAPTURE(src);
    const auto& a = f.resolve(src);
    CHECK(a.status == pp::AssetStatus::Missing);
    CHECK(a.file.empty());
  }
  CHECK(f.resolve("file:///etc/passwd").status == pp::AssetStatus::Refused);
  CHECK(f.diags.countCode("image-missing") == 5);
  CHECK(f.diags.countCode("image-refused") == 1);
  // One outside that exists and one that does not get the same diagnostic (apart from the
  // name), so the diagnostics are no oracle.
  std::vector<std::string> messages;
  for (const auto& d : f.diags.all())
    if (d.code == "image-missing") messages.push_back(d.message);
  REQUIRE(messages.size() == 5);
  CHECK(pp::replaceAll(messages[0], "passwd", "NAME") == pp::replaceAll(messages[1], "no-such-file", "NAME"));
  CHECK(pp::replaceAll(messages[2], "hostname", "NAME") == pp::replaceAll(messages[3], "no-such-file", "NAME"));
}

TEST_CASE("an outside file that exists reads exactly as one that does not") {
  Fixture f;
  TempDir outside;
  writeBytes(outside / "there.png", f.png);
  const std::string there = f.resolve((outside / "there.png").string()).message;
  const std::string absent = f.resolve((outside / "absent.png").string()).message;
  CHECK(there.find("image not found") != std::string::npos);
  CHECK(pp::replaceAll(there, "there", "NAME") == pp::replaceAll(absent, "absent", "NAME"));
}

TEST_CASE("not found: symlinks leaving the root, symlink loops, fifos and folders") {
  Fixture f;
  TempDir outside;
  writeBytes(outside / "secret.png", f.png);
  fs::create_symlink(outside / "secret.png", f.root / "img/escape.png");
  fs::create_symlink(outside.path(), f.root / "img/outdir");
  fs::create_symlink(f.root / "img/loop2.png", f.root / "img/loop1.png");
  fs::create_symlink(f.root / "img/loop1.png", f.root / "img/loop2.png");
  REQUIRE(::mkfifo((f.root / "img/fifo.png").c_str(), 0600) == 0);
  fs::create_directories(f.root / "img/dir.png");
  fs::create_symlink(f.root / "img/a.png", f.root / "img/inside-link.png");

  for (std::string src : {"/img/escape.png", "/img/outdir/secret.png", "/img/loop1.png", "/img/fifo.png", "/img/dir.png"}) {
    CAPTURE(src);
    CHECK(f.resolve(src).status == pp::AssetStatus::Missing);
  }
  // A symlink that stays inside the root is fine.
  CHECK(f.resolve("/img/inside-link.png").status == pp::AssetStatus::Pending);
  f.store.process(f.diags);
  CHECK(f.store.stats().decoded == 1);
}

TEST_CASE("missing files are reported with the post's file, line and column") {
  Fixture f;
  const auto& a = f.resolve("/img/nope.png", 10, 3);
  CHECK(a.status == pp::AssetStatus::Missing);
  REQUIRE(f.diags.countCode("image-missing") == 1);
  auto d = f.diags.all().front();
  CHECK(pp::formatDiagnostic(d).find("_posts/2025-01-01-post.md:15:3: warning:") == 0);
  CHECK(d.message.find("/img/nope.png") != std::string::npos);
}

TEST_CASE("the same file referenced twice gets one id; unsupported schemes are reported") {
  Fixture f;
  int a = f.store.resolve(f.t.site, f.t.post, "/img/a.png", {}, f.diags);
  int b = f.store.resolve(f.t.site, f.t.post, "../../../../img/a.png?x", {}, f.diags);
  CHECK(a == b);
  CHECK(f.resolve("javascript:alert(1)").status == pp::AssetStatus::Unsupported);
  CHECK(f.resolve("").status == pp::AssetStatus::Missing);
}

TEST_CASE("data: URIs, base64 and percent-encoded") {
  Fixture f;
  const std::string enc = base64(f.png);
  int png = f.store.resolve(f.t.site, f.t.post, "data:image/png;base64," + enc, {}, f.diags);
  int svg = f.store.resolve(f.t.site, f.t.post,
                            "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='20'%3E"
                            "%3Crect width='40' height='20' fill='red'/%3E%3C/svg%3E",
                            {}, f.diags);
  int bad = f.store.resolve(f.t.site, f.t.post, "data:image/png;base64,!!!!", {}, f.diags);
  f.store.process(f.diags);
  CHECK(f.store.at(png).ok());
  CHECK(f.store.at(png).width == 8);
  CHECK(f.store.at(svg).ok());
  CHECK(f.store.at(svg).format == "svg");
  CHECK(f.store.at(svg).width == 40);
  CHECK_FALSE(f.store.at(bad).ok());
}

TEST_CASE("resolveDocument sets every ImageRef's asset id and locates diagnostics") {
  Fixture f;
  pp::Document doc = figureAndInline("/img/a.png", "missing.png");
  f.store.resolveDocument(f.t.site, f.t.post, doc, f.diags);
  CHECK(doc.blocks[0].image.asset >= 0);
  CHECK(f.store.at(doc.blocks[0].image.asset).file == f.root / "img/a.png");
  const int missing = doc.blocks[1].inlines[0].image.asset;
  REQUIRE(missing >= 0);
  CHECK(f.store.at(missing).status == pp::AssetStatus::Missing);
  auto d = f.diags.all();
  REQUIRE(d.size() == 1);
  CHECK(d[0].loc.line == 9);
  CHECK(d[0].loc.col == 9);
}

// prepareDocument does resolveDocument's file-system work ahead (on the thread that parsed the
// post); registering what it found gives the same assets, ids and diagnostics, and a reference
// changed after it was prepared is looked up again, not given another's file.
TEST_CASE("resolveDocument with the images prepared ahead: the same assets; a changed reference found anew") {
  Fixture plain, ahead;
  pp::Document a = figureAndInline("/img/a.png", "missing.png"), b = figureAndInline("/img/a.png", "missing.png");
  plain.store.resolveDocument(plain.t.site, plain.t.post, a, plain.diags);
  pp::PreparedImages prepared = ahead.store.prepareDocument(ahead.t.site, ahead.t.post, b);
  CHECK(ahead.diags.all().empty());  // preparing reports nothing: registering does, in order
  ahead.store.resolveDocument(ahead.t.site, ahead.t.post, b, ahead.diags, &prepared);
  CHECK(b.blocks[0].image.asset == a.blocks[0].image.asset);
  CHECK(ahead.store.at(b.blocks[0].image.asset).file == ahead.root / "img/a.png");
  CHECK(plain.store.at(a.blocks[0].image.asset).file == plain.root / "img/a.png");
  CHECK(b.blocks[1].inlines[0].image.asset == a.blocks[1].inlines[0].image.asset);
  CHECK(ahead.store.at(b.blocks[1].inlines[0].image.asset).status == pp::AssetStatus::Missing);
  REQUIRE(ahead.diags.all().size() == plain.diags.all().size());
  CHECK(ahead.diags.all()[0].message == plain.diags.all()[0].message);

  // Prepared for one document, given another whose first reference differs: that one is
  // found anew (the prepared file is not taken for it).
  Fixture changed;
  pp::Document before = figureAndInline("missing-too.png", "/img/a.png"), after = figureAndInline("/img/a.png", "/img/a.png");
  pp::PreparedImages stale = changed.store.prepareDocument(changed.t.site, changed.t.post, before);
  changed.store.resolveDocument(changed.t.site, changed.t.post, after, changed.diags, &stale);
  CHECK(changed.store.at(after.blocks[0].image.asset).ok() == changed.store.at(after.blocks[1].inlines[0].image.asset).ok());
  CHECK(changed.store.at(after.blocks[0].image.asset).file == changed.root / "img/a.png");
  CHECK(changed.diags.all().empty());
}

TEST_CASE("data: URI base64: wrapped lines, both alphabets, padding, and what is not base64") {
  std::string payload, type, err;
  // "any carnal pleas" in standard base64, wrapped as e-mail bodies and editors wrap it.
  REQUIRE(pp::assets::decodeDataUri("data:text/plain;base64,YW55IGNh\r\n cm5hbCBw\tbGVhcw==", &payload, &type, &err,
                                    1u << 20));
  CHECK(payload == "any carnal pleas");
  CHECK(type == "text/plain");
  // 0xFB 0xFF: '+' '/' in the standard alphabet, '-' '_' in the URL-safe one.
  REQUIRE(pp::assets::decodeDataUri("data:;base64,+/8=", &payload, &type, &err, 1u << 20));
  CHECK(payload == "\xFB\xFF");
  REQUIRE(pp::assets::decodeDataUri("data:;base64,-_8", &payload, &type, &err, 1u << 20));
  CHECK(payload == "\xFB\xFF");
  err.clear();
  CHECK_FALSE(pp::assets::decodeDataUri("data:;base64,YW55*IGNh", &payload, &type, &err, 1u << 20));
  CHECK(err == "invalid base64 in data: URI");
}
