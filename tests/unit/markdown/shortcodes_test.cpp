// Hugo shortcodes on the fixture site tests/data/markdown/hugo (a page bundle with images).
#include <doctest/doctest.h>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

struct HugoFixture {
  DiagnosticSink siteDiags;
  Site site;
  HugoFixture() {
    SiteOptions o;
    o.root = std::string(PP_TEST_DATA) + "/markdown/hugo";
    site = loadSite(o, siteDiags);
  }
  const Post& bundle() const {
    for (const auto& p : site.posts)
      if (p.title == "Bundle") return p;
    return site.posts.at(0);
  }
  Document parse(const std::string& body, DiagnosticSink& d) {
    Post p = bundle();
    p.body = body;
    return parsePost(site, p, d);
  }
};

}  // namespace

TEST_CASE("shortcodes: figure, imgproc (bundle prefix), gallery (bundle glob)") {
  HugoFixture fx;
  REQUIRE(fx.site.posts.size() == 2);
  DiagnosticSink d;
  Document doc = fx.parse(
      "{{< figure src=\"/img/x.png\" title=\"Title\" caption=\"The *caption*\" link=\"https://x.org\" width=\"300\" >}}\n\n"
      "{{< imgproc featured Resize 600x >}}\nA diagram\n{{< /imgproc >}}\n\n"
      "{{< gallery match=\"images/*\" sortOrder=\"desc\" rowHeight=\"150\"\n   margins=\"5\" >}}\n\n"
      "{{< imgproc nothing Resize 600x >}}{{< /imgproc >}}\n",
      d);
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 6);
  CHECK(figs[0]->image.src == "/img/x.png");
  CHECK(figs[0]->image.widthHint == 300);
  CHECK(figs[0]->link.url == "https://x.org");
  CHECK(plainText(figs[0]->inlines) == "Title: The caption");
  CHECK(figs[1]->image.src == "featured-diagram.png");
  CHECK(figs[1]->image.widthHint == 600);
  CHECK(plainText(figs[1]->inlines) == "A diagram");
  CHECK(figs[2]->image.src == "images/c.png");
  CHECK(figs[3]->image.src == "images/b.jpg");
  CHECK(figs[4]->image.src == "images/a.png");
  CHECK(hasDiag(d, "shortcode-imgproc", fx.bundle().bodyLine + 10 - 1));
}

TEST_CASE("shortcodes: embeds, boxes in both forms, highlight, ref, unknown") {
  HugoFixture fx;
  DiagnosticSink d;
  Document doc = fx.parse(
      "{{< youtube id=\"dQw4w9WgXcQ\" >}}\n\n{{% youtube pN41tIKn3eE %}}\n\n"
      "{{< tweet user=\"stefanprodan\" id=\"1557754198648913921\" >}}\n\n{{< vimeo 12345 >}}\n\n"
      "{{% alert color=\"warning\" title=\"Breaking change\" %}}\nRead **this**.\n{{% /alert %}}\n\n"
      "{{% note %}}\nA note.\n{{% /note %}}\n\n"
      "{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n\n"
      "See [other]({{< ref \"other.md\" >}}) and [missing]({{< relref \"nope\" >}}).\n\n"
      "{{< mystery a=1 >}}inner kept{{< /mystery >}} {{< lone >}}\n\n"
      "Show: `{{</* youtube x */>}}`\n",
      d);
  auto embeds = blocksOfKind(doc, BlockKind::Embed);
  REQUIRE(embeds.size() == 4);
  CHECK(embeds[0]->link.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  CHECK(embeds[1]->link.url == "https://www.youtube.com/watch?v=pN41tIKn3eE");
  CHECK(embeds[2]->link.url == "https://twitter.com/stefanprodan/status/1557754198648913921");
  CHECK(embeds[3]->link.url == "https://vimeo.com/12345");
  auto boxes = blocksOfKind(doc, BlockKind::Admonition);
  REQUIRE(boxes.size() == 2);
  CHECK(boxes[0]->admonition == AdmonitionKind::Warning);
  CHECK(plainText(boxes[0]->inlines) == "Breaking change");
  CHECK(plainText(*boxes[0]).find("Read this.") != std::string::npos);
  CHECK(boxes[1]->admonition == AdmonitionKind::Note);
  auto code = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(code.size() == 1);
  CHECK(code[0]->info == "go");
  CHECK(code[0]->text == "func main() {}");
  auto links = inlinesOfKind(doc, InlineKind::Link);
  REQUIRE(links.size() >= 2);
  const Post* other = nullptr;
  for (const auto& p : fx.site.posts)
    if (p.title == "Other") other = &p;
  REQUIRE(other);
  CHECK(links[0]->link.url == other->permalinkPath);
  CHECK(hasDiag(d, "shortcode-ref"));
  CHECK(hasDiag(d, "shortcode-unknown"));
  std::string all = allText(doc);
  CHECK(all.find("inner kept") != std::string::npos);
  CHECK(visibleText(doc).find("{{<") == std::string::npos);
  auto codes = inlinesOfKind(doc, InlineKind::Code);
  REQUIRE(!codes.empty());
  CHECK(codes.back()->text == "{{< youtube x >}}");
  // Hugo enableEmoji
  Document e = fx.parse("Go :rocket:\n", d);
  CHECK(plainText(e.blocks.at(0)) == "Go \xF0\x9F\x9A\x80");
}

// Docsy's comment and Hugo's own (0.137): what the author hid stays hidden, headings and all,
// in both delimiters and on one line; no warning, since the shortcode is known.
TEST_CASE("shortcodes: comment hides its inner content") {
  HugoFixture fx;
  DiagnosticSink d;
  Document doc = fx.parse(
      "Before.\n\n{{% comment %}}\n\n## Hidden heading\n\nHidden **text**.\n\n{{% /comment %}}\n\n"
      "Shown {{< comment >}} cSpell:disable {{< /comment >}}after.\n\n"
      "{{< comment >}}\n<!-- Hidden in HTML too -->\n{{< /comment >}}\nEnd.\n",
      d);
  std::string all = allText(doc);
  CHECK(all.find("Hidden") == std::string::npos);
  CHECK(all.find("cSpell") == std::string::npos);
  CHECK(all.find("Before.") != std::string::npos);
  CHECK(all.find("Shown") != std::string::npos);
  CHECK(all.find("after.") != std::string::npos);
  CHECK(all.find("End.") != std::string::npos);
  CHECK(blocksOfKind(doc, BlockKind::Heading).empty());
  CHECK_FALSE(hasDiag(d, "shortcode-unknown"));
  CHECK_FALSE(hasDiag(d, "shortcode-unclosed"));
}
