// Option values by the option table's rules: what the command line and postpress.yaml share.
#include <doctest/doctest.h>

#include <sstream>

#include "driver/percent_progress.h"
#include "postpress/driver.h"

using namespace pp;

namespace {

std::optional<std::string> problemWith(OptionId id, std::vector<std::string> texts, OptionValue* out = nullptr) {
  OptionValue value;
  auto problem = readOptionValue(option(id), std::move(texts), value);
  if (out) *out = value;
  return problem;
}

// Every field a digest option can set, as text: two specs that print alike are alike.
std::string fingerprint(const DigestSpec& d) {
  std::ostringstream s;
  auto list = [&](const std::vector<std::string>& items) {
    for (const auto& i : items) s << i << ',';
    s << '|';
  };
  auto date = [&](const std::optional<DateTime>& t) { s << (t ? t->isoDate() : "-") << '|'; };
  const PublicationOptions& p = d.publication;
  s << d.name << '|' << d.site.root << '|' << d.site.postsGlob << '|' << d.site.drafts << '|' << d.site.tagSource << '|';
  list(d.selection.tags);
  list(d.selection.excludeTags);
  list(d.selection.authors);
  date(d.selection.since);
  date(d.selection.until);
  s << d.selection.quarter << '|' << d.selection.year << '|' << d.selection.language << '|' << d.selection.drafts
    << '|' << d.selection.limit << '|' << d.selection.newestFirst << '|';
  s << p.title << '|' << p.subtitle << '|' << p.groupBy << '|' << p.language << '|' << p.logo << '|' << p.coverImage
    << '|' << p.cover << p.brief << p.toc << p.tagIndex << p.authorIndex << p.qrCodes << '|' << p.linkNotes << '|';
  list(d.formats);
  list(d.pdfStandards);
  s << d.style << '|' << d.paper << '|' << d.output << '|' << d.dpi << '|' << d.epubMaxSide << '|' << d.jpegQuality
    << '|' << d.grayscale;
  return s.str();
}

// A value of the option's type that is not its default.
std::vector<std::string> otherValue(const OptionSpec& o) {
  switch (o.type) {
    case OptionType::Flag: return {o.defaultValue == "true" ? "false" : "true"};
    case OptionType::Integer: return {std::to_string(o.defaultValue == std::to_string(o.max) ? o.min : o.max)};
    case OptionType::Choice:
      for (std::string_view c : o.choices)
        if (c != o.defaultValue) return {std::string(c)};
      return {};
    case OptionType::Date: return {"2024-02-03"};
    case OptionType::Quarter: return {"2024Q2"};
    case OptionType::Paper: return {"a5"};
    case OptionType::Formats: return {std::string(o.choices.back())};  // "epub", "none": not the default
    default: return {"sample-value"};
  }
}

}  // namespace

TEST_CASE("integers: the table's range, in the same words for every reader") {
  const OptionSpec& dpi = option(OptionId::Dpi);
  OptionValue v;
  CHECK_FALSE(problemWith(OptionId::Dpi, {std::to_string(dpi.max)}, &v));
  CHECK(v.number == dpi.max);
  CHECK_FALSE(problemWith(OptionId::Dpi, {std::to_string(dpi.min)}));
  const std::string range = "from " + std::to_string(dpi.min) + " to " + std::to_string(dpi.max);
  for (const std::string& bad : {std::to_string(dpi.min - 1), std::to_string(dpi.max + 1), std::string("300dpi"),
                                 std::string(""), std::string("99999999999999999999")}) {
    CAPTURE(bad);
    auto problem = problemWith(OptionId::Dpi, {bad});
    REQUIRE(problem);
    CHECK(*problem == "must be a whole number " + range + ", not '" + bad + "'");
  }
}

TEST_CASE("flags, choices, dates, quarters and papers") {
  OptionValue v;
  CHECK_FALSE(problemWith(OptionId::Cover, {"No"}, &v));
  CHECK_FALSE(v.on);
  CHECK(*problemWith(OptionId::Cover, {"maybe"}) == "must be true or false, not 'maybe'");
  CHECK_FALSE(problemWith(OptionId::GroupBy, {"month"}));
  CHECK(*problemWith(OptionId::GroupBy, {"week"}) == "must be one of none, month, tag, not 'week'");
  CHECK_FALSE(problemWith(OptionId::Since, {"2025-11-30"}, &v));
  REQUIRE(v.date);
  CHECK(v.date->isoDate() == "2025-11-30");
  CHECK(problemWith(OptionId::Since, {"2025-13-40"})->find("2025-13-40") != std::string::npos);
  CHECK_FALSE(problemWith(OptionId::Quarter, {"2025Q4"}));
  CHECK(problemWith(OptionId::Quarter, {"2025Q5"})->find("2025Q5") != std::string::npos);
  CHECK_FALSE(problemWith(OptionId::Paper, {"6x9in"}));
  CHECK(problemWith(OptionId::Paper, {"napkin"}));
}

TEST_CASE("formats: a list in one text or many, lower-cased, only known ones") {
  OptionValue v;
  CHECK_FALSE(problemWith(OptionId::Formats, {"PDF epub"}, &v));
  CHECK(v.texts == std::vector<std::string>{"pdf", "epub"});
  CHECK_FALSE(problemWith(OptionId::Formats, {"epub", "pdf"}, &v));
  CHECK(v.texts == std::vector<std::string>{"epub", "pdf"});
  CHECK(*problemWith(OptionId::Formats, {"pdf,docx"}) == "must list some of pdf, epub, not 'pdf,docx'");
  CHECK(problemWith(OptionId::Formats, {}));
  CHECK(problemWith(OptionId::Formats, {" , "}));
  CHECK(problemWith(OptionId::Formats, {"pdf,epbu"})->find("(did you mean 'epub'?)") != std::string::npos);
}

TEST_CASE("--pdf-standard: some of ua-1, a-2b, a-2u, none, in a combination that makes sense") {
  OptionValue v;
  CHECK(DigestSpec{}.pdfStandards == std::vector<std::string>{"ua-1"});
  CHECK_FALSE(problemWith(OptionId::PdfStandard, {"UA-1, a-2u"}, &v));
  CHECK(v.texts == std::vector<std::string>{"ua-1", "a-2u"});
  DigestSpec d;
  setDigestOption(d, OptionId::PdfStandard, v, "");
  CHECK(d.pdfStandards == v.texts);
  CHECK(problemWith(OptionId::PdfStandard, {"ua1"})->find("(did you mean 'ua-1'?)") != std::string::npos);
  CHECK(*problemWith(OptionId::PdfStandard, {"none,ua-1"}) == "names none with another standard, not 'none,ua-1'");
  CHECK(problemWith(OptionId::PdfStandard, {"a-2b", "a-2u"})->find("one PDF/A level") != std::string::npos);
}

TEST_CASE("every postpress.yaml key sets something on the digest") {
  for (const OptionSpec& o : kOptions) {
    if (o.key.empty() || o.type == OptionType::Section) continue;
    CAPTURE(o.key);
    OptionValue v;
    REQUIRE_FALSE(readOptionValue(o, otherValue(o), v));
    DigestSpec digest;
    setDigestOption(digest, o.id, v, "/config-folder");
    CHECK(fingerprint(digest) != fingerprint(DigestSpec{}));
  }
}

TEST_CASE("paths are the config folder's; a style by name stays a name") {
  OptionValue v;
  DigestSpec d;
  REQUIRE_FALSE(problemWith(OptionId::Style, {"mine.yaml"}, &v));
  setDigestOption(d, OptionId::Style, v, "/cfg");
  CHECK(d.style == "/cfg/mine.yaml");
  REQUIRE_FALSE(problemWith(OptionId::Style, {"brief"}, &v));
  setDigestOption(d, OptionId::Style, v, "/cfg");
  CHECK(d.style == "brief");
  REQUIRE_FALSE(problemWith(OptionId::Output, {"out/q4"}, &v));
  setDigestOption(d, OptionId::Output, v, "");  // the command line: as given
  CHECK(d.output == "out/q4");
  setDigestOption(d, OptionId::Output, v, "/cfg");
  CHECK(d.output == "/cfg/out/q4");
}

TEST_CASE("--drafts reads the drafts it keeps; --no-indexes drops both indexes") {
  OptionValue on;
  REQUIRE_FALSE(problemWith(OptionId::Drafts, {"true"}, &on));
  DigestSpec d;
  setDigestOption(d, OptionId::Drafts, on, "");
  CHECK(d.selection.drafts);
  CHECK(d.site.drafts);
  OptionValue off;
  REQUIRE_FALSE(problemWith(OptionId::Indexes, {"false"}, &off));
  setDigestOption(d, OptionId::Indexes, off, "");
  CHECK(d.publication.tagIndex == 0);
  CHECK(d.publication.authorIndex == 0);
}

TEST_CASE("an output named .pdf or .epub settles the formats") {
  DigestSpec d;
  d.output = "out/x.pdf";
  CHECK_FALSE(settleFormats(d, false));
  CHECK(d.formats == std::vector<std::string>{"pdf"});
  d.formats = {"epub"};
  auto problem = settleFormats(d, true);
  REQUIRE(problem);
  CHECK(problem->find("out/x.pdf") != std::string::npos);
  d.output = "out/x.v2";
  d.formats = {"pdf", "epub"};
  CHECK_FALSE(settleFormats(d, false));
  CHECK(d.formats.size() == 2);
}

TEST_CASE("a digest's defaults are the table's") {
  const DigestSpec d;
  CHECK(d.style == option(OptionId::Style).defaultValue);
  CHECK(d.epubMaxSide == optionDefaultInt(OptionId::EpubMaxSide));
  CHECK(d.jpegQuality == optionDefaultInt(OptionId::JpegQuality));
  CHECK(d.formats == splitListText(option(OptionId::Formats).defaultValue));
  CHECK(d.output == fs::path(option(OptionId::Output).defaultValue));
  CHECK(d.dpi == 0);  // the style's, which starts from the table's
}

TEST_CASE("a percentage is told only when it changes, with what is counted") {
  std::vector<std::string> told;
  pp::driver::PercentProgress progress([&](const std::string& text) { told.push_back(text); });
  for (std::size_t done = 1; done <= 300; ++done)
    progress("converting images", std::to_string(done) + " of 300", done, 300);
  REQUIRE(told.size() == 101);  // 0..100 %, not 300 lines
  CHECK(told.front() == "converting images: 1 of 300 (0%)");
  CHECK(told[1] == "converting images: 3 of 300 (1%)");
  CHECK(told.back() == "converting images: 300 of 300 (100%)");
  progress("x", "y", 5, 0);  // nothing to count: nothing told
  CHECK(told.size() == 101);
}
