// The default cache folder follows the XDG rules and is never a shared temporary folder.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "postpress/driver.h"

namespace fs = std::filesystem;

namespace {

// Sets (or unsets, with nullopt) an environment variable for a scope.
class EnvVar {
 public:
  EnvVar(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value->c_str(), 1);
    else ::unsetenv(name);
  }
  ~EnvVar() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the default cache folder: XDG_CACHE_HOME, ~/.cache, the password database, never /tmp") {
  {
    EnvVar xdg("XDG_CACHE_HOME", "/xdg/cache"), home("HOME", "/home/someone");
    CHECK(pp::defaultCacheDir() == "/xdg/cache/postpress");
  }
  {
    // A relative XDG_CACHE_HOME is ignored, as the specification says.
    EnvVar xdg("XDG_CACHE_HOME", "relative/cache"), home("HOME", "/home/someone");
    CHECK(pp::defaultCacheDir() == "/home/someone/.cache/postpress");
  }
  {
    EnvVar xdg("XDG_CACHE_HOME", std::nullopt), home("HOME", std::nullopt), tmp("TMPDIR", "/tmp");
    const fs::path dir = pp::defaultCacheDir();
    const std::string temp = fs::temp_directory_path().string();
    CHECK(dir.string().rfind(temp, 0) != 0);
    CHECK(dir.string().rfind("/tmp", 0) != 0);
    if (!dir.empty()) CHECK(dir.filename() == "postpress");
  }
}

TEST_CASE("an output outside its configuration's folder, or over an input, is refused") {
  const fs::path dir = fs::temp_directory_path() / ("pp-output-problem-" + std::to_string(::getpid()));
  fs::create_directories(dir / "cfg");
  CHECK_FALSE(pp::outputProblem(dir / "cfg/out/d.pdf", dir / "cfg", {}));
  CHECK(pp::outputProblem(dir / "cfg/../d.pdf", dir / "cfg", {}));
  CHECK_FALSE(pp::outputProblem(dir / "d.pdf", {}, {}));  // from the command line: anywhere
  {
    std::FILE* f = std::fopen((dir / "post.md").c_str(), "w");
    REQUIRE(f);
    std::fclose(f);
  }
  fs::create_symlink(dir / "post.md", dir / "link.json");
  CHECK(pp::outputProblem(dir / "post.md", {}, {dir / "post.md"}));
  CHECK(pp::outputProblem(dir / "link.json", {}, {dir / "post.md"}));
  CHECK_FALSE(pp::outputProblem(dir / "other.json", {}, {dir / "post.md"}));
  fs::remove_all(dir);
}
