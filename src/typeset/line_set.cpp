#include "typeset/line_set.h"
#include "typeset/math_items.h"
#include "typeset/bidi.h"
#include "typeset/shape_runs.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

// A line's text runs, drawn left to right, put in the order of its text (`firstItems`: each
// run's first item, an index in logical order; runs past them, a hyphen, stay last): a reader
// that takes the text as the page's content gives it in that order (pdftotext -raw, a screen
// reader without the structure tree), and the runs' marked content is read in that order,
// whatever the bidi algorithm did to place them ("إطلاق Kubernetes الجديد" is drawn with
// Kubernetes between the two Arabic words, read after the first). Positions are absolute, so
// what is drawn does not change.
void inTextOrder(std::vector<TextRun>& runs, const std::vector<std::size_t>& firstItems) {
  std::vector<std::size_t> order(runs.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  auto key = [&](std::size_t k) { return k < firstItems.size() ? firstItems[k] : SIZE_MAX; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<TextRun> sorted;
  sorted.reserve(runs.size());
  for (std::size_t k : order) sorted.push_back(std::move(runs[k]));
  runs = std::move(sorted);
}

// A justified line is never spread beyond this ratio when set: a first-fit fallback line that
// would need more is set ragged instead of with gaping holes.
constexpr float kMaxRenderedStretch = 3.0f;

// Longer link addresses are not made clickable: far beyond what browsers and servers take
// (RFC 9110 asks for at least 8000 octets), and each line of the link would repeat it.
constexpr std::size_t kMaxLinkUriBytes = 8192;

float pick(const std::vector<float>& v, std::size_t i, float dflt) {
  if (v.empty()) return dflt;
  return v[std::min(i, v.size() - 1)];
}

bool sameLook(const TextRun& r, const Item& b) {
  return r.tag == b.tag && r.font == static_cast<std::uint16_t>(b.face) && r.size == b.size &&
         r.charSpacing == b.letterSpacing && r.color.r == b.color.r && r.color.g == b.color.g &&
         r.color.b == b.color.b;
}

// A word space follows box `i` in reading order: the next item that is not a penalty (nor a
// bidi control) is a space (glue of some width: not the fill ending a paragraph, nor the zero-width glue between
// CJK characters), or a forced line break inside the paragraph (a hard break reads as a
// space too). `lastBreak`: the paragraph's final forced break, after which nothing follows.
bool spaceFollows(const std::vector<Item>& items, std::size_t i, std::size_t lastBreak) {
  for (std::size_t k = i + 1; k < items.size(); ++k) {
    const Item& it = items[k];
    if (it.isBox() && it.kind == BoxKind::BidiControl) continue;  // draws nothing, reads nothing
    if (it.isBox()) return false;
    if (it.isGlue()) {
      if (it.width > 0 && it.stretch < 1e5f) return true;
      if (it.stretch < 1e5f) return false;
      continue;  // the fill before a forced break: see what the break is
    }
    if (it.penalty <= -kInfinity) return k != lastBreak;
  }
  return false;
}

void drawMissing(Context& ctx, Fragment& f, const Item& b, float x, float baseline) {
  const float h = b.ascent + b.descent;
  const FillRect box = outlineRect(x + b.size * 0.06f, baseline - b.ascent, b.width - b.size * 0.12f, h,
                                   std::max(0.3f, b.size * 0.05f), b.color);
  const float textSize = b.size * 0.34f;
  drawMissingGlyph(ctx, f, b.cp, box, ctx.fonts.face("mono", false, false), textSize, box.x, box.width,
                   baseline - b.ascent + h / 2 + textSize * 0.35f);
}

// Room a line makes for its raised and lowered runs (superscripts, note marks, subscripts, a
// formula's scripts and fractions). Lines a leading apart overlap by their text's font boxes
// whenever the face's box (ascent plus descent) is taller than the leading (Charis SIL's is 1.64
// em; footnotes are set 8.5/11): each box by the same share of its height. A raised run is
// smaller and sits higher: its box reaches as deep into the line above, but that is a larger
// share of its own height (a superscript "13" in a footnote, 29% of its box inside the words
// above it, where the text's boxes overlap by 21%). As TeX and Typst give a line with a raised
// box the height the box needs, the line grows until no raised or lowered box reaches into the
// neighbouring line (its text at the paragraph's metrics) by a larger share of its own height
// than the text's boxes do; a line without such runs keeps the leading.
class ScriptRoom {
 public:
  ScriptRoom(float baseAscent, float baseDescent, float leading)
      : roomAbove_(leading - baseDescent), roomBelow_(leading - baseAscent) {
    const float box = baseAscent + baseDescent;
    share_ = box > 0 ? std::max(0.0f, box - leading) / box : 0;
  }
  // A box `top` above and `bottom` below the baseline (negative: the other side of it).
  void add(float top, float bottom) {
    const float allowed = share_ * (top + bottom);
    above_ = std::max(above_, top - allowed - roomAbove_);
    below_ = std::max(below_, bottom - allowed - roomBelow_);
  }
  // A raised or lowered box of the line (others take the leading as it is).
  void add(const Item& it, const ItemList& list) {
    if (it.kind == BoxKind::Text || it.kind == BoxKind::Missing) {
      if (it.rise != 0) add(it.ascent, it.descent);
    } else if (it.kind == BoxKind::Math && it.asset >= 0 && static_cast<std::size_t>(it.asset) < list.formulas.size() &&
               list.fontSize > 0) {
      // Each glyph with the text face's box at its size, as the formula's own extent counts it.
      const float ascentEm = list.ascent / list.fontSize, descentEm = list.descent / list.fontSize;
      for (const MathGlyph& g : list.formulas[static_cast<std::size_t>(it.asset)].glyphs) {
        const float y = g.y + it.rise;
        if (y != 0 || g.size < list.fontSize) add(y + ascentEm * g.size, descentEm * g.size - y);
      }
    }
  }
  float above() const { return above_; }
  float below() const { return below_; }

 private:
  float roomAbove_, roomBelow_;  // where the neighbouring lines' text boxes end, from the baseline
  float share_ = 0;              // of a box's height that reaches into the neighbouring line's
  float above_ = 0, below_ = 0;
};

}  // namespace

void drawMissingGlyph(Context& ctx, Fragment& f, char32_t cp, const FillRect& box, int face, float textSize,
                      float left, float width, float baseline) {
  f.rects.push_back(box);
  if (face < 0) return;
  char hex[16];
  std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
  TextRun t = textRunAt(face, textSize, 0, baseline, box.strokeColor);
  t.text = hex;
  t.missingGlyph = true;
  t.width = ctx.width(face, t.text, t.size);
  t.x = left + (width - t.width) / 2;
  shapeRun(ctx, t);
  f.runs.push_back(std::move(t));
}

float stackLines(Fragment& f, const std::vector<SetLine>& lines, float x, float y) {
  for (const SetLine& l : lines) {
    f.append(l.content, x, y);
    y += l.height;
  }
  return y;
}

NaturalWidths naturalWidths(const ItemList& list) {
  NaturalWidths nw;
  float line = 0, word = 0;
  for (const auto& it : list.items) {
    if (it.isBox()) {
      word += it.width;
      line += it.width;
    } else if (it.isGlue()) {
      nw.min = std::max(nw.min, word);
      word = 0;
      if (it.stretch < 1e5f) line += it.width;
    } else {
      nw.min = std::max(nw.min, word + (it.flagged ? it.width : 0));
      word = 0;
      if (it.penalty <= -kInfinity) {
        nw.max = std::max(nw.max, line);
        line = 0;
      }
    }
  }
  nw.min = std::max(nw.min, word);
  nw.max = std::max(nw.max, line);
  return nw;
}

float firstLineWidth(const ItemList& list) {
  // As setParagraph counts a line: from the first item a line start keeps to the break.
  const auto& items = list.items;
  std::size_t i = 0;
  while (i < items.size() && !items[i].isBox() && !(items[i].isPenalty() && items[i].penalty <= -kInfinity)) ++i;
  float natural = 0;
  for (; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.isPenalty() && it.penalty <= -kInfinity) break;
    if (it.isBox()) natural += it.width;
    else if (it.isGlue() && it.stretch < 1e5f) natural += it.width;
  }
  return natural;
}

std::vector<SetLine> setParagraph(Context& ctx, ItemList& list, const ParagraphShape& shape) {
  std::vector<SetLine> lines;
  if (list.items.empty()) return lines;
  std::vector<float> widths = shape.widths.empty() ? std::vector<float>{ctx.style.textWidth()} : shape.widths;
  const std::vector<LineBreak> breaks = breakParagraph(ctx, list, widths, shape.allowHyphens);
  const auto& items = list.items;
  lines.reserve(breaks.size());

  // Paragraph's own vertical metrics: baseline in the middle of the leading (half-leading
  // above and below the face's ascent + descent, as CSS does).
  const float baseAscent = list.ascent, baseDescent = list.descent;
  const float halfLeading = (shape.leading - (baseAscent + baseDescent)) / 2;

  std::size_t lastBreak = items.size();
  for (std::size_t k = items.size(); k-- > 0;)
    if (items[k].isPenalty() && items[k].penalty <= -kInfinity) {
      lastBreak = k;
      break;
    }

  std::size_t start = 0;
  // Skip what a line start discards.
  auto skipDiscardable = [&](std::size_t i) {
    while (i < items.size() && !items[i].isBox() && !(items[i].isPenalty() && items[i].penalty <= -kInfinity)) ++i;
    return i;
  };
  start = skipDiscardable(0);
  for (std::size_t li = 0; li < breaks.size(); ++li) {
    const LineBreak& br = breaks[li];
    const std::size_t end = static_cast<std::size_t>(br.end);
    const float measure = pick(widths, li, ctx.style.textWidth());
    const float left = pick(shape.offsets, li, 0);
    SetLine line;

    // Vertical extent of this line's content.
    float maxAscent = baseAscent, maxDescent = baseDescent;
    float natural = 0;
    ScriptRoom scripts(baseAscent, baseDescent, shape.leading);
    for (std::size_t i = start; i < end && i < items.size(); ++i) {
      const Item& it = items[i];
      if (it.isBox()) {
        maxAscent = std::max(maxAscent, it.ascent);
        maxDescent = std::max(maxDescent, it.descent);
        scripts.add(it, list);
        natural += it.width;
      } else if (it.isGlue() && it.stretch < 1e5f) {
        natural += it.width;
      }
    }
    const Item* brkItem = end < items.size() ? &items[end] : nullptr;
    const bool drawHyphen = brkItem && brkItem->isPenalty() && brkItem->flagged && !brkItem->text.empty();
    if (drawHyphen) natural += brkItem->width;
    const float extraAbove = std::max({0.0f, maxAscent - baseAscent, scripts.above()});
    const float extraBelow = std::max({0.0f, maxDescent - baseDescent, scripts.below()});
    line.height = shape.leading + extraAbove + extraBelow;
    line.baseline = halfLeading + baseAscent + extraAbove;
    line.naturalWidth = natural;

    // Horizontal placement.
    float ratio = br.ratio;
    const bool lastLine = brkItem && brkItem->isPenalty() && brkItem->penalty <= -kInfinity;
    const bool justify = shape.align == Align::Justify && list.justify;
    if (!justify) ratio = 0;
    if (ratio > kMaxRenderedStretch) ratio = 0;  // see kMaxRenderedStretch
    float x = left;
    if (shape.align == Align::Center) x += std::max(0.0f, (measure - natural) / 2);
    if (shape.align == Align::Right) x += std::max(0.0f, measure - natural);
    if (lastLine && justify && ratio > 0) ratio = std::min(ratio, 0.0f);

    int linkOpen = -1;
    float linkStart = 0, linkEnd = 0;
    auto closeLink = [&] {
      if (linkOpen < 0) return;
      const ResolvedLink& l = list.links[static_cast<std::size_t>(linkOpen)];
      if (l.uri.size() > kMaxLinkUriBytes) {
        // Every line of the link would carry the whole address into the PDF (a long address
        // over many lines grows it by its length times the lines); the text stays, the link goes.
        ctx.diags.reportOnce("link-too-long:" + l.uri.substr(0, 64),
                             {Severity::Warning, {}, "link-too-long",
                              "a link address of " + std::to_string(l.uri.size()) +
                                  " bytes is printed but not made clickable (the limit is " +
                                  std::to_string(kMaxLinkUriBytes) + ")"});
        linkOpen = -1;
        return;
      }
      LinkArea a;
      a.x = linkStart;
      a.y = line.baseline - maxAscent;
      a.width = std::max(0.5f, linkEnd - linkStart);
      a.height = maxAscent + maxDescent;
      a.uri = l.uri;
      a.dest = l.dest;
      if (static_cast<std::size_t>(linkOpen) < list.linkTags.size()) a.tag = list.linkTags[static_cast<std::size_t>(linkOpen)];
      line.content.links.push_back(std::move(a));
      linkOpen = -1;
    };
    bool prevWasBox = false;
    bool reordered = false;               // some text of the line is drawn right to left
    std::vector<std::size_t> runItems;    // each text run's first item, in the text's order
    // Left to right as drawn: right-to-left text reversed (bidi.h), the line's hyphen beside
    // the word it ends (right to left, at its left).
    for (const std::size_t i : visualOrder(list, start, drawHyphen ? end + 1 : end)) {
      const Item& it = items[i];
      const bool hyphen = drawHyphen && i == end;  // a penalty drawn as a word's piece
      if ((it.isPenalty() && !hyphen) || (it.isBox() && it.kind == BoxKind::BidiControl)) continue;
      if (it.isGlue()) {
        float w = it.width;
        if (it.stretch < 1e5f) {
          if (ratio > 0) w += ratio * it.stretch;
          else if (ratio < 0) w += ratio * it.shrink;
        } else {
          w = 0;  // fill glue: the space it takes is simply left empty
        }
        // Underline and strike-through continue across a space between decorated words.
        if (prevWasBox && it.link < 0 && linkOpen >= 0) closeLink();
        x += w;
        prevWasBox = false;
        continue;
      }
      // a box
      if (it.link != linkOpen) {
        closeLink();
        if (it.link >= 0) {
          linkOpen = it.link;
          linkStart = x;
        }
      }
      const float baseline = line.baseline - it.rise;
      switch (it.kind) {
        case BoxKind::Text: {
          auto& runs = line.content.runs;
          // Pieces of one word in one look (hyphenation splits them) become one run again.
          const bool rtl = it.level % 2;
          if (prevWasBox && !runs.empty() && sameLook(runs.back(), it) && runs.back().rtl == rtl &&
              !runs.back().rtlLabel && runs.back().y == baseline &&
              std::abs(runs.back().x + runs.back().width - x) < 0.01f) {
            // Right to left, the piece on the right comes first in the text.
            runs.back().text = rtl ? it.text + runs.back().text : runs.back().text + it.text;
            runs.back().width += it.width;
            runs.back().glyphs.clear();  // shaped whole below, as the word it is again
            runItems.back() = std::min(runItems.back(), i);
            // Right to left, the piece added is the earlier one in reading order.
            if (!rtl) runs.back().spaceAfter = spaceFollows(items, i, lastBreak);
            // The hyphen ends the run's text: left to right, its last glyph (TextRun::hyphenBreak).
            if (hyphen || runs.back().hyphenBreak) runs.back().hyphenBreak = !rtl;
          } else {
            TextRun t = textRunAt(it.face, it.size, x, baseline, it.color);
            t.width = it.width;
            t.charSpacing = it.letterSpacing;
            t.rtl = rtl;
            t.text = it.text;
            t.tag = it.tag;
            t.spaceAfter = spaceFollows(items, i, lastBreak);
            t.hyphenBreak = hyphen;
            runs.push_back(std::move(t));
            if (it.label && rtl) setRightToLeftLabel(ctx, runs.back());
            else if (it.text.size() == it.shapedBytes) shapeRunAs(ctx, runs.back(), it.shaped);
            reordered |= rtl;
          }
          break;
        }
        case BoxKind::Missing: {
          const std::size_t from = line.content.runs.size();
          drawMissing(ctx, line.content, it, x, baseline);
          for (std::size_t k = from; k < line.content.runs.size(); ++k) {
            line.content.runs[k].tag = it.tag;
            if (spaceFollows(items, i, lastBreak)) addWordSpace(ctx, line.content.runs[k]);
          }
          break;
        }
        case BoxKind::Math:
          if (it.asset >= 0 && static_cast<std::size_t>(it.asset) < list.formulas.size()) {
            // Its glyphs read as the paragraph's text; its rules are artifacts.
            const std::size_t from = line.content.runs.size();
            drawFormula(ctx, list.formulas[static_cast<std::size_t>(it.asset)], it.face, x, baseline, it.color, line.content);
            for (std::size_t k = from; k < line.content.runs.size(); ++k) line.content.runs[k].tag = it.tag;
          }
          break;
        case BoxKind::Image: {
          ImageBox im;
          im.asset = it.asset;
          im.x = x;
          im.y = line.baseline - it.ascent;
          im.width = it.width;
          im.height = it.ascent;
          im.tag = it.tag;
          line.content.images.push_back(im);
          break;
        }
        case BoxKind::BidiControl: break;  // skipped above
      }
      if (it.deco) {
        const float thickness = std::max(0.4f, it.size * 0.055f);
        if (it.deco & kStrike) {
          const float y = baseline - it.size * 0.27f;
          line.content.lines.push_back({x, y, x + it.width, y, thickness, it.color});
        }
        if (it.deco & kUnderline) {
          const float y = baseline + it.size * 0.12f;
          line.content.lines.push_back({x, y, x + it.width, y, thickness, it.color});
        }
      }
      if (it.footnote > 0) line.footnotes.push_back(it.footnote);
      runItems.resize(line.content.runs.size(), i);  // the runs this item made (a missing glyph's code too)
      x += it.width;
      if (linkOpen >= 0) linkEnd = x;
      prevWasBox = true;
    }
    closeLink();
    if (reordered) inTextOrder(line.content.runs, runItems);
    shapeRuns(ctx, line.content.runs);
    // A right-to-left paragraph's lines end at the right edge when they do not fill it.
    if (list.rtl && shape.rtlToRightEdge && shape.align != Align::Center && shape.align != Align::Right && x < left + measure - 0.01f) {
      Fragment moved;
      moved.append(line.content, left + measure - x, 0);
      line.content = std::move(moved);
    }
    lines.push_back(std::move(line));
    start = skipDiscardable(end + 1);
    // A forced break item itself starts nothing.
    if (lastLine && start < items.size() && items[start].isPenalty()) start = skipDiscardable(start + 1);
  }
  return lines;
}

}  // namespace pp::typeset
