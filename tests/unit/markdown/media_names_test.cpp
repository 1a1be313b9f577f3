// Images and media told from their names (support/media_types.h): which alt texts are file
// names, which MDX sources are images, which embeds come from which site.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace pp;
using namespace pptest;

TEST_CASE("media names: an alt text that is a file name of any image type is no caption") {
  DiagnosticSink d;
  Document doc = parse("![scan.TIFF](a.tiff)\n\n![photo.avif](b.avif)\n\n![The team at work](c.png)\n", d);
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 3);
  CHECK(figs[0]->inlines.empty());
  CHECK(figs[1]->inlines.empty());
  CHECK(plainText(figs[2]->inlines) == "The team at work");
}

TEST_CASE("media names: an MDX component's source is an image by the name at the end of its path") {
  DiagnosticSink d;
  Document doc = parseMdx(
      "<Shot src=\"/static/board.bmp\" />\n\n"
      "<Shot src=\"https://x.org/chart.png?raw=true\" />\n\n"
      "<Shot src=\"https://x.org/chart.png.html\" />\n",
      d);
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 2);
  CHECK(figs[0]->image.src == "/static/board.bmp");
  CHECK(figs[1]->image.src == "https://x.org/chart.png?raw=true");
  CHECK(hasDiag(d, "mdx-component"));  // the page named like an image is no image
}

TEST_CASE("media names: embeds are told by their site's domains and subdomains") {
  DiagnosticSink d;
  Document doc = parse(
      "<iframe src=\"https://www.youtube-nocookie.com/embed/abcDEF12345\"></iframe>\n\n"
      "<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>\n\n"
      "<iframe src=\"https://platform.twitter.com/embed/Tweet.html?id=1\"></iframe>\n\n"
      "<iframe src=\"https://notvimeo.com/video/1\"></iframe>\n",
      d);
  auto embeds = blocksOfKind(doc, BlockKind::Embed);
  REQUIRE(embeds.size() == 4);
  CHECK(embeds[0]->text == "YouTube");
  CHECK(embeds[0]->link.url == "https://www.youtube.com/watch?v=abcDEF12345");
  CHECK(embeds[1]->text == "Vimeo");
  CHECK(embeds[1]->link.url == "https://vimeo.com/76979871");
  CHECK(embeds[2]->text == "Twitter");
  CHECK(embeds[3]->text == "notvimeo.com");
}
