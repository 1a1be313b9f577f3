// The "Links" list at a post's end (LayoutHooks::postEnd, link notes = endnotes): every
// external link of the post, numbered as the marks in the text (printText), with its text and
// its full URL, so the printed page still leads where the screen did. Each note is an anchor
// the mark in the text links to.
#include "postpress/print.h"
#include "postpress/support/text.h"
#include "print/parts.h"

namespace pp {

std::string linkNoteAnchor(const PostEntry& post, int number) {
  return post.anchor + "/" + print::linkNoteId(number);
}

namespace print {

std::string linkNoteId(int number) { return "linknote-" + std::to_string(number); }

void composeLinkNotes(Composer& c, const PostEntry& e) {
  const Publication& pub = c.publication();
  if (pub.linkNotes != "endnotes" || e.links.empty()) return;
  const Style& st = c.style();
  const TextStyle& note = st.footnote;
  const float hang = note.size * 2.2f;  // room for "12."
  c.space(st.blockSpacing * 2);
  groupLabel(c, "Links", note.leading * 2);
  for (const LinkNote& n : e.links) {
    std::vector<Inline> in;
    in.push_back(Inline::makeText(std::to_string(n.number) + ".\u2002"));
    const std::string text(trim(n.text));
    if (!text.empty() && text != n.url && shortUrl(n.url) != text) {
      in.push_back(Inline::makeText(text));
      in.push_back(Inline::makeText(n.media ? "  (recording)  " : "  "));
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
    c.anchor(linkNoteAnchor(e, n.number));
    c.paragraph(in, note, o);
  }
}

}  // namespace print

}  // namespace pp
