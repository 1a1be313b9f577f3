// writePdf: layout, paint, save atomically.
#include <chrono>
#include <exception>

#include "pdf/hpdf_doc.h"
#include "pdf/painter.h"
#include "postpress/files.h"
#include "postpress/layout.h"
#include "postpress/pdf.h"

namespace pp {

bool writePdf(const Publication& pub, const Style& style, const fs::path& out, DiagnosticSink& diags,
              PdfStats* stats) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  LayoutOptions options;
  Layout layout = layoutPublication(pub, style, options, diags);
  const auto t1 = Clock::now();
  if (layout.pages.empty()) {
    diags.error({out.string(), 0, 0}, "pdf-empty", "nothing to typeset: no PDF written");
    return false;
  }
  pdf::TempFontDir fontDir;  // outlives the document, which reads the fonts when saving
  pdf::HpdfDoc doc;
  if (!doc) {
    diags.error({out.string(), 0, 0}, "pdf-init", "libharu could not create a document");
    return false;
  }
  if (!pdf::paint(layout, pub, doc, fontDir, diags)) return false;

  AtomicOutput file(out);
  doc.reset();
  HPDF_STATUS st = HPDF_SaveToFile(doc.get(), file.tempPath().c_str());
  if (st != HPDF_OK || doc.failed()) {
    diags.error({out.string(), 0, 0}, "pdf-write", "cannot write the PDF: " + doc.lastError());
    return false;
  }
  std::string err;
  if (!file.commit(&err)) {
    diags.error({out.string(), 0, 0}, "pdf-write", "cannot write the PDF: " + err);
    return false;
  }
  const auto t2 = Clock::now();
  if (stats) {
    stats->pages = static_cast<int>(layout.pages.size());
    stats->frontPages = layout.frontPages;
    stats->layoutSeconds = std::chrono::duration<double>(t1 - t0).count();
    stats->paintSeconds = std::chrono::duration<double>(t2 - t1).count();
  }
  return true;
}

}  // namespace pp
