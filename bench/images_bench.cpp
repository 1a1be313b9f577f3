// Image pipeline benchmark: resolves and processes every image of a site's posts (or of the
// posts whose path contains --post), then prints throughput, cache behaviour and the size of
// the renditions (a PNG shared by the PDF and the EPUB counted in both totals, and once in
// the cache's).
//
//   images_bench SITE_ROOT [--post SUBSTRING] [--jobs N] [--cache DIR] [--dpi N] [--runs N]
//                [--text-width PT] [--text-height PT]   (the style's text block; default 468 x 648,
//                letter with 1 in margins; the report style's is narrower)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "postpress/assets.h"
#include "postpress/support/files.h"
#include "postpress/markdown.h"
#include "postpress/site.h"

namespace {

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

// A PDF rendition's bytes as embedded (a PNG's IDAT data and its soft mask's: near enough
// the file sizes).
std::uintmax_t pdfBytes(const pp::EncodedImage& e, pp::DiagnosticSink& diags) {
  const pp::FileBytes data = pp::readEncoded(e, diags);
  std::uintmax_t n = data.size();
  if (!e.alphaFile.empty()) {
    std::error_code ec;
    n += std::filesystem::file_size(e.alphaFile, ec);
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SITE_ROOT [--post SUBSTRING] [--jobs N] [--cache DIR] [--dpi N] [--runs N] [--text-width PT] [--text-height PT]\n", argv[0]);
    return 2;
  }
  std::string root = argv[1], postFilter, cache = "/tmp/pp-images-bench-cache";
  int jobs = 0, dpi = 200, runs = 2;
  double textWidth = 0, textHeight = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--post") postFilter = v;
    else if (a == "--jobs") jobs = std::stoi(v);
    else if (a == "--cache") cache = v;
    else if (a == "--dpi") dpi = std::stoi(v);
    else if (a == "--runs") runs = std::stoi(v);
    else if (a == "--text-width") textWidth = std::stod(v);
    else if (a == "--text-height") textHeight = std::stod(v);
  }
  pp::DiagnosticSink quiet;
  pp::SiteOptions so;
  so.root = root;
  pp::Site site = pp::loadSite(so, quiet);

  for (int run = 0; run < runs; ++run) {
    pp::AssetOptions opt;
    opt.cacheDir = cache;
    opt.jobs = jobs;
    opt.pdfDpi = dpi;
    if (textWidth > 0) opt.pdfMaxWidthPt = textWidth;
    if (textHeight > 0) opt.pdfMaxHeightPt = textHeight;
    pp::AssetStore store(opt);
    pp::DiagnosticSink diags;
    auto t0 = std::chrono::steady_clock::now();
    int posts = 0;
    for (const auto& post : site.posts) {
      if (!postFilter.empty() && post.path.find(postFilter) == std::string::npos) continue;
      ++posts;
      pp::Document doc = pp::parsePost(site, post, quiet);
      store.resolveDocument(site, post, doc, diags);
      if (!post.heroImage.empty()) store.resolve(site, post, post.heroImage, post.loc(), diags);
    }
    auto t1 = std::chrono::steady_clock::now();
    const double cpu0 = cpuSeconds();
    store.process(diags);
    const double cpu = cpuSeconds() - cpu0;
    auto t2 = std::chrono::steady_clock::now();
    int ok = 0;
    std::uintmax_t pdfTotal = 0, epubTotal = 0;
    int maxEpubSide = 0, maxPdfW = 0, shared = 0;
    for (std::size_t i = 0; i < store.size(); ++i) {
      const auto& a = store.at(static_cast<int>(i));
      if (!a.ok()) continue;
      ++ok;
      pdfTotal += pdfBytes(a.pdf, diags);
      epubTotal += pp::readEncoded(a.epub, diags).size();
      maxEpubSide = std::max({maxEpubSide, a.epub.width, a.epub.height});
      maxPdfW = std::max(maxPdfW, a.pdf.width);
      if (a.pdf.file == a.epub.file) ++shared;  // one file for both (PNG or JPEG)
    }
    const double resolveS = std::chrono::duration<double>(t1 - t0).count();
    const double processS = std::chrono::duration<double>(t2 - t1).count();
    auto st = store.stats();
    std::printf("run %d (%s): posts %d, images %zu, ok %d, failed %d, decoded %d, cache hits %d\n", run + 1,
                st.decoded ? "cold" : "warm", posts, store.size(), ok, st.failed, st.decoded, st.cacheHits);
    std::printf("  parse+resolve %.3f s, process %.3f s wall (%.1f images/s), %.3f s CPU (%.1f images per CPU second), jobs %d\n",
                resolveS, processS, processS > 0 ? st.decoded / processS : 0.0, cpu, cpu > 0 ? st.decoded / cpu : 0.0, jobs);
    std::printf("  PDF renditions %.2f MB (max width %d px), EPUB renditions %.2f MB (max side %d px), %d shared\n",
                pdfTotal / 1e6, maxPdfW, epubTotal / 1e6, maxEpubSide, shared);
    if (run == 0)
      for (const auto& d : diags.all())
        if (d.severity != pp::Severity::Note) std::printf("  %s\n", pp::formatDiagnostic(d).c_str());
  }
  return 0;
}
