// The confined reader: nothing outside the root is opened, whatever links and `..` say, only
// regular files are, and what is refused looks like what is missing.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "postpress/support/files.h"

using namespace pp;

namespace {
struct Tree {
  fs::path base = fs::temp_directory_path() / ("pp-confined-test-" + std::to_string(::getpid()));
  fs::path root = base / "site";
  fs::path outside = base / "outside";
  Tree() {
    fs::remove_all(base);
    fs::create_directories(root / "_includes");
    fs::create_directories(outside);
    writeFileAtomic(root / "_includes" / "note.md", "inside", nullptr, Durability::Unsynced);
    writeFileAtomic(outside / "secret", "SECRET", nullptr, Durability::Unsynced);
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(base, ec);
  }
};
}  // namespace

TEST_CASE("readConfined reads files inside the root, by relative or absolute path") {
  Tree t;
  CHECK(readConfined(t.root, "_includes/note.md") == "inside");
  CHECK(readConfined(t.root, t.root / "_includes" / "note.md") == "inside");
  CHECK(readConfined(t.root, t.root / "_includes" / ".." / "_includes" / "note.md") == "inside");
  // A link that stays inside is followed, relative or absolute.
  fs::create_symlink("_includes/note.md", t.root / "relative-link");
  fs::create_symlink(t.root / "_includes" / "note.md", t.root / "absolute-link");
  CHECK(readConfined(t.root, "relative-link") == "inside");
  CHECK(readConfined(t.root, "absolute-link") == "inside");
  CHECK(isConfinedFile(t.root, t.root / "absolute-link"));
  CHECK(openConfined(t.root, "absolute-link")->view() == "inside");
  CHECK(hashConfined(t.root, "relative-link").has_value());
}

TEST_CASE("readConfined refuses what leaves the root, alike for existing and missing files") {
  Tree t;
  fs::create_symlink(t.outside / "secret", t.root / "file-link");
  fs::create_symlink(t.outside, t.root / "folder-link");
  fs::create_symlink("../outside/secret", t.root / "relative-out");
  std::string missing, outsideErr;
  CHECK_FALSE(readConfined(t.root, "nothing-here", &missing));
  for (const fs::path& p : {fs::path("file-link"), fs::path("folder-link/secret"), fs::path("relative-out"),
                            fs::path("../outside/secret"), t.outside / "secret", fs::path("/etc/passwd")}) {
    CAPTURE(p);
    outsideErr.clear();
    CHECK_FALSE(readConfined(t.root, p, &outsideErr));
    CHECK(outsideErr == missing);
    CHECK_FALSE(openConfined(t.root, p));
    CHECK_FALSE(hashConfined(t.root, p));
    CHECK_FALSE(isConfinedFile(t.root, p));
  }
  CHECK(missing == kNotInSite);
}

TEST_CASE("readConfined opens regular files only: a FIFO does not block, a folder is refused") {
  Tree t;
  REQUIRE(::mkfifo((t.root / "fifo").c_str(), 0600) == 0);
  const auto start = std::chrono::steady_clock::now();
  std::string err;
  CHECK_FALSE(readConfined(t.root, "fifo", &err));
  CHECK(err == kNotInSite);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK_FALSE(readConfined(t.root, "_includes"));
  CHECK_FALSE(readConfined(t.root, t.root));
}

TEST_CASE("readConfined keeps the size limit") {
  Tree t;
  std::string err;
  CHECK_FALSE(readConfined(t.root, "_includes/note.md", &err, 3));
  CHECK(err.find("limit") != std::string::npos);
}

TEST_CASE("confinedFolder accepts folders of the site only") {
  Tree t;
  fs::create_symlink(t.outside, t.root / "folder-link");
  fs::create_symlink("_includes", t.root / "inside-link");
  CHECK(confinedFolder(t.root, "_includes") == t.root / "_includes");
  CHECK(confinedFolder(t.root, "inside-link") == t.root / "inside-link");
  CHECK_FALSE(confinedFolder(t.root, "/etc"));
  CHECK_FALSE(confinedFolder(t.root, "../../x"));
  CHECK_FALSE(confinedFolder(t.root, "../outside"));
  CHECK_FALSE(confinedFolder(t.root, "folder-link"));
  CHECK_FALSE(confinedFolder(t.root, "_includes/note.md"));
  CHECK_FALSE(confinedFolder(t.root, "missing"));
}
