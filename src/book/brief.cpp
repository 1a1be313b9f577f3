// At a glance: the page an executive reads first. One entry per post, in reading order: a
// running number in the margin, the title (a link to the post) with its page number at the
// right, date, authors and reading time, the tags, the summary and the figures the post quotes;
// under tag-group labels when the contents are grouped by tag. A digest of one post, whose
// title the cover already shows, gets no entry but the post's key points: its summary, the
// first bullets of its summary section and its figures. Above kCompactAbove posts the entries
// are compact (title, page, two lines of summary), so the brief stays a few pages. Each entry is
// one box measured before it is placed, so an entry never splits across pages.
#include <algorithm>
#include <numeric>
#include <optional>

#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

constexpr float kGutter = 30;       // the running number's column
constexpr float kNumberColumn = 34; // room kept right of the title for its page number
constexpr float kGap = 8;           // between entries (the rule sits in the middle)
constexpr float kTagGap = 10;       // between the meta line and tags set after it
constexpr float kBulletIndent = 12; // a key point's text, right of its bullet
// More posts than this get compact entries: full entries of a few dozen posts fill several
// pages (bench/results.md).
constexpr std::size_t kCompactAbove = 12;
constexpr std::size_t kCompactSummaryLines = 2;

struct Looks {
  TextStyle number, title, page, meta, tags, summary, figures;
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
  l.figures = recolored(l.summary, st.accent);
  l.figures.bold = true;
  return l;
}

// The figures in a row; a line breaks between figures, never inside one ("34 Red Hat sessions").
std::string figuresLine(const PostEntry& e) {
  std::vector<std::string> kept;
  for (std::string f : e.figures) {
    for (std::size_t at = f.find(' '); at != std::string::npos; at = f.find(' ', at)) f.replace(at, 1, "\u00A0");
    kept.push_back(std::move(f));
  }
  return joined(kept, "  \u00B7  ");
}

// A digest of one post: its key points, no entry repeating the title the cover shows. Its
// text is in the post's language `lang` (its CJK glyph forms).
void onePostBrief(Composer& c, const Locale& locale, const PostEntry& e, int postIndex, const Looks& l,
                  const std::string& lang) {
  const Style& st = c.style();
  const float width = st.textWidth();
  std::vector<std::string> meta = wrapText(c, postMeta(locale, e, true), l.meta, width);
  const std::string page = c.pageOf(e.anchor);
  if (!page.empty() && !meta.empty()) meta.back() += "  \u00B7  p. " + page;
  const std::vector<std::string> summary = wrapText(c, std::string(trim(e.summary)), l.summary, width);
  std::vector<std::vector<std::string>> points;
  for (const auto& p : e.keyPoints) points.push_back(wrapText(c, p, l.summary, width - kBulletIndent));
  const std::vector<std::string> figures = wrapText(c, figuresLine(e), l.figures, width);
  const float gap = l.summary.leading * 0.5f;
  float h = static_cast<float>(meta.size()) * l.meta.leading + gap;
  if (!summary.empty()) h += static_cast<float>(summary.size()) * l.summary.leading + gap;
  for (const auto& p : points) h += static_cast<float>(p.size()) * l.summary.leading + 2;
  if (!points.empty()) h += gap;
  if (!figures.empty()) h += static_cast<float>(figures.size()) * l.figures.leading + gap;
  // Paragraphs, and the key points a list (L > LI > Lbl, LBody).
  c.box(h, [=](Canvas& cv) {
    const LanguageScope language(cv, lang);
    float y = 0;
    {
      const TagScope tag(cv, cv.node(StructNode(StructType::P)));
      y = drawLines(cv, meta, l.meta, 0, 0);
    }
    cv.link(0, 0, width, y, LinkTarget{"", postIndex, ""});
    y += gap;
    if (!summary.empty()) {
      const TagScope tag(cv, cv.node(StructNode(StructType::P)));
      y = drawLines(cv, summary, l.summary, 0, y) + gap;
    }
    const std::int32_t list = points.empty() ? tags::kUntagged : cv.node(StructNode(StructType::L));
    for (const auto& p : points) {
      const std::int32_t item = nodeBelow(cv, StructType::LI, list);
      {
        const TagScope bullet(cv, nodeBelow(cv, StructType::Lbl, item));
        drawLines(cv, {"\u2022"}, l.figures, 2, y);
      }
      const TagScope body(cv, nodeBelow(cv, StructType::LBody, item));
      y = drawLines(cv, p, l.summary, kBulletIndent, y) + 2;
    }
    if (!points.empty()) y += gap;
    if (!figures.empty()) {
      const TagScope tag(cv, cv.node(StructNode(StructType::P)));
      drawLines(cv, figures, l.figures, 0, y);
    }
  });
}

}  // namespace

void composeBrief(Composer& c, const Publication& pub, const std::vector<Group>& sections) {
  const Style& st = c.style();
  const Looks l = looksOf(st);
  const float width = st.textWidth();
  const float inner = width - kGutter;

  const int minutes = std::accumulate(pub.posts.begin(), pub.posts.end(), 0,
                                      [](int s, const PostEntry& e) { return s + std::max(1, e.readingMinutes); });
  const Locale& locale = *pub.locale;
  std::string intro = locale.count("posts", static_cast<long long>(pub.posts.size()));
  if (!trim(pub.period).empty())
    intro = locale.label("count_period", {{"posts", intro}, {"period", trim(pub.period)}});
  intro += "  \u00B7  " + locale.label("reading_total_all", {{"duration", locale.duration(minutes)}});
  sectionHead(c, locale.label("at_a_glance"), intro);
  if (pub.posts.size() == 1 && pub.posts.front().post) {
    onePostBrief(c, locale, pub.posts.front(), 0, l,
                 pub.posts.front().post ? postLanguage(pub, *pub.posts.front().post) : std::string());
    return;
  }
  const bool compact = pub.posts.size() > kCompactAbove;

  int running = 0;
  for (const Group& g : sections) {
    bool first = true;
    // A labelled group is a section of its own: its label a heading, its entries below.
    std::optional<NodeScope> groupSection;
    for (int pi : g.posts) {
      if (pi < 0 || static_cast<std::size_t>(pi) >= pub.posts.size()) continue;
      const PostEntry& e = pub.posts[static_cast<std::size_t>(pi)];
      if (!e.post) continue;
      ++running;
      // Two digits, in the digest's ("01", Persian "۰۱").
      const std::string num = (running < 10 ? locale.numeral(0) : std::string()) + locale.numeral(running);
      const std::string title = postTitle(locale, *e.post);
      const std::vector<std::string> titleLines =
          compact ? std::vector<std::string>{fitText(c, title, l.title, inner - kNumberColumn)}
                  : wrapText(c, title, l.title, inner - kNumberColumn);
      const std::vector<std::string> metaLines = compact ? std::vector<std::string>{} : wrapText(c, postMeta(locale, e, false), l.meta, inner);
      const std::string tags = compact ? std::string() : joined(e.post->tags, "  \u00B7  ");
      // The tags follow the meta line when they fit beside it (most posts), else wrap below.
      const float metaEnd = metaLines.empty() ? 0 : c.textWidth(metaLines.back(), l.meta) + kTagGap;
      const bool tagsInline = !metaLines.empty() && !tags.empty() && metaEnd + c.textWidth(tags, l.tags) <= inner;
      const std::vector<std::string> tagLines = tagsInline ? std::vector<std::string>{} : wrapText(c, tags, l.tags, inner);
      std::vector<std::string> summaryLines = wrapText(c, std::string(trim(e.summary)), l.summary, inner);
      if (compact && summaryLines.size() > kCompactSummaryLines) {
        summaryLines.resize(kCompactSummaryLines);
        summaryLines.back() = fitText(c, std::string(trim(summaryLines.back())) + "\u2026", l.summary, inner);
      }
      const std::vector<std::string> figureLines =
          compact ? std::vector<std::string>{} : wrapText(c, figuresLine(e), l.figures, inner);
      const std::string page = c.pageOf(e.anchor);
      // Drawn in the post's language (its title and summary in its CJK glyph forms).
      const std::string lang = postLanguage(pub, *e.post);
      const float titleH = static_cast<float>(titleLines.size()) * l.title.leading;
      const float h = titleH + static_cast<float>(metaLines.size()) * l.meta.leading +
                      static_cast<float>(tagLines.size()) * l.tags.leading +
                      (summaryLines.empty() ? 0 : 3 + static_cast<float>(summaryLines.size()) * l.summary.leading) +
                      (figureLines.empty() ? 0 : 2 + static_cast<float>(figureLines.size()) * l.figures.leading) + kGap;
      // Month labels would only repeat the dates the entries show: the brief keeps its
      // space for entries and labels tag groups only.
      if (first && !g.label.empty() && pub.groupBy != "month") {
        groupSection.emplace(c, StructType::Sect);
        groupLabel(c, g.label, h, StructType::H2);
      }
      first = false;
      // An entry's title is a heading (below its group's when grouped), the rest paragraphs;
      // its running number only decorates.
      const StructType heading = groupSection ? StructType::H3 : StructType::H2;
      c.box(h, [=, rule = st.rule](Canvas& cv) {
        const LanguageScope language(cv, lang);
        {
          const TagScope decoration(cv, tags::kLayout);
          drawLines(cv, {num}, l.number, 0, 0);
        }
        float y = 0;
        {
          const TagScope titleTag(cv, cv.node(StructNode(heading)));
          std::vector<std::string> title = titleLines;
          if (!page.empty() && !title.empty()) title.back() += ' ';  // reads apart from its page
          y = drawLines(cv, title, l.title, kGutter, 0);
          if (!page.empty()) {
            const float pw = cv.textWidth(page, l.page);
            drawLines(cv, {page}, l.page, width - pw, 0);
          }
        }
        // The title and its page number lead to the post.
        cv.link(kGutter, 0, width - kGutter, titleH, LinkTarget{"", pi, ""});
        const float metaTop = y + (static_cast<float>(metaLines.size()) - 1) * l.meta.leading;
        if (!metaLines.empty() || !tags.empty()) {
          const TagScope meta(cv, cv.node(StructNode(StructType::P)));
          y = drawLines(cv, metaLines, l.meta, kGutter, y);
          // Set on the meta line's baseline (the small capitals are smaller).
          if (tagsInline) drawLines(cv, {tags}, l.tags, kGutter + metaEnd, metaTop + (l.meta.leading - l.tags.leading) / 2 + (l.meta.size - l.tags.size) * 0.35f);
          y = drawLines(cv, tagLines, l.tags, kGutter, y);
        }
        if (!summaryLines.empty()) {
          const TagScope summary(cv, cv.node(StructNode(StructType::P)));
          y = drawLines(cv, summaryLines, l.summary, kGutter, y + 3);
        }
        if (!figureLines.empty()) {
          const TagScope figures(cv, cv.node(StructNode(StructType::P)));
          y = drawLines(cv, figureLines, l.figures, kGutter, y + 2);
        }
        cv.line({kGutter, h - kGap / 2, width, h - kGap / 2, 0.4f, rule});
      });
    }
  }
}

}  // namespace pp::book
