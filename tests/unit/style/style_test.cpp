#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "postpress/style.h"

using namespace pp;
namespace fs = std::filesystem;

namespace {

// A style file in a fresh temporary folder, removed at the end of the test.
struct TempStyle {
  fs::path dir;
  fs::path file;
  explicit TempStyle(const std::string& yaml, const std::string& name = "custom.yaml") {
    dir = fs::temp_directory_path() / ("pp-style-test-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir);
    file = dir / name;
    std::ofstream(file) << yaml;
  }
  ~TempStyle() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

const Diagnostic* findCode(const std::vector<Diagnostic>& all, const std::string& code) {
  for (const auto& d : all)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("colours parse and print") {
  auto c = Color::parse("#1a2B3c");
  REQUIRE(c);
  CHECK(c->hex() == "#1a2b3c");
  auto s = Color::parse("#fa0");
  REQUIRE(s);
  CHECK(s->hex() == "#ffaa00");
  CHECK_FALSE(Color::parse("1a2b3c"));
  CHECK_FALSE(Color::parse("#12345"));
  CHECK_FALSE(Color::parse("#gg0000"));
  CHECK_FALSE(Color::parse(""));
  Color wild{2.0f, -1.0f, 0.5f};
  CHECK(wild.hex() == "#ff0080");
}

TEST_CASE("paper sizes by name and by dimensions") {
  float w = 0, h = 0;
  CHECK(parsePaper("letter", w, h));
  CHECK(w == 612);
  CHECK(h == 792);
  CHECK(parsePaper("A4", w, h));
  CHECK(w == doctest::Approx(595.28));
  CHECK(parsePaper("6x9in", w, h));
  CHECK(w == 432);
  CHECK(h == 648);
  CHECK(parsePaper("210x297mm", w, h));
  CHECK(w == doctest::Approx(595.28).epsilon(0.001));
  CHECK(parsePaper("210mmx297mm", w, h));
  CHECK(h == doctest::Approx(841.89).epsilon(0.001));
  CHECK(parsePaper("595x842", w, h));
  CHECK(w == 595);
  CHECK_FALSE(parsePaper("folio", w, h));
  CHECK_FALSE(parsePaper("10x10", w, h));  // too small to be a page
  CHECK_FALSE(parsePaper("6x9furlongs", w, h));
  CHECK_FALSE(parsePaper("x9in", w, h));
}

TEST_CASE("bundled styles load cleanly and differ") {
  auto names = bundledStyleNames();
  REQUIRE(names.size() >= 2);
  CHECK(std::find(names.begin(), names.end(), "report") != names.end());
  CHECK(std::find(names.begin(), names.end(), "brief") != names.end());

  DiagnosticSink diags;
  Style report = loadStyle("report", "", diags);
  Style brief = loadStyle("brief", "", diags);
  for (const auto& d : diags.all()) MESSAGE(formatDiagnostic(d));
  CHECK(diags.count() == 0);
  CHECK(report.name == "report");
  CHECK(report.justify);
  CHECK(report.body.family == "text");
  CHECK(report.body.size == doctest::Approx(10.5));
  CHECK(report.body.leading == doctest::Approx(14.5));
  CHECK(report.families.at("text").name == "Charis SIL");
  CHECK(fs::exists(report.families.at("text").regular));
  CHECK(fs::exists(report.families.at("mono").boldItalic));
  CHECK(report.pageWidth == 612);

  CHECK(brief.name == "brief");
  CHECK_FALSE(brief.justify);
  CHECK(brief.body.family == "heading");
  CHECK(brief.body.size > report.body.size);
  CHECK(brief.blockSpacing > report.blockSpacing);
  CHECK(brief.accent.hex() != report.accent.hex());
  // brief inherits what it does not set
  CHECK(brief.code.family == "mono");
  CHECK(brief.headings[0].bold);
  // roles following the accent follow brief's accent
  CHECK(brief.headings[0].color.hex() == brief.accent.hex());
}

TEST_CASE("defaultStyle matches what report.yaml spells out") {
  DiagnosticSink diags;
  Style d = defaultStyle();
  Style r = loadStyle("report", "", diags);
  CHECK(d.body.size == r.body.size);
  CHECK(d.marginInner == r.marginInner);
  CHECK(d.accent.hex() == r.accent.hex());
  CHECK(d.headings[2].spaceBefore == r.headings[2].spaceBefore);
  CHECK(d.fallbacks.size() == r.fallbacks.size());
}

TEST_CASE("a user file overrides only what it sets, on top of its base") {
  TempStyle t(
      "base: brief\n"
      "page:\n  paper: a4\n"
      "colors:\n  accent: \"#008000\"\n"
      "text:\n  body: {size: 12}\n");
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  for (const auto& d : diags.all()) MESSAGE(formatDiagnostic(d));
  CHECK(diags.count() == 0);
  CHECK(s.name == "custom");
  CHECK(s.pageWidth == doctest::Approx(595.28));
  CHECK(s.body.size == 12);
  CHECK(s.body.family == "heading");  // from brief
  CHECK_FALSE(s.justify);             // from brief
  CHECK(s.accent.hex() == "#008000");
  CHECK(s.headings[0].color.hex() == "#008000");  // h1 follows the accent
}

TEST_CASE("default base of a user file is report") {
  TempStyle t("paragraph:\n  justify: false\n");
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  CHECK(diags.count() == 0);
  CHECK_FALSE(s.justify);
  CHECK(s.body.family == "text");
}

TEST_CASE("paragraph.language, which nothing uses, is a warning that changes nothing") {
  TempStyle t("paragraph:\n  justify: false\n  language: de-DE\n");
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  const std::vector<Diagnostic> all = diags.all();
  REQUIRE(all.size() == 1);
  const Diagnostic& d = all.front();
  CHECK(d.severity == Severity::Warning);
  CHECK(d.code == "style-key-unused");
  CHECK(d.loc.line == 3);
  CHECK_FALSE(s.justify);  // the rest of the file still applies
}

TEST_CASE("unknown keys and bad values carry line and column") {
  TempStyle t(
      "page:\n"
      "  paper: letter\n"
      "  colour: red\n"          // line 3: unknown key
      "text:\n"
      "  body: {size: huge}\n"   // line 5: bad number
      "colors:\n"
      "  accent: blue\n"         // line 7: bad colour
      "layout:\n"
      "  footnotes: margin\n");  // line 9: bad choice
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  auto all = diags.all();
  for (const auto& d : all) MESSAGE(formatDiagnostic(d));
  const Diagnostic* unknown = findCode(all, "style-unknown-key");
  REQUIRE(unknown);
  CHECK(unknown->loc.line == 3);
  CHECK(unknown->loc.col == 3);
  CHECK(unknown->message.find("colour") != std::string::npos);
  int bad = 0;
  for (const auto& d : all)
    if (d.code == "style-bad-value") {
      ++bad;
      CHECK((d.loc.line == 5 || d.loc.line == 7 || d.loc.line == 9));
      CHECK(d.loc.col > 1);
    }
  CHECK(bad == 3);
  // the base's values stand
  CHECK(s.body.size == doctest::Approx(10.5));
  CHECK(s.footnotePlacement == "page");
}

TEST_CASE("broken YAML is an error with its position, not a crash") {
  TempStyle t("page:\n  paper: [letter\n");
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  REQUIRE(diags.errorCount() == 1);
  auto d = diags.all()[0];
  CHECK(d.code == "style-yaml");
  CHECK(d.loc.line >= 2);
  CHECK(s.body.size > 0);
}

TEST_CASE("base cycles and missing styles are reported") {
  TempStyle t("base: custom.yaml\n");
  DiagnosticSink diags;
  loadStyle(t.file.string(), "", diags);
  CHECK(diags.countCode("style-base-cycle") == 1);

  DiagnosticSink d2;
  Style s = loadStyle("no-such-style", "", d2);
  CHECK(d2.countCode("style-not-found") == 1);
  CHECK(s.body.size > 0);
}

TEST_CASE("paper argument overrides the style, bad paper is an error") {
  DiagnosticSink diags;
  Style s = loadStyle("report", "a5", diags);
  CHECK(s.pageWidth == doctest::Approx(419.53));
  CHECK(s.textWidth() >= 144);
  DiagnosticSink d2;
  loadStyle("report", "napkin", d2);
  CHECK(d2.countCode("style-bad-paper") == 1);
}

TEST_CASE("fonts: relative files, new families, missing files") {
  TempStyle t(
      "fonts:\n"
      "  serif2: {name: Two, regular: CharisSIL-Bold.ttf}\n"
      "  mono: {regular: nowhere.ttf}\n"
      "text:\n"
      "  quote: {family: serif2}\n"
      "  table: {family: nosuch}\n");
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  for (const auto& d : diags.all()) MESSAGE(formatDiagnostic(d));
  REQUIRE(s.families.count("serif2"));
  CHECK(s.families.at("serif2").italic == s.families.at("serif2").regular);
  CHECK(s.quote.family == "serif2");
  CHECK(s.table.family != "nosuch");
  CHECK(diags.countCode("style-font-missing") == 1);
  CHECK(fs::exists(s.families.at("mono").regular));  // the base's file stands
  CHECK(diags.countCode("style-bad-value") == 1);
}

TEST_CASE("lengths with units and margins shorthand") {
  TempStyle t("page:\n  margins: 1in\n  width: 6in\n  height: 9in\n");
  DiagnosticSink diags;
  Style s = loadStyle(t.file.string(), "", diags);
  CHECK(diags.count() == 0);
  CHECK(s.marginTop == 72);
  CHECK(s.marginOuter == 72);
  CHECK(s.pageWidth == 432);
  CHECK(s.paper == "custom");
}

// Options of the command line and postpress.yaml that override a style key take their default
// from the option table (include/postpress/options.h); the style must read that key.
TEST_CASE("every option's style key is a key of style files, with the table's range") {
  for (const OptionSpec& o : kOptions) {
    if (o.styleKey.empty()) continue;
    CAPTURE(o.styleKey);
    const std::string_view section = o.styleKey.substr(0, o.styleKey.find('.'));
    const std::string_view key = o.styleKey.substr(o.styleKey.find('.') + 1);
    TempStyle t(std::string(section) + ":\n  " + std::string(key) + ": " + std::string(o.defaultValue) + "\n");
    DiagnosticSink diags;
    loadStyle(t.file.string(), "", diags);
    for (const auto& d : diags.all()) MESSAGE(formatDiagnostic(d));
    CHECK(diags.count() == 0);
  }
  const OptionSpec& dpi = option(OptionId::Dpi);
  TempStyle highest("layout:\n  dpi: " + std::to_string(dpi.max) + "\n");
  DiagnosticSink d1;
  CHECK(loadStyle(highest.file.string(), "", d1).dpi == dpi.max);
  CHECK(d1.count() == 0);
  TempStyle tooHigh("layout:\n  dpi: " + std::to_string(dpi.max + 1) + "\n");
  DiagnosticSink d2;
  CHECK(loadStyle(tooHigh.file.string(), "", d2).dpi == optionDefaultInt(OptionId::Dpi));
  CHECK(d2.countCode("style-bad-value") == 1);
  TempStyle badMode("layout:\n  link_notes: sidenotes\n");
  DiagnosticSink d3;
  loadStyle(badMode.file.string(), "", d3);
  REQUIRE(d3.countCode("style-bad-value") == 1);
  CHECK(d3.all()[0].message.find(std::string(kLinkNoteModes[1])) != std::string::npos);  // lists the choices
}

TEST_CASE("the built-in and the bundled report style agree with the option table's defaults") {
  DiagnosticSink diags;
  for (const Style& s : {defaultStyle(), loadStyle("report", "", diags)}) {
    CAPTURE(s.name);
    CHECK(s.dpi == optionDefaultInt(OptionId::Dpi));
    CHECK(s.paper == option(OptionId::Paper).defaultValue);
    CHECK(s.linkNotes == option(OptionId::LinkNotes).defaultValue);
    CHECK(s.qrCodes == optionDefaultBool(OptionId::QrCodes));
    CHECK(s.cover == optionDefaultBool(OptionId::Cover));
    CHECK(s.brief == optionDefaultBool(OptionId::Brief));
    CHECK(s.toc == optionDefaultBool(OptionId::Toc));
    CHECK(s.tagIndex == optionDefaultBool(OptionId::TagIndex));
    CHECK(s.authorIndex == optionDefaultBool(OptionId::AuthorIndex));
    float w = 0, h = 0;
    REQUIRE(parsePaper(s.paper, w, h));
    CHECK(s.pageWidth == w);
    CHECK(s.pageHeight == h);
  }
  CHECK(diags.count() == 0);
}

TEST_CASE("a style given as a file or by name") {
  CHECK(isStyleFile("styles/mine.yaml"));
  CHECK(isStyleFile("mine.yml"));
  CHECK(isStyleFile("./brief"));
  CHECK_FALSE(isStyleFile("brief"));
}
