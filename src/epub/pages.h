// Shared pieces of every content document: the XHTML wrapper and the small labels (dates,
// bylines) that the openings, the brief and the indexes all show.
#pragma once

#include <string>
#include <vector>

#include "postpress/locale.h"
#include "postpress/publication.h"
#include "postpress/site.h"

namespace pp::epub {

struct Page {
  std::string file;        // "p001.xhtml", relative to the package folder
  std::string title;       // <title> and navigation label
  std::string body;        // inner XHTML of <body> (may hold link placeholders)
  std::string bodyType;    // epub:type of <body> ("frontmatter", "bodymatter", "backmatter")
  std::string lang;        // xml:lang when it differs from the book's; "" = the book's
};

// A complete XHTML content document: lang and xml:lang its own or the book's, dir="rtl" when
// that language is written right to left.
std::string xhtmlDocument(const Page& page, const std::string& bookLang);

// ` lang="x" xml:lang="x"` (and `dir` when the direction changes) for an element in `lang`
// inside one in `around`; "" when they are the same language.
std::string langAttributes(const std::string& lang, const std::string& around);

// The post's authors as a byline shows them: each name with its affiliation apart, in
// parentheses ("Jane Doe (Acme) and John Roe", the locale's "and"); the indexes sort by the
// names alone.
std::string postByline(const Locale& locale, const Post& post);

// A post's title, or "Post 3" (the locale's) for one without.
std::string numberedPostTitle(const Locale& locale, const PostEntry& e, int post);

}  // namespace pp::epub
