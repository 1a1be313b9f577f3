// Link notes: a post's external links, collected in order of first appearance, and the "Links"
// list at its end (BookHooks::postEnd, link notes = endnotes): every external link of the
// post, numbered as the marks in the text (link_marks.cpp), with its text and its full URL, so
// the printed page still leads where the screen did. Each note is an anchor the mark in the
// text links to.
#include <map>

#include "book/book_parts.h"
#include "postpress/book.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

void collectLinks(const std::vector<Inline>& inlines, std::vector<LinkNote>& notes,
                  std::map<std::string, int>& seen) {
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::Link && in.link.external() &&
        (startsWith(in.link.url, "http://") || startsWith(in.link.url, "https://")) &&
        !book::addressShown(plainText(in.children), in.link.url)) {
      if (!seen.count(in.link.url)) {
        LinkNote note;
        note.number = static_cast<int>(notes.size()) + 1;
        note.url = in.link.url;
        note.text = std::string(trim(plainText(in.children)));
        note.media = isMediaUrl(in.link.url);
        seen[in.link.url] = note.number;
        notes.push_back(std::move(note));
      }
    }
    collectLinks(in.children, notes, seen);
  }
}

}  // namespace

std::vector<LinkNote> linkNotesOf(const Document& doc) {
  std::vector<LinkNote> notes;
  std::map<std::string, int> seen;
  auto visitBlock = [&](const Block& b) {
    collectLinks(b.inlines, notes, seen);
    for (const auto& row : b.rows)
      for (const auto& cell : row.cells) collectLinks(cell.content, notes, seen);
    if (b.kind == BlockKind::Embed && b.link.external() && !seen.count(b.link.url)) {
      LinkNote note;
      note.number = static_cast<int>(notes.size()) + 1;
      note.url = b.link.url;
      note.text = std::string(trim(plainText(b.inlines)));
      note.media = true;
      seen[b.link.url] = note.number;
      notes.push_back(std::move(note));
    }
  };
  forEachBlock(doc.blocks, visitBlock);
  for (const auto& f : doc.footnotes) forEachBlock(f.blocks, visitBlock);
  return notes;
}

std::string linkNoteAnchor(const PostEntry& post, int number) {
  return post.anchor + "/" + book::linkNoteId(number);
}

namespace book {

bool addressShown(std::string_view text, const std::string& url) {
  // Both without scheme, "www." and a final slash: "example.org/a" shows https://www.example.org/a/.
  auto bare = [](std::string_view s) {
    s = trim(s);
    for (std::string_view scheme : {"https://", "http://"})
      if (startsWith(s, scheme)) s.remove_prefix(scheme.size());
    if (startsWith(s, "www.")) s.remove_prefix(4);
    while (!s.empty() && s.back() == '/') s.remove_suffix(1);
    return s;
  };
  const std::string_view t = bare(text);
  return !t.empty() && t == bare(url);
}

std::string linkNoteId(int number) { return "linknote-" + std::to_string(number); }

void composeLinkNotes(Composer& c, const Publication& pub, const PostEntry& e) {
  const std::vector<LinkNote> notes = linkNotesOf(e.doc);
  if (notes.empty()) return;
  const Style& st = c.style();
  const TextStyle& note = st.footnote;
  const float hang = note.size * 2.2f;  // room for "12."
  c.space(st.blockSpacing * 2);
  const Locale& locale = *pub.locale;
  // The list's label is a heading below the post's title; each note a Note > Lbl, P, as a
  // footnote is.
  groupLabel(c, locale.label("links"), note.leading * 2, StructType::H2);
  for (const LinkNote& n : notes) {
    std::vector<Inline> in;
    const std::string text(trim(n.text));
    if (!text.empty() && text != n.url && shortUrl(n.url) != text) {
      in.push_back(Inline::makeText(text));
      in.push_back(Inline::makeText(n.media ? "  " + locale.label("recording") + "  " : "  "));
    }
    Inline link;
    link.kind = InlineKind::Link;
    link.link.url = n.url;
    link.children.push_back(Inline::makeText(n.url));
    in.push_back(std::move(link));
    ParagraphOptions o;
    o.align = ParagraphOptions::Align::Left;
    o.indent = hang;
    o.firstIndent = -hang;
    o.hyphenate = false;
    o.spaceAfter = 2;
    o.label = locale.numeral(n.number) + ".\u2002";
    c.anchor(linkNoteAnchor(e, n.number));
    const NodeScope scope(c, StructNode::withId(StructType::Note, "ln-" + e.anchor + "-" + std::to_string(n.number)));
    c.paragraph(in, note, o);
  }
}

}  // namespace book

}  // namespace pp
