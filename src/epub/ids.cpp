#include "epub/ids.h"

#include "epub/xml_text.h"

namespace pp::epub {

namespace {
// U+0001 cannot reach the output any other way: text() strips every C0 control.
constexpr char kMark = '\x01';
}  // namespace

std::string IdSet::claim(const std::string& base) {
  std::string id = base;
  for (int n = 2; used_.count(id); ++n) id = base + "-" + std::to_string(n);
  used_.insert(id);
  return id;
}

std::string placeholder(const std::string& targetId) {
  return std::string(1, kMark) + targetId + kMark;
}

void resolvePlaceholders(std::string& xhtml, const std::map<std::string, std::string>& idToFile,
                         const std::string& currentFile, const std::string& fallbackFile) {
  if (xhtml.find(kMark) == std::string::npos) return;
  std::string out;
  out.reserve(xhtml.size());
  std::size_t i = 0;
  while (i < xhtml.size()) {
    std::size_t a = xhtml.find(kMark, i);
    std::size_t b = a == std::string::npos ? a : xhtml.find(kMark, a + 1);
    if (b == std::string::npos) {
      out.append(xhtml, i, std::string::npos);
      break;
    }
    out.append(xhtml, i, a - i);
    std::string id = xhtml.substr(a + 1, b - a - 1);
    auto it = idToFile.find(id);
    if (it == idToFile.end()) {
      out += attr(fallbackFile);
    } else {
      if (it->second != currentFile) out += attr(it->second);
      out += '#';
      out += attr(id);
    }
    i = b + 1;
  }
  xhtml = std::move(out);
}

}  // namespace pp::epub
