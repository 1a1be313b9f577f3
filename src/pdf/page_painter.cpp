#include "pdf/page_painter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "pdf/content_stream.h"
#include "pdf/content_cache.h"
#include "pdf/page_streams.h"
#include "postpress/assets.h"
#include "postpress/fonts.h"
#include "postpress/support/text.h"

namespace pp::pdf {

namespace {

// The character `cp`, in UTF-8, after `out`; nothing when it is no Unicode scalar value.
void appendCharacter(std::string& out, unsigned long cp) {
  if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) appendUtf8(out, static_cast<char32_t>(cp));
}

// The character whose code point `hex` writes, after `out`.
void appendCodePoint(std::string& out, const std::string& hex) {
  char* end = nullptr;
  const unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
  if (!hex.empty() && *end == '\0') appendCharacter(out, cp);
}

// Coordinates a reader can take: a word or shape anywhere else is left out.
bool sane(float v) { return std::isfinite(v) && std::fabs(v) <= 1e7f; }

// Writes one page's content stream from its boxes and the names registered for it.
class PagePainter {
 public:
  PagePainter(const PageBox& box, const ResourceUse& use, const PageResources& res, bool tagged)
      : box_(box), res_(res), h_(box.height), tagged_(tagged) {
    for (std::size_t k = 0; k < use.fonts.size(); ++k) {
      if (use.fonts[k] >= fontNames_.size()) fontNames_.resize(use.fonts[k] + 1u, nullptr);
      if (!res.fonts[k].empty()) fontNames_[use.fonts[k]] = &res.fonts[k];
    }
    for (std::size_t k = 0; k < use.pictures.size() && k < res.pictures.size(); ++k)
      if (!res.pictures[k].empty()) pictureNames_.emplace(use.pictures[k], &res.pictures[k]);
  }

  std::string paint(DrawnGlyphs& drawn, std::vector<std::int32_t>& mcidLeaf) {
    GlyphNotes notes(drawn);
    drawn_ = &notes;
    mcidLeaf_ = &mcidLeaf;
    rects();
    unmark();
    imagesLayer();
    unmark();
    paths();
    unmark();
    lines();
    unmark();
    text();
    pictures();
    unmark();
    drawn_ = nullptr;
    return cs_.take();
  }

 private:
  const PageBox& box_;
  const PageResources& res_;
  std::vector<const std::string*> fontNames_;  // by font id: the page's name for it, or none
  std::map<PictureKey, const std::string*> pictureNames_;
  // Glyph pictures to paint once the text object is closed (an XObject cannot be drawn inside
  // one): the XObject's name, the pen position (PDF coordinates), the size and the tag.
  struct Picture {
    const std::string* name;
    float x, y, size;
    std::int32_t tag;
  };
  std::vector<Picture> pictures_;
  float h_;
  bool tagged_;
  ContentStream cs_;
  GlyphNotes* drawn_ = nullptr;  // paint()'s, while it runs
  std::u32string chars_;  // the run being painted, as code points (a space after it included)
  std::string actual_;    // what a run stands for when its glyphs do not say it (ActualText)
  std::vector<std::int32_t>* mcidLeaf_ = nullptr;
  std::int32_t marked_ = tags::kUntagged;  // the tag of the marked-content sequence open

  // Each run of consecutive boxes of a layer with one tag is one marked-content sequence:
  // a node's gets the page's next MCID, an artifact's its kind; untagged boxes get none.
  void mark(std::int32_t tag, bool figure = false) {
    if (tag == marked_ || !tagged_) return;
    unmark();
    if (tag >= 0) {
      cs_.beginTagged(static_cast<int>(mcidLeaf_->size()), figure);
      mcidLeaf_->push_back(tag);
    } else if (tag != tags::kUntagged) {
      cs_.beginArtifact(tag);
    }
    marked_ = tag;
  }
  void unmark() {
    if (marked_ != tags::kUntagged) cs_.endMarked();
    marked_ = tags::kUntagged;
  }

  void setStroke(const Color& c, float width) {
    cs_.strokeColor(c);
    cs_.lineWidth(width);
  }

  // Each rectangle keeps its own fill: one path of many would be filled the same by the
  // nonzero rule, but viewers snap a lone rectangle to the pixel grid and not a path of
  // several, so small dots (QR modules, dot leaders) would render differently on screen.
  void rects() {
    for (const auto& r : box_.rects) {
      if (!(r.width > 0 && r.height > 0)) continue;
      const bool stroke = r.strokeWidth > 0;
      if (!r.fill && !stroke) continue;
      const float y = h_ - r.y - r.height;
      if (!sane(r.x) || !sane(y) || !sane(r.width) || !sane(r.height)) continue;
      mark(r.tag);
      if (r.fill) cs_.fillColor(r.fillColor);
      if (stroke) setStroke(r.strokeColor, r.strokeWidth);
      cs_.rect(r.x, y, r.width, r.height);
      if (r.fill && stroke) cs_.fillStroke();
      else if (r.fill) cs_.fill();
      else cs_.stroke();
    }
  }

  void imagesLayer() {
    for (std::size_t i = 0; i < box_.images.size(); ++i) {
      const ImageBox& im = box_.images[i];
      if (!drawable(im, h_)) continue;
      const float y = h_ - im.y - im.height;
      mark(im.tag, true);
      if (const std::string& name = res_.images[i]; !name.empty()) {
        cs_.image(name.c_str(), im.x, y, im.width, im.height);
      } else {
        // The layout thought the image usable; the file let us down: a visible empty frame.
        setStroke(Color{0.6f, 0.6f, 0.6f}, 0.5f);
        cs_.rect(im.x, y, im.width, im.height);
        cs_.stroke();
      }
    }
  }

  // A drawing's shapes: filled with the nonzero rule, then outlined, as Graphviz draws them.
  void paths() {
    for (const PathBox& p : box_.paths) {
      const DrawingPath& d = p.path;
      if (d.cmds.empty() || (!d.fill && !d.stroke)) continue;
      bool ok = true;
      for (const DrawingPath::Cmd& c : d.cmds) ok = ok && sane(c.x) && sane(c.y) && sane(c.c1x) && sane(c.c1y) && sane(c.c2x) && sane(c.c2y);
      if (!ok) continue;
      mark(p.tag, true);
      if (d.fill) cs_.fillColor(*d.fill);
      if (d.stroke) {
        setStroke(*d.stroke, d.strokeWidth);
        cs_.dash(d.dash);
      }
      for (const DrawingPath::Cmd& c : d.cmds) {
        switch (c.op) {
          case DrawingPath::Op::Move: cs_.moveTo(c.x, h_ - c.y); break;
          case DrawingPath::Op::Line: cs_.lineTo(c.x, h_ - c.y); break;
          case DrawingPath::Op::Cubic: cs_.curveTo(c.c1x, h_ - c.c1y, c.c2x, h_ - c.c2y, c.x, h_ - c.y); break;
          case DrawingPath::Op::Close: cs_.closePath(); break;
        }
      }
      if (d.fill && d.stroke) cs_.fillStroke();
      else if (d.fill) cs_.fill();
      else cs_.stroke();
    }
    cs_.dash({});  // the lines after are solid
  }

  void lines() {
    for (const auto& l : box_.lines) {
      if (!(l.width > 0)) continue;
      if (!sane(l.x1) || !sane(l.x2) || !sane(h_ - l.y1) || !sane(h_ - l.y2)) continue;
      mark(l.tag);
      setStroke(l.color, l.width);
      cs_.moveTo(l.x1, h_ - l.y1);
      cs_.lineTo(l.x2, h_ - l.y2);
      cs_.stroke();
    }
  }

  void text() {
    if (box_.runs.empty()) return;
    cs_.beginText();
    const std::string* current = nullptr;  // one string per font id: compared by address
    float currentSize = -1, currentSpacing = 0;
    for (const auto& r : box_.runs) {
      if (!drawable(r, h_) || r.font >= fontNames_.size()) continue;
      const std::string* name = fontNames_[r.font];
      if (!name) continue;
      mark(r.tag);
      if (name != current || r.size != currentSize) {
        cs_.font(name->c_str(), r.size);
        current = name;
        currentSize = r.size;
      }
      if (r.charSpacing != currentSpacing) {
        cs_.charSpacing(r.charSpacing);
        currentSpacing = r.charSpacing;
      }
      cs_.fillColor(r.color);
      // Absolute placement of every run: justification is ours, not the PDF's.
      chars_.clear();
      for (std::size_t i = 0; i < r.text.size();) chars_.push_back(nextCodepoint(r.text, i));
      if (r.spaceAfter) chars_.push_back(U' ');  // its last glyph is the font's space
      if (r.hyphenBreak && hyphenApart(r)) {
        // The word's glyphs, then its line-end hyphen as an artifact: the structure tree reads
        // the word whole across the line end, and text extraction still finds the hyphen it
        // joins lines at.
        chars_.pop_back();
        const bool plain = givesTextBack(r.glyphs, false, chars_.size(), r.glyphs.size() - 1) && !holdsJoiner();
        actual_.assign(r.text, 0, r.text.size() - 1);
        if (r.glyphs.size() > 1)
          cs_.glyphs(r.x, h_ - r.y, r.size, {r.glyphs.begin(), r.glyphs.end() - 1}, plain ? std::string_view() : actual_);
        mark(tags::kLayout);
        if (r.glyphs.size() > 1) cs_.moreGlyphs(r.size, &r.glyphs.back(), 1);
        else cs_.glyphs(r.x, h_ - r.y, r.size, r.glyphs, {});
        chars_.push_back(U'-');
      } else {
        const bool plain = givesTextBack(r.glyphs, r.rtl, chars_.size(), r.glyphs.size()) && !holdsJoiner();
        actual_.clear();
        if (r.rtlLabel) {
          actual_ = "\u200F" + r.text;
        } else if (r.rtl && (!plain || readsApart(r))) {
          rightToLeftActualText(r);
        } else if (r.missingGlyph) {
          // Every glyph maps to Unicode (the digits), and the run reads as the character they
          // name: what a reader copies or hears is the text, not a code.
          appendCodePoint(actual_, r.text);
          if (r.spaceAfter) actual_ += ' ';
        } else if (!plain) {
          actual_.assign(r.text);
          // Not drawn apart: the hyphen reads as a soft hyphen (ISO 32000-1 14.8.2.2.3).
          if (r.hyphenBreak && !actual_.empty() && actual_.back() == '-') actual_.replace(actual_.size() - 1, 1, "\u00AD");
          if (r.spaceAfter && !spaceApart(r)) actual_ += ' ';
        }
        if (!actual_.empty() && spaceApart(r)) {
          cs_.glyphs(r.x, h_ - r.y, r.size, {r.glyphs.begin(), r.glyphs.end() - 1}, actual_);
          cs_.moreGlyphs(r.size, &r.glyphs.back(), 1);
        } else if (!actual_.empty() && spaceFirst(r)) {
          // Right to left, the word space is drawn at the run's left, outside what the
          // ActualText covers (as spaceApart, for the same reason).
          cs_.glyphs(r.x, h_ - r.y, r.size, {r.glyphs.begin(), r.glyphs.begin() + 1}, {});
          cs_.beginActualText(actual_);
          cs_.moreGlyphs(r.size, r.glyphs.data() + 1, r.glyphs.size() - 1);
          cs_.endMarked();
        } else {
          cs_.glyphs(r.x, h_ - r.y, r.size, r.glyphs, actual_);
        }
      }
      if (r.colorGlyphs) notePictures(r);
      noteGlyphs(r);
    }
    unmark();  // inside the text object: a sequence may not span its end
    cs_.endText();
  }

  // True when the fonts' ToUnicode gives the text back glyph by glyph, and no ActualText is
  // needed: each glyph draws its cluster's characters, clusters in the text's order, or, right
  // to left, in its reverse (readers put right-to-left glyphs, drawn in visual order, back in
  // logical order themselves: an ActualText there would be turned around again).
  // Left to right, a substituted glyph (a ligature, a contextual alternate) may stand for other
  // characters elsewhere in the document, and ToUnicode holds one text per glyph: ActualText.
  // `count`: the first glyphs of `glyphs` that are drawn.
  static bool givesTextBack(const std::vector<ShapedGlyph>& glyphs, bool rtl, std::size_t chars, std::size_t count) {
    if (count == 0 || count > chars) return false;
    if (!rtl)
      for (std::size_t i = 0; i < count; ++i)
        if (glyphs[i].substituted) return false;
    for (std::size_t i = 1; i < count; ++i) {
      const std::uint32_t before = glyphs[i - 1].cluster, now = glyphs[i].cluster;
      if (rtl ? now >= before : now <= before) return false;
    }
    return rtl ? glyphs[count - 1].cluster == 0 : glyphs.front().cluster == 0;
  }

  // A zero width joiner or non-joiner has no glyph (FontFile::shaped): the glyphs cannot give
  // it back, the run's ActualText does ("نسخه‌ی" copies with its non-joiner).
  bool holdsJoiner() const { return std::any_of(chars_.begin(), chars_.end(), isJoiner); }

  // Whether a right-to-left run needs its text said (ActualText) although its glyphs come in
  // the reverse of the text's order: it holds no right-to-left letter (a bracket, a slash, a
  // dash between numbers, a full stop after a Latin word, an emoji sequence), which readers
  // take with the left-to-right text beside it, in the order drawn (poppler's pdftotext: "( )2025"
  // for "(2025)", "07-12-2025" for "2025-12-07"); or a glyph drawn for a character that is no
  // letter is not that character's own, and stands for other text elsewhere (a mirrored
  // bracket is the other bracket's glyph; a face without colour emoji draws 👍🏽 as 👍):
  // ToUnicode gives a glyph one text, its left-to-right one, and the skin tone was lost.
  bool readsApart(const TextRun& r) const {
    bool letter = false;
    for (const char32_t c : chars_) letter = letter || isStrongRightToLeft(c);
    if (!letter) return true;
    for (const ShapedGlyph& g : r.glyphs)
      if (standsApart(g)) return true;
    return false;
  }
  // A glyph of a right-to-left run drawn for a character that is not a letter nor a mark, and
  // not its own glyph (ShapedGlyph::substituted).
  bool standsApart(const ShapedGlyph& g) const {
    if (!g.substituted || g.cluster >= chars_.size()) return false;
    const char32_t c = chars_[g.cluster];
    return !isStrongRightToLeft(c) && !attachesToPrevious(c);
  }

  // The ActualText of a right-to-left run (readsApart): its characters in the order drawn, as
  // its glyphs give them (readers turn right-to-left text around: 👍🏽 as its skin tone, then
  // its thumb), between right-to-left marks (its word space, drawn at its left, apart), so that
  // readers take it as right-to-left text wherever it is: the left-to-right text on either
  // side stays apart from it, and it is turned around.
  void rightToLeftActualText(const TextRun& r) {
    std::size_t n = chars_.size();
    actual_.clear();
    if (r.spaceAfter && n > 0) {
      if (!spaceFirst(r)) actual_ += ' ';
      --n;
    }
    actual_ += "\u200F";
    for (std::size_t i = n; i-- > 0;) appendUtf8(actual_, chars_[i]);
    actual_ += "\u200F";
  }

  // The word space after an emoji sequence drawn outside its ActualText: a colour font's space
  // is as wide as an emoji, and inside the span it widened the sequence over the next word
  // (pdftotext then broke the line there).
  static bool spaceApart(const TextRun& r) { return r.colorGlyphs && r.spaceAfter && !r.rtl && r.glyphs.size() > 1; }
  // A right-to-left run's word space: its first glyph, drawn left of it (addSpaceGlyph).
  bool spaceFirst(const TextRun& r) const {
    return r.rtl && r.spaceAfter && r.glyphs.size() > 1 && !chars_.empty() && r.glyphs.front().cluster == chars_.size() - 1;
  }

  // A hyphenated line end whose hyphen can be drawn on its own: the last glyph of a left-to-
  // right run, standing for the text's last character (a hyphen), after the word's glyphs.
  bool hyphenApart(const TextRun& r) const {
    if (r.rtl || r.spaceAfter || r.glyphs.empty() || chars_.empty() || chars_.back() != U'-') return false;
    const ShapedGlyph& h = r.glyphs.back();
    if (h.cluster != chars_.size() - 1 || h.substituted || h.dy != 0) return false;
    for (std::size_t i = 0; i + 1 < r.glyphs.size(); ++i)
      if (r.glyphs[i].cluster >= h.cluster) return false;
    return true;
  }

  // Where each glyph of a colour font's run gets its picture: where shaping put the glyph.
  void notePictures(const TextRun& r) {
    float pen = r.x;
    for (const ShapedGlyph& g : r.glyphs) {
      if (hasPicture(r, g, chars_.size() - (r.spaceAfter ? 1 : 0)))
        if (auto it = pictureNames_.find(PictureKey{r.font, g.glyph, r.size}); it != pictureNames_.end())
          pictures_.push_back({it->second, pen + g.dx * r.size / 1000.0f, h_ - r.y + g.dy * r.size / 1000.0f, r.size,
                               r.tag});
      pen += g.advance * r.size / 1000.0f + r.charSpacing;
    }
  }

  // The pictures of colour glyphs, over the text that stands for them (its glyphs paint
  // nothing): artifacts, since that text is what the structure reads (and a running head's
  // picture is part of the running head's artifact). Each XObject is one em square at the
  // origin: scaled to the size, at the pen position.
  void pictures() {
    for (const Picture& p : pictures_) {
      mark(p.tag >= 0 || p.tag == tags::kUntagged ? tags::kLayout : p.tag);
      cs_.image(*p.name, p.x, p.y, p.size, p.size);
    }
  }

  // Each glyph drawn, the first of a cluster with its text (the characters from its cluster to
  // the next); the other glyphs of a cluster of several stand for nothing of their own.
  void noteGlyphs(const TextRun& r) {
    if (noteGlyphsInOrder(r)) return;
    std::vector<std::uint32_t> starts;
    starts.reserve(r.glyphs.size());
    for (const ShapedGlyph& g : r.glyphs) starts.push_back(g.cluster);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    std::vector<char> given(starts.size(), 0);
    auto visit = [&](const ShapedGlyph& g) {
      const auto at = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), g.cluster) - starts.begin());
      if (given[at] || !noteFirstOfCluster(r, g, at + 1 < starts.size() ? starts[at + 1] : chars_.size())) {
        drawn_->add(r.font, g.glyph, {});
        return;
      }
      given[at] = 1;
    };
    // In logical order: the first glyph of a cluster as read gets its text.
    if (r.rtl)
      for (auto it = r.glyphs.rbegin(); it != r.glyphs.rend(); ++it) visit(*it);
    else
      for (const ShapedGlyph& g : r.glyphs) visit(g);
  }

  // noteGlyphs for the usual run, whose clusters never go back as it is read (left to right
  // in the glyphs' order, right to left in their reverse): a cluster's glyphs are then side by
  // side and the next cluster is the next different one, with no sorting or search. False,
  // noting nothing, for another run (Indic reordering).
  bool noteGlyphsInOrder(const TextRun& r) {
    const std::size_t n = r.glyphs.size();
    auto read = [&](std::size_t k) -> const ShapedGlyph& { return r.rtl ? r.glyphs[n - 1 - k] : r.glyphs[k]; };
    for (std::size_t k = 1; k < n; ++k)
      if (read(k).cluster < read(k - 1).cluster) return false;
    bool given = false;
    std::size_t next = 0;  // the first glyph read of the next cluster (each glyph looked at once)
    for (std::size_t k = 0; k < n; ++k) {
      const ShapedGlyph& g = read(k);
      if (k == next) {
        given = false;
        while (++next < n && read(next).cluster == g.cluster) {
        }
      }
      if (given || !noteFirstOfCluster(r, g, next < n ? read(next).cluster : chars_.size()))
        drawn_->add(r.font, g.glyph, {});
      else
        given = true;
    }
    return true;
  }

  // Notes `g`, the first glyph read of its cluster, with its text: the characters from its
  // cluster to `nextCluster`. False, noting nothing, when it has none of its own.
  bool noteFirstOfCluster(const TextRun& r, const ShapedGlyph& g, std::size_t nextCluster) {
    // A mirrored bracket or an emoji standing for its skin tone reads through the run's
    // ActualText: its own text stays the one it has left to right.
    if (g.cluster >= chars_.size() || (r.rtl && !r.rtlLabel && standsApart(g))) return false;
    const std::size_t end = std::min(nextCluster, chars_.size());
    std::u32string_view text = std::u32string_view(chars_).substr(g.cluster, end - g.cluster);
    // A joiner after the glyph's characters has no glyph of its own (holdsJoiner): the
    // glyph's text is its own characters, as wherever else it is drawn. (After an emoji it
    // is part of the sequence the emoji's glyph stands for.)
    while (text.size() > 1 && isJoiner(text.back()) && !isEmojiSequenceBase(text.front())) text.remove_suffix(1);
    // A right-to-left ligature (lam-alef) is read back turned around with its run.
    if (r.rtl && text.size() > 1) {
      drawn_->add(r.font, g.glyph, std::u32string(text.rbegin(), text.rend()));
      return true;
    }
    drawn_->add(r.font, g.glyph, text);
    return true;
  }
};

}  // namespace

const std::u32string& DrawnGlyphs::add(std::size_t font, std::uint16_t glyph, std::u32string_view text) {
  if (font >= byFont.size()) byFont.resize(font + 1);
  auto [it, fresh] = byFont[font].try_emplace(glyph, text);
  if (fresh || text.empty()) return it->second;
  const std::u32string& had = it->second;
  if (had.empty() || text.size() < had.size() || (text.size() == had.size() && text < had)) it->second = text;
  return it->second;
}

void DrawnGlyphs::merge(const DrawnGlyphs& other) {
  for (std::size_t font = 0; font < other.byFont.size(); ++font)
    for (const auto& [glyph, text] : other.byFont[font]) add(font, glyph, text);
}

bool hasPicture(const TextRun& r, const ShapedGlyph& g, std::size_t textChars) {
  return r.colorGlyphs && g.advance > 0 && g.cluster < textChars;
}

bool drawable(const TextRun& r, float pageHeight) {
  return !r.text.empty() && !r.glyphs.empty() && r.size > 0 && sane(r.x) && sane(pageHeight - r.y);
}

bool drawable(const ImageBox& im, float pageHeight) {
  return im.width > 0 && im.height > 0 && sane(im.x) && sane(pageHeight - im.y - im.height) && sane(im.width) &&
         sane(im.height);
}

ImageUse imageUse(const ImageBox& im, const AssetStore* assets) {
  ImageUse use{im.asset, 0};
  if (!assets || im.asset < 0 || static_cast<std::size_t>(im.asset) >= assets->size() || !(im.width > 0)) return use;
  const Asset& a = assets->at(im.asset);
  if (!a.ok() || a.pdf.width <= 0) return use;
  // A little over the ceiling is left alone: layouts that keep to it can land a rounding
  // error above it.
  constexpr float kSlack = 1.001f;
  const float ppi = static_cast<float>(a.pdf.width) * 72.0f / im.width;
  if (ppi <= kMaxPrintPpi * kSlack) return use;
  const int widthPx = static_cast<int>(std::lround(im.width / 72.0f * static_cast<float>(assets->options().pdfDpi)));
  if (widthPx >= 1 && widthPx < a.pdf.width) use.widthPx = widthPx;
  return use;
}

ResourceUse resourceUse(const PageBox& box, const AssetStore* assets) {
  ResourceUse use;
  use.images.reserve(box.images.size());
  for (const ImageBox& im : box.images) use.images.push_back(drawable(im, box.height) ? imageUse(im, assets) : ImageUse{});
  std::vector<char> seen;
  for (const TextRun& r : box.runs) {
    if (!drawable(r, box.height)) continue;
    if (r.colorGlyphs) {
      std::size_t chars = 0;
      for (std::size_t i = 0; i < r.text.size(); ++chars) nextCodepoint(r.text, i);
      for (const ShapedGlyph& g : r.glyphs)
        if (hasPicture(r, g, chars))
          if (const PictureKey k{r.font, g.glyph, r.size}; std::find(use.pictures.begin(), use.pictures.end(), k) == use.pictures.end())
            use.pictures.push_back(k);
    }
    if (r.font >= seen.size()) seen.resize(r.font + 1u, 0);
    if (seen[r.font]) continue;
    seen[r.font] = 1;
    use.fonts.push_back(r.font);
  }
  return use;
}

PageResources expectedResources(const ResourceUse& use) {
  PageResources res;
  res.images.assign(use.images.size(), {});
  std::map<ImageUse, std::string> byAsset;
  for (std::size_t i = 0; i < use.images.size(); ++i) {
    if (use.images[i].asset < 0) continue;
    auto [it, fresh] = byAsset.try_emplace(use.images[i]);
    if (fresh) it->second = "X" + std::to_string(byAsset.size());
    res.images[i] = it->second;
  }
  for (std::size_t k = 0; k < use.pictures.size(); ++k) res.pictures.push_back("X" + std::to_string(byAsset.size() + k + 1));
  res.fonts.reserve(use.fonts.size());
  for (std::size_t k = 0; k < use.fonts.size(); ++k) res.fonts.push_back("F" + std::to_string(k + 1));
  return res;
}

PaintedPage paintPage(const PageBox& box, const ResourceUse& use,
                      PageResources res, bool tagged, PageContentCache* kept) {
  PaintedPage out;
  out.raw = PagePainter(box, use, res, tagged).paint(out.glyphs, out.mcidLeaf);
  out.deflated = kept ? kept->deflate(out.raw) : deflatePageContent(out.raw);
  if (out.deflated) std::string().swap(out.raw);
  out.resources = std::move(res);
  return out;
}

}  // namespace pp::pdf
