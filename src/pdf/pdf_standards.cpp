// --pdf-standard's values as PdfStandards (postpress/pdf.h).
#include "postpress/pdf.h"

namespace pp {

std::optional<std::string> readPdfStandards(const std::vector<std::string>& names, PdfStandards& out) {
  bool none = false, ua1 = false;
  char level = 0;
  for (const std::string& name : names) {
    if (name == "none") {
      none = true;
    } else if (name == "ua-1") {
      ua1 = true;
    } else if (name == "a-2b" || name == "a-2u") {
      const char asked = name == "a-2b" ? 'B' : 'U';
      if (level && level != asked) return "names both a-2b and a-2u: a file has one PDF/A level";
      level = asked;
    }
  }
  if (none && (ua1 || level)) return "names none with another standard";
  out.ua1 = ua1;
  out.pdfaLevel = level;
  return std::nullopt;
}

}  // namespace pp
