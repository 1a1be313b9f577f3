// One post as content documents: its opening (title, subtitle, byline, date, tags, reading
// time, hero image, link to the original) and its body, split at top-level section headings
// when the XHTML grows too large, each part carrying the footnotes it references.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "epub/book.h"
#include "epub/pages.h"
#include "epub/xhtml_renderer.h"

namespace pp::epub {

// File name of part `part` (0-based) of post `post`: "p003.xhtml", "p003-2.xhtml".
std::string chapterFileName(int post, int part);

// Renders post `post` into pages and records the file of every id it defines in idToFile.
// Link placeholders stay in the pages until every post is placed.
std::vector<Page> renderPostChapters(BookContext& ctx, int post, const BookOptions& options,
                                     std::map<std::string, std::string>& idToFile);

}  // namespace pp::epub
