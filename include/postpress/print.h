// Print: the digest as a printed publication. What the layout engine (layout.h) sets around
// and inside the posts of the PDF: the cover, the at-a-glance brief, the contents, each post's
// opening (with its URL and a QR code), link notes, QR codes beside media links, and the tag
// and author indexes. Stage home: src/print/ (one file per part). The data all comes from the
// Publication (src/publication/); this stage only decides how it looks on paper.
//
//   Publication printed = printText(pub);              // link-note marks in the text
//   writePdf(printed, style, printMatter(printed, style), "digest.pdf", diags);
//
// printMatter's hooks keep pointers into the Publication they were made for: lay out exactly
// that object, and keep it alive as long as the LayoutOptions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "postpress/layout.h"
#include "postpress/publication.h"
#include "postpress/style.h"

namespace pp {


// A copy of the publication whose post texts carry the link notes' marks (Publication::
// linkNotes): `endnotes` puts a superscript note number after each external link, linked to
// the note in the post's "Links" list; `footnotes` turns each external link into a footnote
// holding its URL, numbered with the post's own footnotes; `none` changes nothing.
// (printMatter's hooks make the same marks in each post's text as it is set, without a copy of
// the whole publication: printText is for looking at the marked text.)
Publication printText(const Publication& pub);

// One post's text with the marks (`linkNotes`: endnotes | footnotes); nullopt when it gets none.
std::optional<Document> printedText(const PostEntry& e, const std::string& linkNotes);

// Front and back matter, hooks and body order for writePdf, from Publication::parts, the
// link-note choice and the style's roles and colours. Sets defaultContents = false (the
// contents here replaces the built-in one).
LayoutOptions printMatter(const Publication& pub, const Style& style);

// Destination names the print sections use (anchors of the PDF, outline entries).
inline constexpr const char* kCoverAnchor = "cover";
inline constexpr const char* kBriefAnchor = "brief";
inline constexpr const char* kContentsAnchor = "contents";
inline constexpr const char* kTagIndexAnchor = "index-tags";
inline constexpr const char* kAuthorIndexAnchor = "index-authors";
// The anchor of link note `number` of a post: "<post anchor>/linknote-<number>".
std::string linkNoteAnchor(const PostEntry& post, int number);

}  // namespace pp
