// Locale: a language's labels (lang/<tag>.yaml over lang/en.yaml) and its ICU formatters.
#include "postpress/locale.h"

#include <unicode/listformatter.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>
#include <unicode/plurrule.h>

#include <stdexcept>

#include "locale/date_formats.h"
#include "locale/labels.h"
#include "locale/tags.h"
#include "postpress/support/files.h"

namespace pp {

namespace {

constexpr const char* kReference = "en";
// Bare "en" names no country: CLDR's international English (day before month, no serial
// comma) rather than its default, American English.
constexpr const char* kInternationalEnglish = "en_001";

// True when `labels` gives `base` in at least one plural form.
bool hasPluralForms(const locale::Labels& labels, std::string_view base) {
  for (const auto& [key, text] : labels) {
    const locale::KeyParts parts = locale::splitKey(key);
    if (!parts.category.empty() && parts.base == base) return true;
  }
  return false;
}

std::string labelsPath(const fs::path& langDir, const std::string& name) {
  return (langDir / (name + ".yaml")).string();
}

}  // namespace

struct Locale::Impl {
  std::string tag;
  std::string labelsFile;
  bool rtl = false;
  std::optional<Diagnostic> notice;
  locale::Labels labels;
  icu::Locale icuLocale;
  std::unique_ptr<icu::PluralRules> plurals;
  icu::number::LocalizedNumberFormatter grouped, ungrouped;
  std::unique_ptr<icu::ListFormatter> lists;
  std::unique_ptr<locale::DateFormats> dates;

  void tell(Severity severity, std::string path, std::string code, std::string message) {
    if (!notice) notice = Diagnostic{severity, SourceLoc{std::move(path), 0, 0}, std::move(code), std::move(message)};
  }
  void loadLabels(const fs::path& langDir, const icu::Locale& asked, std::string_view askedText);
  void setDigits(const std::string& fromFile);
  void makeFormatters();
};

// The reference labels first, the language's file over them: a key the translation lacks
// still prints, in English.
void Locale::Impl::loadLabels(const fs::path& langDir, const icu::Locale& asked, std::string_view askedText) {
  std::string err;
  if (std::optional<locale::Labels> en = locale::readLabelFile(langDir / (std::string(kReference) + ".yaml"), &err))
    labels = std::move(*en);
  else
    tell(Severity::Error, labelsPath(langDir, kReference), "locale-data", "cannot read the reference labels: " + err);

  std::error_code ec;
  for (const std::string& name : locale::dataFileNames(asked))
    if (fs::is_regular_file(langDir / (name + ".yaml"), ec)) {
      labelsFile = name;
      break;
    }
  if (labelsFile.empty()) {
    labelsFile = kReference;
    tell(Severity::Warning, {}, "locale-fallback",
         "no labels for language '" + std::string(askedText) + "' (no lang/" + std::string(asked.getLanguage()) + ".yaml" +
             "): the digest is in English");
    return;
  }
  if (labelsFile == kReference) return;
  std::optional<locale::Labels> own = locale::readLabelFile(langDir / (labelsFile + ".yaml"), &err);
  if (!own) {
    tell(Severity::Warning, labelsPath(langDir, labelsFile), "locale-data", err + ": its labels are in English");
    return;
  }
  // A label the file gives in any plural form replaces all of English's forms (Japanese has
  // .other only, and must not print English's .one); one it lacks is English's, and counted.
  std::size_t missing = 0;
  std::string firstMissing;
  for (auto it = labels.begin(); it != labels.end();) {
    const locale::KeyParts parts = locale::splitKey(it->first);
    const bool plural = !parts.category.empty();
    const bool given = plural ? hasPluralForms(*own, parts.base) : own->count(it->first) > 0;
    if (!given && (!plural || parts.category == "other") && ++missing == 1) firstMissing = it->first;
    it = given && plural ? labels.erase(it) : std::next(it);
  }
  for (auto& [key, text] : *own) labels[key] = std::move(text);
  if (missing > 0)
    tell(Severity::Warning, labelsPath(langDir, labelsFile), "locale-data",
         std::to_string(missing) + " label(s) missing (first: '" + firstMissing + "'): English used for them");
}

// The digits the tag asks for (-u-nu-arab) win over the data file's.
void Locale::Impl::setDigits(const std::string& fromFile) {
  UErrorCode status = U_ZERO_ERROR;
  // ICU's legacy keyword names ("numbers" for the tag's "nu", "calendar" for "ca"): the
  // Unicode names are translated through tables ICU loads on first use, most of the cost of
  // making a Locale (bench/results.md).
  const std::string fromTag = icuLocale.getKeywordValue<std::string>("numbers", status);
  if (U_SUCCESS(status) && !fromTag.empty()) return;
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberingSystem> system(icu::NumberingSystem::createInstanceByName(fromFile.c_str(), status));
  std::string digits = fromFile;
  if (U_FAILURE(status) || !system || system->isAlgorithmic()) {
    tell(Severity::Warning, {}, "locale-data", "unknown digits '" + fromFile + "' in lang/" + labelsFile + ".yaml: using 0-9");
    digits = "latn";
  }
  status = U_ZERO_ERROR;
  icuLocale.setKeywordValue("numbers", digits.c_str(), status);
}

void Locale::Impl::makeFormatters() {
  UErrorCode status = U_ZERO_ERROR;
  icuLocale.setKeywordValue("calendar", "gregorian", status);
  status = U_ZERO_ERROR;
  plurals.reset(icu::PluralRules::forLocale(icuLocale, status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU has no plural rules: ") + u_errorName(status));
  grouped = icu::number::NumberFormatter::withLocale(icuLocale);
  ungrouped = grouped.grouping(UNUM_GROUPING_OFF);
  status = U_ZERO_ERROR;
  lists.reset(icu::ListFormatter::createInstance(icuLocale, ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU has no list format: ") + u_errorName(status));
  dates = std::make_unique<locale::DateFormats>(icuLocale);
}

Locale::Locale(std::string_view tag, const fs::path& langDir) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  std::optional<icu::Locale> asked = locale::parseTag(tag);
  if (!asked) {
    m.tell(Severity::Warning, {}, "locale-fallback",
           "language '" + std::string(tag) + "' is not a language tag (such as de, pt-BR, zh-Hant): the digest is in English");
    asked = icu::Locale(kReference);
  }
  m.loadLabels(langDir, *asked, tag);
  const bool english = m.labelsFile == kReference;
  if (english && std::string_view(asked->getLanguage()) != kReference) asked = icu::Locale(kReference);
  m.tag = locale::baseTag(*asked);
  m.rtl = asked->isRightToLeft();
  // Bare "en" (and a fallback) formats as international English; extensions (-u-nu-) stay.
  m.icuLocale = *asked;
  if (m.tag == kReference) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string extensions = asked->toLanguageTag<std::string>(status).substr(std::string(kReference).size());
    status = U_ZERO_ERROR;
    m.icuLocale = icu::Locale::forLanguageTag("en-001" + extensions, status);
    if (U_FAILURE(status)) m.icuLocale = icu::Locale(kInternationalEnglish);
  }
  auto digits = m.labels.find("digits");
  m.setDigits(digits == m.labels.end() ? std::string("latn") : digits->second);
  m.makeFormatters();
}

Locale::~Locale() = default;
Locale::Locale(Locale&&) noexcept = default;
Locale& Locale::operator=(Locale&&) noexcept = default;

fs::path Locale::defaultLangDir() { return dataDir() / "lang"; }

const std::string& Locale::tag() const { return impl_->tag; }
const std::string& Locale::labelsFile() const { return impl_->labelsFile; }
bool Locale::rightToLeft() const { return impl_->rtl; }
std::optional<fs::path> Locale::hyphenation(const fs::path& dir) const { return hyphenationDictionary(impl_->tag, dir); }
const std::optional<Diagnostic>& Locale::notice() const { return impl_->notice; }

void Locale::report(DiagnosticSink& diags) const {
  if (impl_->notice) diags.reportOnce("locale:" + impl_->notice->code + ":" + impl_->tag, *impl_->notice);
}

std::string Locale::label(std::string_view key, LabelArgs args) const {
  auto it = impl_->labels.find(key);
  return locale::fillPlaceholders(it == impl_->labels.end() ? key : std::string_view(it->second), args);
}

std::string Locale::count(std::string_view key, long long n, LabelArgs args) const {
  const std::string base(key);
  auto it = impl_->labels.find(base + "." + pluralCategory(n));
  if (it == impl_->labels.end()) it = impl_->labels.find(base + ".other");
  const std::string_view text = it == impl_->labels.end() ? key : std::string_view(it->second);
  const std::string value = number(n);
  std::vector<std::pair<std::string_view, std::string_view>> all{{"n", value}};
  all.insert(all.end(), args.begin(), args.end());
  std::string out = locale::fillPlaceholders(text, all);
  return out;
}

std::string Locale::pluralCategory(long long n) const {
  return locale::utf8Of(impl_->plurals->select(static_cast<double>(n)));
}

std::string Locale::number(long long n) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString s = impl_->grouped.formatInt(n, status).toString(status);
  return U_SUCCESS(status) ? locale::utf8Of(s) : std::to_string(n);
}

std::string Locale::numeral(long long n) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString s = impl_->ungrouped.formatInt(n, status).toString(status);
  return U_SUCCESS(status) ? locale::utf8Of(s) : std::to_string(n);
}

std::string Locale::date(const CalendarDate& d, DateForm form) const {
  if (!d.valid()) return {};
  const auto field = form == DateForm::Long ? locale::DateField::LongDate : locale::DateField::ShortDate;
  return impl_->dates->format(field, locale::startOfDay(d.year, d.month, d.day));
}

std::string Locale::date(long long epochSeconds, DateForm form) const {
  const auto field = form == DateForm::Long ? locale::DateField::LongDate : locale::DateField::ShortDate;
  return impl_->dates->format(field, locale::fromEpochSeconds(epochSeconds));
}

std::string Locale::month(int year, int month) const {
  if (year <= 0 || month < 1 || month > 12) return {};
  return impl_->dates->format(locale::DateField::MonthYear, locale::startOfDay(year, month, 1));
}

std::string Locale::quarter(int year, int quarter) const {
  if (year <= 0 || quarter < 1 || quarter > 4) return {};
  return impl_->dates->format(locale::DateField::QuarterYear, locale::startOfDay(year, (quarter - 1) * 3 + 1, 1));
}

std::string Locale::year(int year) const {
  if (year <= 0) return {};
  return impl_->dates->format(locale::DateField::Year, locale::startOfDay(year, 1, 1));
}

std::string Locale::dateRange(const CalendarDate& from, const CalendarDate& to) const {
  if (!from.valid() || !to.valid()) return {};
  return impl_->dates->range(locale::startOfDay(from.year, from.month, from.day),
                             locale::startOfDay(to.year, to.month, to.day));
}

std::string Locale::list(const std::vector<std::string>& items) const {
  std::vector<icu::UnicodeString> u;
  u.reserve(items.size());
  for (const auto& s : items) u.push_back(icu::UnicodeString::fromUTF8(s));
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  impl_->lists->format(u.data(), static_cast<int32_t>(u.size()), out, status);
  return U_SUCCESS(status) ? locale::utf8Of(out) : std::string();
}

std::string Locale::duration(int minutes) const {
  minutes = std::max(0, minutes);
  if (minutes < 60) return count("minutes", minutes);
  const int hours = minutes / 60, rest = minutes % 60;
  if (rest == 0) return count("hours", hours);
  const std::string h = count("hours", hours), m = count("minutes", rest);
  return label("hours_minutes", {{"hours", h}, {"minutes", m}});
}

}  // namespace pp
