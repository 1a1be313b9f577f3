// Hugo shortcode syntax: `{{< name params >}}` and `{{% name params %}}`, their closing forms
// `{{< /name >}}`, self-closing `{{< name />}}`, positional and named parameters with "quoted",
// `raw` and bare values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pp::markdown {

struct Shortcode {
  std::size_t begin = 0, end = 0;  // whole `{{< ... >}}`
  bool closing = false;
  bool markdown = false;  // {{% %}} form
  std::string name;
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;

  // The named parameter `key`, else the positional one at `pos`, else "".
  std::string get(const char* key, std::size_t pos = SIZE_MAX) const {
    auto it = named.find(key);
    if (it != named.end()) return it->second;
    if (pos < positional.size()) return positional[pos];
    return "";
  }
};

// Offset of the next "{{<" or "{{%" at or after `from`; npos when none.
std::size_t nextShortcodeOpening(std::string_view s, std::size_t from);

// Parses the shortcode starting at `at` (which holds "{{<" or "{{%"). False if it is not one,
// or if it is the comment form `{{</* ... */>}}` (which the pass prints as written).
bool parseShortcode(std::string_view s, std::size_t at, Shortcode& sc);

// A width parameter in pixels ("500", "500px"); 0 for anything else.
int shortcodePixelWidth(const std::string& w);

}  // namespace pp::markdown
