// The parts of the book, one file each, and the small drawing helpers they share.
// printed_book.cpp assembles the printed book's into a BookPlan; plain_parts.cpp holds the
// opening and contents of a plan that brings none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "postpress/book.h"
#include "postpress/publication.h"
#include "postpress/style.h"
#include "postpress/typeset.h"

namespace pp::book {

// --- parts ---------------------------------------------------------------------------------

void composeCover(Composer& c, const Publication& pub);                                      // cover.cpp
void composeBrief(Composer& c, const Publication& pub, const std::vector<Group>& sections);    // brief.cpp
void composeContents(Composer& c, const Publication& pub, const std::vector<Group>& sections); // contents.cpp
// `qrCode`: a QR code of the post's URL beside its byline.
void composeOpening(Composer& c, const Publication& pub, const PostEntry& e, bool qrCode);   // opening.cpp
void composeLinkNotes(Composer& c, const Publication& pub, const PostEntry& e);              // link_notes.cpp
void composeIndex(Composer& c, const Publication& pub, const std::string& title,             // indexes.cpp
                  const std::vector<IndexEntry>& entries);
// When the plan brings none (plain_parts.cpp).
void composePlainOpening(Composer& c, const Publication& pub, const PostEntry& e);
void composePlainContents(Composer& c, const Publication& pub);

// QR codes beside the paragraphs that first mention a media link (media_qr.cpp). Made once
// per post, for the text being set (BookHooks::asidesFor): it remembers which of its
// paragraphs gets which code.
class MediaCodes {
 public:
  MediaCodes(const PostEntry& e, const Document& text, const Style& style, const Locale& locale);
  std::optional<Aside> asideFor(const Block& b) const;

 private:
  struct Code {
    const Block* block = nullptr;
    std::string url;
    std::string caption;
  };
  std::vector<Code> codes_;  // sorted by block address
  TextStyle caption_;
  Color ink_;
};

// "linknote-3": the id of a post's link note inside the post (its anchor is
// "<post anchor>/linknote-3"; link_notes.cpp).
std::string linkNoteId(int number);

// --- helpers (draw.cpp) --------------------------------------------------------------------

// `text` broken into lines no wider than `width` (at spaces; a word wider than a line is
// cut by characters). Measured with the composer, so usable before a box is placed. A line
// broken at a space ends with it: it draws nothing, and a canvas reads it as the word space
// between the lines (Canvas::text); a cut piece and the last line end without one.
std::vector<std::string> wrapText(Composer& c, const std::string& text, const TextStyle& style,
                                  float width);
// `text` cut at a word (or character) and ended with an ellipsis to fit `width`.
std::string fitText(Composer& c, const std::string& text, const TextStyle& style, float width);

// A role's look at another size (leading scaled with it).
TextStyle resized(const TextStyle& style, float size);
TextStyle recolored(const TextStyle& style, Color color);
// Small capitals the cheap way: upper case, letter-spaced, smaller.
TextStyle label(const TextStyle& style, float size, Color color);
Color mix(Color a, Color b, float t);
// "Yuan Tang, Ada Lovelace", "a · b · c".
std::string joined(const std::vector<std::string>& items, const std::string& sep);
// In a right-to-left digest, `text` (a value from a post: a name) as an isolate (FSI ... PDI):
// the bidi algorithm keeps it apart from what the book composes around it, so that the
// reading time's digits after "Jane Doe ·" are not drawn with the name, left to right.
// Unchanged in a left-to-right digest.
std::string isolated(const Locale& locale, const std::string& text);
// "18 Nov 2025  ·  Yuan Tang  ·  6 min read" (parts that are empty left out), in the locale's
// language.
std::string postMeta(const Locale& locale, const PostEntry& e, bool longDate);
// A post's title, or the locale's "Untitled".
std::string postTitle(const Locale& locale, const Post& post);
// The digest's title, or the locale's "Digest".
std::string digestTitle(const Publication& pub);
// An absolute http(s) URL (what can be printed and encoded as a QR code).
bool isWebUrl(const std::string& url);
// "www.youtube.com" from "https://www.youtube.com/watch?v=...".
std::string hostOf(const std::string& url);
// The display form of a URL: without the scheme and a trailing slash.
std::string shortUrl(const std::string& url);
// True when a link's text is its own address (with or without the scheme, "www." or a final
// slash): the reader already has the address, so it gets no note number.
bool addressShown(std::string_view text, const std::string& url);

// The head of a front or back matter section: a short accent bar, the title in the post
// title's look (a little smaller), and an optional line of figures below it.
void sectionHead(Composer& c, const std::string& title, const std::string& intro);
// A group's label ("November 2025", a tag) over the entries of a list: small capitals in the
// accent colour on a thin rule; kept with `keep` pt of what follows. Its text is a `role`
// node (a heading of the group's section, or the P of a contents item).
void groupLabel(Composer& c, const std::string& text, float keep, StructType role);
// A node made by a canvas below `parent` (another node it made); its id.
std::int32_t nodeBelow(Canvas& cv, StructType type, std::int32_t parent, std::string alt = {});

// Drawn text: a Canvas's text at baseline y, in canvas coordinates; lines of wrapText set
// from `top` with the role's leading; returns the y below the last line.
float drawLines(Canvas& cv, const std::vector<std::string>& lines, const TextStyle& style, float x,
                float top);

}  // namespace pp::book
