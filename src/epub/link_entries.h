// Link-only posts (Post::linkOnly: an address elsewhere and nothing of their own to read) as
// compact entries rather than chapters: title, date and byline, summary, and the link. A run of
// them in reading order shares one content document, as a list of links would in print.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "epub/book.h"
#include "epub/pages.h"
#include "epub/xhtml_renderer.h"

namespace pp::epub {

// For every post, the post whose content document holds its compact entry (the first of its
// run of link-only posts within a reading section), or -1 for a post with a chapter of its own.
std::vector<int> linkEntryOwners(const Publication& pub, const std::vector<Group>& sections);

// One post's compact entry: a section carrying the post's start id.
std::string linkEntry(BookContext& ctx, int post);

// The content document shared by a run of link-only posts: `members` in reading order,
// entries[i] the rendered entry of post i.
Page linkEntriesPage(const Publication& pub, const std::vector<int>& members,
                     const std::vector<std::string>& entries);

}  // namespace pp::epub
