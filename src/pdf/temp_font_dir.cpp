#include "pdf/temp_font_dir.h"

#include <stdlib.h>

#include <fstream>

namespace pp::pdf {

TempFontDir::TempFontDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "postpress-fonts-XXXXXX").string();
  if (char* d = mkdtemp(tmpl.data())) dir_ = d;
}

TempFontDir::~TempFontDir() {
  if (dir_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::filesystem::path TempFontDir::write(const std::string& bytes) {
  if (dir_.empty()) return {};
  std::filesystem::path p = dir_ / ("f" + std::to_string(count_++) + ".ttf");
  std::ofstream f(p, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) return {};
  return p;
}

}  // namespace pp::pdf
