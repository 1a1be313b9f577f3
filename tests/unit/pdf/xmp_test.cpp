// The XMP packet (pdf/xmp.h) and the document's identification in a written PDF
// (pdf/document_metadata.h, output_intent.h): escaping, every author, the standards declared
// only when they are met, Info and XMP saying the same.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/occurrences.h"
#include "common/run_command.h"
#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "pdf/byte_streams.h"
#include "pdf/document_metadata.h"
#include "pdf/xmp.h"
#include "postpress/pdf.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;
namespace fs = std::filesystem;
using pptest::countOccurrences;
using pptest::haveTool;
using pptest::readWholeFile;
using pptest::runCommand;
using pptest::TempDir;

namespace {

// pdfinfo's "Key:   value" line's value ("" when absent).
std::string infoField(const std::string& info, const std::string& key) {
  std::istringstream lines(info);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(key + ":", 0) == 0) {
      const std::size_t at = line.find_first_not_of(' ', key.size() + 1);
      return at == std::string::npos ? "" : line.substr(at);
    }
  return "";
}

Document oneParagraph() {
  Document d;
  d.blocks.push_back(para("Some text."));
  return d;
}

pdf::XmpFields fields() {
  pdf::XmpFields f;
  f.title = "R&D <Ops> \"notes\" — Café 🚀";
  f.creators = {"Yuan Tang", "Zoë O'Brien & Co", "李华"};
  f.description = "Q4 2025";
  f.language = "de";
  f.keywords = "KServe, a<b";
  f.producer = "postpress 1 (libharu 2.3.0)";
  f.creatorTool = "postpress 1";
  f.date = "2025-11-30T00:00:00Z";
  return f;
}

}  // namespace

TEST_CASE("the XMP packet escapes markup, keeps every character and lists every author in order") {
  const std::string x = pdf::xmpPacket(fields());
  CHECK(x.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">R&amp;D &lt;Ops&gt; &quot;notes&quot; — Café 🚀"
               "</rdf:li></rdf:Alt></dc:title>") != std::string::npos);
  CHECK(x.find("<dc:creator><rdf:Seq><rdf:li>Yuan Tang</rdf:li><rdf:li>Zoë O&#39;Brien &amp; Co</rdf:li>"
               "<rdf:li>李华</rdf:li></rdf:Seq></dc:creator>") != std::string::npos);
  CHECK(x.find("<pdf:Keywords>KServe, a&lt;b</pdf:Keywords>") != std::string::npos);
  CHECK(x.find("<dc:language><rdf:Bag><rdf:li>de</rdf:li></rdf:Bag></dc:language>") != std::string::npos);
  for (const char* date : {"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"})
    CHECK(x.find(std::string("<") + date + ">2025-11-30T00:00:00Z</" + date + ">") != std::string::npos);
  // The header PDF/A asks for: no bytes or encoding attributes; a trailer that allows editing.
  CHECK(x.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0) == 0);
  CHECK(x.find("bytes=") == std::string::npos);
  CHECK(x.find("encoding=") == std::string::npos);
  CHECK(x.substr(x.size() - 19) == "<?xpacket end=\"w\"?>");
}

TEST_CASE("the XMP packet declares PDF/UA and PDF/A only when asked, with pdfuaid described for PDF/A") {
  pdf::XmpFields f = fields();
  std::string x = pdf::xmpPacket(f);
  CHECK(x.find("pdfuaid") == std::string::npos);
  CHECK(x.find("pdfaid") == std::string::npos);

  f.pdfua = true;
  x = pdf::xmpPacket(f);
  CHECK(x.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(x.find("pdfaExtension") == std::string::npos);  // PDF/UA alone needs no extension schema

  f.pdfaLevel = 'U';
  x = pdf::xmpPacket(f);
  CHECK(x.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(x.find("<pdfaid:conformance>U</pdfaid:conformance>") != std::string::npos);
  CHECK(x.find("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>") !=
        std::string::npos);
  CHECK(x.find("<pdfaProperty:name>part</pdfaProperty:name>") != std::string::npos);

  f.pdfua = false;
  f.pdfaLevel = 'B';
  x = pdf::xmpPacket(f);
  CHECK(x.find("<pdfaid:conformance>B</pdfaid:conformance>") != std::string::npos);
  CHECK(x.find("pdfuaid") == std::string::npos);  // nothing to describe
}

TEST_CASE("the XMP packet is well-formed XML") {
  if (!haveTool("xmllint")) {
    MESSAGE("xmllint not installed: skipped");
    return;
  }
  TempDir tmp;
  pdf::XmpFields f = fields();
  f.pdfua = true;
  f.pdfaLevel = 'B';
  const fs::path file = tmp.path / "packet.xml";
  std::ofstream(file, std::ios::binary) << pdf::xmpPacket(f);
  const pptest::CommandRun lint = runCommand("xmllint --noout '" + file.string() + "'");
  CHECK_MESSAGE(lint.status == 0, lint.out);
}

TEST_CASE("--pdf-standard's combinations") {
  PdfStandards s;
  CHECK_FALSE(readPdfStandards({"ua-1", "a-2u"}, s));
  CHECK(s.ua1);
  CHECK(s.pdfaLevel == 'U');
  CHECK_FALSE(readPdfStandards({"a-2b"}, s));
  CHECK_FALSE(s.ua1);
  CHECK(s.pdfaLevel == 'B');
  CHECK_FALSE(readPdfStandards({"none"}, s));
  CHECK_FALSE(s.any());
  CHECK(readPdfStandards({"none", "ua-1"}, s));
  CHECK(readPdfStandards({"a-2b", "a-2u"}, s));
  CHECK_FALSE(readPdfStandards({"a-2u", "a-2u"}, s));
}

TEST_CASE("the document facts: each author once, text cleaned, the language only when it is a tag") {
  SamplePublication s;
  s.pub.title = "Weekly\tdigest\n  of\x01 R&D";
  s.pub.language = "pt-BR";
  s.pub.period = "Q4 2025";
  s.addPost("One", Document{}, {"KServe", "vLLM"});
  s.addPost("Two", Document{}, {"kserve", "llm-d"});
  s.posts[0].authors = {"Yuan Tang", "Ann Lee"};
  s.posts[1].authors = {"yuan tang", "Bo Wu"};
  pdf::DocumentFacts facts = pdf::documentFacts(s.pub);
  CHECK(facts.title == "Weekly digest of R&D");
  CHECK(facts.creators == std::vector<std::string>{"Yuan Tang", "Ann Lee", "Bo Wu"});
  CHECK(facts.keywords == "KServe, vLLM, llm-d");
  CHECK(facts.language == "pt-BR");
  CHECK(facts.producer.find("(libharu 2.3.0)") != std::string::npos);
  s.pub.language = "english please";
  CHECK(pdf::documentFacts(s.pub).language.empty());
  s.pub.title = "";
  CHECK(pdf::documentFacts(s.pub).title == "Digest");
}

TEST_CASE("PDF/UA is declared only for a document whose catalog has a structure tree") {
  SamplePublication s;
  s.addPost("One", Document{});
  const pdf::DocumentFacts facts = pdf::documentFacts(s.pub);
  DiagnosticSink diags;
  auto packetOf = [&](bool tagged) {
    pdf::HpdfDoc doc;
    REQUIRE(doc);
    HPDF_Doc pdf = doc.get();
    if (tagged) {
      HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
      REQUIRE(HPDF_Xref_Add(pdf->xref, root) == HPDF_OK);
      REQUIRE(HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root) == HPDF_OK);
    }
    CHECK(pdf::isTagged(doc) == tagged);
    REQUIRE(pdf::writeDocumentMetadata(doc, facts, PdfStandards{}, diags));
    auto* metadata = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(pdf->catalog, "Metadata", HPDF_OCLASS_DICT));
    REQUIRE(metadata);
    return pdf::memoryStreamBytes(metadata->stream);
  };
  CHECK(packetOf(false).find("pdfuaid") == std::string::npos);
  CHECK(packetOf(true).find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
}

TEST_CASE("a written PDF says the same in Info and XMP, with every character of the title") {
  if (!haveTool("pdfinfo")) {
    MESSAGE("poppler-utils not installed: skipped");
    return;
  }
  TempDir tmp;
  SamplePublication s;
  s.pub.title = "R&D <Ops> Café 🚀";
  s.pub.period = "Q4 2025";
  s.pub.buildEpoch = 1764460800;  // 2025-11-30T00:00:00Z
  s.addPost("One", oneParagraph(), {"KServe"});
  s.posts[0].authors = {"Zoë Ng", "李华"};
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  const fs::path out = tmp.path / "d.pdf";
  REQUIRE(writePdf(s.pub, style, BookPlan{}, TypesetOptions{}, PdfStandards{}, out, diags));
  const std::string info = runCommand("pdfinfo -isodates '" + out.string() + "'").out;
  CHECK(infoField(info, "Title") == "R&D <Ops> Café 🚀");
  CHECK(infoField(info, "Author") == "Zoë Ng, 李华");
  CHECK(infoField(info, "Subject") == "Q4 2025");
  CHECK(infoField(info, "Keywords") == "KServe");
  CHECK(infoField(info, "CreationDate") == "2025-11-30T00:00:00Z");
  CHECK(infoField(info, "PDF version") == "1.7");
  const std::string file = readWholeFile(out);
  CHECK(file.find("<rdf:li xml:lang=\"x-default\">R&amp;D &lt;Ops&gt; Café 🚀</rdf:li>") != std::string::npos);
  CHECK(file.find("/Lang (en)") != std::string::npos);
  CHECK(file.find("/DisplayDocTitle true") != std::string::npos);
  CHECK(countOccurrences(file, "/ID [") == 1);

  // The same build gives the same bytes (the /ID is a hash, not a clock).
  const fs::path again = tmp.path / "again.pdf";
  REQUIRE(writePdf(s.pub, style, BookPlan{}, TypesetOptions{}, PdfStandards{}, again, diags));
  CHECK(readWholeFile(again) == file);

  // none: the file as before the standards, PDF 1.3 without XMP, /ID or /Lang.
  PdfStandards none;
  none.ua1 = false;
  const fs::path plain = tmp.path / "none.pdf";
  REQUIRE(writePdf(s.pub, style, BookPlan{}, TypesetOptions{}, none, plain, diags));
  const std::string p = readWholeFile(plain);
  CHECK(p.rfind("%PDF-1.3", 0) == 0);
  CHECK(p.find("/Metadata") == std::string::npos);
  CHECK(p.find("/ID [") == std::string::npos);
  CHECK(p.find("/Lang") == std::string::npos);
}

TEST_CASE("PDF/A: the sRGB output intent, and no PDF at all without the profile") {
  TempDir tmp;
  SamplePublication s;
  s.addPost("One", oneParagraph());
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  PdfStandards a2b;
  a2b.pdfaLevel = 'B';
  if (fs::exists(a2b.outputProfile)) {
    const fs::path out = tmp.path / "a.pdf";
    REQUIRE(writePdf(s.pub, style, BookPlan{}, TypesetOptions{}, a2b, out, diags));
    const std::string file = readWholeFile(out);
    CHECK(file.find("/S /GTS_PDFA1") != std::string::npos);
    CHECK(file.find("/DestOutputProfile") != std::string::npos);
    CHECK(file.find("<pdfaid:conformance>B</pdfaid:conformance>") != std::string::npos);
  } else {
    MESSAGE("icc-profiles-free not installed: the output intent not checked");
  }

  for (const char* bad : {"missing.icc", "not-a-profile.icc"}) {
    CAPTURE(bad);
    std::ofstream(tmp.path / "not-a-profile.icc") << "plain text, not an ICC profile";
    a2b.outputProfile = tmp.path / bad;
    DiagnosticSink errors;
    const fs::path out = tmp.path / "none.pdf";
    CHECK_FALSE(writePdf(s.pub, style, BookPlan{}, TypesetOptions{}, a2b, out, errors));
    CHECK_FALSE(fs::exists(out));
    REQUIRE(errors.errorCount() == 1);
    CHECK(errors.all()[0].code == "pdf-standard");
    CHECK(errors.all()[0].message.find("icc-profiles-free") != std::string::npos);
  }
}

TEST_CASE("a right-to-left digest's pages face each other right to left (/ViewerPreferences /Direction /R2L)") {
  TempDir tmp;
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  for (const char* language : {"ar", "he", "en"}) {
    CAPTURE(language);
    SamplePublication s;
    s.pub.locale = std::make_shared<const Locale>(language);
    s.addPost("One", oneParagraph());
    PdfStandards none;
    none.ua1 = false;
    for (const PdfStandards& standards : {PdfStandards{}, none}) {
      const fs::path out = tmp.path / "d.pdf";
      REQUIRE(writePdf(s.pub, style, BookPlan{}, TypesetOptions{}, standards, out, diags));
      const std::string file = readWholeFile(out);
      CHECK((file.find("/Direction /R2L") != std::string::npos) == (std::string(language) != "en"));
      CHECK((file.find("/DisplayDocTitle true") != std::string::npos) == standards.any());
    }
  }
}
