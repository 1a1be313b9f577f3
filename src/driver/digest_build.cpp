// Runs the stages for one digest and records what happened in a DigestReport.
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <future>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>

#include "postpress/diagrams.h"
#include "postpress/math.h"
#include "driver/outputs.h"
#include "driver/percent_progress.h"
#include "postpress/driver.h"
#include "driver/code_highlighting.h"
#include "postpress/epub.h"
#include "postpress/markdown.h"
#include "postpress/support/parallel.h"
#include "postpress/book.h"
#include "postpress/pdf.h"
#include "postpress/style.h"
#include "postpress/support/output_set.h"

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

// The cache folder the build asked for (--cache), else the user's.
fs::path cacheDirOf(const BuildOptions& options) {
  return options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir;
}

AssetOptions assetOptionsFor(const DigestSpec& spec, const BuildOptions& options, const Style& style) {
  AssetOptions a;
  a.cacheDir = cacheDirOf(options);
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

// Diagram labels in the style's sans family, then the bundled DejaVu Sans (which fontconfig
// also has).
DiagramOptions diagramOptionsFor(const Style& style) {
  DiagramOptions d;
  if (auto it = style.families.find("heading"); it != style.families.end() && !it->second.name.empty())
    d.fontFamily = it->second.name + ",DejaVu Sans";
  return d;
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
  // The XDG base directory rules: XDG_CACHE_HOME when it is an absolute path, else ~/.cache,
  // the home folder being HOME or, without it, the user's entry in the password database.
  // Never a shared folder such as /tmp, which another user could create first and fill.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "postpress";
  if (const char* home = std::getenv("HOME"); home && fs::path(home).is_absolute())
    return fs::path(home) / ".cache" / "postpress";
  std::vector<char> buffer(16384);
  struct passwd entry{};
  struct passwd* found = nullptr;
  if (::getpwuid_r(::geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_dir &&
      fs::path(found->pw_dir).is_absolute() && fs::path(found->pw_dir) != "/")
    return fs::path(found->pw_dir) / ".cache" / "postpress";
  return {};  // no cache: the image store keeps what it makes for this build only
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
  report.siteRoot = spec.site.root;
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

  // The style needs no post: read beside the site (its diagnostics kept apart and told where
  // they always were, after the posts' reading problems).
  DiagnosticSink styleDiags;  // declared before the future, whose end waits for the reading
  std::future<Style> styleRead =
      std::async(effectiveJobs(options.jobs) > 1 ? std::launch::async : std::launch::deferred,
                 [&spec, &styleDiags] { return loadStyle(spec.style, spec.paper, styleDiags); });

  phase("reading site");
  const Site* site = nullptr;
  auto since = Clock::now();
  if (!guarded("reading the site", diags, [&] { site = &sites.get(spec.site, diags); })) return finish();
  timed("reading site", since);
  report.inputs = digestInputs(spec, *site, nullptr);

  SelectionResult selection = selectPosts(*site, spec.selection);
  if (selection.posts.empty()) {
    report.emptyReason = selection.emptyReason;
    diags.error({spec.where.path.empty() ? site->root.string() : spec.where.path, spec.where.line, 0},
                "empty-selection", "no posts selected: " + selection.emptyReason);
    return finish();
  }
  reportPostDiagnostics(selection.posts, diags);  // only the selected posts' reading problems
  for (const Post* p : selection.posts) report.posts.push_back(describePost(*p));

  Style style = styleRead.get();
  styleDiags.replayInto(diags);

  DiagramOptions diagrams = diagramOptionsFor(style);
  diagrams.grayscale = spec.grayscale;
  // The digest's language (ICU's formatters take a few milliseconds to make) needs only the
  // site: made on a thread of its own while the posts are parsed, unless one thread is all
  // the build may use.
  // So are the hyphenation patterns of the digest's language and of each post's (read on the
  // PDF's one thread they held up the layout's start).
  struct LanguagesRead {
    std::shared_ptr<const Locale> locale;
    std::shared_ptr<const HyphenationSet> hyphenation;
  };
  std::future<LanguagesRead> localeMade =
      std::async(effectiveJobs(options.jobs) > 1 ? std::launch::async : std::launch::deferred,
                 [&spec, site, &selection, hyphenate = style.hyphenate] {
                   LanguagesRead read;
                   read.locale = std::make_shared<const Locale>(digestLanguage(spec.publication, spec.selection, *site));
                   if (hyphenate) {
                     std::vector<std::string> languages{read.locale->tag()};
                     for (const Post* p : selection.posts) languages.push_back(postLanguageTag(p->language, {}, site->language));
                     read.hyphenation = HyphenationSet::read(languages);
                   }
                   return read;
                 });
  std::shared_ptr<const HyphenationSet> hyphenation;
  phase("parsing " + std::to_string(selection.posts.size()) + " posts");
  since = Clock::now();
  driver::PercentProgress imageProgress(phase);
  AssetOptions assetOptions = assetOptionsFor(spec, options, style);
  assetOptions.progress = [&imageProgress](std::size_t done, std::size_t total) {
    imageProgress("converting images", std::to_string(done) + " of " + std::to_string(total), done, total);
  };
  AssetStore assets(std::move(assetOptions));
  std::vector<Document> docs(selection.posts.size());
  // What finding each post's images asks of the file system, done by the thread that parsed
  // it; the images are registered in the posts' order after (AssetStore::resolveDocument).
  std::vector<PreparedImages> preparedImages(selection.posts.size());
  {
    // Each post's code is highlighted by the thread that parsed it, as soon as it is parsed:
    // the highlighter's one engine is taken in turns (loading the languages' definitions
    // costs more than the highlighting, bench/results.md), while the other threads parse;
    // after all the posts were parsed it had worked alone on one core (perf timeline).
    const std::unique_ptr<Highlighter> highlighter = driver::highlighterFor(style, cacheDirOf(options));
    // One sink per post, replayed in post order: the diagnostics print in the same order
    // whichever thread parses which post.
    std::vector<DiagnosticSink> postDiags(selection.posts.size());
    // Longest first: the threads finish together, rather than one parsing the last long post
    // alone while the other waits (each post's results go to its own slots: the same outputs).
    std::vector<std::size_t> longestFirst(selection.posts.size());
    std::iota(longestFirst.begin(), longestFirst.end(), std::size_t{0});
    std::stable_sort(longestFirst.begin(), longestFirst.end(), [&](std::size_t a, std::size_t b) {
      return selection.posts[a]->body.size() > selection.posts[b]->body.size();
    });
    guarded("parsing posts", diags, [&] {
      parallelFor(selection.posts.size(), options.jobs, [&](std::size_t k) {
        const std::size_t i = longestFirst[k];
        docs[i] = parsePost(*site, *selection.posts[i], postDiags[i]);
        drawDiagrams(*selection.posts[i], docs[i], diagrams, postDiags[i]);
        checkFormulas(*selection.posts[i], docs[i], postDiags[i]);
        if (highlighter)
          guarded("highlighting code", postDiags[i],
                  [&] { highlightPostCode(*highlighter, *selection.posts[i], docs[i], postDiags[i]); });
        try {
          preparedImages[i] = assets.prepareDocument(*site, *selection.posts[i], docs[i]);
        } catch (const std::exception&) {
          // Nothing prepared: resolveDocument finds the images itself, and reports what fails.
        }
      });
    });
    timed("parsing posts", since);
    for (const auto& d : postDiags) d.replayInto(diags);
  }
  since = Clock::now();
  guarded("linking posts", diags, [&] { resolveCrossLinks(*site, selection.posts, docs, diags); });

  guarded("resolving images", diags, [&] {
    for (std::size_t i = 0; i < docs.size(); ++i)
      assets.resolveDocument(*site, *selection.posts[i], docs[i], diags, &preparedImages[i]);
  });

  // The digest's language, made once: every label, date and count of both outputs.
  std::optional<Publication> built;
  if (!guarded("composing the digest", diags, [&] {
        LanguagesRead read = localeMade.get();
        std::shared_ptr<const Locale> locale = std::move(read.locale);
        hyphenation = std::move(read.hyphenation);
        locale->report(diags);
        built.emplace(buildPublication(*site, spec.selection, selection.posts, std::move(docs),
                                       spec.publication, style, assets, std::move(locale), diags));
      }))
    return finish();
  const Publication& pub = *built;
  report.title = pub.title;
  report.period = pub.period;
  timed("composing", since);

  phase("processing " + std::to_string(assets.size()) + " images");
  since = Clock::now();
  guarded("processing images", diags, [&] { assets.process(diags); });
  timed("images", since);

  report.inputs = digestInputs(spec, *site, &assets);
  if (options.checkOnly) return finish();

  // Every output is checked, and its folder made, before any is written: they are replaced
  // together or not at all (OutputSet).
  std::vector<OutputReport> outputs(spec.formats.size());
  std::vector<fs::path> targets;
  bool writable = true;
  for (std::size_t k = 0; k < spec.formats.size(); ++k) {
    outputs[k].format = spec.formats[k];
    outputs[k].path = outputPathFor(spec.output, spec.formats[k]);
    targets.push_back(outputs[k].path);
    if (auto problem = outputProblem(outputs[k].path, spec.outputRoot, report.inputs)) {
      diags.error({outputs[k].path.string(), 0, 0}, "output-refused", "not written: " + *problem);
      writable = false;
    } else if (!ensureParentFolder(outputs[k].path, diags)) {
      writable = false;
    }
  }
  if (!writable) {
    for (OutputReport& out : outputs) report.outputs.push_back(std::move(out));
    return finish();
  }
  OutputSet outputSet(targets);

  // The PDF and the EPUB only read the publication, the style and the processed images: they
  // are written side by side (the order of the report's outputs stays the config's).
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
  driver::PercentProgress pageProgress(phase);
  parallelFor(spec.formats.size(), options.jobs, [&](std::size_t k) {
    DiagnosticSink& diags = formatDiags[k];
    const std::string& format = spec.formats[k];
    // The PDF opens the EPUB's gate however it ends (also when it fails or throws early).
    std::optional<OpenOnExit> freeCores;
    if (format == "pdf") freeCores.emplace(coresFree);
    OutputReport& out = outputs[k];
    const fs::path& staged = outputSet.stagedPath(k);
    if (staged.empty()) {
      diags.error({out.path.string(), 0, 0}, format + "-write", "cannot write the " + format + ": " + outputSet.error(k));
    } else {
      phase("writing " + out.path.string());
      if (format == "pdf") {
        PdfStats stats;
        guarded("writing the PDF", diags, [&] {
          // The printed book (src/book/): link-note marks in each post's text as it is set, and
          // cover, brief, contents, openings, QR codes and indexes around and in posts.
          const BookPlan plan = printedBook(pub, style, bookOptions(spec.publication, style));
          TypesetOptions typesetting;
          typesetting.jobs = options.jobs;
          typesetting.hyphenation = hyphenation;
          typesetting.workersFreed = [&coresFree] { coresFree.open(); };
          typesetting.bodyProgress = [&pageProgress, &out](std::size_t pages, std::size_t parts, std::size_t total) {
            pageProgress("writing " + out.path.string(),
                         std::to_string(pages) + (pages == 1 ? " page, post " : " pages, post ") + std::to_string(parts) +
                             " of " + std::to_string(total),
                         parts, total);
          };
          PdfStandards standards;
          readPdfStandards(spec.pdfStandards, standards);  // checked when the option was read
          out.written = writePdf(pub, style, plan, typesetting, standards, staged, diags, &stats);
        });
        out.pages = stats.pages;
        std::lock_guard<std::mutex> lock(phaseMutex);
        report.phases.emplace_back("pdf layout", stats.layoutSeconds);
        report.phases.emplace_back("pdf paint+save", stats.paintSeconds);
      } else if (format == "epub") {
        if (epubWaits) coresFree.wait();
        const auto epubSince = Clock::now();
        guarded("writing the EPUB", diags, [&] { out.written = writeEpub(pub, style, staged, diags, nullptr, options.jobs); });
        timed("epub", epubSince);
      } else {
        diags.error(spec.where, "bad-format", "unknown output format '" + format + "'");
      }
    }
  });
  for (std::size_t k = 0; k < formatDiags.size(); ++k)
    replayNamingTarget(formatDiags[k], diags, outputSet.stagedPath(k), outputs[k].path);
  // A pair always matches: when one output failed, the others are not replaced either.
  const bool allWritten = std::all_of(outputs.begin(), outputs.end(), [](const OutputReport& o) { return o.written; });
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    std::error_code ec;  // measured while staged: a document sent to the standard output has no file after
    const std::uintmax_t size = outputs[k].written ? fs::file_size(outputSet.stagedPath(k), ec) : 0;
    outputs[k].bytes = ec ? 0 : size;
  }
  std::string why;
  if (allWritten && !outputSet.commit(&why)) {
    diags.error({spec.output.string(), 0, 0}, "output-write", "cannot replace the outputs: " + why);
    for (OutputReport& out : outputs) out.written = false;
  } else if (!allWritten) {
    for (OutputReport& out : outputs)
      if (out.written) {
        diags.error({out.path.string(), 0, 0}, "output-set",
                    "not replaced: another output of this digest failed, and the two must come from one build");
        out.written = false;
      }
  }
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
    applyDiagnosticRules(*sink, specs[i], options.diagnostics);
    reports[i] = buildDigest(specs[i], inner, sites, *sink);
  });
  return reports;
}

}  // namespace pp
