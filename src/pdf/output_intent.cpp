#include "pdf/output_intent.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <string>

#include "pdf/byte_streams.h"

namespace pp::pdf {

namespace {

// The output condition's registered name (ICC characterization registry) for sRGB.
constexpr const char* kCondition = "sRGB IEC61966-2.1";

std::uint32_t bigEndian32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// What keeps `icc` from being a PDF/A-2 output profile ("" when nothing): ICC.1 7.2 header
// fields: size at 0, major version at 8, class at 12, colour space at 16, 'acsp' at 36.
std::string profileProblem(std::string_view icc) {
  if (icc.size() < 132 || icc.substr(36, 4) != "acsp") return "it is not an ICC profile";
  if (bigEndian32(icc, 0) != icc.size()) return "it is cut short (its header gives another size)";
  if (static_cast<unsigned char>(icc[8]) >= 5) return "it is an ICC version 5 profile (PDF/A-2 takes versions 2 to 4)";
  if (icc.substr(16, 4) != "RGB ") return "it is not an RGB profile";
  const std::string_view kind = icc.substr(12, 4);
  if (kind != "mntr" && kind != "prtr") return "it is neither a monitor nor a printer profile";
  return "";
}

}  // namespace

std::optional<FileBytes> loadOutputProfile(const fs::path& path, const fs::path& out, DiagnosticSink& diags) {
  std::string err;
  std::optional<FileBytes> bytes = FileBytes::open(path, &err, std::uintmax_t{1} << 24);
  std::string problem = bytes ? profileProblem(bytes->view()) : err;
  if (problem.empty()) return bytes;
  diags.error({out.string(), 0, 0}, "pdf-standard",
              "PDF/A needs the sRGB output profile " + path.string() + " (Debian package icc-profiles-free), but " +
                  problem + ": no PDF written");
  return std::nullopt;
}

bool attachOutputIntent(HpdfDoc& doc, FileBytes profile, DiagnosticSink& diags) {
  HPDF_Doc pdf = doc.get();
  HPDF_Dict icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  bool ok = icc && HPDF_Dict_AddNumber(icc, "N", 3) == HPDF_OK;
  if (ok) {
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    ok = setStreamBytes(doc, icc, std::move(profile));
  }
  HPDF_Dict intent = ok ? HPDF_Dict_New(pdf->mmgr) : nullptr;
  ok = intent && HPDF_Xref_Add(pdf->xref, intent) == HPDF_OK;  // the xref owns it now
  if (ok) {
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, kCondition, nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, kCondition, nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", icc);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    ok = intents && HPDF_Array_Add(intents, intent) == HPDF_OK &&
         HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK && !doc.failed();
  }
  if (!ok) {
    diags.error({}, "pdf-standard", "cannot add the PDF/A output intent: " + doc.lastError());
    doc.reset();
  }
  return ok;
}

}  // namespace pp::pdf
