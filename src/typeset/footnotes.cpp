// Footnotes: at the foot of the page that marks them, or at the part's end (by the style, and
// for notes too tall for a page's foot).
#include <algorithm>
#include <string>
#include <vector>

#include "postpress/support/text.h"
#include "typeset/flow.h"

namespace pp::typeset {

namespace {

// Footnotes taller than this share of the text block go to the post's end instead of the
// page foot (a page whose foot is mostly notes reads badly and may not fit at all). So do the
// notes of one line past that share together: a line marking hundreds of notes cannot have
// them all at its page's foot (they ran off the top of the page).
constexpr float kMaxPageFootnoteShare = 0.3f;

// A note's number as set before its text, a label of its own (Note > Lbl, P).
std::string noteLabel(int n) { return std::to_string(n) + ".\u2002"; }

// A note's text as set after its number: its blocks run together (paragraphs as they are,
// other blocks as their plain text).
std::vector<Inline> noteText(const Footnote& fn) {
  std::vector<Inline> text;
  for (const auto& b : fn.blocks) {
    if (!text.empty()) text.push_back(Inline::makeText(" "));
    if (b.kind == BlockKind::Paragraph) text.insert(text.end(), b.inlines.begin(), b.inlines.end());
    else text.push_back(Inline::makeText(plainText(b)));
  }
  return text;
}

// A note's structure ID: unique in the document (the part's anchor is).
std::string noteId(const std::string& partAnchor, int n) { return "fn-" + partAnchor + "-" + std::to_string(n); }

}  // namespace

std::vector<int> Flow::footnoteBlocks(const std::vector<int>& numbers) {
  std::vector<int> ids;
  if (!text_) return ids;
  const bool atEnd = ctx_.style.footnotePlacement == "post";
  float lineTotal = 0;  // height of this line's notes kept for the page foot
  for (int n : numbers) {
    if (n < 1 || static_cast<std::size_t>(n) > text_->footnotes.size()) continue;
    if (footnoteIds_.count(n) ||
        std::find(endFootnotes_.begin(), endFootnotes_.end(), n) != endFootnotes_.end())
      continue;  // referenced before: the note is already placed
    if (atEnd) {
      endFootnotes_.push_back(n);
      continue;
    }
    // Note (a unique ID) > Lbl, P, below the paragraph marking it (Note is an inline element).
    const OpenNode note(ctx_.nodes, StructNode::withId(StructType::Note, noteId(partAnchor_, n)));
    const std::int32_t label = ctx_.nodes.add(StructNode(StructType::Lbl));
    const OpenNode para(ctx_.nodes, StructType::P);
    InlineBuilder builder(ctx_, ctx_.style.footnote, ctx_.style.justify);
    builder.label(noteLabel(n), label);
    builder.add(noteText(text_->footnotes[static_cast<std::size_t>(n - 1)]));
    ItemList list = builder.finish();
    ParagraphShape shape;
    shape.align = ctx_.style.justify ? Align::Justify : Align::Left;
    shape.leading = ctx_.style.footnote.leading;
    shape.widths = {ctx_.style.textWidth()};
    std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
    FootnoteBlock block;
    block.height = stackLines(block.content, lines, 0, 0);
    stamp(block.content, para.id());
    if (lineTotal + block.height > ctx_.style.textHeight() * kMaxPageFootnoteShare) {
      endFootnotes_.push_back(n);
      continue;
    }
    lineTotal += block.height;
    block.anchor = partAnchor_ + "/fn-" + std::to_string(n);
    out_.footnotes.push_back(std::move(block));
    const int id = static_cast<int>(out_.footnotes.size() - 1);
    footnoteIds_[n] = id;
    ids.push_back(id);
  }
  return ids;
}

void Flow::footnotesAtEnd() {
  if (endFootnotes_.empty() || !text_) return;
  std::sort(endFootnotes_.begin(), endFootnotes_.end());
  space(ctx_.style.blockSpacing * 2);
  // A short rule, then the notes in the footnote role.
  Fragment f;
  f.lines.push_back({region_.left, 0.25f, region_.left + region_.width * 0.25f, 0.25f, 0.5f, ctx_.style.rule});
  content(std::move(f), 0.5f, 0, 0);
  keepWithNext();
  space(ctx_.style.footnote.leading * 0.5f);
  for (int n : endFootnotes_) {
    anchor(partAnchor_ + "/fn-" + std::to_string(n));
    const OpenNode note(ctx_.nodes, StructNode::withId(StructType::Note, noteId(partAnchor_, n)));
    paragraph(noteText(text_->footnotes[static_cast<std::size_t>(n - 1)]), ctx_.style.footnote,
              ctx_.style.justify ? Align::Justify : Align::Left, 0, 0, true, nullptr, StructType::P, noteLabel(n));
    space(2);
  }
  endFootnotes_.clear();
}
}  // namespace pp::typeset
