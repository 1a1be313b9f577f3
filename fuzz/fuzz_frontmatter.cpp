// Front matter and metadata: one input is read as a post file of each generator (YAML, TOML
// and JSON front matter, dates, authors, tags, permalinks) and as a config file of each syntax.
// Beyond not crashing, it checks the promise of site.h: a post's text is valid UTF-8.
#include <cstdlib>

#include "fuzz_support.h"
#include "postpress/support/text.h"
#include "site/frontmatter.h"

namespace {

void requireUtf8(std::string_view s) {
  if (!pp::isValidUtf8(s)) std::abort();
}

void checkPost(const pp::Post& p) {
  requireUtf8(p.body);
  requireUtf8(p.title);
  requireUtf8(p.subtitle);
  requireUtf8(p.summary);
  requireUtf8(p.slug);
  requireUtf8(p.permalinkPath);
  for (const auto& a : p.authors) requireUtf8(a);
  for (const auto& t : p.tags) requireUtf8(t);
  for (const auto& c : p.categories) requireUtf8(c);
  if (p.date.valid()) (void)p.date.isoDateTime();
  if (p.bodyLine < 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ppfuzz::asText(data, size);
  const ppfuzz::FuzzSite& fz = ppfuzz::fuzzSite();
  for (pp::Generator g : {pp::Generator::Jekyll, pp::Generator::Hugo, pp::Generator::Docusaurus,
                          pp::Generator::Plain}) {
    pp::Site site = fz.site(g);
    pp::DiagnosticSink diags;
    if (auto post = pp::readPostText(site, fz.postFile(g), text, diags)) checkPost(*post);
  }
  for (const char* name : {"_config.yml", "hugo.toml", "hugo.json"}) {
    pp::site::Meta meta;
    pp::DiagnosticSink diags;
    pp::site::parseConfigText(text, name, meta, diags);
  }
  return 0;
}
