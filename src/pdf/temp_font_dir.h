// A private temporary folder for the font files libharu loads (it reads fonts from files only):
// the subsets made for a document, removed with everything in it when the object dies (after
// libharu has written the PDF).
#pragma once

#include <filesystem>
#include <string>

namespace pp::pdf {

class TempFontDir {
 public:
  TempFontDir();
  ~TempFontDir();
  TempFontDir(const TempFontDir&) = delete;
  TempFontDir& operator=(const TempFontDir&) = delete;
  // Writes `bytes` to a new file in the folder; "" on failure.
  std::filesystem::path write(const std::string& bytes);

 private:
  std::filesystem::path dir_;
  int count_ = 0;
};

}  // namespace pp::pdf
