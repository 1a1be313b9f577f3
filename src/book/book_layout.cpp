// Laying the book out: the body (posts), then the back matter, then the front matter (which can
// cite every page number), each set by the typesetter; numbered, given running heads and
// footers, and put together in reading order.
#include <algorithm>
#include <map>

#include "book/book_parts.h"
#include "book/running_heads.h"
#include "postpress/book.h"
#include "postpress/support/text.h"

namespace pp {

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

namespace book {

namespace {

// Owners of pages that are not posts (SetPage::owner): front sections -2, -3...; back -1000...
constexpr int kFrontOwner = -2;
constexpr int kBackOwner = -1000;

bool hasScheme(const std::string& url) {
  const std::string lower = toLowerAscii(url.substr(0, 12));
  return startsWith(lower, "http://") || startsWith(lower, "https://") ||
         startsWith(lower, "mailto:") || startsWith(lower, "ftp://") || startsWith(lower, "tel:");
}

class BookRun {
 public:
  BookRun(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
          DiagnosticSink& diags)
      : pub_(pub), style_(style), plan_(plan), diags_(diags),
        typesetter_(style, pub.assets, *pub.locale,
                    [this](const LinkTarget& t, int post) { return resolve(t, post); }, typesetting, diags),
        heads_(pub, style, typesetter_) {}

  Layout run() {
    if (!typesetter_.ok()) {
      diags_.error({}, "font-unusable", "no usable text font: cannot typeset the PDF");
      return Layout{};
    }
    // 1. Body: paginated as the posts are joined, each page numbered and decorated (and
    // handed to TypesetOptions::bodyPages) as soon as nothing set later can change it.
    SetPages body = setBody();
    typesetter_.citePages(body);

    // 2. Back matter, numbered on from the body.
    SetPages back = setSections(plan_.back, kBackOwner);
    for (std::size_t i = 0; i < back.pages.size(); ++i)
      back.pages[i].box.label = pub_.locale->numeral(static_cast<long long>(body.pages.size() + i + 1));
    typesetter_.citePages(back);

    // 3. Front matter, which may cite any page above.
    std::vector<MatterSection> frontSections = plan_.front;
    const bool hasContents = std::any_of(frontSections.begin(), frontSections.end(),
                                         [](const MatterSection& s) { return s.anchor == kContentsAnchor; });
    if (plan_.defaultContents && pub_.parts.toc && !hasContents && !pub_.posts.empty())
      frontSections.push_back(
          {pub_.locale->label("contents"), kContentsAnchor, [this](Composer& c) { composePlainContents(c, pub_); }, true, true});
    SetPages front = setSections(frontSections, kFrontOwner);
    for (std::size_t i = 0; i < front.pages.size(); ++i) front.pages[i].box.label = romanNumeral(static_cast<int>(i + 1));

    // 4. Assemble.
    std::vector<PageBox> pages;
    for (auto* part : {&front, &body, &back})
      for (auto& p : part->pages) {
        if (part != &body) decorate(p);  // body pages were decorated as they were finished
        pages.push_back(std::move(p.box));
      }
    Layout out = typesetter_.takeLayout();
    out.frontPages = static_cast<int>(front.pages.size());
    const int frontCount = out.frontPages;
    const int bodyCount = static_cast<int>(body.pages.size());
    for (const auto& [name, pos] : front.anchors) out.anchors.emplace(name, pos);
    for (const auto& [name, pos] : body.anchors) out.anchors.emplace(name, AnchorPos{pos.page + frontCount, pos.y});
    for (const auto& [name, pos] : back.anchors)
      out.anchors.emplace(name, AnchorPos{pos.page + frontCount + bodyCount, pos.y});
    out.pages = std::move(pages);
    for (auto* part : {&front, &body, &back})
      for (auto& e : part->outline)
        if (out.anchors.count(e.dest)) out.outline.push_back(std::move(e));
    fixLinks(out);
    return out;
  }

 private:
  const Publication& pub_;
  const Style& style_;
  const BookPlan& plan_;
  DiagnosticSink& diags_;
  Typesetter typesetter_;
  RunningHeads heads_;
  std::map<int, bool> sectionNumbers_;  // owner -> shows page numbers

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

  // The body: every post set on its own (side by side with several workers), then joined in
  // reading order. The result does not depend on the number of workers: a post's lines depend
  // only on the post, and joining renumbers what each post numbered for itself.
  SetPages setBody() {
    const std::vector<std::size_t> order = bodyOrder();
    std::vector<BodyPart> parts(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      const PostEntry& e = pub_.posts[order[k]];
      BodyPart& part = parts[k];
      if (!e.post) {
        part.empty = true;
        continue;
      }
      part.owner = static_cast<int>(order[k]);
      part.language = postLanguage(pub_, *e.post);
      part.anchor = e.anchor;
      part.locate = [post = e.post](SourcePos p) { return post->loc(p.line, p.col); };
    }
    return typesetter_.setBody(
        parts, [&](PartComposer& c, std::size_t k) { composePost(c, order[k], k > 0); },
        [this](SetPage& p, std::size_t index) {
          p.box.label = pub_.locale->numeral(static_cast<long long>(index + 1));
          decorate(p);
        });
  }

  void composePost(PartComposer& c, std::size_t i, bool afterAnother) {
    const PostEntry& e = pub_.posts[i];
    const Post& post = *e.post;
    const int index = static_cast<int>(i);
    if (afterAnother) {
      if (style_.postsStartNewPage) {
        c.newPage();
      } else {
        c.space(style_.blockSpacing * 3);
        c.rule(style_.rule, 0.6f);
        c.space(style_.blockSpacing * 3);
      }
    }
    const BookHooks& hooks = plan_.hooks;
    // The text as printed (link notes' marks), made here and dropped with this frame.
    const std::optional<Document> printed = hooks.postText ? hooks.postText(e) : std::nullopt;
    const Document& text = printed ? *printed : e.doc;
    c.beginPart(index, &text, e.anchor);
    // A Part per post, with its language when it is not the digest's.
    const std::string lang = postLanguage(pub_, post);
    const NodeScope part(c, StructNode::inLanguage(StructType::Part, lang != pub_.locale->tag() ? lang : ""));
    c.markOpening();
    c.anchor(e.anchor);
    c.outlineEntry(postTitle(*pub_.locale, post), 0, e.anchor);
    // The post's opening and its links are laid out in the post's direction, whatever the
    // digest's: a right-to-left post's opening from the right (its byline at the right, its
    // QR code at the left), a left-to-right post's from the left in a right-to-left book.
    const bool rightToLeft = isRightToLeft(lang);
    {
      const RightToLeftLayout layout(c, rightToLeft);
      if (hooks.postOpening) hooks.postOpening(c, e, index);
      else composePlainOpening(c, pub_, e);
    }
    std::function<std::optional<Aside>(const Block&)> asides;
    if (hooks.asidesFor) asides = hooks.asidesFor(e, text);
    else if (hooks.asideFor) asides = [&](const Block& b) { return hooks.asideFor(e, b); };
    c.blocks(text.blocks, asides);
    c.endNotes();
    if (hooks.postEnd) {
      const RightToLeftLayout layout(c, rightToLeft);
      hooks.postEnd(c, e, index);
    }
    c.endPart();
  }

  // BookPlan::bodyOrder made whole: each post exactly once.
  std::vector<std::size_t> bodyOrder() const {
    std::vector<std::size_t> order;
    std::vector<bool> placed(pub_.posts.size(), false);
    for (int i : plan_.bodyOrder)
      if (i >= 0 && static_cast<std::size_t>(i) < placed.size() && !placed[static_cast<std::size_t>(i)]) {
        placed[static_cast<std::size_t>(i)] = true;
        order.push_back(static_cast<std::size_t>(i));
      }
    for (std::size_t i = 0; i < placed.size(); ++i)
      if (!placed[i]) order.push_back(i);
    return order;
  }

  SetPages setSections(const std::vector<MatterSection>& sections, int ownerBase) {
    return typesetter_.setSections(sections.size(), [&](PartComposer& c, std::size_t k) {
      const MatterSection& s = sections[k];
      const int owner = ownerBase - static_cast<int>(k);
      sectionNumbers_[owner] = s.pageNumbers;
      if (s.startOnNewPage) c.newPage();
      c.beginPart(owner, nullptr, "");
      const NodeScope section(c, StructType::Sect);
      if (!s.anchor.empty()) {
        c.anchor(s.anchor);
        if (!s.title.empty()) c.outlineEntry(s.title, 0, s.anchor);
      }
      if (s.compose) s.compose(c);
      c.endPart();
    });
  }

  // Running head and footer of a page, unless its section shows no page numbers.
  void decorate(SetPage& p) {
    if (p.owner <= kFrontOwner) {
      auto it = sectionNumbers_.find(p.owner);
      if (it != sectionNumbers_.end() && !it->second) return;
    }
    heads_.decorate(p);
  }

  // Internal links whose heading anchor is unknown go to the post; others are dropped.
  static void fixLinks(Layout& out) {
    for (auto& page : out.pages) {
      auto& links = page.links;
      for (auto& l : links) {
        if (l.dest.empty() || out.anchors.count(l.dest)) continue;
        const std::size_t slash = l.dest.find('/');
        if (slash != std::string::npos && out.anchors.count(l.dest.substr(0, slash)))
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

}  // namespace book

Layout layoutBook(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
                  DiagnosticSink& diags) {
  return book::BookRun(pub, style, plan, typesetting, diags).run();
}

}  // namespace pp
