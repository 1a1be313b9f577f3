#include "postpress/support/links.h"

#include <cctype>

namespace pp {

LinkKind linkKindOf(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  url.remove_prefix(i);
  if (url.substr(0, 2) == "//") return LinkKind::Web;
  const std::size_t end = url.find_first_of(":/?#");
  if (end == std::string_view::npos || url[end] != ':') return LinkKind::Relative;
  std::string scheme;
  for (char c : url.substr(0, end)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) continue;  // browsers drop tabs and newlines anywhere in a URL
    // Not a scheme at all (`[text](https://...` left over from broken Markdown, `a%3Ab:`):
    // a browser reads the whole as a relative path.
    if (!(std::isalnum(u) || c == '+' || c == '-' || c == '.')) return LinkKind::Relative;
    scheme += static_cast<char>(std::tolower(u));
  }
  if (scheme.empty()) return LinkKind::Relative;  // ":x" is a relative path
  if (scheme == "http" || scheme == "https") return LinkKind::Web;
  if (scheme == "mailto") return LinkKind::Mail;
  return LinkKind::Other;
}

}  // namespace pp
