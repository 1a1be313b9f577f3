// Authors named where real Hugo sites name them: params, data files, taxonomy term pages.
#include <doctest/doctest.h>

#include "site_test_util.h"

using namespace pp;

namespace {

// The site in dir, its diagnostics left unread (these tests look at the authors only).
Site loadIgnoringDiagnostics(const test::TempSite& dir) {
  DiagnosticSink diags;
  return test::loadTempSite(dir, diags);
}

std::vector<std::string> authorsOf(const Site& s, const char* path) {
  const Post* p = test::findPost(s, path);
  REQUIRE(p != nullptr);
  return p->authors;
}

}  // namespace

TEST_CASE("hugo: authors under params, resolved by data/authors.yaml") {
  test::TempSite dir;
  dir.write("hugo.toml", "title = 'Team blog'\n");
  dir.write("data/authors.yaml",
            "jdoe:\n  name: Jane Doe\n  company: Acme\n  website: https://jane.example\n"
            "rroe: Rick Roe\n");
  dir.write("content/posts/a.md", "---\ntitle: A\nparams:\n  author: jdoe\n---\nBody\n");
  dir.write("content/posts/b.md", "---\ntitle: B\nparams:\n  authors: [jdoe, rroe]\n---\nBody\n");
  dir.write("content/posts/c.md", "+++\ntitle = 'C'\n[params]\nauthors = ['Someone Else']\n+++\nBody\n");
  Site s = loadIgnoringDiagnostics(dir);
  CHECK(authorsOf(s, "content/posts/a.md") == std::vector<std::string>{"Jane Doe"});
  CHECK(authorsOf(s, "content/posts/b.md") == std::vector<std::string>{"Jane Doe", "Rick Roe"});
  CHECK(authorsOf(s, "content/posts/c.md") == std::vector<std::string>{"Someone Else"});
  const Post* a = test::findPost(s, "content/posts/a.md");
  REQUIRE(a->authorDetails.size() == 1);
  CHECK(a->authorDetails[0].key == "jdoe");
  CHECK(a->authorDetails[0].affiliation == "Acme");
  CHECK(a->authorDetails[0].url == "https://jane.example");
}

TEST_CASE("hugo: one data file per author, and the authors taxonomy's term pages") {
  test::TempSite dir;
  dir.write("config.toml", "title = 'x'\n[taxonomies]\nauthor = 'authors'\n");
  dir.write("data/authors/ana.toml", "name = 'Ana Lima'\norganization = 'Initech'\n");
  dir.write("content/authors/bo-chen/_index.md", "---\ntitle: Bo Chen\nparams:\n  affiliation: Globex\n---\n");
  dir.write("content/blog/x.md", "---\ntitle: X\nauthors: [ana, bo-chen]\n---\nBody\n");
  Site s = loadIgnoringDiagnostics(dir);
  CHECK(authorsOf(s, "content/blog/x.md") == std::vector<std::string>{"Ana Lima", "Bo Chen"});
  const Post* x = test::findPost(s, "content/blog/x.md");
  CHECK(x->authorDetails[0].affiliation == "Initech");
  CHECK(x->authorDetails[1].affiliation == "Globex");
  CHECK(x->authorDetails[1].key == "bo-chen");
}

TEST_CASE("markdown author strings become separate people in any generator") {
  test::TempSite dir;
  dir.write("hugo.yaml", "title: t\n");
  dir.write("content/blog/2025/x/index.md",
            "---\ntitle: X\nauthor: >-\n  [Jane Doe](https://github.com/jd) (Acme), [John\n  Roe](https://github.com/jr) (Initech)\n---\nBody\n");
  Site s = loadIgnoringDiagnostics(dir);
  const Post* x = test::findPost(s, "content/blog/2025/x/index.md");
  REQUIRE(x != nullptr);
  CHECK(x->authors == std::vector<std::string>{"Jane Doe", "John Roe"});
  REQUIRE(x->authorDetails.size() == 2);
  CHECK(x->authorDetails[1].url == "https://github.com/jr");
  CHECK(x->authorDetails[1].byline() == "John Roe (Initech)");
}

TEST_CASE("an affiliation written inside an author's link text is the affiliation") {
  test::TempSite dir;
  dir.write("hugo.yaml", "title: t\n");
  dir.write("content/blog/2025/x/index.md",
            "---\ntitle: X\nauthor: \"[Jane Doe (Acme)](https://github.com/jd), [John Roe](https://github.com/jr) (Initech), [Max (Moritz) Muster](https://m.example)\"\n---\nBody\n");
  Site s = loadIgnoringDiagnostics(dir);
  const Post* x = test::findPost(s, "content/blog/2025/x/index.md");
  REQUIRE(x != nullptr);
  CHECK(x->authors == std::vector<std::string>{"Jane Doe", "John Roe", "Max (Moritz) Muster"});
  REQUIRE(x->authorDetails.size() == 3);
  CHECK(x->authorDetails[0].affiliation == "Acme");
  CHECK(x->authorDetails[0].url == "https://github.com/jd");
  CHECK(x->authorDetails[1].affiliation == "Initech");
  CHECK(x->authorDetails[2].affiliation.empty());  // a group inside the name stays in it
}

TEST_CASE("quarto-style author maps: given/family names, url, affiliations") {
  test::TempSite dir;
  dir.write("_config.yml", "title: t\n");
  dir.write("_posts/2025-01-01-a.md",
            "---\ntitle: A\nauthor:\n  - name: {given: Norah, family: Jones}\n    url: https://nj.example\n"
            "    affiliations:\n      - name: Carnegie Mellon University\n  - name: Bob\n    affiliation: Initech\n---\n");
  Site s = loadIgnoringDiagnostics(dir);
  const Post* a = test::findPost(s, "_posts/2025-01-01-a.md");
  REQUIRE(a != nullptr);
  CHECK(a->authors == std::vector<std::string>{"Norah Jones", "Bob"});
  CHECK(a->authorDetails[0].affiliation == "Carnegie Mellon University");
  CHECK(a->authorDetails[0].url == "https://nj.example");
  CHECK(a->authorDetails[1].affiliation == "Initech");
}
