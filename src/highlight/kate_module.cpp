// Finding and opening the Kate module (highlight/kate_engine.h).
#include <algorithm>
#include <optional>
#include <system_error>
#include <vector>

#include "highlight/kate_engine.h"
#include "postpress/support/lazy_library.h"

#ifndef POSTPRESS_MODULES_FROM_BINDIR
#define POSTPRESS_MODULES_FROM_BINDIR "../lib/postpress"
#endif

namespace pp::highlight {

namespace {

namespace fs = std::filesystem;

constexpr const char* kModuleName = "pp_kate.so";

// The module beside the running program, as the data folder is found (support/data_dir.cpp):
// the installed layout's bindir -> libdir step, then the build tree's lib/postpress for
// build/postpress (a sibling) and for build/tests/test_* and the like (one level down). Never
// a folder from the environment or the current directory: a library loaded is code run.
std::vector<fs::path> candidates() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  std::vector<fs::path> out;
  for (const char* rel : {POSTPRESS_MODULES_FROM_BINDIR, "lib/postpress", "../lib/postpress"}) {
    const fs::path file = (exe.parent_path() / rel / kModuleName).lexically_normal();
    if (std::find(out.begin(), out.end(), file) == out.end()) out.push_back(file);
  }
  return out;
}

// The module, opened once per process (a function-local static, as the dynamic loader's own
// table is) and never closed: the engines it made may live until exit.
class KateModule {
 public:
  KateModule() {
    const std::vector<fs::path> files = candidates();
    if (files.empty()) {
      error_ = "cannot find " + std::string(kModuleName) + ": the program's own location is unknown";
      return;
    }
    std::error_code ec;
    for (const fs::path& file : files) {
      if (!fs::is_regular_file(file, ec)) continue;
      library_.emplace(file.c_str());
      KateModuleVersionFn* version = nullptr;
      library_->bind(version, kKateModuleVersionSymbol);
      library_->bind(make_, kKateEngineNewSymbol);
      if (!library_->ok()) {
        make_ = nullptr;
        error_ = library_->error();
      } else if (version() != kKateModuleVersion) {
        make_ = nullptr;
        error_ = file.string() + " is another build's module (rebuild postpress)";
      }
      return;
    }
    error_ = "cannot find " + std::string(kModuleName) + " (looked in ";
    for (std::size_t i = 0; i < files.size(); ++i) error_ += (i ? ", " : "") + files[i].parent_path().string();
    error_ += ")";
  }
  KateModule(const KateModule&) = delete;
  KateModule& operator=(const KateModule&) = delete;

  std::unique_ptr<KateEngine> make(const fs::path& dataDir, std::string* error) const {
    if (!make_) {
      if (error) *error = error_;
      return nullptr;
    }
    std::unique_ptr<KateEngine> engine(make_(dataDir.c_str()));
    if (!engine && error) *error = "the Kate engine could not be made (out of memory?)";
    return engine;
  }

 private:
  std::optional<SharedLibrary> library_;
  KateEngineNewFn* make_ = nullptr;
  std::string error_;
};

}  // namespace

std::unique_ptr<KateEngine> openKateEngine(const fs::path& dataDir, std::string* error) {
  static const KateModule module;
  return module.make(dataDir, error);
}

}  // namespace pp::highlight
