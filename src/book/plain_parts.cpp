// The book's own opening and contents, for a plan that brings none (BookPlan without hooks,
// defaultContents): what a plain book of the posts shows.
#include <algorithm>

#include "book/book_parts.h"
#include "postpress/support/text.h"

namespace pp::book {

namespace {

ParagraphOptions plainLine(bool keepWithNext, float spaceAfter) {
  ParagraphOptions o;
  o.align = ParagraphOptions::Align::Left;
  o.hyphenate = false;
  o.keepWithNext = keepWithNext;
  o.spaceAfter = spaceAfter;
  return o;
}

}  // namespace

void composePlainOpening(Composer& c, const Publication& pub, const PostEntry& e) {
  const Style& st = c.style();
  const Post& p = *e.post;
  const Locale& locale = *pub.locale;
  ParagraphOptions title = plainLine(true, st.postTitle.spaceAfter);
  title.role = StructType::H1;
  c.paragraph({Inline::makeText(postTitle(locale, p))}, st.postTitle, title);
  if (!p.subtitle.empty())
    c.paragraph({Inline::makeText(p.subtitle)}, st.postSubtitle, plainLine(true, st.postSubtitle.spaceAfter));
  std::string byline;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!byline.empty()) byline += "  \u00B7  ";
    byline += s;
  };
  add(joined(p.authors, ", "));
  add(postDateLabel(locale, p.date, DateForm::Long));
  add(readingTimeLabel(locale, e));
  c.paragraph({Inline::makeText(byline)}, st.byline, plainLine(true, 0));
  if (!p.tags.empty()) {
    std::string tags;
    for (const auto& t : p.tags) tags += (tags.empty() ? "" : "  \u00B7  ") + t;
    TextStyle ts = st.byline;
    ts.color = st.accent;
    c.paragraph({Inline::makeText(tags)}, ts, plainLine(true, 0));
  }
  c.space(st.byline.leading * 0.5f);
  c.rule(st.rule, 0.6f);
  c.keepWithNext();
  c.space(st.byline.spaceAfter);
}

void composePlainContents(Composer& c, const Publication& pub) {
  const Style& st = c.style();
  const Locale& locale = *pub.locale;
  c.heading(locale.label("contents"), 1, "", false);
  c.space(st.blockSpacing);
  for (const auto& g : pub.groups) {
    if (!g.label.empty()) {
      c.needSpace(st.headings[2].leading + 3 * st.tocEntry.leading);
      c.heading(g.label, 3, "", false);
    }
    // A TOC per group, after its heading (TOC items hold no headings).
    const NodeScope toc(c, StructType::TOC);
    for (int pi : g.posts) {
      if (pi < 0 || static_cast<std::size_t>(pi) >= pub.posts.size()) continue;
      const PostEntry& e = pub.posts[static_cast<std::size_t>(pi)];
      if (!e.post) continue;
      c.needSpace(st.tocEntry.leading * 2.2f);
      const NodeScope item(c, StructType::TOCI);
      c.entry({Inline::makeText(e.post->title)}, e.anchor, st.tocEntry, 0);
      const std::string meta = joined({postDateLabel(locale, e.post->date), isolated(locale, joined(e.post->authors, ", "))}, "  \u00B7  ");
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

}  // namespace pp::book
