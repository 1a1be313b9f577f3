#include "typeset/inline_items.h"
#include "typeset/math_items.h"
#include "typeset/bidi.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "postpress/support/text.h"
#include "typeset/linebreak.h"

namespace pp::typeset {

namespace {

// Inline code is set a little smaller than the text around it: monospace faces are wide and
// have a large x-height, and at the same size they shout.
constexpr float kInlineCodeScale = 0.87f;
// Superscript/subscript size and baseline shift, relative to the surrounding size.
constexpr float kScriptScale = 0.68f;
constexpr float kSuperRise = 0.36f;
constexpr float kSubDrop = 0.14f;
// Glue stretch and shrink as fractions of the space width (TeX's cmr: 1/2 and 1/3).
constexpr float kSpaceStretch = 0.5f;
constexpr float kSpaceShrink = 1.0f / 3.0f;
// The fill glue ending a paragraph: stretches without limit, so the last line is never spread.
constexpr float kFillStretch = 1e6f;

bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0x205F || c == 0x1680 ||
         c == 0x2028 || c == 0x2029 || c == 0x0085;
}

// Characters that draw nothing and must not reach the PDF: the word joiner, variation
// selectors, tag characters, skin-tone modifiers, BOM, and controls. Those of emoji sequences
// are kept until the word's faces are known: a colour emoji font shapes them into its glyph for
// the sequence; in any other face they are left out, and the sequence drawn as its base glyphs.
// The zero width joiner and non-joiner go to shaping with their word (isJoiner), the bidi
// controls to the bidi algorithm (isBidiControl): neither is drawn.
bool isIgnorable(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2060 || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xE0000 && c <= 0xE007F) || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xD800 && c <= 0xDFFF);
}

}  // namespace

InlineBuilder::InlineBuilder(Context& ctx, const TextStyle& base, bool justify)
    : ctx_(ctx), base_(base) {
  list_.justify = justify;
  list_.fontSize = base.size;
  const int f = faceOf(ctx_, base_);
  if (f >= 0) {
    list_.ascent = ctx_.fonts.file(f).ascent() * base.size;
    list_.descent = ctx_.fonts.file(f).descent() * base.size;
  } else {
    list_.ascent = 0.8f * base.size;
    list_.descent = 0.2f * base.size;
  }
  list_.items.reserve(128);
}

int InlineBuilder::lookIndex(const Look& l) {
  // Looks repeat a lot (a paragraph has a handful): search the last few, from the back. A
  // paragraph of thousands of links has as many looks; searching them all made it quadratic,
  // and an older twin only costs an entry.
  constexpr std::size_t kSearched = 64;
  const std::size_t stop = looks_.size() > kSearched ? looks_.size() - kSearched : 0;
  for (std::size_t i = looks_.size(); i-- > stop;) {
    const Look& o = looks_[i];
    if (o.bold == l.bold && o.italic == l.italic && o.code == l.code && o.deco == l.deco &&
        o.script == l.script && o.link == l.link && o.hasColor == l.hasColor &&
        (!l.hasColor || (o.color.r == l.color.r && o.color.g == l.color.g && o.color.b == l.color.b)) &&
        o.pos.line == l.pos.line && o.linkText == l.linkText && o.tag == l.tag && o.label == l.label)
      return static_cast<int>(i);
  }
  looks_.push_back(l);
  return static_cast<int>(looks_.size() - 1);
}

int InlineBuilder::lookUpPrimaryFace(const Look& l) {
  // Face lookups build a key string: cache the answer per bold/italic/code combination.
  const int slot = (l.code ? 4 : 0) + (l.bold ? 2 : 0) + (l.italic ? 1 : 0);
  int& f = faceCache_[slot];
  if (f == -2) f = l.code ? ctx_.fonts.face("mono", l.bold, l.italic) : faceOf(ctx_, base_, l.bold, l.italic);
  return f;
}

float InlineBuilder::sizeOf(const Look& l) const {
  float s = base_.size;
  if (l.code) s *= kInlineCodeScale;
  if (l.script != 0) s *= kScriptScale;
  return s;
}

float InlineBuilder::riseOf(const Look& l) const {
  if (l.script > 0) return base_.size * kSuperRise;
  if (l.script < 0) return -base_.size * kSubDrop;
  return 0;
}

Color InlineBuilder::colorOf(const Look& l) const {
  if (l.hasColor) return l.color;
  if (l.linkText) return ctx_.style.link;
  return base_.color;
}

namespace {

// Inlines that are structure elements of their own (tagged PDF).
bool hasNodeOfItsOwn(const std::vector<Inline>& inlines) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::Link:
      case InlineKind::Code:
      case InlineKind::Math:
      case InlineKind::Image:
      case InlineKind::FootnoteRef: return true;
      default:
        if (hasNodeOfItsOwn(in.children)) return true;
    }
  }
  return false;
}

}  // namespace

void InlineBuilder::add(const std::vector<Inline>& inlines) {
  Look look;
  spans_ = ctx_.nodes.active() && hasNodeOfItsOwn(inlines);
  for (const auto& in : inlines) walk(in, look);
}

std::int32_t InlineBuilder::inlineNode(Look& look, StructNode node, std::int32_t parent) {
  if (!ctx_.nodes.active() || look.tag != tags::kUntagged) return look.tag;  // none, or inside one
  plainTag_ = tags::kUntagged;  // text after it goes into a new Span
  look.tag = ctx_.nodes.add(std::move(node), parent);
  return look.tag;
}

void InlineBuilder::plainSpan(Look& look) {
  if (!spans_ || look.tag != tags::kUntagged) return;
  if (plainTag_ == tags::kUntagged) plainTag_ = ctx_.nodes.add(StructNode(StructType::Span));
  look.tag = plainTag_;
}

int InlineBuilder::addLink(ResolvedLink link, std::int32_t tag) {
  list_.links.push_back(std::move(link));
  list_.linkTags.push_back(tag);
  return static_cast<int>(list_.links.size() - 1);
}

void InlineBuilder::addText(std::string_view s, bool bold, bool italic, std::optional<Color> color) {
  Look look;
  look.bold = bold;
  look.italic = italic;
  if (color) {
    look.hasColor = true;
    look.color = *color;
  }
  text(s, look);
}

void InlineBuilder::label(std::string_view s, std::int32_t tag) {
  Look look;
  look.tag = tag;
  look.label = true;
  text(s, look);
}

void InlineBuilder::walk(const Inline& in, Look look) {
  if (in.pos.line > 0) look.pos = in.pos;
  switch (in.kind) {
    case InlineKind::Text: plainSpan(look); text(in.text, look); break;
    case InlineKind::SoftBreak: plainSpan(look); text(" ", look); break;
    case InlineKind::HardBreak: lineBreak(); break;
    case InlineKind::Emph: look.italic = !look.italic; break;
    case InlineKind::Strong: look.bold = true; break;
    case InlineKind::Strike: look.deco |= kStrike; break;
    case InlineKind::Underline: look.deco |= kUnderline; break;
    case InlineKind::Superscript: look.script = 1; break;
    case InlineKind::Subscript: look.script = -1; break;
    case InlineKind::Math: emitMath(in, look); return;
    case InlineKind::Code: {
      Look c = look;
      c.code = true;
      if (in.kind == InlineKind::Code) inlineNode(c, StructNode(StructType::Code));
      else inlineNode(c, StructNode(StructType::Formula, in.text));
      text(in.text, c);
      return;
    }
    case InlineKind::Link: {
      if (ctx_.resolveLink) {
        ResolvedLink r = ctx_.resolveLink(in.link);
        if (!r.empty()) {
          // Its text is what the annotation says (/Contents).
          const std::int32_t tag = inlineNode(look, StructNode(StructType::Link, collapseSpaces(plainText(in.children))));
          look.link = addLink(std::move(r), tag);
          look.linkText = true;
        }
      }
      break;
    }
    case InlineKind::Image: emitImage(in.image, look); return;
    case InlineKind::FootnoteRef: emitFootnoteMark(in.footnote + 1, look); return;
    case InlineKind::Span: break;
  }
  for (const auto& child : in.children) walk(child, look);
}

void InlineBuilder::text(std::string_view s, const Look& look) {
  if (!isValidUtf8(s)) {
    // Never hand ill-formed text to the font machinery (or libharu): repair it first.
    std::string fixed = sanitizeUtf8(s);
    text(fixed, look);
    return;
  }
  std::uint32_t li = 0;
  bool haveLook = false;
  for (std::size_t i = 0; i < s.size();) {
    // ASCII read here (most text), anything else decoded.
    const auto byte = static_cast<unsigned char>(s[i]);
    char32_t c = byte < 0x80 ? (++i, char32_t{byte}) : nextCodepoint(s, i);
    if (isSpace(c)) {
      flushToken();
      pendingSpace_ = true;
      spaceLook_ = look;
      continue;
    }
    if (c == 0x200B) {  // zero-width space: a break opportunity that draws nothing
      flushToken();
      if (!list_.items.empty() && list_.items.back().isBox()) {
        Item p;
        p.type = ItemType::Penalty;
        list_.items.push_back(p);
      }
      continue;
    }
    if (isIgnorable(c) && !isEmojiSequencePart(c)) continue;
    if (pendingSpace_) {
      emitGlue(spaceLook_);
      pendingSpace_ = false;
    }
    if (base_.uppercase) c = upperCase(c);
    if (!haveLook) {
      li = static_cast<std::uint32_t>(lookIndex(look));
      haveLook = true;
    }
    token_.push_back({c, li});
  }
}

void InlineBuilder::lineBreak() {
  flushToken();
  pendingSpace_ = false;
  while (!list_.items.empty() && list_.items.back().isGlue()) list_.items.pop_back();
  // A break at the very start, or right after another, would make an empty line: skip it.
  if (list_.items.empty() || (list_.items.back().isPenalty() && list_.items.back().penalty <= -kInfinity))
    return;
  endLine();
}

// Ends a line as TeX ends a paragraph: no break before the fill (a glue is a legal break, and a
// break there would leave an empty line), the fill, then the forced break.
void InlineBuilder::endLine() {
  Item keep;
  keep.type = ItemType::Penalty;
  keep.penalty = kInfinity;
  list_.items.push_back(keep);
  Item fill;
  fill.type = ItemType::Glue;
  fill.stretch = kFillStretch;
  list_.items.push_back(fill);
  Item brk;
  brk.type = ItemType::Penalty;
  brk.penalty = -kInfinity;
  list_.items.push_back(brk);
}

void InlineBuilder::emitGlue(const Look& look) {
  if (list_.items.empty()) return;  // no space at the start of a paragraph
  const Item& last = list_.items.back();
  if (last.isGlue() || (last.isPenalty() && last.penalty <= -kInfinity)) return;
  const int face = primaryFace(look);
  const float size = sizeOf(look);
  Item g;
  g.type = ItemType::Glue;
  g.width = face >= 0 ? ctx_.fonts.file(face).advance(' ') * size / 1000.0f : size * 0.25f;
  g.width += base_.letterSpacing;
  if (list_.justify) {
    g.stretch = g.width * kSpaceStretch;
    g.shrink = g.width * kSpaceShrink;
  }
  g.link = look.link;  // a space inside a link keeps the link area continuous
  list_.items.push_back(g);
}

void InlineBuilder::emitBox(std::u32string_view chars, const Look& look, int face) {
  Item b;
  b.kind = BoxKind::Text;
  b.face = static_cast<std::int16_t>(face);
  b.size = sizeOf(look);
  b.rise = riseOf(look);
  b.letterSpacing = base_.letterSpacing;
  b.deco = look.deco;
  b.link = look.link;
  b.tag = look.tag;
  b.color = colorOf(look);
  FontFile& f = ctx_.fonts.file(face);
  const ShapedText& shaped = f.shaped(chars);
  b.width = shaped.advance * b.size / 1000.0f + b.letterSpacing * static_cast<float>(shaped.glyphs.size());
  b.ascent = f.ascent() * b.size + b.rise;
  b.descent = f.descent() * b.size - b.rise;
  b.text = toUtf8(chars);
  b.shaped = &shaped;
  b.shapedBytes = b.text.size();
  b.hyphenatable = !look.code && look.link < 0 && look.script == 0 && !look.label;
  b.label = look.label;
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitBidiControl(char32_t cp, const Look& look) {
  // Controls side by side are one box: a post of a million overrides costs one item.
  if (!list_.items.empty() && list_.items.back().isBox() && list_.items.back().kind == BoxKind::BidiControl) {
    appendUtf8(list_.items.back().text, cp);
    return;
  }
  Item b;
  b.kind = BoxKind::BidiControl;
  appendUtf8(b.text, cp);
  b.link = look.link;
  b.tag = look.tag;
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitMissing(char32_t cp, const Look& look) {
  ctx_.reportMissingGlyph(cp, look.pos);
  Item b;
  b.kind = BoxKind::Missing;
  b.cp = cp;
  b.size = sizeOf(look);
  b.rise = riseOf(look);
  b.color = colorOf(look);
  b.link = look.link;
  b.tag = look.tag;
  const int digits = cp > 0xFFFF ? (cp > 0xFFFFF ? 6 : 5) : 4;
  // The code point is written inside the box in a tiny monospace (0.6 em advance).
  b.width = b.size * (0.34f * 0.6f * static_cast<float>(digits) + 0.22f);
  b.ascent = 0.78f * b.size + b.rise;
  b.descent = 0.12f * b.size - b.rise;
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitImage(const ImageRef& ref, const Look& look) {
  const Asset* a = ctx_.asset(ref.asset);
  if (!a || !a->ok() || a->pdf.width <= 0 || a->pdf.height <= 0) {
    // What the image was, in words: the asset stage has already said why it is missing.
    Look alt = look;
    plainSpan(alt);
    alt.italic = true;
    alt.hasColor = true;
    alt.color = ctx_.style.muted;
    text("[" + (ref.alt.empty() ? ctx_.label("image_inline") : ref.alt) + "]", alt);
    return;
  }
  flushToken();
  if (pendingSpace_) {
    emitGlue(spaceLook_);
    pendingSpace_ = false;
  }
  // Natural size: CSS pixels at 96 dpi (a width hint wins), like a browser.
  const float px = static_cast<float>(a->width > 0 ? a->width : a->pdf.width);
  const float py = static_cast<float>(a->height > 0 ? a->height : a->pdf.height);
  float w = (ref.widthHint > 0 ? static_cast<float>(ref.widthHint) : px) * 0.75f;
  float h = w * py / px;
  const float lineH = base_.leading;
  if (h <= 2 * lineH) {
    // Badges and icons ride on the line at text height.
    const float maxH = base_.size * 1.25f;
    if (h > maxH) {
      w *= maxH / h;
      h = maxH;
    }
  } else {
    const float maxW = ctx_.style.textWidth();
    const float maxH = ctx_.style.textHeight() * 0.4f;
    const float k = std::min({1.0f, maxW / w, maxH / h});
    w *= k;
    h *= k;
  }
  // Never draw the stored pixels above 390 per inch (a print shop's limit is 400).
  const float minW = static_cast<float>(a->pdf.width) * 72.0f / 390.0f;
  if (w < minW) {
    h *= minW / w;
    w = minW;
  }
  Item b;
  b.kind = BoxKind::Image;
  b.asset = ref.asset;
  b.width = w;
  b.ascent = h;
  b.descent = 0;
  b.size = h;
  b.link = look.link;
  // A Figure of its own (inside the link it is in, when it is in one).
  Look pictured = look;
  pictured.tag = tags::kUntagged;
  const std::int32_t parent = look.tag == tags::kUntagged ? StructureNodes::kCurrent : look.tag;
  b.tag = inlineNode(pictured,
                     StructNode(StructType::Figure,
                                !ref.alt.empty() ? ref.alt : !ref.title.empty() ? ref.title : ctx_.label("image_inline")),
                     parent);
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitMath(const Inline& in, const Look& look) {
  const float size = sizeOf(look);
  std::optional<MathBox> box = fitFormula(ctx_, in.text, size, false, ctx_.style.textWidth(), 0.8f, look.pos);
  if (!box) {
    Look c = look;
    c.code = true;
    text(in.text, c);
    return;
  }
  flushToken();
  if (pendingSpace_) {
    emitGlue(spaceLook_);
    pendingSpace_ = false;
  }
  Item b;
  b.kind = BoxKind::Math;
  b.face = static_cast<std::int16_t>(mathFace(ctx_));
  b.size = size;
  b.rise = riseOf(look);
  b.width = box->width;
  // The line makes room for the formula as it does for words: for each glyph, the text face's
  // ascent and descent at the glyph's size and height (a script needs little more room than a
  // word's own, and lines of scripts keep clear of each other), and the ink of rules and grown
  // pieces beyond that.
  const int textFace = faceOf(ctx_, base_);
  const FontFile& font = ctx_.fonts.file(textFace >= 0 ? textFace : b.face);
  float ascent = box->ascent, descent = box->descent;
  for (const MathGlyph& g : box->glyphs) {
    ascent = std::max(ascent, g.y + font.ascent() * g.size);
    descent = std::max(descent, font.descent() * g.size - g.y);
  }
  b.ascent = ascent + b.rise;
  b.descent = std::max(0.0f, descent - b.rise);
  b.color = colorOf(look);
  b.link = look.link;
  // The pieces between the places TeX would break it, with the spaces after its relations
  // and operators as glue a line may end at (and stretch a little when justified).
  std::vector<float> spaces;
  std::vector<MathBox> pieces = piecesOf(*box, spaces);
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    if (k > 0) {
      Item g;
      g.type = ItemType::Glue;
      g.width = spaces[k - 1];
      if (list_.justify) g.stretch = g.width * kSpaceStretch;
      g.link = look.link;
      list_.items.push_back(g);
    }
    Item piece = b;
    piece.width = pieces[k].width;
    piece.asset = static_cast<int>(list_.formulas.size());
    list_.formulas.push_back(std::move(pieces[k]));
    list_.items.push_back(std::move(piece));
  }
}

void InlineBuilder::emitFootnoteMark(int number, const Look& look) {
  flushToken();
  // Marks side by side ("[^1][^2]") may break between them: a thousand in a row were one
  // unbreakable run past the edge of the page.
  if (!list_.items.empty() && list_.items.back().isBox() && list_.items.back().footnote >= 0) {
    Item p;
    p.type = ItemType::Penalty;
    p.penalty = kTokenBreakPenalty;
    list_.items.push_back(p);
  }
  Look mark = look;
  mark.script = 1;
  if (ctx_.footnoteDest) {
    std::string dest = ctx_.footnoteDest(number);
    if (!dest.empty()) {
      // Reference > Link to the note.
      std::int32_t tag = mark.tag;
      if (ctx_.nodes.active() && mark.tag == tags::kUntagged) {
        const std::int32_t ref = ctx_.nodes.add(StructNode(StructType::Reference));
        tag = inlineNode(mark, StructNode(StructType::Link), ref);
      }
      mark.link = addLink({"", dest}, tag);
    }
  }
  const int face = primaryFace(mark);
  if (face < 0) return;
  std::u32string digits = toUtf32(std::to_string(number));
  emitBox(digits, mark, face);
  list_.items.back().footnote = number;
  list_.items.back().hyphenatable = false;
  list_.footnotes.push_back(number);
}
ItemList InlineBuilder::finish() {
  flushToken();
  pendingSpace_ = false;
  // Trailing spaces, break opportunities and hard breaks end nothing: drop them.
  while (!list_.items.empty() && !list_.items.back().isBox()) list_.items.pop_back();
  if (!list_.items.empty()) {
    tieShortLastWord();
    endLine();
  }
  resolveBidi(ctx_, list_);
  return std::move(list_);
}

void InlineBuilder::tieShortLastWord() {
  // The last word of a paragraph alone on its line ("2.", "it.") looks like a mistake: when it
  // is short, the space before it does not break (a tie, as TeX's ~).
  float lastWord = 0;
  std::size_t i = list_.items.size();
  while (i > 0 && list_.items[i - 1].isBox()) lastWord += list_.items[--i].width;
  if (i == 0 || !list_.items[i - 1].isGlue()) return;
  if (lastWord > kShortLastWordEm * base_.size) return;
  int words = 0;
  for (const auto& it : list_.items) words += it.isGlue();
  if (words < 4) return;
  Item tie;
  tie.type = ItemType::Penalty;
  tie.penalty = kInfinity;
  list_.items.insert(list_.items.begin() + static_cast<long>(i - 1), tie);
}

ItemList plainItems(Context& ctx, const TextStyle& style, std::string_view text, bool justify) {
  InlineBuilder b(ctx, style, justify);
  b.addText(text);
  return b.finish();
}

}  // namespace pp::typeset
