#include <doctest/doctest.h>

#include "postpress/support/text.h"
#include "site/post_reader.h"
#include "site_test_util.h"

using namespace pp;
using namespace pp::site;

TEST_CASE("author strings: HTML stripped, lists split, surname-first kept") {
  CHECK(splitAuthorNames("Yuan Tang") == std::vector<std::string>{"Yuan Tang"});
  CHECK(splitAuthorNames("Josh Bottum, Thea Lamkin, David Aronchick") ==
        std::vector<std::string>{"Josh Bottum", "Thea Lamkin", "David Aronchick"});
  CHECK(splitAuthorNames("Anna Jung, Johnu George, and Josh Bottum") ==
        std::vector<std::string>{"Anna Jung", "Johnu George", "Josh Bottum"});
  CHECK(splitAuthorNames("Kubeflow 1.8 Release Team, David Cardozo and Josh Bottum") ==
        std::vector<std::string>{"Kubeflow 1.8 Release Team", "David Cardozo", "Josh Bottum"});
  CHECK(splitAuthorNames("<a href='https://twitter.com/x'>Yuan Tang</a> (Ant Group), "
                         "<a href='https://y'>Wei Yan</a> (Ant Group), and <a href='z'>Rong Ou</a> (NVIDIA)") ==
        std::vector<std::string>{"Yuan Tang", "Wei Yan", "Rong Ou"});
  CHECK(splitAuthorNames("Doe, John") == std::vector<std::string>{"Doe, John"});
  CHECK(splitAuthorNames("Alice & Bob Smith") == std::vector<std::string>{"Alice", "Bob Smith"});
  CHECK(splitAuthorNames("AT&T Research") == std::vector<std::string>{"AT&T Research"});
  CHECK(splitAuthorNames("Hezhi(Helen) Xie") == std::vector<std::string>{"Hezhi(Helen) Xie"});
  CHECK(splitAuthorNames("Ann Lee (Google), Bo Chen (IBM).") ==
        std::vector<std::string>{"Ann Lee", "Bo Chen"});
  CHECK(splitAuthorNames("Andrea Anderson and Sandy Landers") ==
        std::vector<std::string>{"Andrea Anderson", "Sandy Landers"});
  CHECK(splitAuthorNames("").empty());
}

namespace {
std::string describe(const std::vector<Author>& people) {
  std::string out;
  for (const Author& a : people) out += "{" + a.name + "|" + a.url + "|" + a.affiliation + "}";
  return out;
}
}  // namespace

TEST_CASE("author strings written as Markdown: name, link and affiliation kept apart") {
  CHECK(describe(parseAuthorText("[Jane Doe](https://j.example) (Acme), [John Roe](https://r.example) (Initech)")) ==
        "{Jane Doe|https://j.example|Acme}{John Roe|https://r.example|Initech}");
  // Folded YAML: the name broken over a line; "and" before the last; a comma inside the
  // parentheses belongs to the affiliation.
  CHECK(describe(parseAuthorText("[Matthew Kocher](https://a) (VMware) and [Carson\n  Long](https://b) (VMware)")) ==
        "{Matthew Kocher|https://a|VMware}{Carson Long|https://b|VMware}");
  CHECK(describe(parseAuthorText("[J P](https://a) (OpenTelemetry,\n  Grafana Labs), [P B](https://b) (OpenTelemetry, Datadog)")) ==
        "{J P|https://a|OpenTelemetry, Grafana Labs}{P B|https://b|OpenTelemetry, Datadog}");
  // Links with no separator between them, affiliations glued to the link, a trailing comma.
  CHECK(describe(parseAuthorText("[A B](https://a) (Google) [C D](https://c) (Datadog)")) ==
        "{A B|https://a|Google}{C D|https://c|Datadog}");
  CHECK(describe(parseAuthorText("[A B](https://a)(Grafana Labs), [C D](https://c) (Grafana Labs)")) ==
        "{A B|https://a|Grafana Labs}{C D|https://c|Grafana Labs}");
  CHECK(describe(parseAuthorText("[Adriana Villela](https://a) (ServiceNow),")) == "{Adriana Villela|https://a|ServiceNow}");
  // A lone word after a linked name is its organisation; two words are another person.
  CHECK(describe(parseAuthorText("[Severin Neumann](https://s), Cisco")) == "{Severin Neumann|https://s|Cisco}");
  CHECK(describe(parseAuthorText("[Haochao Zhuang](https://h), Fei Han")) == "{Haochao Zhuang|https://h|}{Fei Han||}");
  // CJK punctuation: full-width parentheses and the ideographic comma.
  CHECK(describe(parseAuthorText("[刘 明](https://l)（微软）、[Trask Stalnaker](https://t)（微软）")) ==
        "{刘 明|https://l|微软}{Trask Stalnaker|https://t|微软}");
  // The whole string quoted once more inside the YAML string.
  CHECK(describe(parseAuthorText("\"[E O](https://e), [V N](https://v)\"")) == "{E O|https://e|}{V N|https://v|}");
  // Pelican: semicolons separate when present, so names may hold commas.
  CHECK(splitAuthorNames("Metaireau, Alexis; Doyle, Conan") ==
        std::vector<std::string>{"Metaireau, Alexis", "Doyle, Conan"});
  CHECK(describe(parseAuthorText("Jane Doe <jane@example.org>")) == "{Jane Doe|mailto:jane@example.org|}");
  // One item of a list is one person, unless it holds several links.
  CHECK(describe(parseAuthorText("Procter and Gamble Team", true)) == "{Procter and Gamble Team||}");
  CHECK(describe(parseAuthorText("[Jane](https://j) (Acme)", true)) == "{Jane|https://j|Acme}");
}

TEST_CASE("tag strings: commas, Jekyll spaces, or one tag") {
  CHECK(splitTagString("ai, machine learning ,ml", false) ==
        std::vector<std::string>{"ai", "machine learning", "ml"});
  CHECK(splitTagString("ai ml", true) == std::vector<std::string>{"ai", "ml"});
  CHECK(splitTagString("Machine Learning", false) == std::vector<std::string>{"Machine Learning"});
  CHECK(splitTagString("  ", false).empty());
}

TEST_CASE("first heading: ATX and setext, never inside fences") {
  CHECK(firstHeading("# Title\n\nBody") == "Title");
  CHECK(firstHeading("Intro\n\n```\n# code\n```\n\n# Real # \n") == "Real");
  CHECK(firstHeading("~~~~\n# no\n~~~\n# still code\n~~~~\n# Yes\n") == "Yes");
  CHECK(firstHeading("Setext\n======\n") == "Setext");
  CHECK(firstHeading("## Second level\nText\n") == "");
  CHECK(firstHeading("#hashtag is not a heading\n") == "");
  CHECK(firstHeading("    # indented code\n") == "");
  CHECK(firstHeading("") == "");
}

namespace {
Site tagSite(const std::string& tagSource, test::TempSite& dir, bool withTags) {
  dir.write("_config.yml", "title: t\n");
  dir.write("_posts/2025-01-01-a.md",
            "---\ntitle: A\ncategories: [Release, community]\n" +
                std::string(withTags ? "tags: [Kubernetes]\n" : "") + "---\n");
  dir.write("_posts/2025-01-02-b.md", "---\ntitle: B\ncategory: release\n---\n");
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = dir.root();
  opts.tagSource = tagSource;
  return loadSite(opts, diags);
}
}  // namespace

TEST_CASE("tag source: categories stand in for tags on a site without tags") {
  {
    test::TempSite dir;
    Site s = tagSite("auto", dir, false);
    REQUIRE(s.posts.size() == 2);
    CHECK(s.posts[0].tags == std::vector<std::string>{"Release", "community"});
    CHECK(s.posts[1].tags == std::vector<std::string>{"release"});
  }
  {
    test::TempSite dir;
    Site s = tagSite("auto", dir, true);  // the site has tags: categories stay categories
    CHECK(s.posts[0].tags == std::vector<std::string>{"Kubernetes"});
    CHECK(s.posts[1].tags.empty());
  }
  {
    test::TempSite dir;
    Site s = tagSite("both", dir, true);
    CHECK(s.posts[0].tags == std::vector<std::string>{"Kubernetes", "Release", "community"});
  }
  {
    test::TempSite dir;
    Site s = tagSite("categories", dir, true);
    CHECK(s.posts[0].tags == std::vector<std::string>{"Release", "community"});
  }
  {
    test::TempSite dir;
    Site s = tagSite("tags", dir, false);
    CHECK(s.posts[0].tags.empty());
  }
}

TEST_CASE("hero images: the keys real themes use") {
  test::TempSite dir;
  dir.write("_config.yml", "title: t\n");
  dir.write("_posts/2025-01-01-a.md", "---\ncover:\n  image: covers/a.png\n  alt: A\n---\n");
  dir.write("_posts/2025-01-02-b.md", "---\nimages: [first.jpg, second.jpg]\n---\n");
  dir.write("_posts/2025-01-03-c.md", "---\nfeatured_image: /img/c.webp\n---\n");
  dir.write("_posts/2025-01-04-d.md", "---\nimage:\n  path: /assets/d.png\n---\n");
  dir.write("_posts/2025-01-05-e.md", "---\nthumbnail: e.png\nhero: hero-e.png\n---\n");
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = dir.root();
  Site s = loadSite(opts, diags);
  REQUIRE(s.posts.size() == 5);
  CHECK(s.posts[0].heroImage == "covers/a.png");
  CHECK(s.posts[1].heroImage == "first.jpg");
  CHECK(s.posts[2].heroImage == "/img/c.webp");
  CHECK(s.posts[3].heroImage == "/assets/d.png");
  CHECK(s.posts[4].heroImage == "hero-e.png");
}

TEST_CASE("Jekyll permalink styles") {
  struct Case {
    const char* rule;
    const char* expected;
  } cases[] = {
      {"date", "/news/2025/03/07/my-post.html"},
      {"pretty", "/news/2025/03/07/my-post/"},
      {"ordinal", "/news/2025/066/my-post.html"},
      {"none", "/news/my-post.html"},
      {"weekdate", "/news/2025/W10/Fri/my-post.html"},
      {"/:year/:i_month/:i_day/:slug", "/2025/3/7/my-post"},
      {"/blog/:short_year/:long_month/:title.html", "/blog/25/March/my-post.html"},
  };
  for (const Case& c : cases) {
    test::TempSite dir;
    dir.write("_config.yml", std::string("url: https://x.org\npermalink: ") + c.rule + "\n");
    dir.write("_posts/2025-03-07-my-post.md", "---\ntitle: T\ncategories: News\n---\n");
    DiagnosticSink diags;
    SiteOptions opts;
    opts.root = dir.root();
    Site s = loadSite(opts, diags);
    REQUIRE(s.posts.size() == 1);
    CHECK_MESSAGE(s.posts[0].permalinkPath == c.expected, c.rule);
    CHECK(s.posts[0].url == std::string("https://x.org") + c.expected);
  }
}

TEST_CASE("readPost on its own, with a hand-made Site") {
  test::TempSite dir;
  fs::path file = dir.write("notes/2024-12-24-eve.md", "Just text, no front matter.\n");
  Site site;
  site.root = dir.root();
  site.contentDir = dir.root();
  DiagnosticSink diags;
  auto post = readPost(site, file, diags);
  REQUIRE(post);
  CHECK(post->path == "notes/2024-12-24-eve.md");
  CHECK(post->title == "Eve");
  CHECK(post->date.isoDate() == "2024-12-24");
  CHECK(post->bodyLine == 1);
  CHECK(post->permalinkPath == "/notes/2024-12-24-eve/");

  fs::path empty = dir.write("notes/empty.md", "  \n");
  CHECK_FALSE(readPost(site, empty, diags));
  CHECK(diags.countCode("post-empty") == 1);
  CHECK_FALSE(readPost(site, dir.root() / "nope.md", diags));
  CHECK(diags.countCode("post-read") == 1);
}

TEST_CASE("hugo: config/_default/ folder, content/post/, TOML everywhere") {
  test::TempSite dir;
  dir.write("config/_default/hugo.toml", "baseURL = 'https://t.example/'\ntitle = 'Dir Config'\n");
  dir.write("config/_default/params.toml", "mainSections = ['post']\nauthor = 'Owner'\n");
  dir.write("config/_default/permalinks.toml", "post = '/p/:slug/'\n");
  dir.write("content/post/hello.md", "+++\ntitle = 'Hello'\ndate = 2024-05-01T10:00:00Z\nslug = 'hi'\n+++\nBody\n");
  dir.write("content/post/_index.md", "+++\ntitle = 'Posts'\n+++\n");
  dir.write("content/page/about.md", "+++\ntitle = 'About'\n+++\n");
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = dir.root();
  Site s = loadSite(opts, diags);
  CHECK(s.generator == Generator::Hugo);
  CHECK(s.configPath == "config/_default/hugo.toml");
  CHECK(s.title == "Dir Config");
  REQUIRE(s.posts.size() == 1);
  CHECK(s.posts[0].title == "Hello");
  CHECK(s.posts[0].authors == std::vector<std::string>{"Owner"});
  CHECK(s.posts[0].url == "https://t.example/p/hi/");
  CHECK(diags.errorCount() == 0);
}

TEST_CASE("docusaurus: TypeScript config, custom blog path, route at the root") {
  test::TempSite dir;
  dir.write("docusaurus.config.ts",
            "import type {Config} from '@docusaurus/types';\n"
            "const config: Config = {\n  title: \"TS Site\",\n  url: `https://ts.example`,\n"
            "  baseUrl: '/docs/',\n  presets: [['classic', {blog: {path: 'news', routeBasePath: '/'}}]],\n};\n"
            "export default config;\n");
  dir.write("news/2023-01-02-new-year.mdx", "---\ntitle: New year\n---\nHi\n");
  dir.write("blog/2023-01-03-wrong-place.md", "---\ntitle: Not the blog folder\n---\n");
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = dir.root();
  Site s = loadSite(opts, diags);
  CHECK(s.generator == Generator::Docusaurus);
  CHECK(s.title == "TS Site");
  CHECK(s.baseurl == "/docs");
  REQUIRE(s.posts.size() == 1);
  CHECK(s.posts[0].path == "news/2023-01-02-new-year.mdx");
  CHECK(s.posts[0].format == SourceFormat::Mdx);
  CHECK(s.posts[0].url == "https://ts.example/docs/2023/01/02/new-year");
}
