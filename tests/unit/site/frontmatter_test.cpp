#include <doctest/doctest.h>

#include "postpress/support/text.h"
#include "site/frontmatter.h"
#include "site_test_util.h"

using namespace pp;
using namespace pp::site;

TEST_CASE("YAML front matter: keys, positions, body line") {
  DiagnosticSink diags;
  FrontMatter fm;
  std::string text = "---\ntitle: Hello\ntags:\n  - a\n  - b\n---\nBody\n";
  REQUIRE(splitFrontMatter(text, "p.md", false, fm, diags));
  CHECK(fm.format == FrontMatterFormat::Yaml);
  CHECK(fm.data.find("title")->text == "Hello");
  CHECK(fm.data.find("tags")->values.size() == 2);
  CHECK(fm.data.keyLines[0] == 2);
  CHECK(fm.data.keyLines[1] == 3);
  CHECK(fm.data.find("tags")->values[1].line == 5);
  CHECK(fm.body == "Body\n");
  CHECK(fm.bodyLine == 7);
}

TEST_CASE("YAML front matter closed by `...` and empty front matter") {
  DiagnosticSink diags;
  FrontMatter fm;
  REQUIRE(splitFrontMatter("---\ntitle: x\n...\nBody", "p.md", false, fm, diags));
  CHECK(fm.body == "Body");
  REQUIRE(splitFrontMatter("---\n---\nBody", "p.md", false, fm, diags));
  CHECK(fm.data.isMap());
  CHECK(fm.data.keys.empty());
  CHECK(fm.bodyLine == 3);
  REQUIRE(splitFrontMatter("No front matter\n---\n", "p.md", false, fm, diags));
  CHECK(fm.format == FrontMatterFormat::None);
  CHECK(fm.bodyLine == 1);
  CHECK(diags.count() == 0);
}

TEST_CASE("TOML front matter with native datetimes, tables and arrays") {
  DiagnosticSink diags;
  FrontMatter fm;
  std::string text =
      "+++\n"
      "title = \"TOML\"\n"
      "date = 2025-01-10T08:00:00+01:00\n"
      "local = 2025-01-11T09:15:00\n"
      "day = 2025-01-12\n"
      "draft = false\n"
      "weight = 3\n"
      "ratio = 0.5\n"
      "tags = [\"a\", \"b\"]\n"
      "[params]\n"
      "  mood = \"happy\"\n"
      "+++\n"
      "Body\n";
  REQUIRE(splitFrontMatter(text, "p.md", false, fm, diags));
  CHECK(fm.format == FrontMatterFormat::Toml);
  CHECK(fm.data.find("date")->text == "2025-01-10T08:00:00+01:00");
  auto date = parseDateTime(fm.data.find("date")->text);
  REQUIRE(date);
  CHECK(date->offsetMinutes == 60);
  CHECK(parseDateTime(fm.data.find("local")->text)->hasOffset == false);
  CHECK(fm.data.find("day")->text == "2025-01-12");
  CHECK(fm.data.find("draft")->falsy());
  CHECK(fm.data.find("weight")->text == "3");
  CHECK(fm.data.find("tags")->values.size() == 2);
  CHECK(fm.data.path("params.mood")->text == "happy");
  CHECK(fm.data.keyLines[fm.data.indexOf("date")] == 3);
  CHECK(fm.bodyLine == 13);
}

TEST_CASE("malformed front matter: errors at the file line") {
  SUBCASE("YAML: a mapping value where none is allowed, on line 4") {
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter("---\ntitle: ok\ndate: 2025-01-01\nsubtitle: a: b\n---\n", "p.md", false, fm, diags));
    REQUIRE(diags.errorCount() == 1);
    Diagnostic d = diags.all()[0];
    CHECK(d.code == "frontmatter-yaml");
    CHECK(d.loc.path == "p.md");
    CHECK(d.loc.line == 4);
    CHECK(d.loc.col == 12);
  }
  SUBCASE("YAML: bad indentation on line 4") {
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter("---\na: 1\nb:\n  - x\n - y\n---\n", "p.md", false, fm, diags));
    REQUIRE(diags.errorCount() == 1);
    CHECK(diags.all()[0].loc.line == 5);
  }
  SUBCASE("TOML: the broken line") {
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter("+++\ntitle = \"x\"\n\nbroken line here\n+++\nBody", "p.md", false, fm, diags));
    REQUIRE(diags.errorCount() == 1);
    CHECK(diags.all()[0].code == "frontmatter-toml");
    CHECK(diags.all()[0].loc.line == 4);
  }
  SUBCASE("never closed") {
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter("---\ntitle: x\nBody\n", "p.md", false, fm, diags));
    CHECK(diags.all()[0].code == "frontmatter-unclosed");
    CHECK(diags.all()[0].loc.line == 1);
  }
  SUBCASE("not a map") {
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter("---\njust text\n---\n", "p.md", false, fm, diags));
    CHECK(diags.errorCount() == 1);
  }
  SUBCASE("a quote never closed swallows nothing: error where it opened") {
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter("---\ntitle: \"Launch day\ndate: 2025-01-01\n---\nBody", "p.md", false, fm, diags));
    REQUIRE(diags.errorCount() == 1);
    CHECK(diags.all()[0].loc.line == 2);
    CHECK(diags.all()[0].loc.col == 8);
    CHECK_FALSE(splitFrontMatter("---\ntags: ['a', 'b\n---\nBody", "p.md", false, fm, diags));
  }
  SUBCASE("quotes that YAML reads as text are not mistaken for unclosed ones") {
    const char* fine[] = {
        "---\ntitle: It's \"fine\" here\n---\n",
        "---\ntitle: 'It''s quoted'\nx: \"a \\\" b\"\n---\n",
        "---\nsummary: |\n  He said \"hi\n  and left\nnext: ok\n---\n",
        "---\nsummary: >-\n  don't\n---\n",
        "---\ntitle: ok # a comment with a \" quote\n---\n",
        "---\ntitle: \"multi\n  line\"\n---\n",
        "---\n- \"x\"\n---\n"};
    for (const char* text : fine) {
      DiagnosticSink diags;
      FrontMatter fm;
      splitFrontMatter(text, "p.md", false, fm, diags);
      for (const auto& d : diags.all()) CHECK_MESSAGE(d.message.find("never closed") == std::string::npos, text);
    }
  }
  SUBCASE("alias bombs are bounded") {
    std::string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + prev;
      bomb += "]\n";
      prev = c;
    }
    bomb += "---\n";
    DiagnosticSink diags;
    FrontMatter fm;
    CHECK_FALSE(splitFrontMatter(bomb, "p.md", false, fm, diags));
    CHECK(diags.errorCount() == 1);
  }
}

TEST_CASE("JSON front matter only where allowed (Hugo)") {
  DiagnosticSink diags;
  FrontMatter fm;
  std::string text = "{\n  \"title\": \"J\",\n  \"tags\": [\"x\"]\n}\nBody\n";
  REQUIRE(splitFrontMatter(text, "p.md", true, fm, diags));
  CHECK(fm.format == FrontMatterFormat::Json);
  CHECK(fm.data.find("title")->text == "J");
  CHECK(fm.bodyLine == 5);
  REQUIRE(splitFrontMatter(text, "p.md", false, fm, diags));
  CHECK(fm.format == FrontMatterFormat::None);
}

TEST_CASE("text normalisation: BOM, CRLF, lone CR, invalid UTF-8 with position") {
  DiagnosticSink diags;
  CHECK(normaliseText("\xEF\xBB\xBFhello\r\nworld\rend", "p.md", diags) == "hello\nworld\nend");
  CHECK(diags.count() == 0);
  std::string out = normaliseText("ok\nline two \xFF\xFE!\n", "p.md", diags);
  CHECK(pp::isValidUtf8(out));
  REQUIRE(diags.warningCount() == 1);
  Diagnostic d = diags.all()[0];
  CHECK(d.code == "utf8-invalid");
  CHECK(d.loc.line == 2);
  CHECK(d.loc.col == 10);
}

TEST_CASE("readPost: CRLF + BOM YAML post reads like an LF one") {
  test::TempSite site;
  site.write("_config.yml", "title: t\n");
  fs::path file = site.write("_posts/2025-09-15-crlf.md",
                             "\xEF\xBB\xBF---\r\ntitle: \"CRLF\"\r\ntags: [a]\r\n---\r\nOne.\r\nTwo.\r\n");
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = site.root();
  Site s = loadSite(opts, diags);
  REQUIRE(s.posts.size() == 1);
  const Post& p = s.posts[0];
  CHECK(p.title == "CRLF");
  CHECK(p.body == "One.\nTwo.\n");
  CHECK(p.bodyLine == 5);
  CHECK(p.loc(2).line == 6);
  CHECK(p.fieldLocs.at("tags").line == 3);
  CHECK(p.params.at("tags.0") == "a");
  CHECK(p.date.isoDate() == "2025-09-15");
}
