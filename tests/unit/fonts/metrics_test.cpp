// Metrics against libharu (the PDF writer's library, the reference here): the widths the
// layout positions words with are the widths the PDF declares, so justified lines end exactly
// at the margin in every viewer.
#include <doctest/doctest.h>

#include <hpdf.h>

#include <cstring>

#include "postpress/fonts.h"
#include "postpress/style.h"

using namespace pp;

TEST_CASE("advance widths equal libharu's, so positions match the PDF") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts(st, diags);
  REQUIRE(fonts.ok());
  const int face = fonts.face("text", false, false);
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(pdf, fonts.file(face).path().c_str(), HPDF_TRUE);
  REQUIRE(name);
  HPDF_Font f = HPDF_GetFont(pdf, name, "UTF-8");
  for (const char* s : {"Hello, world", "Über Café — naïve façade", "Kubernetes 1.34 (GA)", "Ψ αβγ"}) {
    HPDF_TextWidth tw = HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(s), static_cast<HPDF_UINT>(std::strlen(s)));
    CHECK(fonts.width(face, s, 1000) == doctest::Approx(static_cast<double>(tw.width)));
  }
  HPDF_Free(pdf);
}

