// The layout run: the body (posts), then the back matter, then the front matter (which can
// cite every page number), paginated, numbered, and given running heads and footers.
#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "layout/canvas.h"
#include "layout/composer.h"
#include "layout/flow.h"
#include "layout/paginate.h"
#include "layout/post_join.h"
#include "postpress/support/parallel.h"
#include "postpress/layout.h"
#include "postpress/support/text.h"

namespace pp {

const AnchorPos* Layout::find(const std::string& anchor) const {
  auto it = anchors.find(anchor);
  return it == anchors.end() ? nullptr : &it->second;
}

std::string Layout::pageLabel(const std::string& anchor) const {
  const AnchorPos* a = find(anchor);
  if (!a || a->page < 0 || static_cast<std::size_t>(a->page) >= pages.size()) return "";
  return pages[static_cast<std::size_t>(a->page)].label;
}

std::string romanNumeral(int n) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kTable[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
      {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [v, s] : kTable)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

namespace typeset {

namespace {

// Owners of pages that are not posts (VItem::post): front sections -2, -3...; back -1000...
constexpr int kFrontOwner = -2;
constexpr int kBackOwner = -1000;

bool hasScheme(const std::string& url) {
  const std::string lower = toLowerAscii(url.substr(0, 12));
  return startsWith(lower, "http://") || startsWith(lower, "https://") ||
         startsWith(lower, "mailto:") || startsWith(lower, "ftp://") || startsWith(lower, "tel:");
}

class LayoutRun {
 public:
  LayoutRun(const Publication& pub, const Style& style, const LayoutOptions& options, DiagnosticSink& diags)
      : pub_(pub), style_(style), options_(options), diags_(diags), fonts_(style, diags, store_),
        ctx_(style, fonts_, standIns_, diags, pub.assets, out_) {
    geometry_.width = style.pageWidth;
    geometry_.height = style.pageHeight;
    geometry_.left = style.marginInner;
    geometry_.top = style.marginTop;
    geometry_.textWidth = style.textWidth();
    geometry_.textHeight = style.textHeight();
    standIns_.limit(standInLimit());
    ctx_.resolveLink = [this](const LinkTarget& t) { return resolve(t, -1); };
  }

  Layout run() {
    if (!fonts_.ok()) {
      diags_.error({}, "font-unusable", "no usable text font: cannot typeset the PDF");
      return std::move(out_);
    }
    // 1. Body: paginated as the posts are joined, each page numbered and decorated (and
    // handed to options_.bodyPages) as soon as nothing set later can change it.
    VList body;
    std::vector<OutlineEntry> bodyOutline;
    Pagination bodyPages = composeBody(body, bodyOutline);
    freeWorkers();  // a body of no posts, or set on one thread
    body = VList{};  // the pages hold copies of what they show: free the lines early
    for (const auto& [name, pos] : bodyPages.anchors)
      labels_.emplace(name, bodyPages.pages[static_cast<std::size_t>(pos.page)].box.label);

    // 2. Back matter, numbered on from the body.
    VList back;
    std::vector<OutlineEntry> backOutline;
    composeSections(options_.back, back, backOutline, kBackOwner);
    Pagination backPages = paginate(ctx_, back, geometry_);
    back = VList{};
    for (std::size_t i = 0; i < backPages.pages.size(); ++i)
      backPages.pages[i].box.label = std::to_string(bodyPages.pages.size() + i + 1);
    for (const auto& [name, pos] : backPages.anchors)
      labels_.emplace(name, backPages.pages[static_cast<std::size_t>(pos.page)].box.label);

    // 3. Front matter, which may cite any page above.
    std::vector<MatterSection> front = options_.front;
    const bool hasContents = std::any_of(front.begin(), front.end(),
                                         [](const MatterSection& s) { return s.anchor == "contents"; });
    if (options_.defaultContents && pub_.parts.toc && !hasContents && !pub_.posts.empty())
      front.push_back({"Contents", "contents", [this](Composer& c) { contents(c); }, true, true});
    VList frontList;
    std::vector<OutlineEntry> frontOutline;
    composeSections(front, frontList, frontOutline, kFrontOwner);
    Pagination frontPages = paginate(ctx_, frontList, geometry_);
    for (std::size_t i = 0; i < frontPages.pages.size(); ++i)
      frontPages.pages[i].box.label = romanNumeral(static_cast<int>(i + 1));

    // 4. Assemble.
    out_.frontPages = static_cast<int>(frontPages.pages.size());
    const int frontCount = out_.frontPages;
    const int bodyCount = static_cast<int>(bodyPages.pages.size());
    for (const auto& [name, pos] : frontPages.anchors) out_.anchors.emplace(name, pos);
    for (const auto& [name, pos] : bodyPages.anchors)
      out_.anchors.emplace(name, AnchorPos{pos.page + frontCount, pos.y});
    for (const auto& [name, pos] : backPages.anchors)
      out_.anchors.emplace(name, AnchorPos{pos.page + frontCount + bodyCount, pos.y});
    for (auto* part : {&frontPages, &bodyPages, &backPages})
      for (auto& p : part->pages) {
        if (part != &bodyPages) decorate(p);  // body pages were decorated as they were finished
        out_.pages.push_back(std::move(p.box));
      }
    for (auto* o : {&frontOutline, &bodyOutline, &backOutline})
      for (auto& e : *o)
        if (out_.anchors.count(e.dest)) out_.outline.push_back(std::move(e));
    fixLinks();
    out_.fonts = fonts_.faces();
    out_.privateUse = standIns_.table();
    return std::move(out_);
  }

 private:
  const Publication& pub_;
  const Style& style_;
  const LayoutOptions& options_;
  DiagnosticSink& diags_;
  Layout out_;
  // Font files are read once and shared by the sets of every thread (and the painter).
  std::shared_ptr<FontStore> store_ = std::make_shared<FontStore>();
  FontSet fonts_;
  StandIns standIns_;
  Context ctx_;
  PageGeometry geometry_;
  std::map<std::string, std::string> labels_;  // anchor -> printed page number
  std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators_;
  std::map<int, bool> sectionNumbers_;          // owner -> shows page numbers
  std::map<std::string, std::string> fitted_;   // running head text -> as fitted (decorate)
  std::atomic<bool> workersFreed_{false};
  std::size_t bodyFinished_ = 0;                // body pages numbered and decorated so far

  // Patterns for a post: its front matter language, else the digest's (config or site), else
  // the style's.
  std::string languageOf(const std::string& language) const {
    return !language.empty() ? language : !pub_.language.empty() ? pub_.language : style_.language;
  }
  Hyphenator* hyphenatorFor(const std::string& language) {
    if (!style_.hyphenate) return nullptr;
    const std::string lang = languageOf(language);
    auto& h = hyphenators_[lang];
    if (!h) h = std::make_unique<Hyphenator>(lang, diags_);
    return h->available() ? h.get() : nullptr;
  }

  // `post`: the post whose text links (its own "#anchor" links), -1 outside posts.
  ResolvedLink resolve(const LinkTarget& t, int post) const {
    ResolvedLink r;
    if (t.internal()) {
      if (static_cast<std::size_t>(t.post) < pub_.posts.size()) {
        r.dest = pub_.posts[static_cast<std::size_t>(t.post)].anchor;
        if (!t.anchor.empty()) r.dest += "/" + t.anchor;
      }
      return r;
    }
    if (!t.url.empty() && t.url[0] == '#') {
      if (post >= 0 && t.url.size() > 1)
        r.dest = pub_.posts[static_cast<std::size_t>(post)].anchor + "/" + t.url.substr(1);
      return r;
    }
    if (hasScheme(t.url)) r.uri = percentEncodeUri(t.url);
    return r;
  }

  std::size_t standInLimit() const { return static_cast<std::size_t>(std::max(0, options_.maxStandIns)); }

  // What a thread setting posts keeps from one post to the next: fonts with caches of their
  // own (the same face ids as every set made from the style) and hyphenators sharing the
  // patterns read before the threads started.
  struct PostWorker {
    std::unique_ptr<FontSet> fonts;
    StandIns standIns;
    std::map<std::string, std::unique_ptr<Hyphenator>> hyphenators;
  };

  // The body: every post set on its own (side by side with --jobs), then joined in reading
  // order. The result does not depend on the number of threads: a post's lines depend only on
  // the post, and joining renumbers what each post numbered for itself.
  Pagination composeBody(VList& list, std::vector<OutlineEntry>& outline) {
    const std::vector<std::size_t> order = bodyOrder();
    // Patterns are read here, once, in reading order (so are their notes).
    for (std::size_t i : order)
      if (pub_.posts[i].post) hyphenatorFor(pub_.posts[i].post->language);
    std::vector<PostPart> parts(order.size());
    auto pages = std::make_unique<IncrementalPagination>(ctx_, list, geometry_);
    bodyFinished_ = 0;
    if (!composeAndJoin(order, parts, options_.jobs, true, list, outline, *pages)) {
      // More characters above U+FFFF than stand-ins: set again in one sequence sharing one
      // table, as a single Flow would, so that the same characters become vector outlines.
      list = VList{};
      outline.clear();
      ctx_.clearOutlines();
      standIns_.clear();
      if (options_.bodyPages.restart) options_.bodyPages.restart();
      parts = std::vector<PostPart>(order.size());
      pages = std::make_unique<IncrementalPagination>(ctx_, list, geometry_);
      bodyFinished_ = 0;
      composeAndJoin(order, parts, 1, false, list, outline, *pages);
    }
    pages->advance(true);
    for (FinishedPage& f : finishBodyPages(pages->result())) handOver(f);
    for (const PostPart& p : parts) p.diags.replayInto(diags_);
    // Front and back matter hyphenate in the digest's language.
    ctx_.hyphenator = hyphenatorFor("");
    return std::move(pages->result());
  }

  // A body page ready for options_.bodyPages, with the outlines its glyphs use.
  struct FinishedPage {
    std::size_t index;
    PageBox box;
    std::vector<GlyphOutline> outlines;
  };

  // Numbers and decorates the body pages made since the last call. With a sink, each page's
  // drawing (and a copy of the outlines it uses, renumbered: the digest's list keeps growing)
  // is moved out for it, leaving the size, label and links.
  std::vector<FinishedPage> finishBodyPages(Pagination& made) {
    std::vector<FinishedPage> finished;
    for (; bodyFinished_ < made.pages.size(); ++bodyFinished_) {
      PaginatedPage& p = made.pages[bodyFinished_];
      p.box.label = std::to_string(bodyFinished_ + 1);
      decorate(p);
      if (!options_.bodyPages) continue;
      FinishedPage f{bodyFinished_, std::move(p.box), {}};
      std::map<int, int> local;
      for (VectorGlyph& g : f.box.glyphs) {
        if (g.outline < 0 || static_cast<std::size_t>(g.outline) >= out_.outlines.size()) continue;
        auto [it, fresh] = local.try_emplace(g.outline, static_cast<int>(f.outlines.size()));
        if (fresh) f.outlines.push_back(out_.outlines[static_cast<std::size_t>(g.outline)]);
        g.outline = it->second;
      }
      p.box = PageBox{};
      p.box.width = f.box.width;
      p.box.height = f.box.height;
      p.box.label = f.box.label;
      p.box.links = std::move(f.box.links);
      finished.push_back(std::move(f));
    }
    return finished;
  }

  void handOver(FinishedPage& f) { options_.bodyPages.page(f.index, std::move(f.box), std::move(f.outlines)); }

  // LayoutOptions::workersFreed, once.
  void freeWorkers() {
    if (options_.workersFreed && !workersFreed_.exchange(true)) options_.workersFreed();
  }

  // Sets the posts on the workers and joins each to the body as soon as every post before it
  // is joined, so that only posts finished out of order wait (the lines of all posts set apart
  // never exist beside the joined body). False when the stand-ins ran out while joining.
  bool composeAndJoin(const std::vector<std::size_t>& order, std::vector<PostPart>& parts, int jobs,
                      bool standInsPerPost, VList& list, std::vector<OutlineEntry>& outline,
                      IncrementalPagination& pages) {
    std::vector<PostWorker> workers(workerCount(order.size(), jobs));
    PostJoiner joiner(ctx_, list);
    std::mutex joining;  // the body, the outline and the digest's context
    std::vector<char> done(order.size(), 0);
    std::size_t next = 0;
    bool ok = true;
    std::atomic<std::size_t> started{0};
    parallelForWorkers(order.size(), jobs, [&](std::size_t w, std::size_t k) {
      ++started;
      composePost(workers[w], order, k, parts[k], standInsPerPost);
      // Every post is being set or done: this worker is about to go idle (after its joining).
      if (started.load() == order.size()) freeWorkers();
      std::vector<FinishedPage> finished;
      {
        std::lock_guard<std::mutex> lock(joining);
        done[k] = 1;
        bool joined = false;
        for (; next < order.size() && done[next]; ++next) {
          PostPart& part = parts[next];
          if (ok && !joiner.join(part)) ok = false;
          if (!ok) continue;
          for (auto& e : part.outline) outline.push_back(std::move(e));
          part.outline.clear();
          part.list = VList{};  // joined: its lines are the body's now
          joined = true;
        }
        if (ok && joined) {
          pages.advance(false);
          finished = finishBodyPages(pages.result());
        }
      }
      // Handed over outside the lock: the sink's work (painting, compressing) runs beside the
      // other threads' setting and joining.
      for (FinishedPage& f : finished) handOver(f);
    });
    return ok;
  }

  void composePost(PostWorker& worker, const std::vector<std::size_t>& order, std::size_t k, PostPart& part,
                   bool standInsPerPost) {
    const std::size_t i = order[k];
    const PostEntry& e = pub_.posts[i];
    if (!e.post) return;
    const Post& post = *e.post;
    const int index = static_cast<int>(i);
    if (!worker.fonts) {
      worker.fonts = std::make_unique<FontSet>(style_, part.diags, store_);
      worker.standIns.limit(standInLimit());
    }
    FontSet& fonts = *worker.fonts;
    fonts.setDiagnostics(part.diags);
    if (standInsPerPost) worker.standIns.clear();
    Layout scratch;  // collects the post's vector outlines
    Context ctx(style_, fonts, worker.standIns, part.diags, pub_.assets, scratch);
    ctx.resolveLink = [this, index](const LinkTarget& t) { return resolve(t, index); };
    ctx.locate = [&post](SourcePos p) { return post.loc(p.line, p.col); };
    if (style_.hyphenate) {
      const std::string lang = languageOf(post.language);
      auto& h = worker.hyphenators[lang];
      if (!h) {
        auto shared = hyphenators_.find(lang);  // only read while the threads run
        if (shared != hyphenators_.end() && shared->second->available()) h = shared->second->sharing();
      }
      ctx.hyphenator = h.get();
    }
    const std::string anchor = e.anchor;
    ctx.footnoteDest = [anchor](int n) { return anchor + "/fn-" + std::to_string(n); };

    Flow flow(ctx, part.list);
    flow.outline = &part.outline;
    FlowComposer composer(flow, pub_, labels_);
    if (k > 0) {
      if (style_.postsStartNewPage) {
        flow.pageBreak();
      } else {
        flow.space(style_.blockSpacing * 3);
        flow.rule(style_.rule, 0.6f, style_.textWidth());
        flow.space(style_.blockSpacing * 3);
      }
    }
    // The printed text (link notes' marks), made here and dropped with this frame.
    const std::optional<Document> printed = options_.hooks.postText ? options_.hooks.postText(e) : std::nullopt;
    const Document& text = printed ? *printed : e.doc;
    flow.beginPost(index, &text, anchor);
    flow.markPostStart();
    flow.anchor(anchor);
    part.outline.push_back({post.title.empty() ? std::string("Untitled") : post.title, 0, anchor});
    if (options_.hooks.postOpening) options_.hooks.postOpening(composer, e, index);
    else defaultOpening(flow, e);
    if (options_.hooks.asidesFor) flow.asideFor = options_.hooks.asidesFor(e, text);
    else if (options_.hooks.asideFor) flow.asideFor = [&](const Block& b) { return options_.hooks.asideFor(e, b); };
    flow.blocks(text.blocks);
    flow.asideFor = nullptr;
    flow.endPostNotes();
    if (options_.hooks.postEnd) options_.hooks.postEnd(composer, e, index);
    flow.endPost();

    part.keepNextAtEnd = flow.keepsNext();
    part.openAnchors = flow.takePendingAnchors();
    part.outlineKeys = ctx.outlineKeys();
    part.outlines = std::move(scratch.outlines);
    part.standIns = worker.standIns.table();
  }

  // LayoutOptions::bodyOrder made whole: each post exactly once.
  std::vector<std::size_t> bodyOrder() const {
    std::vector<std::size_t> order;
    std::vector<bool> placed(pub_.posts.size(), false);
    for (int i : options_.bodyOrder)
      if (i >= 0 && static_cast<std::size_t>(i) < placed.size() && !placed[static_cast<std::size_t>(i)]) {
        placed[static_cast<std::size_t>(i)] = true;
        order.push_back(static_cast<std::size_t>(i));
      }
    for (std::size_t i = 0; i < placed.size(); ++i)
      if (!placed[i]) order.push_back(i);
    return order;
  }

  void defaultOpening(Flow& flow, const PostEntry& e) {
    const Post& p = *e.post;
    flow.paragraph({Inline::makeText(p.title.empty() ? "Untitled" : p.title)}, style_.postTitle,
                   Align::Left, 0, 0, false);
    flow.keepWithNext();
    flow.space(style_.postTitle.spaceAfter);
    if (!p.subtitle.empty()) {
      flow.paragraph({Inline::makeText(p.subtitle)}, style_.postSubtitle, Align::Left, 0, 0, false);
      flow.keepWithNext();
      flow.space(style_.postSubtitle.spaceAfter);
    }
    std::string byline;
    auto add = [&](const std::string& s) {
      if (s.empty()) return;
      if (!byline.empty()) byline += "  \u00B7  ";
      byline += s;
    };
    std::string authors;
    for (const auto& a : p.authors) authors += (authors.empty() ? "" : ", ") + a;
    add(authors);
    if (p.date.valid()) add(formatPostDate(p.date, true));
    add(std::to_string(std::max(1, e.readingMinutes)) + " min read");
    flow.paragraph({Inline::makeText(byline)}, style_.byline, Align::Left, 0, 0, false);
    flow.keepWithNext();
    if (!p.tags.empty()) {
      std::string tags;
      for (const auto& t : p.tags) tags += (tags.empty() ? "" : "  \u00B7  ") + t;
      TextStyle ts = style_.byline;
      ts.color = style_.accent;
      flow.paragraph({Inline::makeText(tags)}, ts, Align::Left, 0, 0, false);
      flow.keepWithNext();
    }
    flow.space(style_.byline.leading * 0.5f);
    flow.rule(style_.rule, 0.6f, style_.textWidth());
    flow.keepWithNext();
    flow.space(style_.byline.spaceAfter);
  }

  void composeSections(const std::vector<MatterSection>& sections, VList& list,
                       std::vector<OutlineEntry>& outline, int ownerBase) {
    Flow flow(ctx_, list);
    flow.outline = &outline;
    FlowComposer composer(flow, pub_, labels_);
    int k = 0;
    for (const auto& s : sections) {
      const int owner = ownerBase - k++;
      sectionNumbers_[owner] = s.pageNumbers;
      if (s.startOnNewPage) flow.pageBreak();
      flow.beginPost(owner, nullptr, "");
      if (!s.anchor.empty()) {
        flow.anchor(s.anchor);
        if (!s.title.empty()) outline.push_back({s.title, 0, s.anchor});
      }
      if (s.compose) s.compose(composer);
      flow.endPost();
    }
  }

  void contents(Composer& c) {
    const Style& st = style_;
    c.heading("Contents", 1, "", false);
    c.space(st.blockSpacing);
    for (const auto& g : pub_.groups) {
      if (!g.label.empty()) {
        c.needSpace(st.headings[2].leading + 3 * st.tocEntry.leading);
        c.heading(g.label, 3, "", false);
      }
      for (int pi : g.posts) {
        if (pi < 0 || static_cast<std::size_t>(pi) >= pub_.posts.size()) continue;
        const PostEntry& e = pub_.posts[static_cast<std::size_t>(pi)];
        if (!e.post) continue;
        c.needSpace(st.tocEntry.leading * 2.2f);
        c.entry({Inline::makeText(e.post->title)}, e.anchor, st.tocEntry, 0);
        std::string meta;
        if (e.post->date.valid()) meta = formatPostDate(e.post->date, false);
        std::string authors;
        for (const auto& a : e.post->authors) authors += (authors.empty() ? "" : ", ") + a;
        if (!authors.empty()) meta += (meta.empty() ? "" : "  \u00B7  ") + authors;
        if (!meta.empty()) {
          ParagraphOptions o;
          o.align = ParagraphOptions::Align::Left;
          o.spaceAfter = st.tocEntry.leading * 0.35f;
          o.hyphenate = false;
          c.paragraph({Inline::makeText(meta)}, st.byline, o);
        }
      }
    }
  }

  // Running head and footer of a page.
  void decorate(PaginatedPage& p) {
    PageBox& box = p.box;
    const int owner = p.owner;
    if (owner <= kFrontOwner) {
      auto it = sectionNumbers_.find(owner);
      if (it != sectionNumbers_.end() && !it->second) return;
    }
    const TextStyle& rs = style_.runningHeader;
    Fragment f;
    FragmentCanvas canvas(ctx_, f, geometry_.textWidth);
    const float left = geometry_.left;
    const float right = geometry_.left + geometry_.textWidth;
    // Footer: the page number, centred under the text block.
    // Small margins must not push the running lines off the paper.
    const float footY = std::min(geometry_.top + geometry_.textHeight + style_.headerGap + rs.size,
                                 geometry_.height - rs.size * 0.5f - 6);
    const float lw = canvas.textWidth(box.label, rs);
    canvas.text(box.label, rs, left + (geometry_.textWidth - lw) / 2, footY);
    // Header on post pages, except the page a post opens on when posts open pages.
    if (owner >= 0 && static_cast<std::size_t>(owner) < pub_.posts.size() &&
        !(p.opensPost && style_.postsStartNewPage)) {
      const float headY = std::max(geometry_.top - style_.headerGap, rs.size + 6);
      const std::string digest = pub_.title.empty() ? std::string("Digest") : pub_.title;
      const PostEntry& e = pub_.posts[static_cast<std::size_t>(owner)];
      const std::string postTitle = e.post ? e.post->title : std::string();
      const float half = geometry_.textWidth / 2 - 12;
      const std::string& l = fitted(canvas, digest, rs, half);
      const std::string& r = fitted(canvas, postTitle, rs, half);
      canvas.text(l, rs, left, headY);
      const float rw = canvas.textWidth(r, rs);
      canvas.text(r, rs, right - rw, headY);
      const float ruleY = headY + rs.size * 0.6f;
      f.lines.push_back({left, ruleY, right, ruleY, 0.4f, style_.rule});
    }
    f.placeOn(box, 0, 0);
  }

  // fit(), remembered: every page of a post repeats the same running head (the style and
  // width never change within a run).
  const std::string& fitted(Canvas& c, const std::string& text, const TextStyle& ts, float width) {
    auto it = fitted_.find(text);
    if (it == fitted_.end()) it = fitted_.emplace(text, fit(c, text, ts, width)).first;
    return it->second;
  }

  // Text cut at a word and ended with an ellipsis so that it fits `width`.
  std::string fit(Canvas& c, const std::string& text, const TextStyle& ts, float width) {
    if (c.textWidth(text, ts) <= width) return text;
    std::string cut = text;
    while (!cut.empty()) {
      std::size_t sp = cut.find_last_of(' ');
      if (sp == std::string::npos || sp == 0) break;
      cut.resize(sp);
      if (c.textWidth(cut + "\u2026", ts) <= width) return cut + "\u2026";
    }
    // one very long word: cut by characters
    std::u32string u = toUtf32(text);
    while (!u.empty()) {
      u.pop_back();
      std::string s = toUtf8(u) + "\u2026";
      if (c.textWidth(s, ts) <= width) return s;
    }
    return "";
  }

  // Internal links whose heading anchor is unknown go to the post; others are dropped.
  void fixLinks() {
    for (auto& page : out_.pages) {
      auto& links = page.links;
      for (auto& l : links) {
        if (l.dest.empty() || out_.anchors.count(l.dest)) continue;
        const std::size_t slash = l.dest.find('/');
        if (slash != std::string::npos && out_.anchors.count(l.dest.substr(0, slash)))
          l.dest = l.dest.substr(0, slash);
        else
          l.dest.clear();
      }
      links.erase(std::remove_if(links.begin(), links.end(),
                                 [](const LinkArea& l) { return l.dest.empty() && l.uri.empty(); }),
                  links.end());
    }
  }
};

}  // namespace

}  // namespace typeset

Layout layoutPublication(const Publication& pub, const Style& style, const LayoutOptions& options,
                         DiagnosticSink& diags) {
  return typeset::LayoutRun(pub, style, options, diags).run();
}

}  // namespace pp
