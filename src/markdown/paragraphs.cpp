// A run of inlines into blocks: whitespace collapsed as HTML does, blocks hoisted out of the
// run placed between its pieces, and a paragraph of nothing but images turned into figures.
#include <algorithm>

#include "markdown/convert.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

bool isBlankText(const Inline& i) {
  return i.kind == InlineKind::Text && trim(i.text).empty();
}

// An image, or a link holding only an image: what a figure is made of.
bool isFigureImage(const Inline& i) {
  if (i.kind == InlineKind::Image) return true;
  if (i.kind != InlineKind::Link) return false;
  int images = 0;
  for (const auto& c : i.children) {
    if (c.kind == InlineKind::Image) ++images;
    else if (!isBlankText(c) && !isBreak(c)) return false;
  }
  return images == 1;
}

}  // namespace

void normalizeWhitespace(std::vector<Inline>& inlines) {
  // Merge adjacent texts, collapse whitespace runs (HTML semantics: the text came from raw HTML
  // or has tabs), then trim the paragraph's ends.
  std::vector<Inline> out;
  out.reserve(inlines.size());
  for (auto& i : inlines) {
    if (i.kind == InlineKind::Text && !out.empty() && out.back().kind == InlineKind::Text) {
      out.back().text += i.text;
      continue;
    }
    out.push_back(std::move(i));
  }
  for (auto& i : out) {
    if (i.kind != InlineKind::Text) continue;
    std::string t;
    t.reserve(i.text.size());
    bool space = false;
    for (char c : i.text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space = true;
        continue;
      }
      if (space) t += ' ';
      space = false;
      t += c;
    }
    if (space) t += ' ';
    i.text = std::move(t);
  }
  // No space right after a break or at the ends.
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].kind != InlineKind::Text) continue;
    bool afterBreak = k == 0 || isBreak(out[k - 1]);
    bool beforeBreak = k + 1 == out.size() || isBreak(out[k + 1]);
    if (afterBreak && !out[k].text.empty() && out[k].text.front() == ' ') out[k].text.erase(0, 1);
    if (beforeBreak && !out[k].text.empty() && out[k].text.back() == ' ') out[k].text.pop_back();
  }
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const Inline& i) { return i.kind == InlineKind::Text && i.text.empty(); }),
            out.end());
  while (!out.empty() && isBreak(out.front())) out.erase(out.begin());
  while (!out.empty() && isBreak(out.back())) out.pop_back();
  inlines = std::move(out);
}

void Converter::flushParagraph(InlineRun& run, SourcePos pos, std::vector<FlowItem>& out) {
  std::size_t from = 0;
  auto emitSegment = [&](std::size_t to) {
    std::vector<Inline> seg(std::make_move_iterator(run.inlines.begin() + static_cast<std::ptrdiff_t>(from)),
                            std::make_move_iterator(run.inlines.begin() + static_cast<std::ptrdiff_t>(to)));
    from = to;
    normalizeWhitespace(seg);
    if (seg.empty()) return;
    // A paragraph of nothing but images (each possibly linked) becomes figures.
    bool onlyImages = true;
    int images = 0;
    for (const auto& i : seg) {
      if (isFigureImage(i)) ++images;
      else if (!isBreak(i) && !isBlankText(i)) onlyImages = false;
    }
    if (onlyImages && images > 0) {
      for (auto& i : seg) {
        if (!isFigureImage(i)) continue;
        const Inline& img = i.kind == InlineKind::Image
                                ? i
                                : *std::find_if(i.children.begin(), i.children.end(),
                                                [](const Inline& c) { return c.kind == InlineKind::Image; });
        std::vector<Inline> caption;
        if (!trim(img.image.title).empty())
          caption.push_back(Inline::makeText(std::string(trim(img.image.title)), img.pos));
        else if (meaningfulAlt(img.image.alt))
          caption.push_back(Inline::makeText(std::string(trim(img.image.alt)), img.pos));
        Block f = makeFigure(img.image, std::move(caption), img.pos.line ? img.pos : pos);
        if (i.kind == InlineKind::Link) f.link = i.link;
        pushBlock(out, std::move(f));
      }
      return;
    }
    Block p;
    p.kind = BlockKind::Paragraph;
    p.pos = pos;
    p.inlines = std::move(seg);
    pushBlock(out, std::move(p));
  };
  for (auto& h : run.hoisted) {
    emitSegment(std::clamp(h.first, from, run.inlines.size()));
    pushBlock(out, std::move(h.second));
  }
  emitSegment(run.inlines.size());
  run.inlines.clear();
  run.hoisted.clear();
}

}  // namespace pp::markdown
