// Option values by the option table's rules, for the command line and postpress.yaml alike:
// one reader per type (so a range or a list of choices is checked in one place, with one
// message), and one place where each option lands in a DigestSpec.
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "postpress/driver.h"
#include "postpress/pdf.h"
#include "postpress/style.h"
#include "postpress/support/suggest.h"
#include "postpress/support/text.h"

namespace pp::driver {

namespace {

std::string joined(std::span<const std::string_view> items, const char* separator) {
  std::string out;
  for (std::string_view item : items) out += (out.empty() ? "" : separator) + std::string(item);
  return out;
}

bool isChoice(const OptionSpec& option, std::string_view value) {
  for (std::string_view c : option.choices)
    if (c == value) return true;
  return false;
}

std::optional<bool> readBoolean(const std::string& text) {
  const std::string l = toLowerAscii(trim(text));
  if (l == "true" || l == "yes" || l == "on") return true;
  if (l == "false" || l == "no" || l == "off") return false;
  return std::nullopt;
}

std::optional<int> readWholeNumber(const std::string& text, int min, int max) {
  const std::string t(trim(text));
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long n = std::strtol(t.c_str(), &end, 10);
  if (errno != 0 || end != t.c_str() + t.size() || n < min || n > max) return std::nullopt;
  return static_cast<int>(n);
}

std::string butWas(const std::string& text) { return ", not '" + text + "'"; }

}  // namespace

}  // namespace pp::driver

namespace pp {

// The stage's own helpers above; the stage's contract (postpress/driver.h) below.
using namespace driver;

std::vector<std::string> splitListText(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : std::string(text) + ",") {
    if (c == ',' || c == ' ') {
      if (!item.empty()) out.push_back(toLowerAscii(item));
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

std::optional<std::string> readOptionValue(const OptionSpec& option, std::vector<std::string> texts,
                                           OptionValue& value) {
  value = OptionValue{};
  const bool listed = option.type == OptionType::List || option.type == OptionType::Formats;
  if (texts.empty() && !listed) texts.emplace_back();  // one text, if an empty one
  const std::string text = texts.empty() ? std::string() : texts.front();
  switch (option.type) {
    case OptionType::Flag: {
      const std::optional<bool> on = readBoolean(text);
      if (!on) return "must be true or false" + butWas(text);
      value.on = *on;
      break;
    }
    case OptionType::Integer: {
      const std::optional<int> n = readWholeNumber(text, option.min, option.max);
      if (!n)
        return "must be a whole number from " + std::to_string(option.min) + " to " + std::to_string(option.max) +
               butWas(text);
      value.number = *n;
      break;
    }
    case OptionType::Choice:
      if (!isChoice(option, text))
        return "must be one of " + joined(option.choices, ", ") + butWas(text) +
               didYouMean(text, std::vector<std::string>(option.choices.begin(), option.choices.end()));
      break;
    case OptionType::Date:
      value.date = parseDateTime(text);
      if (!value.date) return "must be a date (YYYY-MM-DD)" + butWas(text);
      break;
    case OptionType::Quarter: {
      int year = 0, quarter = 0;
      if (!parseQuarter(text, year, quarter)) return "must be a quarter like 2025Q4" + butWas(text);
      break;
    }
    case OptionType::Paper: {
      float width = 0, height = 0;
      if (!parsePaper(text, width, height))
        return "must be letter, a4, a5, legal or a size like 6x9in" + butWas(text) +
               didYouMean(text, {"letter", "a4", "a5", "legal"});
      break;
    }
    case OptionType::Formats: {
      std::vector<std::string> formats;
      for (const std::string& t : texts)
        for (std::string& f : splitListText(t)) formats.push_back(std::move(f));
      auto unknown = std::find_if(formats.begin(), formats.end(),
                                  [&](const std::string& f) { return !isChoice(option, f); });
      if (formats.empty() || unknown != formats.end())
        return "must list some of " + joined(option.choices, ", ") + butWas(joinWith(texts, ",")) +
               didYouMean(unknown == formats.end() ? "" : *unknown,
                          std::vector<std::string>(option.choices.begin(), option.choices.end()));
      if (option.id == OptionId::PdfStandard) {
        PdfStandards standards;
        if (auto problem = readPdfStandards(formats, standards)) return *problem + butWas(joinWith(texts, ","));
      }
      texts = std::move(formats);
      break;
    }
    case OptionType::Text:
    case OptionType::Path:
    case OptionType::Style:
    case OptionType::List:
    case OptionType::Section:
      break;
  }
  value.texts = std::move(texts);
  return std::nullopt;
}

void setDigestOption(DigestSpec& d, OptionId id, const OptionValue& v, const fs::path& folder) {
  auto path = [&] {
    const fs::path p(v.text());
    return p.is_absolute() || folder.empty() ? p : folder / p;
  };
  const int part = v.on ? 1 : 0;  // PublicationOptions' parts: -1 leaves the style's choice
  PublicationOptions& pub = d.publication;
  switch (id) {
    case OptionId::Site: d.site.root = path(); break;
    case OptionId::Posts: d.site.postsGlob = v.text(); break;
    case OptionId::TagSource: d.site.tagSource = v.text(); break;
    case OptionId::SiteDrafts: d.site.drafts = v.on; break;
    case OptionId::Tags: d.selection.tags = v.texts; break;
    case OptionId::ExcludeTags: d.selection.excludeTags = v.texts; break;
    case OptionId::Authors: d.selection.authors = v.texts; break;
    case OptionId::Since: d.selection.since = v.date; break;
    case OptionId::Until: d.selection.until = v.date; break;
    case OptionId::Quarter: d.selection.quarter = v.text(); break;
    case OptionId::Year: d.selection.year = v.number; break;
    case OptionId::Lang: d.selection.language = v.text(); break;
    case OptionId::Drafts:
      // Keeping drafts needs reading them: Jekyll keeps some in a folder of their own.
      d.selection.drafts = v.on;
      if (v.on) d.site.drafts = true;
      break;
    case OptionId::Limit: d.selection.limit = v.number; break;
    case OptionId::NewestFirst: d.selection.newestFirst = v.on; break;
    case OptionId::Dpi: d.dpi = v.number; break;
    case OptionId::Grayscale: d.grayscale = v.on; break;
    case OptionId::EpubMaxSide: d.epubMaxSide = v.number; break;
    case OptionId::JpegQuality: d.jpegQuality = v.number; break;
    case OptionId::Style: d.style = isStyleFile(v.text()) ? path().string() : v.text(); break;
    case OptionId::Paper: d.paper = v.text(); break;
    case OptionId::Title: pub.title = v.text(); break;
    case OptionId::Subtitle: pub.subtitle = v.text(); break;
    case OptionId::Language: pub.language = v.text(); break;
    case OptionId::GroupBy: pub.groupBy = v.text(); break;
    case OptionId::LinkNotes: pub.linkNotes = v.text(); break;
    case OptionId::Cover: pub.cover = part; break;
    case OptionId::Brief: pub.brief = part; break;
    case OptionId::Toc: pub.toc = part; break;
    case OptionId::Indexes: pub.tagIndex = pub.authorIndex = part; break;
    case OptionId::TagIndex: pub.tagIndex = part; break;
    case OptionId::AuthorIndex: pub.authorIndex = part; break;
    case OptionId::QrCodes: pub.qrCodes = part; break;
    case OptionId::Logo: pub.logo = path().string(); break;
    case OptionId::CoverImage: pub.coverImage = path().string(); break;
    case OptionId::Formats: d.formats = v.texts; break;
    case OptionId::PdfStandard: d.pdfStandards = v.texts; break;
    case OptionId::Output:
      d.output = path();
      d.outputRoot = folder;  // a config's output stays in its folder; the command line's goes anywhere
      break;
    case OptionId::Name: d.name = v.text(); break;
    // The command line's own (a build's, not a digest's), and postpress.yaml's structure.
    case OptionId::Help:
    case OptionId::Version:
    case OptionId::Quiet:
    case OptionId::Json:
    case OptionId::Config:
    case OptionId::Digest:
    case OptionId::Report:
    case OptionId::Strict:
    case OptionId::Timings:
    case OptionId::Jobs:
    case OptionId::Watch:
    case OptionId::Cache:
    case OptionId::FetchRemote:
    case OptionId::FetchAllow:
    case OptionId::Select:
    case OptionId::Digests:
    case OptionId::Diagnostics:
    case OptionId::DiagnosticsFormat:
    case OptionId::Warn:
    case OptionId::Deny:
      break;
  }
}

bool writesToStandardOutput(const DigestSpec& digest) { return digest.output == fs::path(kStandardOutput); }

std::optional<std::string> settleFormats(DigestSpec& digest, bool formatsGiven, bool outputNamed) {
  const std::string given = digest.output.string();
  if (given == "/dev/stdout" || given == "/dev/fd/1" || given == "/proc/self/fd/1") digest.output = kStandardOutput;
  if (writesToStandardOutput(digest)) {
    if (formatsGiven && digest.formats.size() == 1) return std::nullopt;
    return "the standard output (" + given + ") carries one document: add --format pdf or --format epub";
  }
  const std::string ext = digest.output.extension().string();
  const std::string named = ext.empty() ? "" : ext.substr(1);
  if (!isChoice(option(OptionId::Formats), named)) {
    // "out/digest.2025q4" is a base name; "x.docx" or "x.html" asks for a format we do not write.
    const bool letters = !named.empty() && std::all_of(named.begin(), named.end(), [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
    if (letters && outputNamed) {
      const std::string base = fs::path(digest.output).replace_extension().string();
      return "the output " + given + " names a ." + named + " file, but postpress writes PDF and EPUB: name " + base +
             ".pdf or " + base + ".epub, or the base name " + base + " for both";
    }
    return std::nullopt;  // a base name
  }
  if (!formatsGiven) {
    digest.formats = {named};
    return std::nullopt;
  }
  if (digest.formats.size() == 1 && digest.formats[0] == named) return std::nullopt;
  return "the output " + digest.output.string() + " names a " + ext + " file, but the formats asked for are " +
         joinWith(digest.formats, ",");
}

}  // namespace pp
