// FileWatcher: a save (written and closed, or renamed over the old file), a deletion and a new
// folder are reported with their paths; nothing is reported when nothing changed; subfolders
// are not watched until asked; the folder limit holds.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "../common/temp_dir.h"
#include "postpress/support/file_watcher.h"

using namespace pp;
using namespace std::chrono_literals;

namespace {

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

// Everything reported within a short while (a change is queued before wait() is called).
std::vector<FileChange> drain(FileWatcher& w) {
  std::vector<FileChange> all;
  for (auto got = w.wait(200ms); !got.empty(); got = w.wait(50ms)) all.insert(all.end(), got.begin(), got.end());
  return all;
}

bool reports(const std::vector<FileChange>& changes, const fs::path& p) {
  return std::any_of(changes.begin(), changes.end(), [&p](const FileChange& c) { return c.path == p; });
}

}  // namespace

TEST_CASE("a written file, a file renamed into place and a deleted file are changes") {
  pptest::TempDir dir;
  write(dir.path / "old.md", "a");
  FileWatcher w;
  REQUIRE(w.ok());
  REQUIRE(w.watch(dir.path));
  CHECK(w.wait(50ms).empty());

  write(dir.path / "post.md", "hello");
  CHECK(reports(drain(w), dir.path / "post.md"));

  write(dir.path / ".post.md.tmp-abc", "new text");  // an editor's save: a new file renamed over the old one
  fs::rename(dir.path / ".post.md.tmp-abc", dir.path / "post.md");
  CHECK(reports(drain(w), dir.path / "post.md"));

  fs::remove(dir.path / "old.md");
  CHECK(reports(drain(w), dir.path / "old.md"));
}

TEST_CASE("a new folder is reported as one; its contents only once it is watched") {
  pptest::TempDir dir;
  FileWatcher w;
  REQUIRE(w.watch(dir.path));
  fs::create_directory(dir.path / "bundle");
  const auto changes = drain(w);
  REQUIRE(reports(changes, dir.path / "bundle"));
  CHECK(std::find_if(changes.begin(), changes.end(), [](const FileChange& c) { return c.folderCreated; }) != changes.end());

  write(dir.path / "bundle" / "index.md", "x");
  CHECK(drain(w).empty());
  REQUIRE(w.watch(dir.path / "bundle"));
  write(dir.path / "bundle" / "index.md", "y");
  CHECK(reports(drain(w), dir.path / "bundle" / "index.md"));
}

TEST_CASE("no more folders than the limit; watching a folder twice counts once") {
  pptest::TempDir dir;
  for (const char* name : {"a", "b", "c"}) fs::create_directory(dir.path / name);
  FileWatcher w(2);
  CHECK(w.watch(dir.path / "a"));
  CHECK(w.watch(dir.path / "a"));
  CHECK(w.watch(dir.path / "b"));
  CHECK(w.full());
  CHECK_FALSE(w.watch(dir.path / "c"));
  CHECK(w.size() == 2);
  CHECK_FALSE(w.watch(dir.path / "missing"));
}

TEST_CASE("when the kernel drops changes, the loss is reported as a change") {
  // inotify(7): once max_queued_events are queued unread, further events are dropped and one
  // IN_Q_OVERFLOW is queued. Each new file queues two (created, written and closed).
  long queued = 0;
  std::ifstream("/proc/sys/fs/inotify/max_queued_events") >> queued;
  if (queued <= 0 || queued > 100000) {
    MESSAGE("skipped: max_queued_events is " << queued);
    return;
  }
  pptest::TempDir dir;
  FileWatcher w;
  REQUIRE(w.watch(dir.path));
  for (long k = 0; k < queued / 2 + 64; ++k) write(dir.path / ("f" + std::to_string(k)), "");
  const auto changes = drain(w);
  CHECK(std::count_if(changes.begin(), changes.end(), [](const FileChange& c) { return c.lost && c.path.empty(); }) == 1);
}

TEST_CASE("a watched folder that is deleted is a change, and stops being watched") {
  pptest::TempDir dir;
  fs::create_directory(dir.path / "site");
  FileWatcher w;
  REQUIRE(w.watch(dir.path / "site"));
  REQUIRE(w.size() == 1);
  fs::remove(dir.path / "site");
  CHECK(reports(drain(w), dir.path / "site"));
  CHECK(w.size() == 0);
}
