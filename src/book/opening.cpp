// A post's opening in the printed book (its BookHooks::postOpening): the tags as a kicker over
// the title, title, subtitle, then a strip with the byline (authors · date · reading time) and
// the canonical URL (a link) on the left and, when QR codes are on, a small QR code of that URL
// on the right, so a reader of the printed page can open the original; then the hero image
// and a rule.
#include <algorithm>
#include <functional>

#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

constexpr float kQrSize = 54;        // pt, quiet zone included: scans at arm's length
constexpr float kQrGap = 14;
constexpr float kHeroMaxShare = 0.36f;  // of the text block's height

ParagraphOptions left(bool keep) {
  ParagraphOptions o;
  o.align = ParagraphOptions::Align::Left;
  o.hyphenate = false;
  o.keepWithNext = keep;
  return o;
}

// True when the post's text shows the hero picture itself (many blogs repeat the front
// matter image at the top of the text or under its first heading): it is then not set twice.
bool showsImage(const Document& doc, int asset) {
  bool found = false;
  std::function<void(const std::vector<Inline>&)> scan = [&](const std::vector<Inline>& in) {
    for (const auto& x : in) {
      found |= x.kind == InlineKind::Image && x.image.asset == asset;
      scan(x.children);
    }
  };
  forEachBlock(doc.blocks, [&](const Block& b) {
    found |= b.kind == BlockKind::Figure && b.image.asset == asset;
    scan(b.inlines);
  });
  return found;
}

}  // namespace

void composeOpening(Composer& c, const Publication& pub, const PostEntry& e, bool qrCode) {
  const Style& st = c.style();
  const Post& p = *e.post;
  const float width = st.textWidth();

  if (!p.tags.empty()) {
    TextStyle kicker = label(st.byline, std::max(7.5f, st.byline.size - 0.5f), st.accent);
    ParagraphOptions o = left(true);
    o.spaceAfter = 4;
    c.paragraph({Inline::makeText(joined(p.tags, "  \u00B7  "))}, kicker, o);
  }
  ParagraphOptions titleOptions = left(true);
  titleOptions.spaceAfter = st.postTitle.spaceAfter;
  titleOptions.role = StructType::H1;
  c.paragraph({Inline::makeText(postTitle(*pub.locale, p))}, st.postTitle, titleOptions);
  if (!trim(p.subtitle).empty()) {
    ParagraphOptions o = left(true);
    o.spaceAfter = st.postSubtitle.spaceAfter;
    c.paragraph({Inline::makeText(std::string(trim(p.subtitle)))}, st.postSubtitle, o);
  }

  // The strip: byline and URL beside the QR code.
  const std::string url = isWebUrl(p.url) ? p.url : std::string();
  const bool qr = !url.empty() && qrCode;
  const float textW = width - (qr ? kQrSize + kQrGap : 0);
  TextStyle by = st.byline;
  const std::vector<std::string> byLines = wrapText(c, postMeta(*pub.locale, e, true), by, textW);
  TextStyle urlLabel = label(st.byline, std::max(6.5f, st.byline.size - 2), st.muted);
  TextStyle urlLook = recolored(resized(st.byline, std::max(7.5f, st.byline.size - 0.5f)), st.link);
  urlLook.bold = false;
  const std::vector<std::string> urlLines = url.empty() ? std::vector<std::string>{} : wrapText(c, shortUrl(url), urlLook, textW);
  const float textH = static_cast<float>(byLines.size()) * by.leading +
                      (urlLines.empty() ? 0 : 5 + urlLabel.leading + static_cast<float>(urlLines.size()) * urlLook.leading);
  const float stripH = std::max(textH, qr ? kQrSize : 0.0f);
  // The byline and the URL's label are in the digest's language: said so where its direction
  // is not the post's (an English byline in an Arabic post's right-to-left opening keeps its
  // own order).
  const std::string bylineLanguage =
      isRightToLeft(postLanguage(pub, p)) != pub.locale->rightToLeft() ? pub.locale->tag() : std::string();
  c.drawnBox(stripH, [=, ink = st.text, original = pub.locale->label("original_post")](Canvas& cv) {
    const LanguageScope language(cv, bylineLanguage);
    // The text block centred on the QR code's height.
    float y = std::max(0.0f, (stripH - textH) / 2);
    {
      const TagScope byline(cv, cv.node(StructNode(StructType::P)));
      y = drawLines(cv, byLines, by, 0, y);
    }
    if (!urlLines.empty()) {
      const TagScope address(cv, cv.node(StructNode(StructType::P)));
      y = drawLines(cv, {original}, urlLabel, 0, y + 5);
      const float top = y;
      y = drawLines(cv, urlLines, urlLook, 0, y);
      cv.link(0, top, textW, y - top, LinkTarget{url, -1, ""});
    }
    if (qr && cv.qrCode(url, width - kQrSize, 0, kQrSize, ink))
      cv.link(width - kQrSize, 0, kQrSize, kQrSize, LinkTarget{url, -1, ""});
  });

  // The hero image, as wide as the text block unless that makes it too tall.
  const Asset* hero = pub.assets && e.heroAsset >= 0 && static_cast<std::size_t>(e.heroAsset) < pub.assets->size()
                          ? &pub.assets->at(e.heroAsset) : nullptr;
  if (hero && hero->ok() && hero->width > 0 && hero->height > 0 && !showsImage(e.doc, e.heroAsset)) {
    const float aspect = static_cast<float>(hero->height) / static_cast<float>(hero->width);
    float w = width, h = width * aspect;
    const float maxH = st.textHeight() * kHeroMaxShare;
    if (h > maxH) {
      h = maxH;
      w = h / aspect;
    }
    // Small pictures (logos, badges used as heroes) are not blown up past their CSS size.
    const float natW = static_cast<float>(hero->width) * 0.75f;
    if (w > natW) {
      h *= natW / w;
      w = natW;
    }
    c.space(12);
    const int asset = e.heroAsset;
    // Its Figure is made here, not when the box is drawn: body pages are drawn while later
    // posts are being joined, and nodes made then would be numbered by the threads' timing.
    const NodeScope figure(c, StructNode(StructType::Figure, postTitle(*pub.locale, p)));
    c.box(h, [=](Canvas& cv) { cv.image(asset, (width - w) / 2, 0, w, h); });
  }
  c.space(10);
  c.rule(st.rule, 0.6f);
  c.space(std::max(12.0f, st.byline.spaceAfter));
}

}  // namespace pp::book
