// A hand-built Publication for the EPUB tests: every block and inline kind, nasty text (RTL,
// zero-width, <>&, controls, invalid UTF-8, emoji), working and missing images, cross-links
// into a long post that gets split, footnotes. Plus helpers to unpack and validate books.
#pragma once

#include <stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "epub/book.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace epubtest {

using namespace pp;
namespace fs = std::filesystem;

inline fs::path tempDir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("pp-epub-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

inline Inline text(std::string t) { return Inline::makeText(std::move(t)); }
inline Inline wrap(InlineKind k, std::vector<Inline> children) {
  Inline i;
  i.kind = k;
  i.children = std::move(children);
  return i;
}
inline Inline link(std::string url, std::string label, int post = -1, std::string anchor = "") {
  Inline i = wrap(InlineKind::Link, {text(std::move(label))});
  i.link.url = std::move(url);
  i.link.post = post;
  i.link.anchor = std::move(anchor);
  return i;
}
inline Inline noteRef(int n) {
  Inline i;
  i.kind = InlineKind::FootnoteRef;
  i.footnote = n;
  return i;
}
inline Inline image(int asset, std::string alt, std::string src = "img.png") {
  Inline i;
  i.kind = InlineKind::Image;
  i.image.asset = asset;
  i.image.alt = std::move(alt);
  i.image.src = std::move(src);
  return i;
}
inline Block para(std::vector<Inline> inl) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.inlines = std::move(inl);
  return b;
}
inline Block heading(int level, std::string t, std::string id) {
  Block b;
  b.kind = BlockKind::Heading;
  b.level = level;
  b.id = std::move(id);
  b.inlines = {text(std::move(t))};
  return b;
}
inline Block rule() {
  Block b;
  b.kind = BlockKind::Rule;
  return b;
}
inline Block item(std::vector<Block> children, TaskState task = TaskState::None) {
  Block b;
  b.kind = BlockKind::ListItem;
  b.children = std::move(children);
  b.task = task;
  return b;
}

// Fake assets: real PNG files on disk, plus a missing one and a corrupt rendition.
struct Assets {
  fs::path dir;
  std::deque<Asset> items;
  epub::AssetLookup lookup() const {
    return [this](int id) -> const Asset* {
      if (id < 0 || static_cast<std::size_t>(id) >= items.size()) return nullptr;
      return &items[static_cast<std::size_t>(id)];
    };
  }
  int addPng(int w, int h, unsigned char shade, const std::string& name) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3, shade);
    fs::path f = dir / (name + ".png");
    stbi_write_png(f.c_str(), w, h, 3, px.data(), w * 3);
    Asset a;
    a.id = static_cast<int>(items.size());
    a.status = AssetStatus::Ok;
    a.source = name + ".png";
    a.epub.codec = EncodedImage::Codec::Png;
    a.epub.width = w;
    a.epub.height = h;
    a.epub.components = 3;
    a.epub.file = f;
    a.epub.hash = "h" + name;
    items.push_back(a);
    return a.id;
  }
  int addMissing(const std::string& src) {
    Asset a;
    a.id = static_cast<int>(items.size());
    a.status = AssetStatus::Missing;
    a.source = src;
    a.message = "not found";
    items.push_back(a);
    return a.id;
  }
  int addGarbage(const std::string& name) {  // says Ok, but the rendition is not an image
    fs::path f = dir / (name + ".jpg");
    writeFileAtomic(f, "this is not a jpeg");
    Asset a;
    a.id = static_cast<int>(items.size());
    a.status = AssetStatus::Ok;
    a.source = name + ".jpg";
    a.epub.codec = EncodedImage::Codec::Jpeg;
    a.epub.file = f;
    a.epub.hash = "g" + name;
    items.push_back(a);
    return a.id;
  }
};

struct Fixture {
  Site site;
  std::deque<Post> posts;
  Assets assets;
  Publication pub{std::make_shared<const Locale>("en")};
  Style style;

  explicit Fixture(const std::string& name, int longSections = 40) {
    assets.dir = tempDir(name + "-assets");
    site.title = "Nasty & <Site>";
    site.url = "https://blog.example.org";
    int photo = assets.addPng(64, 48, 200, "photo");
    int photoAgain = assets.addPng(64, 48, 200, "photo-copy");  // same bytes: stored once
    assets.items.back().epub.hash = "hphoto";
    int icon = assets.addPng(16, 16, 30, "icon");
    int missing = assets.addMissing("../../img/gone.png");
    int garbage = assets.addGarbage("liar");
    int hero = assets.addPng(120, 60, 90, "hero");
    int wide = assets.addPng(600, 400, 140, "wide");

    // Post 0: every block kind and nasty text.
    Post& p0 = posts.emplace_back();
    p0.title = "Nasty <title> & \"quotes\" \xF0\x9F\x9A\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
    p0.subtitle = "Subtitle with \xE2\x80\x8Bzero\xE2\x80\x8Dwidth and \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9";
    p0.authors = {"Ada Lovelace", "Grace Hopper"};
    p0.tags = {"C++", "K8s & Cloud"};
    p0.date = DateTime{2025, 11, 18};
    p0.url = "https://blog.example.org/2025/11/18/nasty post/";
    p0.heroImage = "hero.png";
    Document d0;
    d0.blocks.push_back(heading(1, "Intro <&>", "intro"));
    d0.blocks.push_back(para({text("Controls \x01\x08\x7F and \xEF\xBF\xBE and bad \xFF\xFE bytes, RTL \xE2\x80\x8F\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA, emoji \xF0\x9F\x98\x80 "),
                              wrap(InlineKind::Emph, {text("em")}), text(" "),
                              wrap(InlineKind::Strong, {text("strong")}), text(" "),
                              wrap(InlineKind::Strike, {text("del")}), text(" "),
                              wrap(InlineKind::Underline, {text("u")}),
                              wrap(InlineKind::Superscript, {text("sup")}),
                              wrap(InlineKind::Subscript, {text("sub")}),
                              wrap(InlineKind::Span, {text(" span ")}),
                              noteRef(0)}));
    {
      Inline code;
      code.kind = InlineKind::Code;
      code.text = "a < b && c > d";
      Inline math;
      math.kind = InlineKind::Math;
      math.text = "e^{i\\pi} + 1 = 0";
      Inline soft;
      soft.kind = InlineKind::SoftBreak;
      Inline hard;
      hard.kind = InlineKind::HardBreak;
      Inline nested = link("https://outer.example/", "outer ");
      nested.children.push_back(link("https://inner.example/", "inner"));
      nested.children.push_back(noteRef(0));
      d0.blocks.push_back(para({code, soft, math, hard,
                                link("https://example.org/a path/ü?q=a b&x=<y>#frag#more", "external"), text(" "),
                                link("", "to the deep section", 1, "deep-section"), text(" "),
                                link("", "to a missing anchor", 1, "no-such-anchor"), text(" "),
                                link("#intro", "back to intro"), text(" "),
                                link("../relative.md", "relative"), text(" "),
                                link("javascript:alert(1)", "script"), text(" "),
                                link("https://empty.example/", ""), text(" "),
                                nested, text(" "),
                                image(icon, "icon"), image(icon, ""), image(missing, "a missing icon", "../../img/gone.png"),
                                noteRef(1), noteRef(0)}));
    }
    {
      Block ul;
      ul.kind = BlockKind::BulletList;
      ul.tight = true;
      ul.children.push_back(item({para({text("open task")})}, TaskState::Open));
      ul.children.push_back(item({para({text("done task")})}, TaskState::Done));
      ul.children.push_back(item({para({text("plain")})}));
      ul.children.push_back(item({}));
      d0.blocks.push_back(ul);
      Block ol;
      ol.kind = BlockKind::OrderedList;
      ol.start = 3;
      ol.tight = false;
      ol.children.push_back(item({para({text("third")}), para({text("second para")})}));
      Block q;
      q.kind = BlockKind::Quote;
      q.children = {para({text("quoted")}), ul};
      ol.children.push_back(item({q}));
      d0.blocks.push_back(ol);
    }
    {
      Block code;
      code.kind = BlockKind::Code;
      code.info = "C++ {linenos=true}";
      code.text = "int main() { return a<b && c>d; } // ]]> </pre>\n\n";
      d0.blocks.push_back(code);
      Block math;
      math.kind = BlockKind::MathBlock;
      math.text = "\\int_0^1 x\\,dx < 1";
      d0.blocks.push_back(math);
    }
    {
      Block t;
      t.kind = BlockKind::Table;
      t.aligns = {Align::Left, Align::Center, Align::Right};
      TableRow h;
      h.header = true;
      h.cells = {{{text("Name")}}, {{text("Mid")}}, {{text("Count")}}};
      TableRow r1;
      r1.cells = {{{text("a & b")}}, {{wrap(InlineKind::Strong, {text("x")})}}, {{text("1")}}};
      TableRow r2;  // ragged: one cell only
      r2.cells = {{{text("only")}}};
      t.rows = {h, r1, r2};
      d0.blocks.push_back(t);
      Block empty;
      empty.kind = BlockKind::Table;
      d0.blocks.push_back(empty);
    }
    {
      Block f;
      f.kind = BlockKind::Figure;
      f.image.asset = photo;
      f.image.alt = "A grey photo";
      f.inlines = {text("Caption with "), wrap(InlineKind::Emph, {text("emphasis")})};
      f.link.url = "https://example.org/full.png";
      d0.blocks.push_back(f);
      Block f2 = f;
      f2.image.asset = photoAgain;
      f2.link = {};
      d0.blocks.push_back(f2);
      Block fm;
      fm.kind = BlockKind::Figure;
      fm.image.asset = missing;
      fm.image.src = "../../img/gone.png";
      fm.image.alt = "Gone";
      d0.blocks.push_back(fm);
      Block fg = fm;
      fg.image.asset = garbage;
      fg.image.alt = "";
      d0.blocks.push_back(fg);
      Block fn = fm;
      fn.image.asset = -1;
      d0.blocks.push_back(fn);
    }
    d0.blocks.push_back(rule());
    {
      Inline hinted = image(wide, "A narrower copy");
      hinted.image.widthHint = 300;
      Inline brk;
      brk.kind = InlineKind::SoftBreak;
      d0.blocks.push_back(para({image(wide, "A wide picture"), brk, link("https://example.org/", ""), hinted}));
      d0.blocks.back().inlines[2].children = {image(icon, "linked icon")};
    }
    for (AdmonitionKind k : {AdmonitionKind::Note, AdmonitionKind::Tip, AdmonitionKind::Info, AdmonitionKind::Important,
                             AdmonitionKind::Warning, AdmonitionKind::Caution, AdmonitionKind::Danger}) {
      Block a;
      a.kind = BlockKind::Admonition;
      a.admonition = k;
      if (k == AdmonitionKind::Tip) a.inlines = {text("Custom <tip> title")};
      a.children = {para({text(std::string("Body of ") + admonitionName(k))})};
      d0.blocks.push_back(a);
    }
    {
      Block e;
      e.kind = BlockKind::Embed;
      e.text = "youtube";
      e.link.url = "https://www.youtube.com/watch?v=abc&t=1";
      e.inlines = {text("A talk")};
      d0.blocks.push_back(e);
      Block e2 = e;
      e2.link.url = "";
      e2.inlines.clear();
      e2.text = "";
      d0.blocks.push_back(e2);
      Block det;
      det.kind = BlockKind::Details;
      det.inlines = {text("More")};
      det.children = {para({text("hidden text")})};
      d0.blocks.push_back(det);
      Block html;
      html.kind = BlockKind::HtmlFallback;
      html.text = "line one <b>\nline two & more\n\n";
      d0.blocks.push_back(html);
    }
    d0.blocks.push_back(heading(2, "", "empty-heading"));
    d0.blocks.push_back(heading(2, "Intro again", "intro"));  // a duplicate id as written
    d0.blocks.push_back(heading(3, "\xE4\xB8\xAD\xE6\x96\x87 heading", "\xE4\xB8\xAD\xE6\x96\x87"));
    d0.footnotes.push_back({"one", {para({text("First note with "), link("https://n.example/", "a link")})}, {}});
    d0.footnotes.push_back({"two", {rule(), para({text("Second note")})}, {}});
    d0.footnotes.push_back({"unused", {para({text("Never referenced")})}, {}});

    // Post 1: long, with sections, so that small split sizes split it.
    Post& p1 = posts.emplace_back();
    p1.title = "A long post";
    p1.authors = {"Grace Hopper"};
    p1.tags = {"k8s-&-cloud"};
    p1.date = DateTime{2025, 12, 2};
    p1.url = "https://blog.example.org/long/";
    Document d1;
    for (int s = 1; s <= longSections; ++s) {
      d1.blocks.push_back(heading(1, "Section " + std::to_string(s), "section-" + std::to_string(s)));
      for (int k = 0; k < 3; ++k)
        d1.blocks.push_back(para({text("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
                                       "incididunt ut labore et dolore magna aliqua. "), noteRef(s - 1)}));
      d1.blocks.push_back(heading(2, "Sub " + std::to_string(s), "sub-" + std::to_string(s)));
      d1.footnotes.push_back({"n" + std::to_string(s), {para({text("Note " + std::to_string(s))})}, {}});
    }
    d1.blocks.push_back(heading(1, "Deep section", "deep-section"));
    d1.blocks.push_back(para({text("Back to "), link("", "the nasty post", 0, "")}));

    // Post 2: bare: no authors, no date, French.
    Post& p2 = posts.emplace_back();
    p2.title = "";
    p2.language = "fr";
    p2.url = "/relative/only/";
    Document d2;
    d2.blocks.push_back(para({text("Bonjour \xC3\xA0 tous.")}));

    pub.site = &site;
    pub.title = "The <Nasty> Digest & Co";
    pub.subtitle = "Edge cases, all of them";
    pub.period = "Q4 2025";
    pub.filters = "Tags: C++, K8s & Cloud";
    pub.dateLabel = "30 November 2025";
    pub.isoDate = "2025-11-30T00:00:00Z";
    pub.language = "en";
    pub.identifier = "urn:uuid:12345678-1234-5234-9234-123456789abc";
    pub.groupBy = "month";
    pub.coverImageAsset = wide;  // drawn above the cover's band
    pub.logoAsset = icon;        // ignored when there is a cover picture
    std::vector<Document> docs{d0, d1, d2};
    const char* anchors[] = {"p1-nasty", "p2-long", "p3"};
    for (std::size_t i = 0; i < posts.size(); ++i) {
      PostEntry e;
      e.post = &posts[i];
      e.doc = docs[i];
      e.anchor = anchors[i];
      e.summary = i == 0 ? "A summary with <markup> & \"quotes\"." : "";
      e.readingMinutes = static_cast<int>(i) + 1;
      if (i == 0) e.heroAsset = hero;
      pub.posts.push_back(std::move(e));
    }
    pub.groups = {{"November 2025", {0}}, {"December 2025", {1}}, {"", {2}}};
    pub.tagIndex = {{"C++", {0}}, {"K8s & Cloud", {0, 1}}};
    pub.authorIndex = {{"Grace Hopper", {0, 1}}, {"Ada Lovelace", {0}}};
  }
};

// Writes the book's files into `dir` (unpacked) and returns their paths.
inline std::vector<fs::path> unpack(const epub::Book& book, const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& f : book.files) {
    fs::path p = dir / f.path;
    fs::create_directories(p.parent_path());
    writeFileAtomic(p, f.data.view());
    out.push_back(p);
  }
  return out;
}

inline const epub::BookFile* findFile(const epub::Book& book, const std::string& path) {
  for (const auto& f : book.files)
    if (f.path == path) return &f;
  return nullptr;
}

inline bool haveProgram(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

inline std::string runCapture(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) {
    *status = -1;
    return out;
  }
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  *status = ::pclose(p);
  return out;
}

// Every id="..." of a document.
inline std::vector<std::string> idsOf(const std::string& xhtml) {
  std::vector<std::string> ids;
  static const std::regex re(R"( id="([^"]*)\")");
  for (auto it = std::sregex_iterator(xhtml.begin(), xhtml.end(), re); it != std::sregex_iterator(); ++it)
    ids.push_back((*it)[1]);
  return ids;
}

inline std::vector<std::string> hrefsOf(const std::string& xhtml) {
  std::vector<std::string> hrefs;
  static const std::regex re(R"( href="([^"]*)\")");
  for (auto it = std::sregex_iterator(xhtml.begin(), xhtml.end(), re); it != std::sregex_iterator(); ++it)
    hrefs.push_back((*it)[1]);
  return hrefs;
}

}  // namespace epubtest
