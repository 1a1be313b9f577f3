// QR codes beside paragraphs that link to a recording or a video (isMediaUrl; a conference
// schedule is not one): a reader of the printed page scans the code instead of typing a YouTube URL. The
// code goes beside the first paragraph that mentions the URL, one code per paragraph (its
// first media link not coded yet), or inside the box of an embedded video; the "Links" list
// holds the rest.
#include <algorithm>
#include <set>

#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

constexpr float kCodeSize = 52;  // pt, quiet zone included

// Every external web link of the post that leads to a video or a recording (isMediaUrl), and
// every embedded video, whether or not its address is printed (no note number then, but still
// a code to scan).
std::set<std::string> mediaLinks(const Document& doc) {
  std::set<std::string> media;
  forEachInline(doc, [&](const Inline& in) {
    if (in.kind == InlineKind::Link && in.link.external() && isWebUrl(in.link.url) && isMediaUrl(in.link.url))
      media.insert(in.link.url);
  });
  auto embeds = [&](const std::vector<Block>& blocks) {
    forEachBlock(blocks, [&](const Block& b) {
      if (b.kind == BlockKind::Embed && b.link.external() && isWebUrl(b.link.url)) media.insert(b.link.url);
    });
  };
  embeds(doc.blocks);
  for (const auto& f : doc.footnotes) embeds(f.blocks);
  return media;
}

void webLinks(const std::vector<Inline>& inlines, std::vector<std::string>& out) {
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::Link && in.link.external() && isWebUrl(in.link.url)) out.push_back(in.link.url);
    webLinks(in.children, out);
  }
}

std::string captionFor(const std::string& url, const Locale& locale) {
  const std::string host = hostOf(url);
  for (const char* video : {"youtube.com", "youtu.be", "vimeo.com"})
    if (host == video || (host.size() > std::string(video).size() && host.ends_with(std::string(".") + video)))
      return locale.label("video");
  return startsWith(host, "www.") ? host.substr(4) : host;
}

}  // namespace

MediaCodes::MediaCodes(const PostEntry& e, const Document& text, const Style& style, const Locale& locale)
    : caption_(label(style.byline, 6, style.muted)), ink_(style.text) {
  const std::set<std::string> media = mediaLinks(e.doc);
  std::set<std::string> coded;
  if (media.empty()) return;
  forEachBlock(text.blocks, [&](const Block& b) {
    // An embedded video: its box gets the code (the provider's name under it).
    if (b.kind == BlockKind::Embed && media.count(b.link.url) && coded.insert(b.link.url).second) {
      codes_.push_back({&b, b.link.url, b.text.empty() ? captionFor(b.link.url, locale) : b.text});
      return;
    }
    if (b.kind != BlockKind::Paragraph) return;
    std::vector<std::string> urls;
    webLinks(b.inlines, urls);
    for (const auto& u : urls)
      if (media.count(u) && coded.insert(u).second) {
        codes_.push_back({&b, u, captionFor(u, locale)});
        return;
      }
  });
  std::sort(codes_.begin(), codes_.end(), [](const Code& a, const Code& b) { return a.block < b.block; });
}

std::optional<Aside> MediaCodes::asideFor(const Block& b) const {
  auto it = std::lower_bound(codes_.begin(), codes_.end(), &b,
                             [](const Code& c, const Block* p) { return c.block < p; });
  if (it == codes_.end() || it->block != &b) return std::nullopt;
  const std::string url = it->url, caption = it->caption;
  const TextStyle cap = caption_;
  const Color ink = ink_;
  Aside a;
  a.width = kCodeSize;
  a.height = kCodeSize + cap.leading;
  a.draw = [=](Canvas& cv, float x, float y) {
    if (!cv.qrCode(url, x, y, kCodeSize, ink)) return;
    cv.link(x, y, kCodeSize, kCodeSize, LinkTarget{url, -1, ""});
    // A long host name is set smaller rather than past the code's edges.
    TextStyle look = cap;
    float w = cv.textWidth(caption, look);
    if (w > kCodeSize + 8) {
      look = resized(cap, std::max(4.5f, cap.size * (kCodeSize + 8) / w));
      look.letterSpacing = 0;
      w = cv.textWidth(caption, look);
    }
    drawLines(cv, {caption}, look, x + (kCodeSize - w) / 2, y + kCodeSize);
  };
  return a;
}

}  // namespace pp::book
