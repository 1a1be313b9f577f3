// The printed book (src/book/): every page number the brief, contents and indexes print is
// the page its post starts on; the cover shows no page number; parts switched off
// vanish; grouped contents set the body in group order; link notes are marked and listed;
// QR codes (post URL, media links) are drawn and linked.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;

namespace {

const char* kVideo = "https://www.youtube.com/watch?v=Sw5uT4VkCHA";

// Four posts of different lengths, tagged and authored so both indexes have several entries.
SamplePublication sample() {
  SamplePublication s;
  const std::vector<std::vector<std::string>> tags = {{"Kubernetes", "KServe"}, {"vLLM"}, {"KServe"}, {"Kubernetes"}};
  const std::vector<std::string> authors = {"Yuan Tang", "Ada Lovelace", "Yuan Tang", "Grace Hopper"};
  for (int p = 0; p < 4; ++p) {
    Document d;
    d.blocks.push_back(para({text("See "), hyperlink("https://kserve.github.io/website/", "the KServe docs"),
                             text(" and the talk "), hyperlink(kVideo, "on YouTube"), text(". " + prose(80, 3u + static_cast<unsigned>(p)))}));
    for (int k = 0; k < 3 + 4 * p; ++k) d.blocks.push_back(para(prose(180, static_cast<unsigned>(p * 11 + k))));
    PostEntry& e = s.addPost("Post number " + std::to_string(p + 1) + " of the sample digest", std::move(d), tags[static_cast<std::size_t>(p)]);
    auto& post = s.posts.back();
    post.authors = {authors[static_cast<std::size_t>(p)]};
    post.url = "https://blog.example.org/2025/11/post-" + std::to_string(p + 1) + "/";
    e.summary = prose(55, 100u + static_cast<unsigned>(p));
  }
  auto index = [&](const std::vector<std::pair<std::string, std::vector<int>>>& v) {
    std::vector<IndexEntry> out;
    for (const auto& [label, posts] : v) out.push_back({label, posts});
    return out;
  };
  s.pub.tagIndex = index({{"KServe", {0, 2}}, {"Kubernetes", {0, 3}}, {"vLLM", {1}}});
  s.pub.authorIndex = index({{"Grace Hopper", {3}}, {"Ada Lovelace", {1}}, {"Yuan Tang", {0, 2}}});
  s.pub.dateLabel = "30 November 2025";
  s.pub.filters = "Tags: KServe, vLLM";
  return s;
}

Layout lay(const Publication& pub, const Style& st, const BookPlan& plan) {
  DiagnosticSink diags;
  return layoutBook(pub, st, plan, TypesetOptions{}, diags);
}

// The printed book's plan with the default choices (endnotes, QR codes) or `options`.
BookPlan printed(const Publication& pub, const Style& st, const BookOptions& options = {}) {
  return printedBook(pub, st, options);
}

// A publication whose texts carry the link notes' marks, and the options to lay it out with.
struct Marked {
  Publication pub;
  BookOptions options;
};
Marked marked(const Publication& pub, const std::string& linkNotes) {
  Marked m{withLinkNoteMarks(pub, linkNotes), {}};
  m.options.linkNotes = linkNotes;
  m.options.linkNotesMarked = true;
  return m;
}

Style loaded(const char* name) {
  DiagnosticSink diags;
  return loadStyle(name, "", diags);
}

// The page index range [first, last) of a section: from its anchor to the next section's.
std::pair<int, int> sectionPages(const Layout& l, const std::string& anchor, const std::string& next) {
  const AnchorPos* a = l.find(anchor);
  REQUIRE(a);
  const AnchorPos* b = next.empty() ? nullptr : l.find(next);
  return {a->page, b ? b->page : l.frontPages};
}

// On pages [from, to): every page number printed at the right end of a line that links to a
// post is that post's page number, and every post is cited at least once.
void checkCitations(const Layout& l, const Publication& pub, const Style& st, int from, int to, const char* what) {
  std::map<std::string, int> cited;
  for (int p = from; p < to; ++p) {
    const PageBox& page = l.pages[static_cast<std::size_t>(p)];
    for (const LinkArea& a : page.links) {
      if (a.dest.empty()) continue;
      for (const TextRun& r : page.runs) {
        const bool number = !r.text.empty() && std::all_of(r.text.begin(), r.text.end(), ::isdigit);
        if (!number || r.x < st.marginInner + st.textWidth() - 30 || r.y < a.y || r.y > a.y + a.height + 1) continue;
        CHECK_MESSAGE(r.text == l.pageLabel(a.dest), what << ": " << a.dest << " cited as page " << r.text);
        ++cited[a.dest];
      }
    }
  }
  for (const PostEntry& e : pub.posts) CHECK_MESSAGE(cited[e.anchor] > 0, what << ": " << e.anchor << " not cited");
}

}  // namespace

TEST_CASE("brief, contents and indexes cite the pages the posts start on") {
  for (const char* styleName : {"report", "brief"}) {
    CAPTURE(styleName);
    const Style st = loaded(styleName);
    SamplePublication s = sample();
    const Marked m = marked(s.pub, "endnotes");
    const Publication& withMarks = m.pub;
    const Layout l = lay(withMarks, st, printed(withMarks, st, m.options));
    REQUIRE(l.frontPages >= 3);
    auto [b0, b1] = sectionPages(l, kBriefAnchor, kContentsAnchor);
    checkCitations(l, withMarks, st, b0, b1, "brief");
    auto [c0, c1] = sectionPages(l, kContentsAnchor, "");
    checkCitations(l, withMarks, st, c0, c1, "contents");
    const AnchorPos* tags = l.find(kTagIndexAnchor);
    const AnchorPos* authors = l.find(kAuthorIndexAnchor);
    REQUIRE(tags);
    REQUIRE(authors);
    CHECK(tags->page >= l.frontPages);
    // Index numbers: each is a link to its post, set as that post's page number.
    int numbers = 0;
    for (std::size_t p = static_cast<std::size_t>(tags->page); p < l.pages.size(); ++p)
      for (const LinkArea& a : l.pages[p].links) {
        if (a.dest.empty()) continue;
        const std::string label = l.pageLabel(a.dest);
        bool found = false;
        for (const TextRun& r : l.pages[p].runs)
          found |= (r.text == label || r.text == label + ",") && std::abs(r.x - a.x) < 1 &&
                   r.y >= a.y && r.y <= a.y + a.height + 1;
        CHECK_MESSAGE(found, "index number for " << a.dest);
        ++numbers;
      }
    CHECK(numbers == 5 + 4);  // tags: 2 + 2 + 1 posts, authors: 1 + 1 + 2
    // The contents lists the indexes with their pages.
    bool indexCited = false;
    for (int p = c0; p < c1; ++p)
      for (const LinkArea& a : l.pages[static_cast<std::size_t>(p)].links) indexCited |= a.dest == kTagIndexAnchor;
    CHECK(indexCited);
  }
}

TEST_CASE("the cover shows its content and no page number; band and plain designs differ") {
  for (const char* styleName : {"report", "brief"}) {
    Style st = loaded(styleName);
    for (const char* design : {"band", "plain"}) {
      CAPTURE(styleName);
      CAPTURE(design);
      st.coverStyle = design;
      SamplePublication s = sample();
      const Layout l = lay(s.pub, st, printed(s.pub, st));
      const AnchorPos* cover = l.find(kCoverAnchor);
      REQUIRE(cover);
      REQUIRE(cover->page == 0);
      const PageBox& page = l.pages[0];
      CHECK(page.label == "i");  // numbered, but the number is not printed
      std::string all;
      for (const TextRun& r : page.runs) {
        CHECK(r.text != "i");
        all += r.text;  // runs may split words (kerning): search the concatenation
      }
      for (const char* word : {"Engineering", "Digest", "Q4", "2025", "posts", "KServe", "November"})
        CHECK_MESSAGE(all.find(word) != std::string::npos, word << " missing from the cover: " << all);
      const bool fullBleed = std::any_of(page.rects.begin(), page.rects.end(), [&](const FillRect& r) {
        return r.x <= 0 && r.width >= st.pageWidth && r.y <= 0;
      });
      CHECK(fullBleed == (std::string(design) == "band"));
      // The brief's first page does print its number.
      const AnchorPos* brief = l.find(kBriefAnchor);
      REQUIRE(brief);
      const PageBox& bp = l.pages[static_cast<std::size_t>(brief->page)];
      CHECK(std::any_of(bp.runs.begin(), bp.runs.end(), [&](const TextRun& r) { return r.text == bp.label; }));
    }
  }
}

TEST_CASE("parts switched off vanish") {
  const Style st = loaded("report");
  SamplePublication s = sample();
  const Layout full = lay(s.pub, st, printed(s.pub, st));
  s.pub.parts.cover = false;
  s.pub.parts.brief = false;
  s.pub.parts.tagIndex = false;
  s.pub.parts.authorIndex = false;
  BookOptions noCodes;
  noCodes.qrCodes = false;
  const Layout bare = lay(s.pub, st, printed(s.pub, st, noCodes));
  for (const char* a : {kCoverAnchor, kBriefAnchor, kTagIndexAnchor, kAuthorIndexAnchor}) {
    CHECK(full.find(a));
    CHECK_FALSE(bare.find(a));
  }
  CHECK(bare.find(kContentsAnchor));
  CHECK(bare.pages.size() < full.pages.size());
  CHECK(bare.frontPages == 1);
  // No QR codes: a code is dozens of small dark squares in one place; the opening has none.
  auto squares = [&](const Layout& l) {
    std::size_t n = 0;
    for (int p = l.frontPages; p < static_cast<int>(l.pages.size()); ++p)
      for (const FillRect& r : l.pages[static_cast<std::size_t>(p)].rects) n += r.height < 3 && r.width < 40;
    return n;
  };
  CHECK(squares(full) > 100);
  CHECK(squares(bare) == 0);
  s.pub.parts.toc = false;
  const Layout none = lay(s.pub, st, printed(s.pub, st, noCodes));
  CHECK(none.frontPages == 0);
}

TEST_CASE("grouped contents set the body in group order, each post once") {
  const Style st = loaded("report");
  SamplePublication s = sample();
  s.pub.groupBy = "tag";
  s.pub.groups = {{"vLLM", {1}}, {"KServe", {0, 2}}, {"Kubernetes", {0, 3}}};
  const Layout l = lay(s.pub, st, printed(s.pub, st));
  auto page = [&](int i) { return l.find(s.pub.posts[static_cast<std::size_t>(i)].anchor)->page; };
  CHECK(page(1) < page(0));
  CHECK(page(0) < page(2));
  CHECK(page(2) < page(3));
  // The contents: group labels, then each post once, page numbers rising.
  auto [c0, c1] = sectionPages(l, kContentsAnchor, "");
  std::vector<std::string> order;
  std::string text;
  for (int p = c0; p < c1; ++p) {
    for (const LinkArea& a : l.pages[static_cast<std::size_t>(p)].links)
      if (!a.dest.empty() && (order.empty() || order.back() != a.dest)) order.push_back(a.dest);
    for (const TextRun& r : l.pages[static_cast<std::size_t>(p)].runs) text += r.text;
  }
  const std::vector<std::string> expected = {s.pub.posts[1].anchor, s.pub.posts[0].anchor, s.pub.posts[2].anchor,
                                             s.pub.posts[3].anchor, kTagIndexAnchor, kAuthorIndexAnchor};
  CHECK(order == expected);
  for (const char* g : {"VLLM", "KSERVE", "KUBERNETES"}) CHECK_MESSAGE(text.find(g) != std::string::npos, g);
  // The brief follows the same order.
  auto [b0, b1] = sectionPages(l, kBriefAnchor, kContentsAnchor);
  std::vector<std::string> brief;
  for (int p = b0; p < b1; ++p)
    for (const LinkArea& a : l.pages[static_cast<std::size_t>(p)].links)
      if (!a.dest.empty()) brief.push_back(a.dest);
  CHECK(brief == std::vector<std::string>(expected.begin(), expected.begin() + 4));
}

TEST_CASE("link notes: endnotes are marked and listed, footnotes carry the URL, none adds nothing") {
  const Style st = loaded("report");
  SamplePublication s = sample();
  const Marked endsMarked = marked(s.pub, "endnotes");
  const Publication& ends = endsMarked.pub;
  const Inline& sup = ends.posts[0].doc.blocks[0].inlines[2];
  REQUIRE(sup.kind == InlineKind::Superscript);
  CHECK(plainText(sup.children) == "1");
  CHECK(sup.children[0].link.url == "#linknote-1");
  const Layout l = lay(ends, st, printed(ends, st, endsMarked.options));
  for (const PostEntry& e : ends.posts) {
    const AnchorPos* note = l.find(linkNoteAnchor(e, 2));
    REQUIRE(note);
    CHECK(note->page >= l.find(e.anchor)->page);
  }
  // The list prints the URLs in full.
  std::string body;
  for (std::size_t p = static_cast<std::size_t>(l.frontPages); p < l.pages.size(); ++p)
    for (const TextRun& r : l.pages[p].runs) body += r.text;
  CHECK(body.find("Sw5uT4VkCHA") != std::string::npos);

  s.pub.posts[0].doc.footnotes.push_back({"own", {para("The post's own note.")}, {}});
  s.pub.posts[0].doc.blocks[1].inlines.push_back(footnoteRef(0));
  const Marked footMarked = marked(s.pub, "footnotes");
  const Publication& foot = footMarked.pub;
  const Document& d = foot.posts[0].doc;
  REQUIRE(d.footnotes.size() == 3);  // two links, then the own note (referenced later)
  CHECK(plainText(d.footnotes[0].blocks[0].inlines).find("kserve.github.io") != std::string::npos);
  CHECK(plainText(d.footnotes[1].blocks[0].inlines).find("youtube.com") != std::string::npos);
  CHECK(plainText(d.footnotes[2].blocks[0].inlines) == "The post's own note.");
  CHECK(d.blocks[1].inlines.back().footnote == 2);
  CHECK(d.blocks[0].inlines[2].kind == InlineKind::FootnoteRef);
  const Layout fl = lay(foot, st, printed(foot, st, footMarked.options));
  CHECK_FALSE(fl.find(linkNoteAnchor(foot.posts[0], 1)));  // no "Links" list

  const Publication none = withLinkNoteMarks(s.pub, "none");
  CHECK(none.posts[0].doc.blocks[0].inlines.size() == s.pub.posts[0].doc.blocks[0].inlines.size());
}

TEST_CASE("QR codes: the opening's URL, the first paragraph with a media link, an embedded video") {
  const Style st = loaded("report");
  SamplePublication s = sample();
  s.pub.parts.cover = s.pub.parts.brief = s.pub.parts.toc = false;
  const Layout l = lay(s.pub, st, printed(s.pub, st));
  // Clusters of code modules: white grounds of QR size, at the right edge of the text block.
  // (That they scan is checked on real pages with zbarimg in tests/e2e/pdf_publication.sh.)
  const float right = st.marginInner + st.textWidth();
  for (const PostEntry& e : s.pub.posts) {
    const PageBox& page = l.pages[static_cast<std::size_t>(l.find(e.anchor)->page)];
    std::vector<float> grounds;
    for (const FillRect& r : page.rects)
      if (r.width > 40 && r.width < 70 && r.width == r.height && std::abs(r.x + r.width - right) < 1)
        grounds.push_back(r.y);
    REQUIRE_MESSAGE(grounds.size() == 2, e.anchor);
    // Both are links to their URLs.
    int urlLinks = 0, videoLinks = 0;
    for (const LinkArea& a : page.links) {
      const bool square = a.width > 40 && a.width < 70 && a.width == a.height;
      urlLinks += a.uri == e.post->url && square;
      videoLinks += a.uri == kVideo && square;
    }
    CHECK(urlLinks == 1);
    CHECK(videoLinks == 1);
  }
  // An embedded video gets its code inside its box.
  const std::string vimeo = "https://vimeo.com/76979871";
  Block embed;
  embed.kind = BlockKind::Embed;
  embed.text = "Vimeo";
  embed.link.url = vimeo;
  embed.inlines = {text("The keynote")};
  s.pub.posts[1].doc.blocks.insert(s.pub.posts[1].doc.blocks.begin() + 1, embed);
  const Layout withEmbed = lay(s.pub, st, printed(s.pub, st));
  int codes = 0;
  for (const PageBox& page : withEmbed.pages)
    for (const LinkArea& a : page.links) codes += a.uri == vimeo && a.width == a.height && a.width < 70;
  CHECK(codes == 1);
}

TEST_CASE("link-note marks made in each post as it is set lay out as the marked copy does") {
  const Style st = loaded("report");
  // Everything on the pages, as text.
  auto drawn = [](const Layout& l) {
    std::string s;
    for (const PageBox& p : l.pages) {
      s += "page " + p.label + "\n";
      for (const TextRun& r : p.runs) s += r.text + " " + std::to_string(static_cast<int>(r.x)) + "\n";
      s += std::to_string(p.rects.size()) + " rects " + std::to_string(p.links.size()) + " links\n";
    }
    return s;
  };
  for (const char* mode : {"endnotes", "footnotes"}) {
    SamplePublication s = sample();
    const Marked copy = marked(s.pub, mode);
    const Layout withMarks = lay(copy.pub, st, printed(copy.pub, st, copy.options));  // no marks added again
    BookOptions options;
    options.linkNotes = mode;
    const BookPlan hooks = printed(s.pub, st, options);
    REQUIRE(hooks.hooks.postText);
    const Layout asSet = lay(s.pub, st, hooks);
    CHECK(drawn(asSet) == drawn(withMarks));
    // The marks are the hook's: without it the pages differ.
    BookPlan without = hooks;
    without.hooks.postText = nullptr;
    CHECK(drawn(lay(s.pub, st, without)) != drawn(asSet));
  }
}

TEST_CASE("link notes: each external link once, in order of first appearance, footnotes' last") {
  Document d;
  d.blocks.push_back(para({text("Watch "), hyperlink(kVideo, "the talk"), text(" and again "),
                           hyperlink(kVideo, "the talk"), text(", read "),
                           hyperlink("https://kserve.github.io/website/", "the docs"), text(" or "),
                           hyperlink("#local", "this"), text(".")}));
  d.footnotes.push_back({"1", {para({text("See "), hyperlink("http://example.org/a", "A")})}, {}});
  Block embed;
  embed.kind = BlockKind::Embed;
  embed.link.url = "https://example.org/stream";
  embed.inlines = {text("A stream")};
  d.blocks.push_back(embed);
  const std::vector<LinkNote> notes = linkNotesOf(d);
  REQUIRE(notes.size() == 4);
  CHECK(notes[0].url == kVideo);
  CHECK(notes[0].number == 1);
  CHECK(notes[0].text == "the talk");
  CHECK(notes[0].media);
  CHECK(notes[1].url == "https://kserve.github.io/website/");
  CHECK_FALSE(notes[1].media);
  CHECK(notes[2].url == "https://example.org/stream");  // an embed is a recording
  CHECK(notes[2].media);
  CHECK(notes[3].url == "http://example.org/a");
  CHECK(notes[3].number == 4);
}
