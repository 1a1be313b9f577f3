// Runs the stages for one digest and records what happened in a DigestReport.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <new>
#include <optional>

#include "postpress/driver.h"
#include "postpress/epub.h"
#include "postpress/markdown.h"
#include "postpress/support/parallel.h"
#include "postpress/layout.h"
#include "postpress/pdf.h"
#include "postpress/print.h"
#include "postpress/style.h"

namespace pp::driver {

namespace {

// Opened once, waited on by any number of threads.
class Gate {
 public:
  void open() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      open_ = true;
    }
    opened_.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    opened_.wait(lock, [this] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable opened_;
  bool open_ = false;
};

// Opens a gate when it goes out of scope, whatever happened before.
class OpenOnExit {
 public:
  explicit OpenOnExit(Gate& gate) : gate_(gate) {}
  OpenOnExit(const OpenOnExit&) = delete;
  OpenOnExit& operator=(const OpenOnExit&) = delete;
  ~OpenOnExit() { gate_.open(); }

 private:
  Gate& gate_;
};

using Clock = std::chrono::steady_clock;

// The file an output format goes to: "out/digest" -> "out/digest.pdf"; an output that already
// names the format's extension is used as it is.
fs::path outputPathFor(const fs::path& base, const std::string& format) {
  std::string ext = "." + format;
  if (base.extension() == ext) return base;
  fs::path p = base;
  p += ext;
  return p;
}

bool ensureParentFolder(const fs::path& file, DiagnosticSink& diags) {
  fs::path parent = file.parent_path();
  if (parent.empty()) return true;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec || !fs::is_directory(parent)) {
    diags.error({file.string(), 0, 0}, "output-folder",
                "cannot create the output folder '" + parent.string() + "': " + ec.message());
    return false;
  }
  return true;
}

// Runs one stage; an exception escaping it (a bug, or memory exhaustion) becomes a diagnostic
// instead of ending the whole batch.
template <typename Fn>
bool guarded(const char* stage, DiagnosticSink& diags, Fn&& fn) {
  try {
    fn();
    return true;
  } catch (const std::bad_alloc&) {
    diags.error({}, "out-of-memory", std::string("out of memory while ") + stage);
  } catch (const std::exception& e) {
    diags.error({}, "internal-error", std::string("internal error while ") + stage + ": " + e.what());
  }
  return false;
}

PostReport describePost(const Post& p) {
  PostReport r;
  r.path = p.path;
  r.title = p.title;
  r.date = p.date.valid() ? p.date.isoDate() : "";
  r.url = p.url;
  r.authors = p.authors;
  r.tags = p.tags;
  return r;
}

AssetOptions assetOptionsFor(const DigestSpec& spec, const BuildOptions& options, const Style& style) {
  AssetOptions a;
  a.cacheDir = options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir;
  a.jobs = options.jobs;
  a.pdfDpi = spec.dpi > 0 ? spec.dpi : style.dpi;
  a.pdfMaxWidthPt = style.textWidth();
  a.pdfMaxHeightPt = style.textHeight();
  a.epubMaxSide = spec.epubMaxSide;
  a.jpegQuality = spec.jpegQuality;
  a.grayscale = spec.grayscale;
  a.fetchRemote = options.fetchRemote;
  a.fetchAllowHosts = options.fetchAllowHosts;
  return a;
}

std::string siteKey(const SiteOptions& o) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(o.root, ec);
  return (ec ? o.root : root).string() + '\n' + o.postsGlob + '\n' + (o.drafts ? "1" : "0") +
         '\n' + o.tagSource;
}

}  // namespace
}  // namespace pp::driver

namespace pp {

// The stage's own helpers above; the stage's contract (postpress/driver.h) below.
using namespace driver;

bool DigestReport::ok() const {
  if (errors > 0) return false;
  for (const auto& o : outputs)
    if (!o.written) return false;
  return true;
}

fs::path defaultCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "postpress";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "postpress";
  return fs::temp_directory_path() / "postpress-cache";
}

const Site& SiteCache::get(const SiteOptions& options, DiagnosticSink& diags) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = sites_[siteKey(options)];
  if (!slot) slot = std::make_unique<Site>(loadSite(options, diags));
  return *slot;
}

DigestReport buildDigest(const DigestSpec& spec, const BuildOptions& options, SiteCache& sites,
                         DiagnosticSink& diags) {
  auto started = Clock::now();
  DigestReport report;
  report.name = spec.name;
  auto phase = [&](const std::string& what) {
    if (options.progress) options.progress(spec.name, what);
  };
  std::mutex phaseMutex;  // the PDF and the EPUB record theirs from two threads
  auto timed = [&](const char* name, Clock::time_point since) {
    std::lock_guard<std::mutex> lock(phaseMutex);
    report.phases.emplace_back(name, std::chrono::duration<double>(Clock::now() - since).count());
  };
  auto finish = [&]() -> DigestReport {
    report.diagnostics = diags.all();
    report.errors = diags.errorCount();
    report.warnings = diags.warningCount();
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return report;
  };

  phase("reading site");
  const Site* site = nullptr;
  auto since = Clock::now();
  if (!guarded("reading the site", diags, [&] { site = &sites.get(spec.site, diags); })) return finish();
  timed("reading site", since);

  SelectionResult selection = selectPosts(*site, spec.selection);
  if (selection.posts.empty()) {
    report.emptyReason = selection.emptyReason;
    diags.error({spec.where.path.empty() ? site->root.string() : spec.where.path, spec.where.line, 0},
                "empty-selection", "no posts selected: " + selection.emptyReason);
    return finish();
  }
  for (const Post* p : selection.posts) report.posts.push_back(describePost(*p));

  Style style = loadStyle(spec.style, spec.paper, diags);

  phase("parsing " + std::to_string(selection.posts.size()) + " posts");
  since = Clock::now();
  std::vector<Document> docs(selection.posts.size());
  {
    // One sink per post, replayed in post order: the diagnostics print in the same order
    // whichever thread parses which post.
    std::vector<DiagnosticSink> postDiags(selection.posts.size());
    guarded("parsing posts", diags, [&] {
      parallelFor(selection.posts.size(), options.jobs, [&](std::size_t i) {
        docs[i] = parsePost(*site, *selection.posts[i], postDiags[i]);
      });
    });
    for (const auto& d : postDiags) d.replayInto(diags);
  }
  timed("parsing posts", since);
  since = Clock::now();
  guarded("linking posts", diags, [&] { resolveCrossLinks(*site, selection.posts, docs, diags); });

  AssetStore assets(assetOptionsFor(spec, options, style));
  guarded("resolving images", diags, [&] {
    for (std::size_t i = 0; i < docs.size(); ++i)
      assets.resolveDocument(*site, *selection.posts[i], docs[i], diags);
  });

  Publication pub;
  if (!guarded("composing the digest", diags, [&] {
        pub = buildPublication(*site, spec.selection, selection.posts, std::move(docs),
                               spec.publication, style, assets, diags);
      }))
    return finish();
  report.title = pub.title;
  report.period = pub.period;
  timed("composing", since);

  phase("processing " + std::to_string(assets.size()) + " images");
  since = Clock::now();
  guarded("processing images", diags, [&] { assets.process(diags); });
  timed("images", since);

  if (options.checkOnly) return finish();

  // The PDF and the EPUB only read the publication, the style and the processed images: they
  // are written side by side (the order of the report's outputs stays the config's).
  std::vector<OutputReport> outputs(spec.formats.size());
  std::vector<DiagnosticSink> formatDiags(spec.formats.size());  // replayed in the config's order
  // On two cores, written side by side, the EPUB starts when the PDF's layout stops keeping
  // both busy: while the posts are being set the cores are full and the EPUB only slows the
  // layout; after it, the PDF's fonts, page objects and saving run on one thread and leave the
  // other core to the EPUB (bench/results.md). With more cores the posts' joining, one at a
  // time, leaves cores the EPUB can use from the start; on one, the formats are written one
  // after the other and nothing waits. Only for exactly a PDF and an EPUB: each has a worker
  // of its own, so the one that waits never holds the worker the PDF needs.
  auto has = [&](const char* f) { return std::find(spec.formats.begin(), spec.formats.end(), f) != spec.formats.end(); };
  const bool epubWaits = spec.formats.size() == 2 && has("pdf") && has("epub") &&
                         workerCount(spec.formats.size(), options.jobs) == 2 && effectiveJobs(options.jobs) == 2;
  Gate coresFree;
  parallelFor(spec.formats.size(), options.jobs, [&](std::size_t k) {
    DiagnosticSink& diags = formatDiags[k];
    const std::string& format = spec.formats[k];
    // The PDF opens the EPUB's gate however it ends (also when it fails or throws early).
    std::optional<OpenOnExit> freeCores;
    if (format == "pdf") freeCores.emplace(coresFree);
    OutputReport& out = outputs[k];
    out.format = format;
    out.path = outputPathFor(spec.output, format);
    if (ensureParentFolder(out.path, diags)) {
      phase("writing " + out.path.string());
      if (format == "pdf") {
        PdfStats stats;
        guarded("writing the PDF", diags, [&] {
          // The printed publication (src/print/): link-note marks in each post's text as it is
          // set, and cover, brief, contents, openings, QR codes and indexes around and in posts.
          LayoutOptions layoutOptions = printMatter(pub, style);
          layoutOptions.jobs = options.jobs;
          layoutOptions.workersFreed = [&coresFree] { coresFree.open(); };
          out.written = writePdf(pub, style, layoutOptions, out.path, diags, &stats);
        });
        out.pages = stats.pages;
        std::lock_guard<std::mutex> lock(phaseMutex);
        report.phases.emplace_back("pdf layout", stats.layoutSeconds);
        report.phases.emplace_back("pdf paint+save", stats.paintSeconds);
      } else if (format == "epub") {
        if (epubWaits) coresFree.wait();
        const auto epubSince = Clock::now();
        guarded("writing the EPUB", diags, [&] { out.written = writeEpub(pub, style, out.path, diags, nullptr, options.jobs); });
        timed("epub", epubSince);
      } else {
        diags.error(spec.where, "bad-format", "unknown output format '" + format + "'");
      }
    }
    if (out.written) {
      std::error_code ec;
      out.bytes = fs::file_size(out.path, ec);
    }
  });
  for (const auto& d : formatDiags) d.replayInto(diags);
  for (OutputReport& out : outputs) report.outputs.push_back(std::move(out));
  return finish();
}

std::vector<DigestReport> buildDigests(const std::vector<DigestSpec>& specs, const BuildOptions& options,
                                       const std::function<std::unique_ptr<DiagnosticSink>()>& makeSink) {
  std::vector<DigestReport> reports(specs.size());
  SiteCache sites;
  // Digests run side by side, each stage inside them also parallel: split the jobs so the
  // machine is not oversubscribed (output never depends on the split).
  int jobs = effectiveJobs(options.jobs);
  int outer = std::min<int>(jobs, static_cast<int>(specs.size()));
  BuildOptions inner = options;
  inner.jobs = std::max(1, jobs / std::max(1, outer));
  parallelFor(specs.size(), outer, [&](std::size_t i) {
    auto sink = makeSink();
    reports[i] = buildDigest(specs[i], inner, sites, *sink);
  });
  return reports;
}

}  // namespace pp
