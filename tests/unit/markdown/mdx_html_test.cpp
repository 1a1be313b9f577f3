// Docusaurus MDX, ::: admonitions and raw HTML.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace pp;
using namespace pptest;

TEST_CASE("mdx: imports/exports dropped, truncate, admonitions, JSX images and components") {
  DiagnosticSink d;
  Document doc = parseMdx(
      "import Tabs from '@theme/Tabs';\nimport {\n  A,\n  B,\n} from './x';\nexport const meta = {\n  a: 1,\n};\n\n"
      "Summary here.\n\n{/* truncate */}\n\n"
      ":::tip[Pro tip]\nUse **this**.\n:::\n\n"
      ":::danger\nDon't.\n:::\n\n"
      "<img src={'/img/x.png'} style={{width: 300}} alt=\"X\" />\n\n"
      "<Figure src={require('./diagram.png').default} caption=\"The diagram\" />\n\n"
      "<Tabs>\n<TabItem value=\"py\" label=\"Python\">\n\nprint(1)\n\n</TabItem>\n</Tabs>\n\n"
      "<Mystery prop={1}>\n\nChild text.\n\n</Mystery>\n\n"
      "Inline {'string'} expression and `<Code>` stays.\n",
      d);
  std::string vis = visibleText(doc);
  CHECK(vis.find("import") == std::string::npos);
  CHECK(vis.find("export") == std::string::npos);
  CHECK(doc.summaryEnd == 1);
  auto boxes = blocksOfKind(doc, BlockKind::Admonition);
  REQUIRE(boxes.size() == 2);
  CHECK(boxes[0]->admonition == AdmonitionKind::Tip);
  CHECK(plainText(boxes[0]->inlines) == "Pro tip");
  CHECK(plainText(*boxes[0]).find("Use this.") != std::string::npos);
  CHECK(boxes[1]->admonition == AdmonitionKind::Danger);
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 2);
  CHECK(figs[0]->image.src == "/img/x.png");
  CHECK(figs[0]->image.widthHint == 300);
  CHECK(figs[1]->image.src == "./diagram.png");
  CHECK(plainText(figs[1]->inlines) == "The diagram");
  std::string all = allText(doc);
  CHECK(all.find("Python") != std::string::npos);
  CHECK(all.find("Child text.") != std::string::npos);
  CHECK(all.find("Inline string expression") != std::string::npos);
  CHECK(hasDiag(d, "mdx-component"));
  CHECK(vis.find(":::") == std::string::npos);
  CHECK(vis.find("<") == std::string::npos);
  CHECK(inlinesOfKind(doc, InlineKind::Code).at(0)->text == "<Code>");
}

TEST_CASE("html: safe subset becomes nodes, dangerous parts dropped, malformed survives") {
  DiagnosticSink d;
  Document doc = parse(
      "<div align=\"center\">\n<img src=\"/img/a.png\" width=\"500\" alt=\"Architecture overview\">\n</div>\n\n"
      "Text with <b>bold</b>, <em>em</em>, <sub>2</sub>, <sup>3</sup>, <u>u</u>, <s>s</s>, <kbd>Ctrl</kbd>,<br>"
      "<a href=\"https://x.org\">link</a> and &copy; &amp; &#x1F680;.\n\n"
      "<script>alert(1)</script>\n\n<style>p{}</style>\n\n<form><input name=q><button>Go</button></form>\n\n"
      "<table><tr><th>H1</th><th align=\"right\">H2</th></tr><tr><td>a</td><td>b<td>c</table>\n\n"
      "<ul><li>one<li>two</ul>\n\n"
      "<details><summary>More</summary>\n\nHidden **markdown** body.\n\n</details>\n\n"
      "<figure><img src=\"f.png\"><figcaption>Fig caption</figcaption></figure>\n\n"
      "<iframe src=\"https://www.youtube.com/embed/abcDEF12345?list=x\" title=\"Talk\"></iframe>\n\n"
      "<video controls><source src=\"/v/demo.mp4\"></video>\n\n"
      "<pre><code class=\"language-go\">x := 1\n\ny := 2</code></pre>\n\n"
      "<div class=\"admonition warning\"><p>Boxed</p></div>\n\n"
      "<p>Unclosed <b>bold <i>and italic\n\n<custom-tag>kept child</custom-tag>\n\n<!-- a comment -->\n",
      d);
  auto figs = blocksOfKind(doc, BlockKind::Figure);
  REQUIRE(figs.size() == 2);
  CHECK(figs[0]->image.src == "/img/a.png");
  CHECK(figs[0]->image.widthHint == 500);
  CHECK(plainText(figs[0]->inlines) == "Architecture overview");
  CHECK(plainText(figs[1]->inlines) == "Fig caption");
  auto paras = blocksOfKind(doc, BlockKind::Paragraph);
  REQUIRE(!paras.empty());
  const Block& p = *paras[0];
  std::vector<InlineKind> kinds;
  for (const auto& i : p.inlines) kinds.push_back(i.kind);
  auto has = [&](InlineKind k) { return std::find(kinds.begin(), kinds.end(), k) != kinds.end(); };
  CHECK(has(InlineKind::Strong));
  CHECK(has(InlineKind::Emph));
  CHECK(has(InlineKind::Subscript));
  CHECK(has(InlineKind::Superscript));
  CHECK(has(InlineKind::Underline));
  CHECK(has(InlineKind::Strike));
  CHECK(has(InlineKind::Code));
  CHECK(has(InlineKind::HardBreak));
  CHECK(has(InlineKind::Link));
  CHECK(plainText(p).find("\xC2\xA9 & \xF0\x9F\x9A\x80") != std::string::npos);
  std::string all = allText(doc);
  CHECK(all.find("alert(1)") == std::string::npos);
  CHECK(all.find("p{}") == std::string::npos);
  CHECK(all.find("Go") == std::string::npos);
  CHECK(hasDiag(d, "html-dropped"));
  auto tables = blocksOfKind(doc, BlockKind::Table);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->rows.size() == 2);
  CHECK(tables[0]->rows[0].header);
  CHECK(tables[0]->rows[1].cells.size() == 3);
  CHECK(tables[0]->aligns.at(1) == Align::Right);
  auto lists = blocksOfKind(doc, BlockKind::BulletList);
  REQUIRE(lists.size() == 1);
  CHECK(lists[0]->children.size() == 2);
  auto details = blocksOfKind(doc, BlockKind::Details);
  REQUIRE(details.size() == 1);
  CHECK(plainText(details[0]->inlines) == "More");
  CHECK(plainText(*details[0]).find("Hidden markdown body.") != std::string::npos);
  auto embeds = blocksOfKind(doc, BlockKind::Embed);
  REQUIRE(embeds.size() == 2);
  CHECK(embeds[0]->link.url == "https://www.youtube.com/watch?v=abcDEF12345");
  CHECK(plainText(embeds[0]->inlines) == "Talk");
  CHECK(embeds[1]->link.url == "/v/demo.mp4");
  auto code = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(code.size() == 1);
  CHECK(code[0]->info == "go");
  CHECK(code[0]->text == "x := 1\n\ny := 2");
  auto boxes = blocksOfKind(doc, BlockKind::Admonition);
  REQUIRE(boxes.size() == 1);
  CHECK(boxes[0]->admonition == AdmonitionKind::Warning);
  CHECK(all.find("Unclosed bold and italic") != std::string::npos);
  CHECK(all.find("kept child") != std::string::npos);
  CHECK(all.find("a comment") == std::string::npos);
  std::string vis = visibleText(doc);
  CHECK(vis.find('<') == std::string::npos);
}

TEST_CASE("code holds no tabs, whatever made it: a fence, HTML <pre>, MDX <pre>") {
  // Tabs stop at every fourth column, counted in characters from the line's start.
  const std::string wantExpanded = "func f() {\n    x   := 1\n}";
  DiagnosticSink d;
  Document doc = parse("```go\nfunc f() {\n\tx\t:= 1\n}\n```\n\n<pre><code>func f() {\n\tx\t:= 1\n}</code></pre>\n", d);
  auto code = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(code.size() == 2);
  CHECK(code[0]->text == wantExpanded);
  CHECK(code[1]->text == wantExpanded);
  Document mdx = parseMdx("<pre>\n\u00e9\tz\n</pre>\n", d);
  auto mdxCode = blocksOfKind(mdx, BlockKind::Code);
  REQUIRE(mdxCode.size() == 1);
  CHECK(mdxCode[0]->text == "\u00e9   z");
}

TEST_CASE("math where enabled: protected from emphasis, inline and display") {
  DiagnosticSink d;
  Site site = makeSite();
  site.math = true;
  Post post = makePost("Energy $E = mc^2$ and $a_1 * b_2 * c$ cost $5 and $10.\n\n$$\n\\sum_{i=1}^n x_i\n$$\n\n```math\nx^2\n```\n");
  Document doc = parsePost(site, post, d);
  auto math = inlinesOfKind(doc, InlineKind::Math);
  REQUIRE(math.size() == 2);
  CHECK(math[0]->text == "E = mc^2");
  CHECK(math[1]->text == "a_1 * b_2 * c");
  CHECK(plainText(doc.blocks[0]).find("$5 and $10") != std::string::npos);
  auto blocks = blocksOfKind(doc, BlockKind::MathBlock);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0]->text == "\\sum_{i=1}^n x_i");
  // Not enabled: dollars stay text.
  Site plain = makeSite();
  Document off = parsePost(plain, post, d);
  CHECK(inlinesOfKind(off, InlineKind::Math).empty());
}
