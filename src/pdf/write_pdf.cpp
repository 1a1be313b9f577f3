// writePdf: layout, paint, save atomically.
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <exception>

#include "pdf/byte_streams.h"
#include "pdf/content_cache.h"
#include "pdf/document_metadata.h"
#include "pdf/hpdf_doc.h"
#include "pdf/output_intent.h"
#include "pdf/painter.h"
#include "postpress/support/files.h"
#include "postpress/pdf.h"

namespace pp {

bool writePdf(const Publication& pub, const Style& style, const fs::path& out, DiagnosticSink& diags,
              PdfStats* stats) {
  return writePdf(pub, style, BookPlan{}, TypesetOptions{}, out, diags, stats);
}

bool writePdf(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
              const fs::path& out, DiagnosticSink& diags, PdfStats* stats) {
  return writePdf(pub, style, plan, typesetting, PdfStandards{}, out, diags, stats);
}

bool writePdf(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
              const PdfStandards& standards, const fs::path& out, DiagnosticSink& diags, PdfStats* stats) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  // PDF/A's profile is read first: without it nothing is laid out, and no file claims PDF/A.
  std::optional<FileBytes> profile;
  if (standards.pdfaLevel && !(profile = pdf::loadOutputProfile(standards.outputProfile, out, diags))) return false;
  // Body pages are painted and compressed as the layout finishes them (see streamed_pages.h).
  // `none` is untagged as well (a baseline for the bench, and a way out).
  // Deflated page contents kept between builds, beside the images (none without an image cache).
  pdf::PageContentCache keptContents(
      pdf::PageContentCache::packFor(pub.assets ? pub.assets->options().cacheDir : fs::path(), digestIdentity(pub, style)));
  pdf::StreamedPages streamed(standards.any(), pub.assets, &keptContents);
  TypesetOptions streaming = typesetting;
  streaming.bodyPages = streamed.sink();
  Layout layout = layoutBook(pub, style, plan, streaming, diags);
  if (!standards.any()) layout.structure.clear();
  const auto t1 = Clock::now();
  if (layout.pages.empty()) {
    diags.error({out.string(), 0, 0}, "pdf-empty", "nothing to typeset: no PDF written");
    return false;
  }
  pdf::HpdfDoc doc;
  if (!doc) {
    diags.error({out.string(), 0, 0}, "pdf-init", "libharu could not create a document");
    return false;
  }
  pdf::PaintResult painted;
  if (!pdf::paint(layout, pub, doc, painted, diags, typesetting.jobs, &streamed, &keptContents)) return false;
  keptContents.save();
  const pdf::DocumentFacts facts = pdf::documentFacts(pub);
  if (!pdf::writeDocumentMetadata(doc, facts, standards, diags)) return false;
  if (profile && !pdf::attachOutputIntent(doc, std::move(*profile), diags)) return false;
  if (standards.any() && !pdf::writeFileIdentifier(doc, facts, diags)) return false;

  // Saved straight into the output's temporary file (never gathered in memory: a large digest
  // is tens of megabytes), renamed over the output once whole.
  doc.reset();
  std::string err;
  bool madeByLibharu = true;
  const bool written = writeFileAtomicWith(
      out,
      [&](std::FILE* f) {
        if (pdf::saveToFile(doc, f)) return true;
        madeByLibharu = std::ferror(f) != 0;  // a write that failed is the file's fault: err says why
        return madeByLibharu;
      },
      &err,
      [&] { doc.close(); });  // libharu's objects are freed while the disk works
  if (!written) {
    diags.error({out.string(), 0, 0}, "pdf-write",
                madeByLibharu                         ? "cannot write the PDF: " + err
                : !doc.keptFileError().empty() ? "cannot copy an image in: " + doc.keptFileError()
                                               : "cannot produce the PDF: " + doc.lastError());
    return false;
  }
  doc.close();
  const auto t2 = Clock::now();
  if (stats) {
    stats->pages = static_cast<int>(layout.pages.size());
    stats->frontPages = layout.frontPages;
    stats->pagesRepainted = painted.pagesRepainted;
    stats->layoutSeconds = std::chrono::duration<double>(t1 - t0).count();
    stats->paintSeconds = std::chrono::duration<double>(t2 - t1).count();
  }
  return true;
}

}  // namespace pp
