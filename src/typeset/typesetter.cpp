// A typesetting run: the body's parts set side by side and joined in order, paginated as they
// are joined; sections set in one flow; the fonts and structure they share.
#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <set>
#include <memory>
#include <mutex>

#include "postpress/support/parallel.h"
#include "postpress/typeset.h"
#include "typeset/canvas.h"
#include "typeset/composer.h"
#include "typeset/flow.h"
#include "typeset/join_parts.h"
#include "typeset/paginate.h"

namespace pp {

using namespace typeset;

namespace {

std::shared_ptr<FontStore> storeKeepingShapes(const AssetStore* assets) {
  auto store = std::make_shared<FontStore>();
  if (assets && !assets->options().cacheDir.empty()) store->keepShapesIn(assets->options().cacheDir);
  return store;
}

}  // namespace

struct Typesetter::Run {
  Run(const Style& s, const AssetStore* a, const Locale& l,
      std::function<ResolvedLink(const LinkTarget&, int owner)> resolve, const TypesetOptions& o, DiagnosticSink& d)
      : style(s), assets(a), locale(l), language(l.tag()), resolveLink(std::move(resolve)), options(o), diags(d),
        fonts(s, d, store), ctx(s, fonts, d, a, out) {
    geometry.width = s.pageWidth;
    geometry.height = s.pageHeight;
    geometry.left = s.textLeft(l.rightToLeft());
    geometry.top = s.marginTop;
    geometry.textWidth = s.textWidth();
    geometry.textHeight = s.textHeight();
    ctx.resolveLink = [this](const LinkTarget& t) { return resolveLink(t, -1); };
    ctx.language = language;
    fonts.setLanguage(language);
    ctx.rightToLeft = locale.rightToLeft();
    // The front and back matter and the running heads are the book's own: right to left in a
    // right-to-left digest, whatever the posts are.
    ctx.rightToLeftLayout = locale.rightToLeft();
    ctx.locale = &locale;
    // The structure tree's root: every part and section goes below it.
    ctx.nodes.open(StructNode::inLanguage(StructType::Document, locale.tag()));
  }

  const Style& style;
  const AssetStore* assets;
  const Locale& locale;
  const std::string language;
  const std::function<ResolvedLink(const LinkTarget&, int owner)> resolveLink;
  const TypesetOptions options;
  DiagnosticSink& diags;
  Layout out;  // the structure nodes of everything set
  // Font files are read once and shared by the sets of every thread (and the painter); the
  // words their faces shape are kept in the image cache's folder between builds.
  std::shared_ptr<FontStore> store = storeKeepingShapes(assets);
  FontSet fonts;
  Context ctx;  // the sections' and the running heads'
  PageGeometry geometry;
  std::map<std::string, std::string> labels;  // anchor -> printed page number (citePages)
  std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators;
  std::set<char32_t> namedMissing;  // characters without a glyph that a warning named already
  std::atomic<bool> workersFreed{false};
  std::size_t bodyFinished = 0;  // body pages numbered and decorated so far
  // For TypesetOptions::bodyProgress: each part's place among the body's parts (by owner),
  // how many have begun on a finished page, of how many.
  std::map<int, std::size_t> partPosition;
  std::size_t partsBegun = 0, partCount = 0;

  // Patterns of a language ("" = the run's), read once.
  Hyphenator* hyphenatorFor(const std::string& lang) {
    if (!style.hyphenate) return nullptr;
    const std::string l = lang.empty() ? language : lang;
    auto& h = hyphenators[l];
    if (!h && options.hyphenation) h = options.hyphenation->take(l, diags);
    if (!h) h = std::make_unique<Hyphenator>(l, diags);
    return h->available() ? h.get() : nullptr;
  }

  // TypesetOptions::workersFreed, once.
  void freeWorkers() {
    if (options.workersFreed && !workersFreed.exchange(true)) options.workersFreed();
  }

  // What a thread setting parts keeps from one part to the next: fonts with caches of their
  // own (the same face ids as every set made from the style) and hyphenators sharing the
  // patterns read before the threads started.
  struct Worker {
    std::unique_ptr<FontSet> fonts;
    std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators;
  };

  // A body page ready for options.bodyPages.
  struct FinishedPage {
    std::size_t index;
    PageBox box;
  };

  using Compose = std::function<void(PartComposer&, std::size_t)>;
  using Finish = std::function<void(SetPage&, std::size_t)>;

  SetPages setBody(const std::vector<BodyPart>& parts, const Compose& compose, const Finish& finish) {
    // Patterns are read here, once, in the parts' order (so are their notes).
    for (const BodyPart& p : parts)
      if (!p.empty) hyphenatorFor(p.language);
    std::vector<PartSetApart> apart(parts.size());
    VList list;
    std::vector<OutlineEntry> outline;
    IncrementalPagination pages(ctx, list, geometry);
    bodyFinished = 0;
    partsBegun = 0;
    partPosition.clear();
    for (std::size_t k = 0; k < parts.size(); ++k) partPosition.emplace(parts[k].owner, k);
    partCount = parts.size();
    setAndJoin(parts, compose, finish, apart, list, outline, pages);
    pages.advance(true);
    for (FinishedPage& f : finishBodyPages(pages.result(), finish)) handOver(f);
    for (const PartSetApart& p : apart) {
      p.diags.replayInto(diags);
      namedMissing.insert(p.missingGlyphs.begin(), p.missingGlyphs.end());
    }
    // Sections hyphenate in the run's language.
    ctx.hyphenator = hyphenatorFor("");
    freeWorkers();  // a body of no parts, or set on one thread
    SetPages result = std::move(pages.result());
    result.outline = std::move(outline);
    return result;
  }

  // Numbers and decorates the body pages made since the last call. With a sink, each page's
  // drawing is moved out for it, leaving the size, label and links.
  std::vector<FinishedPage> finishBodyPages(SetPages& made, const Finish& finish) {
    std::vector<FinishedPage> finished;
    for (; bodyFinished < made.pages.size(); ++bodyFinished) {
      SetPage& p = made.pages[bodyFinished];
      finish(p, bodyFinished);
      tellProgress(p);
      if (!options.bodyPages) continue;
      FinishedPage f{bodyFinished, std::move(p.box)};
      p.box = PageBox{};
      p.box.width = f.box.width;
      p.box.height = f.box.height;
      p.box.label = f.box.label;
      p.box.links = std::move(f.box.links);
      finished.push_back(std::move(f));
    }
    return finished;
  }

  void tellProgress(const SetPage& p) {
    if (!options.bodyProgress) return;
    if (const auto at = partPosition.find(p.owner); at != partPosition.end())
      partsBegun = std::max(partsBegun, at->second + 1);
    options.bodyProgress(bodyFinished + 1, partsBegun, partCount);
  }

  void handOver(FinishedPage& f) { options.bodyPages.page(f.index, std::move(f.box)); }

  // Sets the parts on the workers and joins each to the body as soon as every part before it
  // is joined, so that only parts finished out of order wait (the lines of all parts set apart
  // never exist beside the joined body).
  void setAndJoin(const std::vector<BodyPart>& parts, const Compose& compose, const Finish& finish,
                  std::vector<PartSetApart>& apart, VList& list, std::vector<OutlineEntry>& outline,
                  IncrementalPagination& pages) {
    const int jobs = options.jobs;
    std::vector<Worker> workers(workerCount(parts.size(), jobs));
    PartJoiner joiner(ctx, list);
    std::mutex joining;  // the body, the outline and the run's context
    std::vector<char> done(parts.size(), 0);
    std::size_t next = 0;
    std::atomic<std::size_t> started{0};
    parallelForWorkers(parts.size(), jobs, [&](std::size_t w, std::size_t k) {
      ++started;
      setPart(workers[w], parts[k], compose, k, apart[k]);
      // Every part is being set or done: this worker is about to go idle (after its joining).
      if (started.load() == parts.size()) freeWorkers();
      std::vector<FinishedPage> finished;
      {
        std::lock_guard<std::mutex> lock(joining);
        done[k] = 1;
        bool joined = false;
        for (; next < parts.size() && done[next]; ++next) {
          PartSetApart& part = apart[next];
          joiner.join(part);
          for (auto& e : part.outline) outline.push_back(std::move(e));
          part.outline.clear();
          part.list = VList{};  // joined: its lines are the body's now
          joined = true;
        }
        if (joined) {
          pages.advance(false);
          finished = finishBodyPages(pages.result(), finish);
        }
      }
      // Handed over outside the lock: the sink's work (painting, compressing) runs beside the
      // other threads' setting and joining.
      for (FinishedPage& f : finished) handOver(f);
    });
  }

  void setPart(Worker& worker, const BodyPart& part, const Compose& compose, std::size_t k, PartSetApart& apart) {
    if (part.empty) return;
    if (!worker.fonts) worker.fonts = std::make_unique<FontSet>(style, apart.diags, store);
    FontSet& partFonts = *worker.fonts;
    partFonts.setDiagnostics(apart.diags);
    Layout scratch;  // collects the part's structure nodes
    Context c(style, partFonts, apart.diags, assets, scratch);
    const int owner = part.owner;
    c.resolveLink = [this, owner](const LinkTarget& t) { return resolveLink(t, owner); };
    if (part.locate) c.locate = part.locate;
    if (style.hyphenate) {
      const std::string lang = part.language.empty() ? language : part.language;
      auto& h = worker.hyphenators[lang];
      if (!h) {
        auto shared = hyphenators.find(lang);  // only read while the threads run
        if (shared != hyphenators.end() && shared->second->available()) h = shared->second->sharing();
      }
      c.hyphenator = h.get();
    }
    c.language = part.language.empty() ? language : part.language;
    partFonts.setLanguage(c.language);
    c.rightToLeft = isRightToLeft(c.language);
    c.locale = &locale;
    const std::string anchor = part.anchor;
    c.footnoteDest = [anchor](int n) { return anchor + "/fn-" + std::to_string(n); };

    Flow flow(c, apart.list);
    flow.outline = &apart.outline;
    FlowComposer composer(flow, labels);
    compose(composer, k);

    apart.missingGlyphs = c.missingGlyphs.characters();
    c.missingGlyphs.report(apart.diags);  // one warning for the post
    apart.keepNextAtEnd = flow.keepsNext();
    apart.openAnchors = flow.takePendingAnchors();
    apart.structure = std::move(scratch.structure);
  }

  SetPages setSections(std::size_t count, const Compose& compose) {
    VList list;
    std::vector<OutlineEntry> outline;
    {
      Flow flow(ctx, list);
      flow.outline = &outline;
      FlowComposer composer(flow, labels);
      for (std::size_t k = 0; k < count; ++k) compose(composer, k);
    }
    SetPages pages = paginate(ctx, list, geometry);
    pages.outline = std::move(outline);
    // One warning for the sections, naming only what no post named (titles repeat there).
    const std::set<char32_t> met = ctx.missingGlyphs.characters();
    ctx.missingGlyphs.report(diags, namedMissing);
    namedMissing.insert(met.begin(), met.end());
    return pages;
  }
};

Typesetter::Typesetter(const Style& style, const AssetStore* assets, const Locale& locale,
                       std::function<ResolvedLink(const LinkTarget&, int owner)> resolveLink,
                       const TypesetOptions& options, DiagnosticSink& diags)
    : run_(std::make_unique<Run>(style, assets, locale, std::move(resolveLink), options, diags)) {}

Typesetter::~Typesetter() = default;

bool Typesetter::ok() const { return run_->fonts.ok(); }

SetPages Typesetter::setBody(const std::vector<BodyPart>& parts,
                             const std::function<void(PartComposer&, std::size_t k)>& compose,
                             const std::function<void(SetPage&, std::size_t index)>& finish) {
  return run_->setBody(parts, compose, finish);
}

SetPages Typesetter::setSections(std::size_t count, const std::function<void(PartComposer&, std::size_t k)>& compose) {
  return run_->setSections(count, compose);
}

void Typesetter::citePages(const SetPages& pages) {
  for (const auto& [name, pos] : pages.anchors)
    run_->labels.emplace(name, pages.pages[static_cast<std::size_t>(pos.page)].box.label);
}

void Typesetter::drawOnPage(PageBox& page, const std::function<void(Canvas&)>& draw) {
  Fragment f;
  FragmentCanvas canvas(run_->ctx, f, run_->geometry.textWidth);
  // Drawn in page coordinates as for a left-to-right book; a right-to-left book's mirrored.
  if (run_->ctx.rightToLeftLayout) canvas.mirror(page.width);
  // Running heads and folios: artifacts, heads above the page's middle, folios below.
  canvas.setTag(tags::kHeader);
  draw(canvas);
  for (TextRun& r : f.runs)
    if (r.tag == tags::kHeader && r.y > page.height / 2) r.tag = tags::kFooter;
  f.placeOn(page, 0, 0);
}

Layout Typesetter::takeLayout() {
  // Everything is set: the words shaped for the first time are kept for the next build,
  // written beside what follows unless the build keeps to one thread. The task holds the
  // store, so the fonts outlive it whoever lets go of them first.
  Layout l;
  std::shared_ptr<FontStore> store = run_->store;
  if (effectiveJobs(run_->options.jobs) > 1)
    l.shapesSaved = std::async(std::launch::async, [store] { store->saveShapes(); });
  else
    store->saveShapes();
  l.fonts = run_->fonts.faces();
  l.structure = std::move(run_->out.structure);
  return l;
}

}  // namespace pp
