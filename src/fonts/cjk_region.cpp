#include <algorithm>
#include <cctype>
#include <string>

#include "postpress/fonts.h"

namespace pp {

std::string_view cjkRegionOf(std::string_view bcp47) {
  // Subtags, lower-cased: language, then script (4 letters) and region (2 letters or 3 digits).
  std::string tag(bcp47);
  std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return c == '_' ? '-' : std::tolower(c); });
  const std::string language = tag.substr(0, tag.find('-'));
  std::string script, region;
  for (std::size_t at = tag.find('-'); at != std::string::npos;) {
    const std::size_t next = tag.find('-', at + 1);
    const std::string sub = tag.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    if (sub.size() == 4 && script.empty() && region.empty()) script = sub;
    else if ((sub.size() == 2 || sub.size() == 3) && region.empty()) region = sub;
    at = next;
  }
  if (language == "ja") return "JP";
  if (language == "ko") return "KR";
  if (language == "yue") return script == "hans" ? "SC" : "HK";
  if (language != "zh" && language != "cmn") return {};
  if (region == "hk" || region == "mo") return "HK";
  if (script == "hant" || region == "tw") return "TC";
  return "SC";
}

}  // namespace pp
