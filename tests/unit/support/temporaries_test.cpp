// Temporary files of outputs: unpredictable names created with O_EXCL (a planted link is never
// followed), names within 255 bytes whatever the target's, locks that tell live temporaries
// from those of dead processes, removal on every catchable signal, and output sets replaced
// together or not at all.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "postpress/support/files.h"
#include "postpress/support/interrupt.h"
#include "postpress/support/output_set.h"
#include "postpress/support/temporaries.h"

using namespace pp;
using pptest::TempDir;

namespace {

// Every name in a folder, hidden ones included.
std::vector<std::string> namesIn(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename().string());
  return out;
}

std::string contentOf(const fs::path& p) { return readFile(p).value_or("<missing>"); }

}  // namespace

TEST_CASE("an output whose name is 240 bytes long is written (its temporary's name fits in 255)") {
  TempDir dir;
  const fs::path target = dir.path / (std::string(236, 'd') + ".pdf");
  std::string err;
  CHECK(writeFileAtomic(target, "long name", &err));
  CHECK(err.empty());
  CHECK(contentOf(target) == "long name");
  // A name of multi-byte characters is cut at a character boundary.
  std::string name;
  for (int i = 0; i < 60; ++i) name += "\xF0\x9F\x98\x80";  // 240 bytes of emoji
  const std::string prefix = temporaryPrefixFor(dir.path / name);
  CHECK(prefix.size() + 6 <= 255);
  CHECK((prefix.size() - 6) % 4 == 0);  // "." + whole 4-byte characters + ".tmp-"
  CHECK(writeFileAtomic(dir.path / name, "emoji", &err));
}

TEST_CASE("links planted at predictable temporary names are never followed") {
  TempDir dir;
  const fs::path victim = dir.path / "victim.txt";
  REQUIRE(writeFileAtomic(victim, "precious"));
  const fs::path target = dir.path / "d.pdf";
  // The names earlier versions used: .NAME.tmp-PID-N.
  for (int n = 0; n < 8; ++n)
    fs::create_symlink(victim, dir.path / (".d.pdf.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(n)));
  for (int i = 0; i < 4; ++i) REQUIRE(writeFileAtomic(target, "output " + std::to_string(i)));
  CHECK(contentOf(victim) == "precious");
  CHECK(contentOf(target) == "output 3");
  CHECK_FALSE(fs::is_symlink(target));
}

TEST_CASE("two temporaries of one target have different, unguessable names") {
  TempDir dir;
  AtomicOutput a(dir.path / "x.epub"), b(dir.path / "x.epub");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.tempPath() != b.tempPath());
  CHECK(a.tempPath().filename().string().find(std::to_string(::getpid())) == std::string::npos);
}

TEST_CASE("stale temporaries of dead processes are removed; live ones are kept") {
  TempDir dir;
  const fs::path target = dir.path / "d.pdf";
  // A live one: created and locked by this process.
  Temporary live = createTemporary(target, TemporaryKind::File);
  REQUIRE(live.fd >= 0);
  // A dead process's (no lock held), a file and a staging folder with its content.
  const fs::path deadFile = dir.path / (temporaryPrefixFor(target) + "AbC123");
  const fs::path deadFolder = dir.path / (temporaryPrefixFor(target) + "zz9ZZ9");
  REQUIRE(writeFileAtomic(deadFile, std::string(1000, 'x')));
  fs::create_directories(deadFolder);
  REQUIRE(writeFileAtomic(deadFolder / "d.pdf", "half"));
  // An earlier version's, whose PID is gone.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const fs::path legacy = dir.path / (".d.pdf.tmp-" + std::to_string(child) + "-0");
  REQUIRE(writeFileAtomic(legacy, "old"));
  // Not ours: another target's temporary and an unrelated hidden file.
  const fs::path other = dir.path / (temporaryPrefixFor(dir.path / "e.pdf") + "AbC123");
  REQUIRE(writeFileAtomic(other, "other"));
  REQUIRE(writeFileAtomic(dir.path / ".d.pdf.swp", "editor"));

  CHECK(removeStaleTemporaries(target) == 3);
  CHECK(fs::exists(live.path));
  CHECK_FALSE(fs::exists(deadFile));
  CHECK_FALSE(fs::exists(deadFolder));
  CHECK_FALSE(fs::exists(legacy));
  CHECK(fs::exists(other));
  CHECK(fs::exists(dir.path / ".d.pdf.swp"));
  ::close(live.fd);  // its process "dies": now it is stale
  CHECK(removeStaleTemporaries(target) == 1);
  CHECK_FALSE(fs::exists(live.path));
}

TEST_CASE("every catchable signal that ends the process removes the temporaries") {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGALRM}) {
    CAPTURE(sig);
    TempDir dir;
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      struct rlimit noCore{0, 0};
      ::setrlimit(RLIMIT_CORE, &noCore);  // SIGQUIT and SIGXCPU would dump core
      // The child starts as postpress does, without doctest's crash handlers.
      for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXCPU, SIGALRM, SIGSEGV, SIGABRT}) ::signal(s, SIG_DFL);
      InterruptGuard guard;
      AtomicOutput out(dir.path / "d.pdf");
      OutputSet set({dir.path / "d.epub"});
      if (!out.ok() || set.stagedPath(0).empty() || !writeFileAtomic(set.stagedPath(0), "staged")) ::_exit(3);
      (void)!::write(ready[1], "r", 1);
      for (;;) ::pause();  // until the parent's signal ends it
    }
    char r = 0;
    ::close(ready[1]);
    REQUIRE(::read(ready[0], &r, 1) == 1);
    ::close(ready[0]);
    CHECK(namesIn(dir.path).size() == 2);  // the temporary and the staging folder
    ::kill(child, sig);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK(namesIn(dir.path).empty());
  }
}

TEST_CASE("an output set replaces all its files or none") {
  TempDir dir;
  const fs::path pdf = dir.path / "d.pdf", epub = dir.path / "d.epub";
  REQUIRE(writeFileAtomic(pdf, "old pdf"));
  REQUIRE(writeFileAtomic(epub, "old epub"));
  {
    OutputSet set({pdf, epub});
    REQUIRE(writeFileAtomic(set.stagedPath(1), "new epub"));  // the PDF's writer failed
  }
  CHECK(contentOf(pdf) == "old pdf");
  CHECK(contentOf(epub) == "old epub");
  CHECK(namesIn(dir.path).size() == 2);  // no staging folder left
  {
    OutputSet set({pdf, epub});
    REQUIRE(writeFileAtomic(set.stagedPath(0), "new pdf"));
    REQUIRE(writeFileAtomic(set.stagedPath(1), "new epub"));
    CHECK(contentOf(pdf) == "old pdf");  // nothing moves before commit
    std::string err;
    CHECK(set.commit(&err));
  }
  CHECK(contentOf(pdf) == "new pdf");
  CHECK(contentOf(epub) == "new epub");
  CHECK(namesIn(dir.path).size() == 2);
}
