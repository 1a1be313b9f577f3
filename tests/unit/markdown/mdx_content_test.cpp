// MDX in `.md` posts (Gatsby, Astro): decided by content, with imported images bound to their
// files; prose that only looks like it stays Markdown.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

bool linksTo(const Document& doc, const std::string& url) {
  bool found = false;
  forEachInline(doc, [&](const Inline& in) { found = found || (in.kind == InlineKind::Link && in.link.url == url); });
  return found;
}

}  // namespace

TEST_CASE("mdx by content: a Gatsby .md post with imports, a gallery and bound images") {
  DiagnosticSink d;
  Document doc = parse(
      "import coverImg from './cover.png'\nimport img1 from \"./img1.jpg\"\n"
      "import { BlogAuthor } from '../../components/BlogAuthor'\n\n"
      "<BlogAuthor theme=\"secondary\" header=\"Guest:\" bio={<>Jane at <a href=\"https://a.example\">Acme</a>.</>} />\n\n"
      "The post starts here.\n\n"
      "<ImageGallery images={[ { src: img1, alt: 'first' },\n  { src: coverImg, alt: \"cover\" },\n"
      "  { src: '/img/quoted.png' } ]} />\n\n"
      "<img src={coverImg} alt=\"The cover\" />\n\nDone.\n",
      d, Generator::Gatsby);
  std::string vis = visibleText(doc);
  CHECK(vis.find("import") == std::string::npos);
  CHECK(vis.find("<") == std::string::npos);
  CHECK(vis.find("{") == std::string::npos);
  CHECK(vis.find("The post starts here.") != std::string::npos);
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 4);
  CHECK(figs[0]->image.src == "./img1.jpg");
  CHECK(figs[0]->image.alt == "first");
  CHECK(figs[1]->image.src == "./cover.png");
  CHECK(figs[1]->image.alt == "cover");
  CHECK(figs[2]->image.src == "/img/quoted.png");
  CHECK(figs[3]->image.src == "./cover.png");
  // The author card is a byline box: titled by its header, the bio with its link.
  auto boxes = blocksOfKind(doc, BlockKind::Admonition);
  REQUIRE(boxes.size() == 1);
  CHECK(plainText(boxes[0]->inlines) == "Guest:");
  CHECK(plainText(*boxes[0]).find("Jane at Acme.") != std::string::npos);
  CHECK(linksTo(doc, "https://a.example"));
  CHECK_FALSE(hasDiag(d, "mdx-component"));
}

TEST_CASE("mdx: author and bio cards are byline boxes, quote cards say who said it") {
  DiagnosticSink d;
  Document doc = parseMdx(
      "<AuthorCard name=\"Ada Lovelace\" title=\"Analyst\" image={portrait} />\n\n"
      "<TweetQuote url=\"https://twitter.com/ada/status/1\" name=\"Ada Lovelace\" handle=\"ada\" job=\"Analyst\">\n\n"
      "The engine weaves algebraic patterns.\n\n</TweetQuote>\n\n"
      "<Quote author=\"Grace Hopper\" />\n\n"
      "<Bio />\n",
      d);
  auto boxes = blocksOfKind(doc, BlockKind::Admonition);
  REQUIRE(boxes.size() == 1);
  CHECK(plainText(boxes[0]->inlines) == "Ada Lovelace");  // no header: the name titles the box
  CHECK(plainText(*boxes[0]).find("Analyst") != std::string::npos);
  CHECK(blocksOfKind(doc, BlockKind::Figure).empty());  // the portrait is not printed
  auto quotes = blocksOfKind(doc, BlockKind::Quote);
  REQUIRE(quotes.size() == 2);
  const std::string quote = plainText(*quotes[0]);
  CHECK(quote.find("The engine weaves algebraic patterns.") < quote.find("\u2014 Ada Lovelace (@ada), Analyst"));
  CHECK(linksTo(doc, "https://twitter.com/ada/status/1"));
  CHECK(plainText(*quotes[1]) == "\u2014 Grace Hopper");
  // A card that names nobody says so, once.
  CHECK(hasDiag(d, "mdx-component"));
  CHECK(d.all().size() == 1);
}

TEST_CASE("mdx by content: an export, or a component that closes, makes a post MDX") {
  DiagnosticSink d;
  Document e = parse("export const meta = { a: 1 }\n\nText.\n", d);
  CHECK(visibleText(e).find("export") == std::string::npos);
  Document c = parse("<Callout type=\"warning\">\nMind the gap.\n</Callout>\n", d, Generator::Astro);
  REQUIRE(blocksOfKind(c, BlockKind::Admonition).size() == 1);
}

TEST_CASE("mdx by content: prose and code that look like it stay Markdown") {
  DiagnosticSink d;
  Document doc = parse(
      "We import data from the API, imported from {a, b}.\n\n"
      "<T>\nis a type parameter.\n\n"
      "```js\nimport x from './x.png'\n<Gallery />\n```\n",
      d, Generator::Eleventy);
  std::string all = allText(doc);
  CHECK(all.find("We import data from the API, imported from {a, b}.") != std::string::npos);
  auto code = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(code.size() == 1);
  CHECK(code[0]->text.find("import x from './x.png'") != std::string::npos);
  CHECK_FALSE(hasDiag(d, "mdx-component"));
}

// Docusaurus's own blog wraps imports and JSX in ```mdx-code-block (for its translation tools):
// the content is MDX, rendered, never printed as code; other fences stay code.
TEST_CASE("mdx: mdx-code-block fences are read as MDX") {
  DiagnosticSink d;
  Document doc = parseMdx(
      "```mdx-code-block\nimport BrowserWindow from '@site/src/components/BrowserWindow';\n```\n\n"
      "Before.\n\n"
      "```mdx-code-block\n<BrowserWindow>\n\n<h3>Give it a try</h3>\n\n<Figure src=\"/img/x.png\" />\n\n</BrowserWindow>\n```\n\n"
      "```md title=\"docs/my-document.mdx\"\nimport ColorModeToggle from '@theme/ColorModeToggle';\n```\n",
      d);
  std::string vis = visibleText(doc);
  CHECK(vis.find("import") == std::string::npos);
  CHECK(vis.find("<") == std::string::npos);
  CHECK(allText(doc).find("Give it a try") != std::string::npos);
  REQUIRE(blocksOfKind(doc, BlockKind::Figure).size() == 1);
  auto code = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(code.size() == 1);
  CHECK(code[0]->text.find("import ColorModeToggle") != std::string::npos);
}
