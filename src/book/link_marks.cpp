// The marks link notes need in the text itself, made on a copy of a post's text (the EPUB,
// which keeps live links, never sees them).
//   endnotes:  "the KServe docs³": a superscript number after each external link, itself a
//              link to the note in the post's "Links" list (link_notes.cpp).
//   footnotes: each external link gets a real footnote holding its URL; the layout sets it at
//              the page foot (or the post's end, by the style) like the post's own notes,
//              numbered with them in order of first reference.
// Links in headings get no mark (it would show in the outline); their note is still listed.
// Linked pictures get none either (a mark would turn the figure into an inline image).
#include <map>

#include "postpress/book.h"
#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp {

namespace {

bool isImageLink(const Inline& in) {
  for (const auto& c : in.children)
    if (c.kind != InlineKind::Image && !(c.kind == InlineKind::Text && trim(c.text).empty())) return false;
  return true;
}

// An external link whose address the text does not already print.
bool notedLink(const Inline& in) {
  return in.kind == InlineKind::Link && in.link.external() && book::isWebUrl(in.link.url) && !isImageLink(in) &&
         !book::addressShown(plainText(in.children), in.link.url);
}

// Walks inlines depth first; `after` may change an inline and returns what to insert after it.
// The list is rebuilt once marks are due (inserting in place costs the square of a paragraph
// of 80,000 links).
template <typename F>
void rewrite(std::vector<Inline>& inlines, F& after) {
  std::vector<Inline> out;
  bool rebuilt = false;
  for (std::size_t i = 0; i < inlines.size(); ++i) {
    rewrite(inlines[i].children, after);
    std::vector<Inline> extra = after(inlines[i]);
    if (extra.empty() && !rebuilt) continue;
    if (!rebuilt) {
      rebuilt = true;
      out.reserve(inlines.size() + inlines.size() / 2 + extra.size());
      for (std::size_t k = 0; k < i; ++k) out.push_back(std::move(inlines[k]));
    }
    out.push_back(std::move(inlines[i]));
    for (Inline& e : extra) out.push_back(std::move(e));
  }
  if (rebuilt) inlines = std::move(out);
}

// Every inline list of a block tree, with whether marks may go there (not in headings).
template <typename F>
void rewriteBlocks(std::vector<Block>& blocks, F&& fn) {
  forEachBlock(blocks, [&](Block& b) {
    fn(b.inlines, b.kind != BlockKind::Heading);
    for (auto& row : b.rows)
      for (auto& cell : row.cells) fn(cell.content, true);
  });
}

void markEndnotes(Document& doc, const std::vector<LinkNote>& notes) {
  std::map<std::string, int> numbers;
  for (const auto& n : notes) numbers.emplace(n.url, n.number);
  auto mark = [&](std::vector<Inline>& inlines, bool marks) {
    if (!marks) return;
    auto after = [&](Inline& in) -> std::vector<Inline> {
      if (!notedLink(in)) return {};
      auto it = numbers.find(in.link.url);
      if (it == numbers.end()) return {};
      Inline ref;
      ref.kind = InlineKind::Link;
      ref.link.url = "#" + book::linkNoteId(it->second);  // resolves inside the post
      ref.children.push_back(Inline::makeText(std::to_string(it->second)));
      Inline sup;
      sup.kind = InlineKind::Superscript;
      sup.children.push_back(std::move(ref));
      return {std::move(sup)};
    };
    rewrite(inlines, after);
  };
  rewriteBlocks(doc.blocks, mark);
  for (auto& f : doc.footnotes) rewriteBlocks(f.blocks, mark);
}

Footnote linkFootnote(const std::string& url, const std::string& text) {
  Block p;
  p.kind = BlockKind::Paragraph;
  const std::string shown(trim(text));
  if (!shown.empty() && shown != url && book::shortUrl(url) != shown) p.inlines.push_back(Inline::makeText(shown + ": "));
  Inline link;
  link.kind = InlineKind::Link;
  link.link.url = url;
  link.children.push_back(Inline::makeText(url));
  p.inlines.push_back(std::move(link));
  Footnote f;
  f.label = "link";
  f.blocks.push_back(std::move(p));
  return f;
}

// Link footnotes join the post's own: all are renumbered in order of first reference, which
// is how the layout numbers them (FootnoteRef::footnote + 1).
void markFootnotes(Document& doc) {
  std::vector<Footnote> renumbered;
  std::map<int, int> oldToNew;                 // the post's own notes
  std::map<std::string, int> urlToNew;         // link notes
  std::vector<bool> isLinkNote;                // by new index
  auto remap = [&](int old) {
    auto it = oldToNew.find(old);
    if (it != oldToNew.end()) return it->second;
    const int n = static_cast<int>(renumbered.size());
    oldToNew.emplace(old, n);
    renumbered.push_back(old >= 0 && static_cast<std::size_t>(old) < doc.footnotes.size() ? doc.footnotes[static_cast<std::size_t>(old)] : Footnote{});
    isLinkNote.push_back(false);
    return n;
  };
  bool insideNote = false;  // links in footnotes show their URL in brackets instead
  auto mark = [&](std::vector<Inline>& inlines, bool marks) {
    auto after = [&](Inline& in) -> std::vector<Inline> {
      if (in.kind == InlineKind::FootnoteRef) {
        in.footnote = remap(in.footnote);
        return {};
      }
      if (!notedLink(in) || !marks) return {};
      if (insideNote) {
        Inline link;
        link.kind = InlineKind::Link;
        link.link.url = in.link.url;
        link.children.push_back(Inline::makeText(in.link.url));
        return {Inline::makeText(" ("), std::move(link), Inline::makeText(")")};
      }
      auto it = urlToNew.find(in.link.url);
      int n;
      if (it != urlToNew.end()) {
        n = it->second;
      } else {
        n = static_cast<int>(renumbered.size());
        urlToNew.emplace(in.link.url, n);
        renumbered.push_back(linkFootnote(in.link.url, plainText(in.children)));
        isLinkNote.push_back(true);
      }
      Inline ref;
      ref.kind = InlineKind::FootnoteRef;
      ref.footnote = n;
      return {std::move(ref)};
    };
    rewrite(inlines, after);
  };
  rewriteBlocks(doc.blocks, mark);
  // The post's own notes (those referenced, in their new order, then any never referenced),
  // whose text may reference notes and hold links in turn.
  for (std::size_t old = 0; old < doc.footnotes.size(); ++old) remap(static_cast<int>(old));
  insideNote = true;
  for (std::size_t k = 0; k < renumbered.size(); ++k) {
    if (isLinkNote[k]) continue;
    std::vector<Block> blocks = std::move(renumbered[k].blocks);
    rewriteBlocks(blocks, mark);
    renumbered[k].blocks = std::move(blocks);
  }
  doc.footnotes = std::move(renumbered);
}

}  // namespace

std::optional<Document> linkNoteMarkedText(const PostEntry& e, const std::string& linkNotes) {
  if (linkNotes != "endnotes" && linkNotes != "footnotes") return std::nullopt;
  const std::vector<LinkNote> notes = linkNotesOf(e.doc);
  if (notes.empty()) return std::nullopt;
  Document marked = e.doc;
  if (linkNotes == "endnotes") markEndnotes(marked, notes);
  else markFootnotes(marked);
  return marked;
}

Publication withLinkNoteMarks(const Publication& pub, const std::string& linkNotes) {
  Publication out = pub;
  for (auto& e : out.posts)
    if (std::optional<Document> text = linkNoteMarkedText(e, linkNotes)) e.doc = std::move(*text);
  return out;
}

}  // namespace pp
