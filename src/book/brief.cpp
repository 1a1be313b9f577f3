// At a glance: the page an executive reads first. One entry per post, in reading order: a
// running number in the margin, the title (a link to the post) with its page number at the
// right, date, authors and reading time, the tags, and the summary; under tag-group labels
// when the contents are grouped by tag. Each entry is one box
// measured before it is placed, so an entry never splits across pages, and entries are set
// tight (small summary type, thin rules between them) so the brief takes as few pages as it
// can.
#include <algorithm>
#include <cstdio>
#include <numeric>

#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

constexpr float kGutter = 30;       // the running number's column
constexpr float kNumberColumn = 34; // room kept right of the title for its page number
constexpr float kGap = 8;           // between entries (the rule sits in the middle)
constexpr float kTagGap = 10;       // between the meta line and tags set after it

struct Looks {
  TextStyle number, title, page, meta, tags, summary;
};

Looks looksOf(const Style& st) {
  Looks l;
  l.number = recolored(resized(st.postTitle, 13), st.accent);
  l.number.bold = true;
  l.title = recolored(resized(st.postTitle, std::max(10.5f, st.body.size + 0.5f)), st.text);
  l.title.bold = true;
  l.title.leading = l.title.size * 1.28f;
  l.page = recolored(l.title, st.accent);
  l.meta = recolored(resized(st.byline, std::max(8.0f, st.byline.size - 0.5f)), st.muted);
  l.meta.bold = false;
  l.meta.italic = false;
  l.tags = label(st.byline, std::max(6.8f, st.byline.size - 1.6f), st.accent);
  l.summary = recolored(resized(st.body, std::max(8.5f, st.body.size - 1.5f)), st.text);
  l.summary.leading = l.summary.size * 1.36f;
  l.summary.italic = false;
  return l;
}

}  // namespace

void composeBrief(Composer& c, const Publication& pub, const std::vector<Group>& sections) {
  const Style& st = c.style();
  const Looks l = looksOf(st);
  const float width = st.textWidth();
  const float inner = width - kGutter;

  const int minutes = std::accumulate(pub.posts.begin(), pub.posts.end(), 0,
                                      [](int s, const PostEntry& e) { return s + std::max(1, e.readingMinutes); });
  std::string intro = countLabel(pub.posts.size(), "post", "posts");
  if (!trim(pub.period).empty()) intro += ", " + std::string(trim(pub.period));
  intro += "  \u00B7  " + std::to_string(minutes) + " min of reading in all";
  sectionHead(c, "At a glance", intro);

  int running = 0;
  for (const Group& g : sections) {
    bool first = true;
    for (int pi : g.posts) {
      if (pi < 0 || static_cast<std::size_t>(pi) >= pub.posts.size()) continue;
      const PostEntry& e = pub.posts[static_cast<std::size_t>(pi)];
      if (!e.post) continue;
      ++running;
      char num[16];
      std::snprintf(num, sizeof num, "%02d", running);
      const std::string title = e.post->title.empty() ? std::string("Untitled") : e.post->title;
      const std::vector<std::string> titleLines = wrapText(c, title, l.title, inner - kNumberColumn);
      const std::vector<std::string> metaLines = wrapText(c, postMeta(e, false), l.meta, inner);
      const std::string tags = joined(e.post->tags, "  \u00B7  ");
      // The tags follow the meta line when they fit beside it (most posts), else wrap below.
      const float metaEnd = metaLines.empty() ? 0 : c.textWidth(metaLines.back(), l.meta) + kTagGap;
      const bool tagsInline = !metaLines.empty() && !tags.empty() && metaEnd + c.textWidth(tags, l.tags) <= inner;
      const std::vector<std::string> tagLines = tagsInline ? std::vector<std::string>{} : wrapText(c, tags, l.tags, inner);
      const std::vector<std::string> summaryLines = wrapText(c, std::string(trim(e.summary)), l.summary, inner);
      const std::string page = c.pageOf(e.anchor);
      const float titleH = static_cast<float>(titleLines.size()) * l.title.leading;
      const float h = titleH + static_cast<float>(metaLines.size()) * l.meta.leading +
                      static_cast<float>(tagLines.size()) * l.tags.leading +
                      (summaryLines.empty() ? 0 : 3 + static_cast<float>(summaryLines.size()) * l.summary.leading) + kGap;
      // Month labels would only repeat the dates the entries show: the brief keeps its
      // space for entries and labels tag groups only.
      if (first && !g.label.empty() && pub.groupBy != "month") groupLabel(c, g.label, h);
      first = false;
      c.box(h, [=, rule = st.rule](Canvas& cv) {
        drawLines(cv, {num}, l.number, 0, 0);
        float y = drawLines(cv, titleLines, l.title, kGutter, 0);
        if (!page.empty()) {
          const float pw = cv.textWidth(page, l.page);
          drawLines(cv, {page}, l.page, width - pw, 0);
        }
        // The title and its page number lead to the post.
        cv.link(kGutter, 0, width - kGutter, titleH, LinkTarget{"", pi, ""});
        const float metaTop = y + static_cast<float>(metaLines.size() - 1) * l.meta.leading;
        y = drawLines(cv, metaLines, l.meta, kGutter, y);
        // Set on the meta line's baseline (the small capitals are smaller).
        if (tagsInline) drawLines(cv, {tags}, l.tags, kGutter + metaEnd, metaTop + (l.meta.leading - l.tags.leading) / 2 + (l.meta.size - l.tags.size) * 0.35f);
        y = drawLines(cv, tagLines, l.tags, kGutter, y);
        if (!summaryLines.empty()) y = drawLines(cv, summaryLines, l.summary, kGutter, y + 3);
        cv.line({kGutter, h - kGap / 2, width, h - kGap / 2, 0.4f, rule});
      });
    }
  }
}

}  // namespace pp::book
