// Finding the bundled data (postpress/support/files.h findDataDir): the environment variable
// first and alone, else relative to the running executable; never the source tree's path.
// The installed and moved layouts are exercised by tests/e2e/install.sh.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "postpress/support/files.h"

namespace fs = std::filesystem;

namespace {

// Sets (or unsets) POSTPRESS_DATA_DIR for one test and puts the old value back.
class DataDirVariable {
 public:
  explicit DataDirVariable(const std::optional<std::string>& value) {
    if (const char* old = std::getenv(kName)) old_ = old;
    if (value) ::setenv(kName, value->c_str(), 1);
    else ::unsetenv(kName);
  }
  ~DataDirVariable() {
    if (old_) ::setenv(kName, old_->c_str(), 1);
    else ::unsetenv(kName);
  }

 private:
  static constexpr const char* kName = "POSTPRESS_DATA_DIR";
  std::optional<std::string> old_;
};

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "pp-data-dir-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("without POSTPRESS_DATA_DIR the test binary finds the build tree's share/postpress") {
  DataDirVariable unset(std::nullopt);
  const pp::DataDirSearch search = pp::findDataDir();
  REQUIRE_FALSE(search.found.empty());
  CHECK_FALSE(search.fromEnvironment);
  CHECK(search.found.filename() == "postpress");
  CHECK(search.found.parent_path().filename() == "share");
  // Found beside the executable, not at the source tree's own fonts/ and styles/.
  CHECK(search.found != fs::path(PP_SOURCE_DIR).lexically_normal());
  CHECK(fs::is_regular_file(search.found / "fonts" / "CharisSIL-Regular.ttf"));
  CHECK(fs::is_regular_file(search.found / "styles" / "report.yaml"));
  CHECK(pp::dataDir() == search.found);
  CHECK(pp::describeMissingDataDir(search).empty());
}

TEST_CASE("POSTPRESS_DATA_DIR names the data folder and is the only place looked at") {
  ScratchDir scratch;
  fs::create_directories(scratch.path / "fonts");
  fs::create_directories(scratch.path / "styles");
  DataDirVariable set(scratch.path.string());
  const pp::DataDirSearch search = pp::findDataDir();
  CHECK(search.fromEnvironment);
  CHECK(search.found == scratch.path);
  CHECK(pp::dataDir() == scratch.path);
}

TEST_CASE("a POSTPRESS_DATA_DIR without fonts/ and styles/ is reported, with no fallback") {
  ScratchDir scratch;
  fs::create_directories(scratch.path / "fonts");  // styles/ missing
  DataDirVariable set(scratch.path.string());
  const pp::DataDirSearch search = pp::findDataDir();
  CHECK(search.found.empty());
  REQUIRE(search.tried.size() == 1);
  CHECK(search.tried.front() == scratch.path);
  const std::string why = pp::describeMissingDataDir(search);
  CHECK(why.find("POSTPRESS_DATA_DIR=" + scratch.path.string()) != std::string::npos);
  CHECK(why.find("fonts/ and styles/") != std::string::npos);
  // Callers that go on anyway get paths under the folder the user named.
  CHECK(pp::dataDir() == scratch.path);
}

TEST_CASE("the message for a data folder found nowhere names every folder tried") {
  pp::DataDirSearch search;
  search.tried = {"/opt/pp/share/postpress", "/opt/pp/bin/share/postpress"};
  const std::string why = pp::describeMissingDataDir(search);
  CHECK(why.find("/opt/pp/share/postpress, /opt/pp/bin/share/postpress") != std::string::npos);
  CHECK(why.find("POSTPRESS_DATA_DIR") != std::string::npos);
}
