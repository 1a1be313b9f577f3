// Language tags read through ICU: parsing (leniently: "en_us" is a tag too), the script a
// language is usually written in, and the data files a tag may be read from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/locid.h>

namespace pp::locale {

// `raw` as an ICU locale, canonicalised ("iw" -> "he", "in" -> "id"), or nullopt when it is
// not a language tag (see normalizeLanguageTag in postpress/locale.h).
std::optional<icu::Locale> parseTag(std::string_view raw);

// The locale with its likely script and region added ("zh-TW" -> zh_Hant_TW).
icu::Locale maximized(const icu::Locale& loc);

// The BCP 47 form of the locale's language, script and region, without extensions.
std::string baseTag(const icu::Locale& loc);

// The names a data file for this locale may have, most specific first: "zh-Hant-HK",
// "zh-Hant", "zh" for zh-Hant-HK; "pt-BR", "pt" for pt-BR; "sr", "sr-Cyrl" for sr (the
// language's usual script last, for files named by script).
std::vector<std::string> dataFileNames(const icu::Locale& loc);

}  // namespace pp::locale
