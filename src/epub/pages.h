// Shared pieces of every content document: the XHTML wrapper and the small labels (dates,
// bylines) that the openings, the brief and the indexes all show.
#pragma once

#include <string>
#include <vector>

#include "postpress/site.h"

namespace pp::epub {

struct Page {
  std::string file;        // "p001.xhtml", relative to the package folder
  std::string title;       // <title> and navigation label
  std::string body;        // inner XHTML of <body> (may hold link placeholders)
  std::string bodyType;    // epub:type of <body> ("frontmatter", "bodymatter", "backmatter")
  std::string lang;        // xml:lang when it differs from the book's; "" = the book's
};

// A complete XHTML content document.
std::string xhtmlDocument(const Page& page, const std::string& bookLang);

// "18 November 2025" (the date as written, no time zone conversion); "" when invalid.
std::string longDate(const DateTime& d);

// "A, B and C".
std::string joinNames(const std::vector<std::string>& names);

// The post's authors as a byline shows them: each name with its affiliation apart, in
// parentheses ("Jane Doe (Acme) and John Roe"); the indexes sort by the names alone.
std::string postByline(const Post& post);

// "Q4 2025" style labels are made by the publication; this is the plural helper: "1 post".
std::string countLabel(std::size_t n, const char* singular, const char* plural);

}  // namespace pp::epub
