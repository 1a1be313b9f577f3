#include "locale/tags.h"

#include <algorithm>
#include <cstring>

#include "postpress/locale.h"
#include "postpress/support/text.h"

namespace pp::locale {

namespace {

bool isAsciiLetters(std::string_view s) {
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

// Chinese is told apart by script; a region stays only when it is not the script's usual
// one (zh-TW is zh-Hant, zh-HK stays zh-Hant-HK).
icu::Locale chineseByScript(const icu::Locale& loc) {
  const icu::Locale full = maximized(loc);
  if (!*full.getScript()) return loc;
  std::string name = std::string("zh_") + full.getScript();
  const icu::Locale usual = maximized(icu::Locale(name.c_str()));
  if (std::string_view(full.getCountry()) != usual.getCountry()) name += "_" + std::string(full.getCountry());
  return icu::Locale(name.c_str());
}

}  // namespace

std::optional<icu::Locale> parseTag(std::string_view raw) {
  std::string s(trim(raw));
  s = replaceAll(std::move(s), "_", "-");
  const std::string primary = s.substr(0, s.find('-'));
  // Only ISO 639 codes: 4 to 8 letters are well formed in BCP 47 but name no language, and
  // are what a name such as "English" or "Deutsch" would parse as.
  if (primary.size() < 2 || primary.size() > 3 || !isAsciiLetters(primary)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(s, status);
  if (U_FAILURE(status) || loc.isBogus() || !*loc.getLanguage()) return std::nullopt;
  loc.canonicalize(status);
  if (U_FAILURE(status)) return std::nullopt;
  if (std::string_view(loc.getLanguage()) == "zh") {
    icu::Locale zh = chineseByScript(icu::Locale(loc.getBaseName()));
    // Extensions (-u-nu-...) are kept.
    const char* full = loc.getName();
    const char* at = std::strchr(full, '@');
    loc = icu::Locale((std::string(zh.getName()) + (at ? at : "")).c_str());
  }
  return loc;
}

icu::Locale maximized(const icu::Locale& loc) {
  icu::Locale m(loc);
  UErrorCode status = U_ZERO_ERROR;
  m.addLikelySubtags(status);
  return U_SUCCESS(status) ? m : loc;
}

std::string baseTag(const icu::Locale& loc) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale base(loc.getBaseName());
  std::string tag = base.toLanguageTag<std::string>(status);
  return U_SUCCESS(status) ? tag : std::string();
}

std::vector<std::string> dataFileNames(const icu::Locale& loc) {
  const std::string lang = loc.getLanguage(), script = loc.getScript(), region = loc.getCountry();
  std::vector<std::string> names;
  auto add = [&](const std::string& n) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  if (!script.empty() && !region.empty()) add(lang + "-" + script + "-" + region);
  if (!script.empty()) add(lang + "-" + script);
  if (!region.empty() && script.empty()) add(lang + "-" + region);
  add(lang);
  if (script.empty()) {
    const std::string usual = maximized(loc).getScript();
    if (!usual.empty()) add(lang + "-" + usual);
  }
  return names;
}

}  // namespace pp::locale

namespace pp {

std::string normalizeLanguageTag(std::string_view raw) {
  const std::optional<icu::Locale> loc = locale::parseTag(raw);
  if (!loc) return {};
  UErrorCode status = U_ZERO_ERROR;
  std::string tag = loc->toLanguageTag<std::string>(status);
  return U_SUCCESS(status) ? tag : std::string();
}

std::string postLanguageTag(std::string_view frontMatter, std::string_view folder, std::string_view site) {
  for (std::string_view source : {frontMatter, folder, site}) {
    const std::optional<icu::Locale> loc = locale::parseTag(source);
    if (loc) return locale::baseTag(*loc);
  }
  return "en";
}

bool isRightToLeft(std::string_view tag) {
  const std::optional<icu::Locale> loc = locale::parseTag(tag);
  return loc && loc->isRightToLeft();
}

}  // namespace pp
