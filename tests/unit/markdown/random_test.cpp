// Deterministic random soup of the constructs this stage handles, cut at random places and run
// through every generator's pipeline: no crash (run it under ASan/UBSan), no marker leaking, and
// no syntax of ours in the reader's text.
#include <doctest/doctest.h>

#include <random>

#include "helpers.h"
#include "postpress/support/text.h"

using namespace pp;
using namespace pptest;

TEST_CASE("random soups of real-world syntax never break the parser") {
  static const char* kPieces[] = {
      "{% if a %}", "{% endif %}", "{% raw %}", "{% endraw %}", "{{ site.title }}", "{{ x | markdownify }}",
      "{% include note.html content=\"n\" %}", "{% capture c %}", "{% endcapture %}", "{% for i in (1..3) %}",
      "{% endfor %}", "{% highlight go %}", "{% endhighlight %}", "{{< youtube abc >}}", "{{% alert %}}",
      "{{% /alert %}}", "{{< figure src=\"x.png\" >}}", "{{< imgproc a Resize 1x >}}", "{{< /imgproc >}}",
      "{{< ref \"x\" >}}", "{{</* x */>}}", ":::note Title\n", ":::\n", "::::tip\n", "<div>", "</div>",
      "<details><summary>S</summary>", "</details>", "<img src=\"a.png\">", "<b>", "</i>", "<script>",
      "</script>", "<pre>", "</pre>", "<!--", "-->", "<!--more-->", "<table><tr><td>", "<Comp src={'/x.png'}>",
      "</Comp>", "{/* c */}", "import X from 'y';\n", "export const a = {\n", "$x$", "$$", "$$\n", "`", "```\n",
      "~~~\n", "[^1]", "[^1]: note\n", "> [!WARNING]\n", "> ", "- ", "1. ", "    ", "\t", "\n", "\n\n", "# H\n",
      "## H {#id}\n", "|a|b|\n|-|-|\n", "![alt](i.png \"t\")", "[l](#h)", ":rocket:", "**x**", "*", "_",
      "&amp;", "&#0;", "\xC2\xA0", "\xFF", "\xF0\x9F\x9A\x80", "<!--\x01pp3-->", "\x01", "{{", "{%", "}}", "%}",
      "<", ">", "{", "}", "\"", "'"};
  constexpr std::size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  std::mt19937 rng(20251127);
  const Generator gens[] = {Generator::Jekyll, Generator::Hugo, Generator::Docusaurus, Generator::Plain};
  for (int round = 0; round < 2000; ++round) {
    std::string body;
    int n = static_cast<int>(rng() % 60) + 1;
    for (int k = 0; k < n; ++k) {
      body += kPieces[rng() % kCount];
      if (rng() % 3 == 0) body += " text ";
    }
    if (rng() % 4 == 0) body.resize(rng() % (body.size() + 1));
    Site site = makeSite(gens[round % 4]);
    site.math = round % 2 == 0;
    site.emoji = round % 3 == 0;
    Post post = makePost(body);
    if (round % 5 == 0) post.format = SourceFormat::Mdx;
    DiagnosticSink d;
    Document doc = parsePost(site, post, d);
    CAPTURE(body);
    forEachInline(doc, [&](const Inline& i) {
      CHECK(i.text.find('\x01') == std::string::npos);
      CHECK(isValidUtf8(i.text));
    });
    forEachBlock(doc.blocks, [&](const Block& b) {
      CHECK(b.text.find('\x01') == std::string::npos);
      CHECK(isValidUtf8(b.text));
    });
    for (const auto& diag : d.all()) CHECK(diag.loc.line >= 0);
  }
}
