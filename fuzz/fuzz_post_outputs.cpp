// A whole post to PDF and EPUB: one input is a Jekyll post file (front matter and body) read,
// parsed, linked, its images resolved in the fuzz site (img/a.png and img/b.jpg exist), then
// composed, laid out and written as a PDF and an EPUB to temporary files, as `postpress build`
// does for a digest of one post. An output that is written must be complete (%%EOF, zip end).
#include <unistd.h>

#include "fuzz_support.h"
#include "postpress/assets.h"
#include "postpress/epub.h"
#include "postpress/support/files.h"
#include "postpress/markdown.h"
#include "postpress/pdf.h"
#include "postpress/publication.h"
#include "postpress/style.h"

namespace {

const pp::Style& reportStyle() {
  static const pp::Style style = [] {
    pp::DiagnosticSink diags;
    return pp::loadStyle("report", "", diags);
  }();
  return style;
}

bool endsWithBytes(const std::filesystem::path& file, std::string_view tail) {
  auto bytes = pp::readFile(file);
  if (!bytes || bytes->size() < tail.size()) return false;
  return bytes->find(tail, bytes->size() > 64 ? bytes->size() - 64 : 0) != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ppfuzz::FuzzSite& fz = ppfuzz::fuzzSite();
  const pp::Site site = fz.site(pp::Generator::Jekyll);
  pp::DiagnosticSink diags;
  auto post = pp::readPostText(site, fz.postFile(pp::Generator::Jekyll), ppfuzz::asText(data, size), diags);
  if (!post) return 0;
  const pp::Style& style = reportStyle();

  std::vector<const pp::Post*> digest{&*post};
  std::vector<pp::Document> docs;
  docs.push_back(pp::parsePost(site, *post, diags));
  pp::resolveCrossLinks(site, digest, docs, diags);

  pp::AssetOptions ao;
  ao.cacheDir = fz.cacheDir();
  ao.jobs = 1;
  ao.pdfDpi = 72;
  ao.epubMaxSide = 320;
  pp::AssetStore assets(ao);
  assets.resolveDocument(site, *post, docs[0], diags);

  pp::PublicationOptions po;
  po.sourceDateEpoch = 1764460800;
  pp::Publication pub = pp::buildPublication(site, pp::Selection{}, digest, std::move(docs), po,
                                             style, assets, diags);
  assets.process(diags);

  const std::filesystem::path pdf = fz.root().string() + "-out.pdf";
  const std::filesystem::path epub = fz.root().string() + "-out.epub";
  if (pp::writePdf(pub, style, pdf, diags) && !endsWithBytes(pdf, "%%EOF")) __builtin_trap();
  // The zip's end of central directory record ends the file (no archive comment).
  if (pp::writeEpub(pub, style, epub, diags) && !endsWithBytes(epub, std::string_view("PK\x05\x06", 4)))
    __builtin_trap();
  std::error_code ec;
  std::filesystem::remove(pdf, ec);
  std::filesystem::remove(epub, ec);
  return 0;
}
