// Book: the digest as a printed book. What its pages hold and in what order: the body of posts
// (in reading order), each post's opening, the front matter (cover, at-a-glance brief,
// contents) and the back matter (tag and author indexes), link notes, QR codes beside media
// links; page numbers (roman in the front matter, arabic from the body on), running heads and
// footers. Stage home: src/book/ (one file per part).
//
// Dependencies: fonts <- typeset <- book <- pdf. The book decides; the typesetter (typeset.h)
// sets what it is given into pages; the PDF writer (pdf.h) lays the book out through
// layoutBook and paints the pages. The data all comes from the Publication; the printed
// book's own choices (link notes, QR codes) are BookOptions.
//
// Order of work, which is what makes every page number right without guessing:
//   1. the body (each post: opening, blocks, footnotes, the postEnd hook), numbered 1, 2, 3...,
//      paginated as the posts are joined; a page can go to TypesetOptions::bodyPages as soon as
//      nothing set later can change it (the PDF writer paints and compresses it then, so the
//      whole digest's drawing never exists at once);
//   2. the back matter sections, numbered on from the body;
//   3. the front matter sections (cover, brief, contents...), numbered i, ii, iii..., composed
//      last so that they can cite the page of any anchor of the body or the back matter.
//
//   BookPlan plan = printedBook(pub, style, bookOptions(config, style));
//   writePdf(pub, style, plan, TypesetOptions{}, "digest.pdf", diags);   // postpress/pdf.h
//
// A section draws with the same flow primitives as the body (paragraphs of Inlines, Document
// blocks, headings, entries with page numbers, free-drawn boxes with QR codes), breaks pages by
// itself, and gets an outline entry and a destination named by its anchor:
//
//   plan.front.push_back({"At a glance", "brief", [&pub](Composer& c) {
//     c.heading("At a glance", 1);
//     for (const PostEntry& p : pub.posts)
//       c.entry({Inline::makeText(p.post->title)}, p.anchor, c.style().tocEntry, 0);
//   }});
//
// Post openings, per-post link notes and QR codes beside paragraphs go through BookHooks. Page
// numbers of anything laid out are in Layout::anchors / pageLabel() afterwards (tests compare
// them with pdftotext per page).
//
// printedBook's hooks keep pointers into the Publication they were made for: lay out exactly
// that object, and keep it alive as long as the BookPlan.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "postpress/publication.h"
#include "postpress/style.h"
#include "postpress/typeset.h"

namespace pp {

// A front or back matter section.
struct MatterSection {
  std::string title;         // outline entry; empty = none
  std::string anchor;        // destination name of its first page
  std::function<void(Composer&)> compose;
  bool startOnNewPage = true;
  bool pageNumbers = true;   // false: its pages show no header or footer (a cover)
};

struct BookHooks {
  // Replaces the default post opening (title, subtitle, byline with date, authors, reading
  // time and tags). Called at the top of the post's first page.
  std::function<void(Composer&, const PostEntry&, int postIndex)> postOpening;
  // Called after a post's blocks and footnotes (link notes go here).
  std::function<void(Composer&, const PostEntry&, int postIndex)> postEnd;
  // An aside beside a paragraph of a post (QR codes for media links); nullopt for none. Also
  // asked for embed blocks (videos), where it is drawn inside the box, at its right.
  std::function<std::optional<Aside>(const PostEntry&, const Block&)> asideFor;
  // The text a post is set from when it is not PostEntry::doc (the link notes' marks);
  // nullopt: PostEntry::doc. Made on the thread setting the post and dropped once it is set,
  // so that a copy of every post never exists at once.
  std::function<std::optional<Document>(const PostEntry&)> postText;
  // Asides for the blocks of one post's text (what is being set: postText's or PostEntry::doc),
  // asked for as its setting starts; preferred to asideFor when both are given.
  std::function<std::function<std::optional<Aside>(const Block&)>(const PostEntry&, const Document& text)> asidesFor;
};

// What the book is made of around and inside its posts.
struct BookPlan {
  std::vector<MatterSection> front;  // before the posts, roman page numbers
  std::vector<MatterSection> back;   // after the posts, arabic numbers continued
  BookHooks hooks;
  // Adds the built-in table of contents as the last front section when the publication
  // asks for one (Publication::parts.toc) and no front section has the anchor "contents".
  bool defaultContents = true;
  // The order the posts are set in: indices into Publication::posts, each once (contents
  // grouped by month or tag set their posts in group order, so page numbers run in order).
  // Empty = digest order; posts it leaves out follow in digest order, bad indices are skipped.
  std::vector<int> bodyOrder;
};

// Lays the book out. Never throws on bad content: problems (missing glyphs, images that could
// not be loaded) are reported to `diags` and drawn visibly.
Layout layoutBook(const Publication& pub, const Style& style, const BookPlan& plan,
                  const TypesetOptions& typesetting, DiagnosticSink& diags);

// Roman numerals for front pages ("i", "iv", "xii").
std::string romanNumeral(int n);

// ---------------------------------------------------------------------------------------------
// The printed book: cover, brief, contents, openings, link notes, QR codes, indexes.

// The printed book's own choices (the EPUB keeps live links and needs no QR codes).
struct BookOptions {
  std::string linkNotes = "endnotes";  // endnotes | footnotes | none
  bool qrCodes = true;                 // QR codes for post URLs and media links
  // The posts' texts carry the link notes' marks already (withLinkNoteMarks): none are added.
  bool linkNotesMarked = false;
};

// The config's choices over the style's (PublicationOptions: -1 or "" = the style's).
BookOptions bookOptions(const PublicationOptions& config, const Style& style);

// Front and back matter, hooks and body order of the printed book, from Publication::parts,
// the options and the style's roles and colours. Sets defaultContents = false (the contents
// here replaces the built-in one).
BookPlan printedBook(const Publication& pub, const Style& style, const BookOptions& options);

// One external link of a post, as its link notes and QR codes show it.
struct LinkNote {
  int number = 0;        // 1-based within the post
  std::string url;
  std::string text;      // the link text as shown
  bool media = false;    // a video or a recording (isMediaUrl): gets a QR code
};

// A post's external links in order of first appearance (deduplicated), its footnotes' last.
std::vector<LinkNote> linkNotesOf(const Document& doc);

// A copy of the publication whose post texts carry the link notes' marks: `endnotes` puts a
// superscript note number after each external link, linked to the note in the post's "Links"
// list; `footnotes` turns each external link into a footnote holding its URL, numbered with the
// post's own footnotes; `none` changes nothing. (printedBook's hooks make the same marks in each
// post's text as it is set, without a copy of the whole publication: this is for looking at
// the marked text; lay it out with BookOptions::linkNotesMarked.)
Publication withLinkNoteMarks(const Publication& pub, const std::string& linkNotes);

// One post's text with the marks (`linkNotes`: endnotes | footnotes); nullopt when it gets none.
std::optional<Document> linkNoteMarkedText(const PostEntry& e, const std::string& linkNotes);

// Destination names the printed book's sections use (anchors of the PDF, outline entries).
inline constexpr const char* kCoverAnchor = "cover";
inline constexpr const char* kBriefAnchor = "brief";
inline constexpr const char* kContentsAnchor = "contents";
inline constexpr const char* kTagIndexAnchor = "index-tags";
inline constexpr const char* kAuthorIndexAnchor = "index-authors";
// The anchor of link note `number` of a post: "<post anchor>/linknote-<number>".
std::string linkNoteAnchor(const PostEntry& post, int number);

}  // namespace pp
