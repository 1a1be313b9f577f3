// The cover: one page, no number. Two designs chosen by Style::coverStyle:
//   band  — a full-bleed band of the accent colour over the top of the page holding the site
//           name and the title reversed out in white; period, filters and figures below it.
//   plain — typographic: a kicker, a short accent bar, the title in the text colour.
// Both set the logo (when the config names one) beside the period and figures, end with the
// cover image (or, without one, the list of posts inside) and a foot line with the site and
// the build date. Pictures are drawn at the size the cover gives them: one drawn smaller than
// its print rendition suits is embedded from a rendition made for that size (the PDF's painter).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "postpress/book.h"
#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

constexpr Color kWhite{1, 1, 1};
constexpr float kMaxTitleLines = 3;
constexpr float kMinTitleScale = 0.6f;  // a long title shrinks to this, then wraps more
constexpr float kBandShare = 0.47f;     // of the page height
constexpr float kLogoHeight = 56;
constexpr float kLogoMaxWidth = 170;
constexpr float kMinImageHeight = 90;   // smaller than this the cover image is left out

struct Fitted {
  TextStyle style;
  std::vector<std::string> lines;
};

// The title at the cover size, shrunk (down to kMinTitleScale) until it takes at most three
// lines: long digest titles stay a title, not a paragraph.
Fitted fitTitle(Composer& c, const std::string& title, const TextStyle& base, float width) {
  Fitted f{base, wrapText(c, title, base, width)};
  for (float k = 0.92f; f.lines.size() > kMaxTitleLines && k >= kMinTitleScale; k -= 0.08f) {
    f.style = resized(base, base.size * k);
    f.lines = wrapText(c, title, f.style, width);
  }
  return f;
}

// "12 posts  ·  5 authors  ·  1 h 40 min of reading"
std::string figures(const Publication& pub) {
  const int minutes = std::accumulate(pub.posts.begin(), pub.posts.end(), 0,
                                      [](int s, const PostEntry& e) { return s + std::max(1, e.readingMinutes); });
  const Locale& locale = *pub.locale;
  std::vector<std::string> parts{locale.count("posts", static_cast<long long>(pub.posts.size()))};
  if (!pub.authorIndex.empty()) parts.push_back(locale.count("authors", static_cast<long long>(pub.authorIndex.size())));
  parts.push_back(locale.label("reading_total", {{"duration", locale.duration(minutes)}}));
  return joined(parts, "  \u00B7  ");
}

// An image's size in points fitted into w x h (never enlarged past 1 px = 0.75 pt x 2).
bool fitImage(const Asset* a, float maxW, float maxH, float& w, float& h) {
  if (!a || !a->ok() || a->width <= 0 || a->height <= 0 || maxW <= 0 || maxH <= 0) return false;
  const float natW = static_cast<float>(a->width) * 1.5f, natH = static_cast<float>(a->height) * 1.5f;
  const float k = std::min({maxW / natW, maxH / natH, 1.0f});
  w = natW * k;
  h = natH * k;
  return true;
}

const Asset* assetOf(const Publication& pub, int id) {
  if (!pub.assets || id < 0 || static_cast<std::size_t>(id) >= pub.assets->size()) return nullptr;
  return &pub.assets->at(id);
}

}  // namespace

void composeCover(Composer& c, const Publication& pub) {
  const Style& st = c.style();
  const bool band = st.coverStyle != "plain";
  const float W = st.pageWidth, H = st.pageHeight;
  const float left = st.marginInner, width = st.textWidth();
  const float bandBottom = std::round(H * kBandShare);

  // Everything is measured here, before the box is placed; the box only draws.
  const std::string site = pub.site ? std::string(trim(pub.site->title)) : std::string();
  const Locale& locale = *pub.locale;
  const std::string title = digestTitle(pub);
  TextStyle titleBase = st.coverTitle;
  if (band) titleBase = recolored(titleBase, kWhite);
  const Fitted t = fitTitle(c, title, titleBase, width);
  TextStyle sub = st.coverSubtitle;
  if (band) sub = recolored(sub, mix(st.accent, kWhite, 0.82f));
  const std::vector<std::string> subLines = wrapText(c, std::string(trim(pub.subtitle)), sub, width);
  const TextStyle kicker = label(st.coverSubtitle, 8.5f, band ? mix(st.accent, kWhite, 0.7f) : st.accent);
  TextStyle period = recolored(st.coverSubtitle, st.accent);
  period.bold = true;
  period = resized(period, st.coverSubtitle.size * 1.45f);
  TextStyle small = recolored(resized(st.byline, std::max(9.0f, st.byline.size + 0.5f)), st.muted);
  TextStyle figuresStyle = recolored(small, st.text);
  // The logo, right of the period and figures: at most kLogoMaxWidth x kLogoHeight.
  float logoW = 0, logoH = 0;
  const bool logo = fitImage(assetOf(pub, pub.logoAsset), kLogoMaxWidth, kLogoHeight, logoW, logoH);
  const float detailsW = logo ? width - logoW - 24 : width;
  const std::vector<std::string> filterLines = wrapText(c, std::string(trim(pub.filters)), small, detailsW);
  const std::string figureLine = figures(pub);
  TextStyle foot = recolored(st.byline, st.muted);
  const std::string siteUrl = pub.site ? std::string(trim(pub.site->url)) : std::string();
  const std::string footLeft = site.empty() ? shortUrl(siteUrl) : site;
  const std::string footRight = pub.dateLabel.empty() ? std::string() : locale.label("published", {{"date", pub.dateLabel}});

  // "In this digest": the posts in reading order with their pages, for the cover's lower
  // half when no cover image takes it; as many as fit are drawn.
  TextStyle insideLook = recolored(resized(st.tocEntry, std::min(10.5f, st.tocEntry.size)), st.text);
  insideLook.family = st.coverSubtitle.family;
  insideLook.leading = insideLook.size * 1.75f;
  TextStyle insidePage = recolored(insideLook, st.accent);
  insidePage.bold = true;
  const TextStyle insideLabel = label(st.byline, 8, st.accent);
  struct InsideEntry {
    std::string title, page;
    int post;
    std::string language;  // the post's: its title's CJK glyph forms
  };
  std::vector<InsideEntry> inside;
  for (const Group& g : readingSections(pub))
    for (int pi : g.posts) {
      const PostEntry& e = pub.posts[static_cast<std::size_t>(pi)];
      if (!e.post) continue;
      inside.push_back({fitText(c, postTitle(locale, *e.post), insideLook, width - 40),
                        c.pageOf(e.anchor), pi, postLanguage(pub, *e.post)});
    }
  const bool hasCoverImage = assetOf(pub, pub.coverImageAsset) && assetOf(pub, pub.coverImageAsset)->ok();

  const float boxHeight = st.textHeight() - 1;
  c.box(boxHeight, [=, &pub, &st, &locale](Canvas& cv) {
    const float ox = cv.originX(), oy = cv.originY();
    auto X = [&](float pageX) { return pageX - ox; };  // page -> canvas coordinates
    auto Y = [&](float pageY) { return pageY - oy; };
    const float x = X(left);
    float y = 0;  // page y of the next thing, set per design below

    // The digest's title is the cover's heading, the rest paragraphs (each made as it is
    // drawn: the reading order is the order they are drawn in).
    auto paragraph = [&cv] { return cv.node(StructNode(StructType::P)); };
    const float titleHeight = static_cast<float>(t.lines.size()) * t.style.leading;
    const float subHeight = static_cast<float>(subLines.size()) * sub.leading;
    if (band) {
      FillRect r;
      r.width = W;
      r.height = bandBottom;
      r.fillColor = st.accent;
      cv.page().rects.push_back(r);
      // A thin darker line closing the band gives it an edge on cream or grey paper.
      FillRect edge;
      edge.y = bandBottom - 3;
      edge.width = W;
      edge.height = 3;
      edge.fillColor = mix(st.accent, Color{0, 0, 0}, 0.25f);
      cv.page().rects.push_back(edge);
      if (!site.empty()) {
        const TagScope tag(cv, paragraph());
        drawLines(cv, {site}, kicker, x, Y(st.marginTop) - kicker.leading);
      }
      // Title and subtitle sit on the band's foot, whatever their number of lines.
      y = bandBottom - 34 - subHeight - (subHeight > 0 ? 8 : 0) - titleHeight;
      y = std::max(y, st.marginTop + 10);
      {
        const TagScope tag(cv, cv.node(StructNode(StructType::H1)));
        y = drawLines(cv, t.lines, t.style, x, Y(y)) + oy;
      }
      if (subHeight > 0) {
        const TagScope tag(cv, paragraph());
        drawLines(cv, subLines, sub, x, Y(y + 8));
      }
      y = bandBottom + 34;
    } else {
      if (!site.empty()) {
        const TagScope tag(cv, paragraph());
        drawLines(cv, {site}, kicker, x, Y(st.marginTop));
      }
      RuleLine top{x, Y(st.marginTop) + kicker.leading + 6, x + width, Y(st.marginTop) + kicker.leading + 6, 0.6f, st.rule};
      cv.line(top);
      y = std::round(H * 0.28f);
      FillRect bar;
      bar.x = x;
      bar.y = Y(y);
      bar.width = 56;
      bar.height = 5;
      bar.fillColor = st.accent;
      cv.rect(bar);
      y += 22;
      {
        const TagScope tag(cv, cv.node(StructNode(StructType::H1)));
        y = drawLines(cv, t.lines, t.style, x, Y(y)) + oy;
      }
      if (subHeight > 0) {
        const TagScope tag(cv, paragraph());
        y = drawLines(cv, subLines, sub, x, Y(y + 8)) + oy;
      }
      y += 26;
    }
    // Period, filters, figures.
    if (logo) cv.image(pub.logoAsset, x + width - logoW, Y(y), logoW, logoH);
    const float detailsTop = y;
    if (!trim(pub.period).empty()) {
      const TagScope tag(cv, paragraph());
      y = drawLines(cv, {std::string(trim(pub.period))}, period, x, Y(y)) + oy + 4;
    }
    if (!filterLines.empty()) {
      const TagScope tag(cv, paragraph());
      y = drawLines(cv, filterLines, small, x, Y(y)) + oy;
    }
    {
      const TagScope tag(cv, paragraph());
      y = drawLines(cv, {figureLine}, figuresStyle, x, Y(y)) + oy;
    }
    if (logo) y = std::max(y, detailsTop + logoH);

    // The foot: a rule, the site on the left, the date on the right.
    const float footBase = st.marginTop + boxHeight;  // page y of the foot line's bottom
    const float footTop = footBase - foot.leading - 10;
    cv.line({x, Y(footTop), x + width, Y(footTop), 0.6f, st.rule});
    const float textX = x;
    const float footTextTop = Y(footBase) - foot.leading;
    if (!footLeft.empty()) {
      const TagScope tag(cv, paragraph());
      drawLines(cv, {footLeft}, foot, textX, footTextTop);
      if (isWebUrl(siteUrl))
        cv.link(textX, footTextTop, cv.textWidth(footLeft, foot), foot.leading, LinkTarget{siteUrl, -1, ""});
    }
    if (!footRight.empty()) {
      const float w = cv.textWidth(footRight, foot);
      const TagScope tag(cv, paragraph());
      drawLines(cv, {footRight}, foot, x + width - w, footTextTop);
    }

    // The cover image fills what is left between the figures and the foot; without one, the
    // list of what is inside does.
    float imgW = 0, imgH = 0;
    const float room = footTop - 28 - (y + 24);
    const Asset* image = assetOf(pub, pub.coverImageAsset);
    if (hasCoverImage && room >= kMinImageHeight && fitImage(image, width, room, imgW, imgH)) {
      cv.image(pub.coverImageAsset, x + (width - imgW) / 2, Y(y + 24 + std::max(0.0f, room - imgH) / 2), imgW, imgH);
      return;
    }
    float top = y + 40;
    const float bottom = footTop - 20;
    if (inside.empty() || top + insideLabel.leading + 2 * insideLook.leading > bottom) return;
    {
      const TagScope tag(cv, paragraph());
      drawLines(cv, {locale.label("in_this_digest")}, insideLabel, x, Y(top));
    }
    top += insideLabel.leading + 4;
    // A contents: TOCI > Reference > Link, the title and page number its text.
    const std::int32_t toc = cv.node(StructNode(StructType::TOC));
    const std::size_t fits = static_cast<std::size_t>((bottom - top) / insideLook.leading);
    const bool all = fits >= inside.size();
    const std::size_t shown = all ? inside.size() : fits - 1;
    for (std::size_t k = 0; k < shown; ++k) {
      const InsideEntry& e = inside[k];
      cv.line({x, Y(top), x + width, Y(top), 0.4f, st.rule});
      const std::int32_t reference = nodeBelow(cv, StructType::Reference, nodeBelow(cv, StructType::TOCI, toc));
      const TagScope tag(cv, nodeBelow(cv, StructType::Link, reference, e.title));
      const LanguageScope language(cv, e.language);
      drawLines(cv, {e.page.empty() ? e.title : e.title + ' '}, insideLook, x, Y(top));
      if (!e.page.empty()) drawLines(cv, {e.page}, insidePage, x + width - cv.textWidth(e.page, insidePage), Y(top));
      cv.link(x, Y(top), width, insideLook.leading, LinkTarget{"", e.post, ""});
      top += insideLook.leading;
    }
    if (!all) {
      cv.line({x, Y(top), x + width, Y(top), 0.4f, st.rule});
      const TagScope tag(cv, nodeBelow(cv, StructType::P, nodeBelow(cv, StructType::TOCI, toc)));
      drawLines(cv, {locale.count("more_posts", static_cast<long long>(inside.size() - shown), {{"brief", locale.label("at_a_glance")}})},
                recolored(insideLook, st.muted), x, Y(top));
    }
  });
}

}  // namespace pp::book
