// Markdown and the real-world preprocessing (Liquid, Hugo shortcodes, MDX, raw HTML, alerts,
// emoji, math) into the Document model: one input is read as a Jekyll post, a Hugo page bundle
// and a Docusaurus .mdx post, parsed, and linked. Checks document.h's promise that all text
// is valid UTF-8.
#include <cstdlib>

#include "fuzz_support.h"
#include "postpress/markdown.h"
#include "postpress/support/text.h"

namespace {

void requireUtf8(std::string_view s) {
  if (!pp::isValidUtf8(s)) std::abort();
}

void checkDocument(const pp::Document& doc) {
  pp::forEachBlock(doc.blocks, [](const pp::Block& b) {
    requireUtf8(b.text);
    requireUtf8(b.id);
    requireUtf8(b.info);
  });
  pp::forEachInline(doc, [](const pp::Inline& i) {
    requireUtf8(i.text);
    requireUtf8(i.image.alt);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ppfuzz::asText(data, size);
  const ppfuzz::FuzzSite& fz = ppfuzz::fuzzSite();
  for (pp::Generator g : {pp::Generator::Jekyll, pp::Generator::Hugo, pp::Generator::Docusaurus}) {
    pp::Site site = fz.site(g);
    pp::DiagnosticSink diags;
    auto post = pp::readPostText(site, fz.postFile(g), text, diags);
    if (!post) continue;
    std::vector<pp::Document> docs;
    docs.push_back(pp::parsePost(site, *post, diags));
    std::vector<const pp::Post*> digest{&*post};
    pp::resolveCrossLinks(site, digest, docs, diags);
    checkDocument(docs[0]);
  }
  return 0;
}
