// postpress-docgen OUTDIR REPORT_STYLE VERSION: writes the manual pages (OUTDIR/man/) and the
// shell completions (OUTDIR/completions/) at build time. Not installed: only what it writes is.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/docgen/completions.h"
#include "cli/docgen/man_pages.h"

namespace fs = std::filesystem;

namespace {

bool write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  const fs::path temp = file.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << text;
    if (!out) return false;
  }
  fs::rename(temp, file);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: postpress-docgen OUTDIR REPORT_STYLE VERSION\n";
    return 2;
  }
  const fs::path out = argv[1];
  std::ifstream styleFile(argv[2], std::ios::binary);
  std::stringstream style;
  style << styleFile.rdbuf();
  if (!styleFile) {
    std::cerr << "postpress-docgen: cannot read " << argv[2] << "\n";
    return 1;
  }
  const std::string version = argv[3];
  using namespace pp::docgen;
  const bool ok = write(out / "man" / "postpress.1", commandManual(version)) &&
                  write(out / "man" / "postpress.yaml.5", configManual(version)) &&
                  write(out / "man" / "postpress-style.5", styleManual(version, style.str())) &&
                  write(out / "completions" / "postpress.bash", bashCompletion()) &&
                  write(out / "completions" / "_postpress", zshCompletion()) &&
                  write(out / "completions" / "postpress.fish", fishCompletion());
  if (!ok) std::cerr << "postpress-docgen: cannot write into " << out << "\n";
  return ok ? 0 : 1;
}
