// Resolution on the generator fixtures of tests/data/sites/: translated posts that name their
// original's images, post-relative paths that leave the post's folder, per-language static
// folders, Pelican's link markers.
#include "assets/resolve.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;

pp::Site fixtureSite(const char* name) {
  pp::DiagnosticSink diags;
  pp::SiteOptions opts;
  opts.root = fs::path(PP_TEST_DATA) / "sites" / name;
  return pp::loadSite(opts, diags);
}

const pp::Post& postAt(const pp::Site& s, const std::string& path) {
  for (const pp::Post& p : s.posts)
    if (p.path == path) return p;
  FAIL("no post " << path);
  return s.posts.front();
}

fs::path resolved(const pp::Site& s, const pp::Post& p, const char* src) {
  pp::assets::Resolution r = pp::assets::resolveImageSource(s, p, src, 1 << 20);
  INFO(src << ": " << r.message);
  CHECK(r.kind == pp::assets::Resolution::Kind::File);
  return r.file;
}

}  // namespace

TEST_CASE("a translated Hugo bundle finds an image only the default language's bundle has") {
  pp::Site s = fixtureSite("hugo-i18n");
  const pp::Post& ja = postAt(s, "content/ja/blog/2025/otel-diagram/index.md");
  CHECK(resolved(s, ja, "diagram.png") == s.root / "content/en/blog/2025/otel-diagram/diagram.png");
  CHECK(resolved(s, ja, "featured.png") == s.root / "content/en/blog/2025/otel-diagram/featured.png");
  // The Japanese static mount first, then the shared static folder.
  CHECK(resolved(s, ja, "/img/localized.png") == s.root / "static_ja/img/localized.png");
  CHECK(resolved(s, ja, "/img/common.png") == s.root / "static/img/common.png");
  const pp::Post& en = postAt(s, "content/en/blog/2025/otel-diagram/index.md");
  CHECK(pp::assets::resolveImageSource(s, en, "/img/localized.png", 1 << 20).kind ==
        pp::assets::Resolution::Kind::Failed);
}

TEST_CASE("Docusaurus: post-relative images anywhere inside the site root, and translations' originals") {
  pp::Site s = fixtureSite("docusaurus-i18n");
  const pp::Post& notes = postAt(s, "blog/2024-02-01-release-notes.md");
  CHECK(resolved(s, notes, "../docs/resources/architecture.png") == s.root / "docs/resources/architecture.png");
  const pp::Post& zh = postAt(s, "i18n/zh/docusaurus-plugin-content-blog/2024-01-15-welcome/index.md");
  CHECK(resolved(s, zh, "./hero.png") == s.root / "blog/2024-01-15-welcome/hero.png");
  CHECK(resolved(s, zh, "../../docs/resources/architecture.png") == s.root / "docs/resources/architecture.png");
  // Still confined to the site root: a path climbing above it is refused or missing, never read.
  auto r = pp::assets::resolveImageSource(s, notes, "../../../../../../etc/passwd", 1 << 20);
  CHECK(r.kind == pp::assets::Resolution::Kind::Failed);
}

TEST_CASE("Pelican: {static}, {filename} and {attach} name files of the content folder") {
  pp::Site s = fixtureSite("pelican");
  const pp::Post& p = postAt(s, "content/articles/my-super-post.md");
  CHECK(resolved(s, p, "{static}/images/han.png") == s.root / "content/images/han.png");
  CHECK(resolved(s, p, "{filename}/images/han.png") == s.root / "content/images/han.png");
  CHECK(resolved(s, p, "{attach}attached.png") == s.root / "content/articles/attached.png");
  CHECK(resolved(s, p, "|static|/images/han.png") == s.root / "content/images/han.png");
}

// Vite and webpack resolve tsconfig `paths` aliases in image paths as in imports
// (`heroImage: '@assets/x.png'`); Docusaurus's `@site/` is the site root. Confined all the same.
TEST_CASE("import path aliases: tsconfig paths (Astro), @site/ (Docusaurus)") {
  pp::Site astro = fixtureSite("astro");
  const pp::Post& first = postAt(astro, "src/content/blog/first-post.md");
  CHECK(resolved(astro, first, "@assets/blog-placeholder.png") == astro.root / "src/assets/blog-placeholder.png");
  CHECK(pp::assets::resolveImageSource(astro, first, "@assets/absent.png", 1 << 20).kind ==
        pp::assets::Resolution::Kind::Failed);
  CHECK(pp::assets::resolveImageSource(astro, first, "@assets/../../../../etc/passwd", 1 << 20).kind ==
        pp::assets::Resolution::Kind::Failed);
  pp::Site docusaurus = fixtureSite("docusaurus");
  const pp::Post& post = postAt(docusaurus, "blog/2024-03-01-first-post.md");
  CHECK(resolved(docusaurus, post, "@site/static/img/docusaurus-static.png") ==
        docusaurus.root / "static/img/docusaurus-static.png");
}
