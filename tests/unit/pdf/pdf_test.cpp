// Whole small Publications to PDF, checked with the tools a reader's software trusts: qpdf
// (structure), pdffonts (embedding), pdftotext (text and its order), pdfcheck (margins,
// overlaps, outline) when ../shared is there.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "common/run_command.h"
#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "postpress/support/files.h"
#include "postpress/pdf.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;
namespace fs = std::filesystem;
using pptest::CommandRun;
using pptest::haveTool;
using pptest::runCommandStdoutOnly;
using pptest::TempDir;

namespace {

SamplePublication richSample() {
  SamplePublication s;
  {
    Document d;
    d.blocks.push_back(para(prose(180, 1)));
    d.blocks.push_back(heading(2, "Serving at scale", "serving-at-scale"));
    d.blocks.push_back(para({text("Read the "), hyperlink("https://kserve.github.io/website/docs/", "KServe documentation"),
                             text(" and the "), hyperlink("", "second post", 1), text(" of this digest."),
                             footnoteRef(0)}));
    d.blocks.push_back(list(false, {{para("First point about autoscaling")},
                                    {para("Second point"), list(true, {{para("Nested one")}, {para("Nested two")}})},
                                    {para("Third point with a longer text that wraps onto a second line of the list item for sure")}}));
    d.blocks.push_back(codeBlock("apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: "
                                 "llama\nspec:\n  predictor:\n    model:\n      modelFormat: {name: huggingface}\n      "
                                 "args: [\"--model_name=llama\", \"--model_id=meta-llama/Llama-3.1-8B-Instruct\", "
                                 "\"--max-model-len=8192\", \"--gpu-memory-utilization=0.9\"]\n"));
    d.blocks.push_back(table({{"Component", "Role", "Status"},
                              {"vLLM", "High-throughput inference engine with paged attention", "Stable"},
                              {"llm-d", "Distributed inference scheduling on Kubernetes", "Alpha"},
                              {"KServe", "Model serving control plane", "Stable"}}));
    d.blocks.push_back(quote({para("Simplicity is prerequisite for reliability.")}));
    d.blocks.push_back(para(prose(220, 2)));
    Footnote fn;
    fn.blocks.push_back(para("A footnote with its own text."));
    d.footnotes.push_back(fn);
    s.addPost("KubeCon North America 2025 Highlights", std::move(d), {"KServe", "vLLM"});
  }
  {
    Document d;
    for (int i = 0; i < 6; ++i) {
      d.blocks.push_back(heading(2, "Section " + std::to_string(i + 1), "section-" + std::to_string(i + 1)));
      d.blocks.push_back(para(prose(150, 10 + static_cast<unsigned>(i))));
    }
    s.addPost("Scaling Model Serving Ψ Über Café", std::move(d));
  }
  return s;
}

}  // namespace

TEST_CASE("a small publication becomes a valid PDF with embedded fonts and its text in order") {
  if (!haveTool("qpdf") || !haveTool("pdffonts") || !haveTool("pdftotext")) {
    MESSAGE("qpdf/poppler-utils not installed: skipped");
    return;
  }
  TempDir tmp;
  SamplePublication s = richSample();
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  PdfStats stats;
  const fs::path out = tmp.path / "digest.pdf";
  REQUIRE(writePdf(s.pub, style, out, diags, &stats));
  for (const auto& d : diags.all()) MESSAGE(formatDiagnostic(d));
  CHECK(stats.pages >= 4);
  CHECK(stats.frontPages >= 1);  // the contents page
  CHECK(stats.pagesRepainted == 0);  // every page written ahead with the names libharu gave
  if (const char* keep = std::getenv("PP_TEST_OUT")) fs::copy_file(out, fs::path(keep) / "sample.pdf", fs::copy_options::overwrite_existing);

  CommandRun check = runCommandStdoutOnly("qpdf --check '" + out.string() + "'");
  CHECK(check.status == 0);
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);

  CommandRun fonts = runCommandStdoutOnly("pdffonts '" + out.string() + "'");
  REQUIRE(fonts.status == 0);
  std::istringstream lines(fonts.out);
  std::string line;
  int rows = 0, embedded = 0;
  while (std::getline(lines, line)) {
    if (line.find("CID TrueType") == std::string::npos) continue;
    ++rows;
    if (line.find(" yes ") != std::string::npos) ++embedded;
  }
  CHECK(rows >= 3);  // text, heading, mono at least
  CHECK(embedded == rows);

  CommandRun text = runCommandStdoutOnly("pdftotext -layout '" + out.string() + "' -");
  REQUIRE(text.status == 0);
  const std::string& t = text.out;
  for (const char* expect : {"KubeCon North America 2025 Highlights", "Serving at scale", "KServe documentation",
                             "InferenceService", "High-throughput", "Simplicity is prerequisite",
                             "Scaling Model Serving", "Über Café", "Contents", "A footnote with its own text"}) {
    CHECK_MESSAGE(t.find(expect) != std::string::npos, expect);
  }
  // Order: the first post's heading comes before the second post's title on the body pages.
  const auto body = t.find("Serving at scale");
  CHECK(body != std::string::npos);
  CHECK(t.find("Section 6") > t.find("Section 1"));
}

TEST_CASE("identical input gives a byte-identical PDF") {
  TempDir tmp;
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  SamplePublication a = richSample();
  SamplePublication b = richSample();
  REQUIRE(writePdf(a.pub, style, tmp.path / "a.pdf", diags));
  REQUIRE(writePdf(b.pub, style, tmp.path / "b.pdf", diags));
  const std::string x = pptest::readWholeFile(tmp.path / "a.pdf"), y = pptest::readWholeFile(tmp.path / "b.pdf");
  CHECK(x.size() > 1000);
  CHECK(x == y);
}

TEST_CASE("links have no border, outline and page labels exist") {
  if (!haveTool("qpdf")) return;
  TempDir tmp;
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  SamplePublication s = richSample();
  const fs::path out = tmp.path / "d.pdf";
  REQUIRE(writePdf(s.pub, style, out, diags));
  CommandRun qdf = runCommandStdoutOnly("qpdf --qdf --object-streams=disable '" + out.string() + "' -");
  REQUIRE(qdf.status == 0);
  CHECK(qdf.out.find("/URI (https://kserve.github.io/website/docs/)") != std::string::npos);
  std::string compact;
  for (char c : qdf.out)
    if (c != ' ' && c != '\n' && c != '\r') compact += c;
  CHECK(compact.find("/Border[") != std::string::npos);
  CHECK(compact.find("/Border[000]") != std::string::npos);
  CHECK(qdf.out.find("/PageLabels") != std::string::npos);
  CHECK(qdf.out.find("/S /r") != std::string::npos);
  CHECK(qdf.out.find("/Outlines") != std::string::npos);
  CHECK(qdf.out.find("/CreationDate") != std::string::npos);
  CommandRun outl = runCommandStdoutOnly("qpdf --json --json-key=outlines '" + out.string() + "'");
  CHECK(outl.out.find("Serving at scale") != std::string::npos);
}

TEST_CASE("pdfcheck passes on both styles") {
  const fs::path tool = fs::path(PP_SOURCE_DIR) / ".." / "shared" / "tools" / "pdfcheck";
  if (!fs::exists(tool) || !haveTool("pdftotext")) {
    MESSAGE("../shared/tools/pdfcheck absent: skipped");
    return;
  }
  for (const char* styleName : {"report", "brief"}) {
    TempDir tmp;
    DiagnosticSink diags;
    Style style = loadStyle(styleName, "", diags);
    SamplePublication s = richSample();
    const fs::path out = tmp.path / "d.pdf";
    REQUIRE(writePdf(s.pub, style, out, diags));
    std::string cmd = "'" + tool.string() + "' '" + out.string() + "' --need-outline";
    for (const auto& p : s.posts) cmd += " --expect '" + p.title + "'";
    CommandRun r = runCommandStdoutOnly(cmd);
    INFO(styleName << "\n" << r.out);
    CHECK(r.status == 0);
  }
}

TEST_CASE("an unwritable output leaves no file and reports an error") {
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  SamplePublication s = richSample();
  CHECK_FALSE(writePdf(s.pub, style, "/nonexistent-dir/x/y.pdf", diags));
  CHECK(diags.errorCount() >= 1);
  CHECK_FALSE(fs::exists("/nonexistent-dir/x/y.pdf"));
}

TEST_CASE("characters above U+FFFF draw from a font and extract as themselves") {
  if (!haveTool("pdftotext") || !haveTool("qpdf")) return;
  if (!fs::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    MESSAGE("fonts-symbola not installed: skipped");
    return;
  }
  TempDir tmp;
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  SamplePublication s;
  Document d;
  d.blocks.push_back(para("Launch day \U0001F680 and a party \U0001F389, twice \U0001F680."));
  d.blocks.push_back(codeBlock("print(\"\U0001F600\")\n"));
  s.addPost("\U0001F680 Announcing the Benchmark Results", std::move(d));
  const fs::path out = tmp.path / "emoji.pdf";
  REQUIRE(writePdf(s.pub, style, out, diags));
  CommandRun check = runCommandStdoutOnly("qpdf --check '" + out.string() + "'");
  CHECK(check.status == 0);
  CHECK(check.out.find("WARNING") == std::string::npos);
  CommandRun text = runCommandStdoutOnly("pdftotext '" + out.string() + "' -");
  CHECK(text.out.find("\U0001F680 Announcing the Benchmark Results") != std::string::npos);
  CHECK(text.out.find("party \U0001F389") != std::string::npos);
  CHECK(text.out.find("\U0001F600") != std::string::npos);
  // No Private Use code reaches the extracted text.
  CHECK(text.out.find("\uF8FF") == std::string::npos);
  // Every font's ToUnicode CMap reads cleanly (libharu's own used `begincidrange`, which
  // poppler reports as invalid; ours replace them before saving, not in an update after).
  CommandRun complaints = runCommandStdoutOnly("pdftotext '" + out.string() + "' /dev/null 2>&1 | cat");
  CHECK_MESSAGE(complaints.out.empty(), complaints.out);
  CHECK(runCommandStdoutOnly("grep -ac startxref '" + out.string() + "'").out == "1\n");
}

TEST_CASE("characters whose code bytes are delimiters or line ends extract as themselves") {
  // Words are written as two bytes a character in literal strings: '(' ')' '\' and the low
  // bytes 0x0A, 0x0D, 0x28, 0x29, 0x5C of Ċ č Ĩ ĩ Ŝ must survive a reader's parsing.
  if (!haveTool("pdftotext") || !haveTool("qpdf")) {
    MESSAGE("poppler-utils/qpdf not installed: skipped");
    return;
  }
  TempDir tmp;
  SamplePublication s;
  Document d;
  const std::string line = "f(x) \\ (a)b) Ċč Ĩĩ Ŝ";
  d.blocks.push_back(para(line));
  s.addPost("Delimiters", std::move(d));
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  const fs::path out = tmp.path / "delims.pdf";
  REQUIRE(writePdf(s.pub, style, out, diags, nullptr));
  CHECK(runCommandStdoutOnly("qpdf --check '" + out.string() + "'").status == 0);
  CommandRun text = runCommandStdoutOnly("pdftotext '" + out.string() + "' -");
  REQUIRE(text.status == 0);
  CHECK_MESSAGE(text.out.find(line) != std::string::npos, text.out);
}
