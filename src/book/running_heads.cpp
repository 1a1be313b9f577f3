#include "book/running_heads.h"

#include <algorithm>

#include "postpress/support/text.h"

namespace pp::book {

namespace {

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

}  // namespace

const std::string& RunningHeads::fitted(Canvas& c, const std::string& text, const TextStyle& ts, float width) {
  auto it = fitted_.find(text);
  if (it == fitted_.end()) it = fitted_.emplace(text, fit(c, text, ts, width)).first;
  return it->second;
}

void RunningHeads::decorate(SetPage& p) {
  PageBox& box = p.box;
  const int owner = p.owner;
  const TextStyle& rs = style_.runningHeader;
  const float left = style_.marginInner, top = style_.marginTop;
  const float textWidth = style_.textWidth(), textHeight = style_.textHeight();
  const float right = left + textWidth;
  typesetter_.drawOnPage(box, [&](Canvas& canvas) {
    // Footer: the page number, centred under the text block.
    // Small margins must not push the running lines off the paper.
    const float footY = std::min(top + textHeight + style_.headerGap + rs.size, style_.pageHeight - rs.size * 0.5f - 6);
    const float lw = canvas.textWidth(box.label, rs);
    canvas.text(box.label, rs, left + (textWidth - lw) / 2, footY);
    // Header on post pages, except the page a post opens on when posts open pages.
    if (owner >= 0 && static_cast<std::size_t>(owner) < pub_.posts.size() &&
        !(p.opensPart && style_.postsStartNewPage)) {
      const float headY = std::max(top - style_.headerGap, rs.size + 6);
      const std::string digest = pub_.title.empty() ? pub_.locale->label("digest") : pub_.title;
      const PostEntry& e = pub_.posts[static_cast<std::size_t>(owner)];
      const std::string postTitle = e.post ? e.post->title : std::string();
      const float half = textWidth / 2 - 12;
      const std::string& l = fitted(canvas, digest, rs, half);
      canvas.text(l, rs, left, headY);
      // The post's title in its language's glyph forms (CJK).
      const LanguageScope language(canvas, e.post ? postLanguage(pub_, *e.post) : std::string());
      const std::string& r = fitted(canvas, postTitle, rs, half);
      const float rw = canvas.textWidth(r, rs);
      canvas.text(r, rs, right - rw, headY);
      const float ruleY = headY + rs.size * 0.6f;
      canvas.line({left, ruleY, right, ruleY, 0.4f, style_.rule});
    }
  });
}

}  // namespace pp::book
