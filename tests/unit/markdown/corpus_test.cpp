// Every post of the three real blogs in ../shared/corpus: nothing of Liquid, shortcodes, JSX or
// raw HTML reaches the reader's text, every post has text, unrendered constructs are reported
// with a line, and the whole terrytangyuan blog parses well under a second.
// also-unsanitized: the time bound on the terrytangyuan blog
#include <doctest/doctest.h>

#include <ctime>
#include <filesystem>

#include "helpers.h"
#include "postpress/support/text.h"

using namespace pp;

namespace {

std::filesystem::path corpusDir() { return std::filesystem::path(PP_SOURCE_DIR) / ".." / "shared" / "corpus"; }

struct CorpusResult {
  std::size_t posts = 0;
  std::vector<std::string> leaks;
  std::vector<std::string> empty;
  double seconds = 0;
  std::vector<Diagnostic> diags;
};

// Text a reader sees outside code: Text inlines, captions, titles, fallback text.
void collectVisible(const Document& doc, std::vector<std::string>& out) {
  forEachInline(doc, [&](const Inline& i) {
    if (i.kind == InlineKind::Text) out.push_back(i.text);
    if (i.kind == InlineKind::Image) out.push_back(i.image.alt);
  });
  forEachBlock(doc.blocks, [&](const Block& b) {
    if (b.kind == BlockKind::HtmlFallback) out.push_back(b.text);
    if (b.kind == BlockKind::Figure) out.push_back(b.image.alt);
  });
}

CorpusResult parseCorpus(const std::string& name) {
  CorpusResult r;
  DiagnosticSink siteDiags;
  SiteOptions opt;
  opt.root = corpusDir() / name;
  Site site = loadSite(opt, siteDiags);
  DiagnosticSink diags;
  std::clock_t t0 = std::clock();  // CPU time: the machine is shared
  std::vector<Document> docs;
  for (const auto& post : site.posts) docs.push_back(parsePost(site, post, diags));
  r.seconds = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
  r.posts = site.posts.size();
  for (std::size_t k = 0; k < docs.size(); ++k) {
    std::vector<std::string> visible;
    collectVisible(docs[k], visible);
    for (const auto& t : visible)
      for (const char* bad : {"{%", "{{<", "{{%", ":::", "<img", "<div", "\x01"})
        if (t.find(bad) != std::string::npos)
          r.leaks.push_back(site.posts[k].path + ": '" + bad + "' in \"" + t.substr(0, 120) + "\"");
    std::string all;
    for (const auto& b : docs[k].blocks) all += plainText(b);
    if (trim(all).empty() && !trim(site.posts[k].body).empty()) r.empty.push_back(site.posts[k].path);
  }
  r.diags = diags.all();
  return r;
}

}  // namespace

TEST_CASE("corpus: no syntax leaks, every post has text, constructs reported with lines") {
  if (!std::filesystem::exists(corpusDir())) {
    MESSAGE("../shared/corpus absent: corpus test skipped");
    return;
  }
  for (const char* name : {"terrytangyuan", "kubeflow", "fluxcd"}) {
    std::string label = name;
    CAPTURE(label);
    CorpusResult r = parseCorpus(name);
    CHECK(r.posts > 40);
    for (const auto& l : r.leaks) MESSAGE(l);
    CHECK(r.leaks.empty());
    for (const auto& e : r.empty) MESSAGE("empty: " << e);
    CHECK(r.empty.empty());
    for (const auto& d : r.diags) {
      CAPTURE(formatDiagnostic(d));
      CHECK(d.loc.line > 0);
    }
    MESSAGE(label << ": " << r.posts << " posts in " << r.seconds << " s, " << r.diags.size() << " diagnostics");
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_UNDEFINED__)
    // Far above the measured time (bench/results.md, "Markdown: parsing the corpora"): only a
    // return to quadratic behaviour fails it on a busy machine.
    if (label == "terrytangyuan") CHECK(r.seconds < 1.0);
#endif
  }
}
