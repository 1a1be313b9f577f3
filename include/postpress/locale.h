// Locale: the digest in its reader's language. Every word the digest prints around the posts
// (Contents, At a glance, "6 min read", "12 posts"...), its dates, numbers and lists, whether
// the language is written right to left, and which hyphenation patterns a post's language
// takes. Labels come from one data file per language (lang/<tag>.yaml, lang/en.yaml the
// reference), which a translator edits; dates, numbers, lists and plural categories come from
// ICU (CLDR data). Stage home: src/locale/.
//
// A Locale is immutable once made and may be used from any number of threads at once.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "postpress/support/diagnostics.h"

namespace pp {

namespace fs = std::filesystem;

// --- Language tags -------------------------------------------------------------------------

// A language tag as written anywhere (front matter, a Hugo folder, a site config, --language)
// in canonical BCP 47 form: "en_us" -> "en-US", "pt-br" -> "pt-BR", "iw" -> "he",
// "zh-cn" -> "zh-Hans", "zh-tw" -> "zh-Hant", "zh-hk" -> "zh-Hant-HK" (Chinese is told apart
// by script, which is what picks its labels and glyph forms; a region stays only when it is
// not the script's usual one). "" when `raw` is not a language tag: empty, a name such as
// "English", a primary subtag that is not 2 or 3 letters, or anything ICU cannot parse.
std::string normalizeLanguageTag(std::string_view raw);

// The language a post is written in, as a normalised tag: its front matter (`lang`,
// `language`) when that is a tag, else the folder or file name that Hugo takes it from
// (content/<lang>/, name.<lang>.md), else the site's language (Hugo `languageCode`, Jekyll
// `lang`, Docusaurus `i18n.defaultLocale`), else "en". A value that is not a tag is passed
// over, not an error: the next source decides.
std::string postLanguageTag(std::string_view frontMatter, std::string_view folder, std::string_view site);

// True for languages written right to left (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi,
// Kurdish in Arabic script, Yiddish, Dhivehi...): the script the tag names, else the one the
// language is usually written in. For the EPUB's dir and page-progression-direction and the
// PDF's paragraph direction.
bool isRightToLeft(std::string_view tag);

// Where Debian's hyphen-* packages put their patterns.
inline const fs::path kHyphenationDir = "/usr/share/hyphen";

// The hyphenation patterns (hyph_<lang>[_<REGION>].dic) for a language, or nullopt when there
// are none: the package is not installed, or the language is not hyphenated at all (Chinese,
// Japanese, Korean, Thai, Lao, Khmer, Burmese, Arabic, Hebrew and the other scripts whose
// lines end without a hyphen). Tried in order: the tag's own region ("de-AT" -> hyph_de_AT),
// the bare language (hyph_de), the region the language is most used in (es -> hyph_es_ES,
// ru -> hyph_ru_RU, hi -> hyph_hi_IN), then any other region's (bn -> hyph_bn_IN).
std::optional<fs::path> hyphenationDictionary(std::string_view tag, const fs::path& dir = kHyphenationDir);

// --- Locale --------------------------------------------------------------------------------

// A calendar date as written (no time zone): a post's date.
struct CalendarDate {
  int year = 0, month = 0, day = 0;  // month and day 1-based
  bool valid() const { return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31; }
};

enum class DateForm {
  Short,  // "18 Nov 2025", "18. Nov. 2025", "2025年11月18日": bylines, contents, brief
  Long,   // "18 November 2025", "18. November 2025": a post's opening, the cover's date
};

// Values for a label's placeholders: {"date", "18 November 2025"} fills "{date}".
using LabelArgs = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class Locale {
 public:
  // The locale for a tag as normalizeLanguageTag reads it. Labels come from the most specific
  // data file in `langDir` ("pt-BR" reads lang/pt-BR.yaml if there is one, else lang/pt.yaml;
  // "zh" reads lang/zh-Hans.yaml); dates and numbers follow the tag itself (pt-BR's, not
  // pt's). A tag that is malformed, or whose language has no data file, gives English, and
  // notice() says so. A data file that cannot be read, or lacks keys, is completed from
  // lang/en.yaml, and notice() says that too. Bare "en" formats as CLDR's international
  // English (en-001: "18 Nov 2025", "A, B and C"); en-US as American English. Throws
  // std::runtime_error only when ICU lacks its own data (a broken libicu install).
  explicit Locale(std::string_view tag, const fs::path& langDir = defaultLangDir());
  ~Locale();
  Locale(Locale&&) noexcept;
  Locale& operator=(Locale&&) noexcept;
  Locale(const Locale&) = delete;
  Locale& operator=(const Locale&) = delete;

  // lang/ in the bundled data folder (dataDir()).
  static fs::path defaultLangDir();

  // The normalised tag the digest is in ("pt-BR"; "en" after a fallback): for lang attributes.
  const std::string& tag() const;
  // The data file the labels came from, without ".yaml" ("pt").
  const std::string& labelsFile() const;
  bool rightToLeft() const;
  // The hyphenation patterns for the digest's own language (front and back matter).
  std::optional<fs::path> hyphenation(const fs::path& dir = kHyphenationDir) const;

  // What the caller should tell the user once (a fallback to English, a broken data file),
  // or nullopt. report() sends it to a sink once per sink and tag.
  const std::optional<Diagnostic>& notice() const;
  void report(DiagnosticSink& diags) const;

  // --- labels ---
  // The label for `key` ("contents" -> "Inhalt") with its placeholders filled from `args`
  // ({name} with no value stays as written). An unknown key gives the key itself.
  std::string label(std::string_view key, LabelArgs args = {}) const;
  // A counted label: the plural form of `key` for n ("posts" -> "1 post", "5 posts";
  // Ukrainian "1 допис", "3 дописи", "5 дописів"), {n} filled with number(n).
  std::string count(std::string_view key, long long n, LabelArgs args = {}) const;
  // The plural category ICU gives n in this language: "zero", "one", "two", "few", "many" or
  // "other".
  std::string pluralCategory(long long n) const;

  // --- numbers ---
  // n with the language's digits and grouping: "9,000", "9.000", "9 000" (a narrow no-break
  // space in French).
  std::string number(long long n) const;
  // n with the language's digits and no grouping: page numbers, years, running numbers.
  std::string numeral(long long n) const;

  // --- dates (always the Gregorian calendar, in UTC) ---
  // A post's date as written ("" when invalid).
  std::string date(const CalendarDate& d, DateForm form = DateForm::Short) const;
  // An instant (the build date from SOURCE_DATE_EPOCH), on its UTC day.
  std::string date(long long epochSeconds, DateForm form = DateForm::Long) const;
  // "November 2025", "novembre 2025", "2025年11月", "листопад 2025 р.": month group labels.
  std::string month(int year, int month) const;
  // "Q4 2025", "4. Quartal 2025"... as CLDR names quarters ("T4 2025", "2025年第4季度").
  std::string quarter(int year, int quarter) const;
  // "2025", "2025年".
  std::string year(int year) const;
  // "1 Oct 2025 – 15 Jan 2026", "1. Okt. 2025 – 15. Jan. 2026", "2025年10月1日～2026年1月15日":
  // a period whose ends are not a month, quarter or year.
  std::string dateRange(const CalendarDate& from, const CalendarDate& to) const;

  // --- composite labels ---
  // "A, B and C", "A, B und C", "A、B、C", "A وB وC" (the language's "and" list).
  std::string list(const std::vector<std::string>& items) const;
  // A length of time from minutes: "40 min", "2 h", "1 h 40 min" (labels minutes, hours,
  // hours_minutes).
  std::string duration(int minutes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pp
