// The cache and the worker pool: warm rebuilds decode nothing, identical content is stored
// once, output does not depend on the number of threads.
#include <mutex>
#include <set>
#include <sstream>

#include "support.h"

using namespace pptest;

namespace {

// A small mixed set: photos, graphics, alpha, SVG, a corrupt file, a duplicate under another name.
std::vector<std::string> writeSet(const fs::path& root) {
  std::vector<std::pair<std::string, std::string>> files{
      {"img/p1.jpg", makeJpeg(900, 600, photo(1))},
      {"img/p2.png", makeWebp(700, 500, 3, photo(2), false)},
      {"img/g1.png", makePng(500, 300, 4, halves({10, 20, 30, 255}, {0, 0, 0, 0}))},
      {"img/g2.gif", makeGif(40, 40, {[](int x, int y) { return (x / 10 + y / 10) % 3; }})},
      {"img/s.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'><circle cx='50' cy='50' r='40' fill='teal'/></svg>"},
      {"img/bad.png", std::string("\x89PNG\r\n\x1a\n", 8) + "garbage"},
      {"img/p1-copy.jpeg", makeJpeg(900, 600, photo(1))},
      {"img/p3.png", makePng(2000, 1500, 3, photo(3))},
  };
  std::vector<std::string> srcs;
  for (auto& [name, bytes] : files) {
    writeBytes(root / name, bytes);
    srcs.push_back("/" + name);
  }
  return srcs;
}

struct Outcome {
  std::vector<std::string> hashes;  // per asset: status + rendition hashes
  pp::AssetStore::Stats stats;
  std::vector<std::string> diags;
};

Outcome build(const TestSite& t, const std::vector<std::string>& srcs, const fs::path& cache, int jobs) {
  pp::AssetStore store(optionsIn(cache, jobs));
  pp::DiagnosticSink diags;
  for (auto& s : srcs) store.resolve(t.site, t.post, s, t.post.loc(1, 1), diags);
  store.process(diags);
  Outcome o;
  for (std::size_t i = 0; i < store.size(); ++i) {
    const auto& a = store.at(static_cast<int>(i));
    std::string h = pp::assetStatusName(a.status);
    if (a.ok()) {
      std::string err;
      h += " " + pp::contentHash(*pp::readFile(a.pdf.file, &err)) + " " + pp::contentHash(*pp::readFile(a.epub.file, &err));
      CHECK(a.pdf.hash == pp::contentHash(*pp::readFile(a.pdf.file, &err)));
    }
    o.hashes.push_back(h);
  }
  o.stats = store.stats();
  for (auto& d : diags.all()) o.diags.push_back(pp::formatDiagnostic(d));
  return o;
}

}  // namespace

TEST_CASE("a warm rebuild decodes nothing and gives the same renditions") {
  TempDir dir;
  TestSite t(dir / "site");
  auto srcs = writeSet(dir / "site");
  Outcome cold = build(t, srcs, dir / "cache", 2);
  CHECK(cold.stats.decoded == 7);  // 8 files, one a byte-identical copy
  CHECK(cold.stats.failed == 1);
  Outcome warm = build(t, srcs, dir / "cache", 2);
  CHECK(warm.stats.decoded == 0);
  CHECK(warm.stats.cacheHits == 8);  // every image, the copy included
  CHECK(warm.hashes == cold.hashes);
  CHECK(warm.diags == cold.diags);  // the corrupt file is still reported, from the cache
}

TEST_CASE("identical content under two names is processed and stored once") {
  TempDir dir;
  TestSite t(dir / "site");
  auto srcs = writeSet(dir / "site");
  pp::AssetStore store(optionsIn(dir / "cache", 2));
  pp::DiagnosticSink diags;
  int a = store.resolve(t.site, t.post, "/img/p1.jpg", {}, diags);
  int b = store.resolve(t.site, t.post, "/img/p1-copy.jpeg", {}, diags);
  CHECK(a != b);
  store.process(diags);
  CHECK(store.stats().decoded == 1);
  CHECK(store.at(a).pdf.file == store.at(b).pdf.file);
  CHECK(store.at(a).epub.file == store.at(b).epub.file);
  std::set<fs::path> files;
  for (auto& e : fs::directory_iterator(dir / "cache/images")) files.insert(e.path());
  // 900 x 600 fits both targets: the PDF and EPUB renditions are the same JPEG, stored once.
  CHECK(store.at(a).pdf.file == store.at(a).epub.file);
  CHECK(files.size() == 1);
}

TEST_CASE("output is identical whatever the number of threads") {
  TempDir dir;
  TestSite t(dir / "site");
  auto srcs = writeSet(dir / "site");
  Outcome one = build(t, srcs, dir / "cache1", 1);
  Outcome two = build(t, srcs, dir / "cache2", 2);
  Outcome four = build(t, srcs, dir / "cache4", 4);
  CHECK(one.hashes == two.hashes);
  CHECK(one.hashes == four.hashes);
  CHECK(one.diags == two.diags);
  CHECK(one.diags == four.diags);
}

TEST_CASE("changed parameters or changed bytes miss the cache; a damaged cache is rebuilt") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "site/img/p.jpg", makeJpeg(800, 600, photo()));
  std::vector<std::string> srcs{"/img/p.jpg"};
  CHECK(build(t, srcs, dir / "cache", 1).stats.decoded == 1);
  {
    pp::AssetOptions o = optionsIn(dir / "cache");
    o.jpegQuality = 60;
    pp::AssetStore store(o);
    pp::DiagnosticSink d;
    store.resolve(t.site, t.post, "/img/p.jpg", {}, d);
    store.process(d);
    CHECK(store.stats().decoded == 1);
  }
  writeBytes(dir / "site/img/p.jpg", makeJpeg(800, 600, photo(9)));
  CHECK(build(t, srcs, dir / "cache", 1).stats.decoded == 1);
  // Truncate every cached rendition: the next build notices and redoes the work.
  for (auto& e : fs::directory_iterator(dir / "cache/images")) fs::resize_file(e.path(), 0);
  Outcome again = build(t, srcs, dir / "cache", 1);
  CHECK(again.stats.decoded == 1);
  CHECK(again.hashes[0].rfind("ok", 0) == 0);
}

TEST_CASE("an unusable cache folder is a warning; the images are still made") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "site/img/p.png", makePng(10, 10, 3, halves()));
  writeBytes(dir / "not-a-dir", "x");
  pp::AssetStore store(optionsIn(dir / "not-a-dir/cache"));
  pp::DiagnosticSink diags;
  int id = store.resolve(t.site, t.post, "/img/p.png", {}, diags);
  store.process(diags);
  CHECK(store.at(id).ok());
  CHECK(diags.countCode("image-cache") == 1);
  CHECK(diags.errorCount() == 0);
}

TEST_CASE("a rendition with flipped bytes is a miss, made and written again") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "site/img/p.jpg", makeJpeg(300, 200, photo()));
  writeBytes(dir / "site/img/g.png", makePng(64, 64, 4, halves({10, 20, 30, 255}, {0, 0, 0, 0})));
  const std::vector<std::string> srcs{"/img/p.jpg", "/img/g.png"};
  const Outcome cold = build(t, srcs, dir / "cache", 1);
  for (auto& e : fs::directory_iterator(dir / "cache/images")) {
    std::string bytes = *pp::readFile(e.path());
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
    writeBytes(e.path(), bytes);
  }
  const Outcome damaged = build(t, srcs, dir / "cache", 1);
  CHECK(damaged.stats.decoded == 2);
  CHECK(damaged.hashes == cold.hashes);
  CHECK(build(t, srcs, dir / "cache", 1).stats.decoded == 0);  // repaired
}

// Rewrites the rendition lines ("pdf ..." and "epub ...": name codec width height components
// hash file alpha) of every entry with `edit`, and signs the entry again with a valid check
// line, as an attacker who can write the cache can. Returns the number of entries rewritten.
template <class Edit>
int forgeEntries(const fs::path& cache, Edit edit) {
  int rewritten = 0;
  for (auto& e : fs::directory_iterator(cache / "entries")) {
    std::string text = *pp::readFile(e.path());
    text.erase(text.rfind("check "));
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("epub ", 0) == 0 || line.rfind("pdf ", 0) == 0) {
        std::istringstream f(line);
        std::vector<std::string> w;
        for (std::string x; f >> x;) w.push_back(x);
        edit(w);
        line.clear();
        for (auto& x : w) line += (line.empty() ? "" : " ") + x;
      }
      out += line + "\n";
    }
    out += "check " + pp::contentHash(out) + "\n";
    writeBytes(e.path(), out);
    ++rewritten;
  }
  return rewritten;
}

TEST_CASE("an entry naming a file outside the cache's images folder is a miss") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "site/img/p.png", makePng(40, 30, 3, halves()));
  const Outcome cold = build(t, {"/img/p.png"}, dir / "cache", 1);
  // Another picture outside the cache, under the name an attacker would give the entry.
  writeBytes(dir / "outside.png", makePng(40, 30, 3, halves({200, 0, 0, 255}, {0, 200, 0, 255})));
  const std::string outsideHash = pp::contentHash(*pp::readFile(dir / "outside.png"));
  REQUIRE(forgeEntries(dir / "cache", [&](std::vector<std::string>& w) {
            w[6] = "../../outside.png";
            w[5] = outsideHash;
          }) == 1);
  const Outcome poisoned = build(t, {"/img/p.png"}, dir / "cache", 1);
  CHECK(poisoned.stats.decoded == 1);
  CHECK(poisoned.hashes == cold.hashes);
}

TEST_CASE("a signed entry with sizes no rendition has is a miss") {
  // Found by fuzz_cache_entry: a negative width times a negative height is a positive area.
  const std::vector<std::pair<int, std::string>> forged = {
      {2, "-40"}, {3, "-30"}, {2, "0"}, {4, "0"}, {4, "7"}, {2, "x"}};
  for (const auto& [field, value] : forged) {
    CAPTURE(field);
    CAPTURE(value);
    TempDir dir;
    TestSite t(dir / "site");
    writeBytes(dir / "site/img/p.png", makePng(40, 30, 3, halves()));
    const Outcome cold = build(t, {"/img/p.png"}, dir / "cache", 1);
    REQUIRE(forgeEntries(dir / "cache", [&](std::vector<std::string>& w) {
              w[static_cast<std::size_t>(field)] = value;
              if (field == 2) w[3] = value;  // both sides
            }) == 1);
    const Outcome again = build(t, {"/img/p.png"}, dir / "cache", 1);
    CHECK(again.stats.decoded == 1);
    CHECK(again.hashes == cold.hashes);
  }
}

TEST_CASE("an entry with a damaged line is a miss") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "site/img/p.png", makePng(40, 30, 3, halves()));
  build(t, {"/img/p.png"}, dir / "cache", 1);
  for (auto& e : fs::directory_iterator(dir / "cache/entries")) {
    std::string text = *pp::readFile(e.path());
    text[text.find("size ") + 5] ^= 0x01;  // a width one off
    writeBytes(e.path(), text);
  }
  CHECK(build(t, {"/img/p.png"}, dir / "cache", 1).stats.decoded == 1);
}

TEST_CASE("a cache folder other users may write into, or another user's, is not used") {
  TempDir dir;
  TestSite t(dir / "site");
  writeBytes(dir / "site/img/p.png", makePng(10, 10, 3, halves()));
  fs::create_directories(dir / "shared");
  fs::permissions(dir / "shared", fs::perms::all);
  pp::AssetStore store(optionsIn(dir / "shared"));
  pp::DiagnosticSink diags;
  const int id = store.resolve(t.site, t.post, "/img/p.png", {}, diags);
  store.process(diags);
  CHECK(store.at(id).ok());
  CHECK(diags.countCode("image-cache") == 1);
  CHECK(store.options().cacheDir != dir / "shared");
  CHECK_FALSE(fs::exists(dir / "shared/images"));
}

TEST_CASE("progress is told once per image converted, from the workers, and not for cache hits") {
  TempDir dir;
  TestSite t(dir / "site");
  const auto srcs = writeSet(dir / "site");
  const fs::path cache = dir / "cache";
  for (int round = 0; round < 2; ++round) {
    std::mutex m;
    std::vector<std::pair<std::size_t, std::size_t>> told;
    pp::AssetOptions options = optionsIn(cache, 4);
    options.progress = [&](std::size_t done, std::size_t total) {
      std::lock_guard<std::mutex> lock(m);
      told.emplace_back(done, total);
    };
    pp::AssetStore store(options);
    pp::DiagnosticSink diags;
    for (auto& s : srcs) store.resolve(t.site, t.post, s, t.post.loc(1, 1), diags);
    store.process(diags);
    if (round == 1) {
      CHECK(told.empty());  // a warm build converts nothing
      continue;
    }
    // Eight files, one a copy of another: seven conversions (the corrupt one included).
    REQUIRE(told.size() == 7);
    std::set<std::size_t> done;
    for (auto [d, total] : told) {
      CHECK(total == 7);
      done.insert(d);
    }
    CHECK(done == std::set<std::size_t>{1, 2, 3, 4, 5, 6, 7});
  }
}
