// Finding a language's hyphenation patterns among Debian's hyphen-* packages.
#include <algorithm>
#include <array>

#include "locale/tags.h"
#include "postpress/locale.h"

namespace pp {

namespace {

// Scripts whose lines end without a hyphen: Han, kana and Hangul break between characters,
// Thai, Lao, Khmer and Burmese between words found by a dictionary, Arabic and Hebrew
// justify by stretching (kashida, spacing). Patterns for these (Debian has hyphen-th) must
// not be used to hyphenate them.
constexpr std::array<std::string_view, 12> kUnhyphenatedScripts = {
    "Hani", "Hans", "Hant", "Jpan", "Kore", "Hang", "Thai", "Laoo", "Khmr", "Mymr", "Arab", "Hebr"};

}  // namespace

std::optional<fs::path> hyphenationDictionary(std::string_view tag, const fs::path& dir) {
  const std::optional<icu::Locale> loc = locale::parseTag(tag);
  if (!loc) return std::nullopt;
  const icu::Locale full = locale::maximized(*loc);
  const std::string_view script = full.getScript();
  if (std::find(kUnhyphenatedScripts.begin(), kUnhyphenatedScripts.end(), script) != kUnhyphenatedScripts.end())
    return std::nullopt;
  const std::string lang = loc->getLanguage();
  const std::string region = loc->getCountry();
  std::vector<std::string> names;
  if (!region.empty()) names.push_back(lang + "_" + region);
  names.push_back(lang);
  const std::string usual = locale::maximized(icu::Locale(lang.c_str())).getCountry();
  if (!usual.empty()) names.push_back(lang + "_" + usual);
  std::error_code ec;
  for (const std::string& name : names) {
    fs::path p = dir / ("hyph_" + name + ".dic");
    if (fs::is_regular_file(p, ec)) return p;
  }
  // Patterns for another region of the language (Debian's Bengali is hyph_bn_IN; the
  // language is most used in Bangladesh): the first by name, so the choice is stable.
  const std::string prefix = "hyph_" + lang + "_";
  std::optional<fs::path> other;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.size() > prefix.size() + 4 && name.ends_with(".dic") &&
        fs::is_regular_file(it->path(), ec) && (!other || it->path() < *other))
      other = it->path();
  }
  return other;
}

}  // namespace pp
