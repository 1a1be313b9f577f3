// Jekyll Liquid before Markdown, on the fixture site tests/data/markdown/jekyll.
#include <doctest/doctest.h>

#include "helpers.h"
#include "postpress/support/text.h"

using namespace pp;
using namespace pptest;

namespace {

struct JekyllFixture {
  DiagnosticSink siteDiags;
  Site site;
  JekyllFixture() {
    SiteOptions o;
    o.root = std::string(PP_TEST_DATA) + "/markdown/jekyll";
    site = loadSite(o, siteDiags);
  }
  Document parse(const std::string& body, DiagnosticSink& d) {
    Post p = site.posts.at(0);
    p.body = body;
    p.title = "Fixture";
    return parsePost(site, p, d);
  }
};

}  // namespace

TEST_CASE("liquid: site and page variables, filters, unknown filter passes through") {
  JekyllFixture fx;
  REQUIRE(fx.site.posts.size() == 3);
  DiagnosticSink d;
  Document doc = fx.parse(
      "Title {{ site.title }} at {{ site.url }}{{ site.baseurl }}, page {{ page.title | upcase }}.\n\n"
      "![logo]({{ '/img/logo.png' | relative_url }})\n\n"
      "{{ 'x' | frobnicate }} {{ nothing | default: 'fallback' }} {{ '2025-03-04' | date: '%B %-d, %Y' }}\n",
      d);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(plainText(doc.blocks[0]) == "Title Fixture Blog at https://fixture.example/blog, page FIXTURE.");
  CHECK(doc.blocks[1].kind == BlockKind::Figure);
  CHECK(doc.blocks[1].image.src == "/blog/img/logo.png");
  CHECK(plainText(doc.blocks[2]) == "x fallback March 4, 2025");
  CHECK(hasDiag(d, "liquid-filter-unknown"));
}

TEST_CASE("liquid: raw, comment, highlight, if/unless/assign/capture/for") {
  JekyllFixture fx;
  DiagnosticSink d;
  Document doc = fx.parse(
      "{% raw %}Shown {{ literally }}{% endraw %}\n\n"
      "{% comment %}hidden{% endcomment %}Visible\n\n"
      "{% highlight ruby linenos %}\nputs {{ 1 }}\n{% endhighlight %}\n\n"
      "{% assign n = 3 %}{% if n > 2 and site.title contains 'Fixture' %}big{% else %}small{% endif %}"
      "{% unless n == 3 %} not{% endunless %}\n\n"
      "{% capture who %}Ada{% endcapture %}Hi {{ who }}!\n\n"
      "{% for i in (1..3) %}{{ i }}{% unless forloop.last %},{% endunless %}{% endfor %}\n",
      d);
  std::string all = allText(doc);
  CHECK(all.find("Shown {{ literally }}") != std::string::npos);
  CHECK(all.find("hidden") == std::string::npos);
  CHECK(all.find("Visible") != std::string::npos);
  auto code = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(code.size() == 1);
  CHECK(code[0]->info == "ruby");
  CHECK(code[0]->text == "puts {{ 1 }}");
  CHECK(all.find("big") != std::string::npos);
  CHECK(all.find("not") == std::string::npos);
  CHECK(all.find("Hi Ada!") != std::string::npos);
  CHECK(all.find("1,2,3") != std::string::npos);
}

TEST_CASE("liquid: includes of boxes, embeds, figures, Markdown files and templates") {
  JekyllFixture fx;
  DiagnosticSink d;
  Document doc = fx.parse(
      "Intro.\n\n"
      "{% include note.html content=\"Take **note** of this.\" %}\n\n"
      "{% include warning.html content='Careful' %}\n\n"
      "{% include youtube.html content='<a href=\"https://youtu.be/XfoYk_Z5AkI\">video</a>' %}\n\n"
      "{% twitter https://twitter.com/jakevdp/status/1204765621767901185 %}\n\n"
      "{% include image.html url=\"/img/cat.png\" description=\"A cat\" %}\n\n"
      "{% capture x %}{% include posts/extra.md %}{% endcapture %}\n{{ x | markdownify }}\n\n"
      "Badge: {% include badge.html label='new' %}\n\n"
      "{% include missing.html %}\n\n"
      "{% octicon alert %}{% mystery arg %}Kept text{% endmystery %}\n",
      d);
  auto boxes = blocksOfKind(doc, BlockKind::Admonition);
  REQUIRE(boxes.size() == 2);
  CHECK(boxes[0]->admonition == AdmonitionKind::Note);
  CHECK(plainText(*boxes[0]) == "Take note of this.");
  CHECK(boxes[1]->admonition == AdmonitionKind::Warning);
  auto embeds = blocksOfKind(doc, BlockKind::Embed);
  REQUIRE(embeds.size() == 2);
  CHECK(embeds[0]->link.url == "https://www.youtube.com/watch?v=XfoYk_Z5AkI");
  CHECK(embeds[0]->text == "YouTube");
  CHECK(embeds[1]->link.url == "https://twitter.com/jakevdp/status/1204765621767901185");
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 1);
  CHECK(figs[0]->image.src == "/img/cat.png");
  CHECK(plainText(figs[0]->inlines) == "A cat");
  std::string all = allText(doc);
  CHECK(all.find("Included Markdown from Fixture Blog.") != std::string::npos);
  CHECK(blocksOfKind(doc, BlockKind::BulletList).size() == 1);
  CHECK(all.find("Badge: NEW") != std::string::npos);
  CHECK(all.find("Kept text") != std::string::npos);
  int body = fx.site.posts.at(0).bodyLine;
  CHECK(hasDiag(d, "liquid-include-missing", body + 18 - 1));
  CHECK(hasDiag(d, "liquid-tag-unknown", body + 20 - 1));
  CHECK(visibleText(doc).find("{%") == std::string::npos);
}

TEST_CASE("liquid: post_url and link produce the target's URL; fastpages footnotes") {
  JekyllFixture fx;
  DiagnosticSink d;
  Document doc = fx.parse("[a]({{ site.baseurl }}{% post_url 2025-01-02-second %}) [b]({% link _posts/2025-01-03-third.md %}) "
                          "[c]({% post_url 1999-01-01-nope %})\n\nNote{% fn 1 %}\n\n{{ 'The note.' | fndetail: 1 }}\n",
                          d);
  auto links = inlinesOfKind(doc, InlineKind::Link);
  REQUIRE(links.size() == 3);
  CHECK(links[0]->link.url == "/blog" + fx.site.posts[1].permalinkPath);
  CHECK(links[1]->link.url == fx.site.posts[2].permalinkPath);
  CHECK(hasDiag(d, "liquid-post-url"));
  CHECK(inlinesOfKind(doc, InlineKind::Superscript).size() == 2);
  CHECK(allText(doc).find("The note.") != std::string::npos);
}

TEST_CASE("liquid: unclosed markup never breaks the post") {
  JekyllFixture fx;
  DiagnosticSink d;
  Document doc = fx.parse("Before {{ broken\n\n{% if x %} never closed\n\nAfter.\n", d);
  CHECK(allText(doc).find("Before") != std::string::npos);
  CHECK(hasDiag(d, "liquid-unclosed"));
}

TEST_CASE("emoji shortcodes where the site enables them, Unicode emoji untouched") {
  JekyllFixture fx;  // plugins: jemoji
  DiagnosticSink d;
  Document doc = fx.parse("Ship it :rocket: :+1: but not `:tada:` nor 10:30:00 or :notanemoji: \xF0\x9F\x98\x80\n", d);
  std::string t = plainText(doc.blocks.at(0));
  CHECK(t.find("\xF0\x9F\x9A\x80") != std::string::npos);  // rocket
  CHECK(t.find("\xF0\x9F\x91\x8D") != std::string::npos);  // thumbs up
  CHECK(t.find(":tada:") != std::string::npos);            // code span untouched
  CHECK(t.find("10:30:00") != std::string::npos);
  CHECK(t.find(":notanemoji:") != std::string::npos);
  CHECK(t.find("\xF0\x9F\x98\x80") != std::string::npos);
  // Without the switch, shortcodes stay as written.
  Site plain = makeSite();
  Post p = makePost("Ship it :rocket:\n");
  CHECK(plainText(parsePost(plain, p, d).blocks.at(0)) == "Ship it :rocket:");
}
