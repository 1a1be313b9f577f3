// The publication's own pages: cover page, title page, the at-a-glance brief, and the
// back-matter indexes of tags and authors. Posts are already placed: links go straight to
// their files.
#pragma once

#include <string>
#include <vector>

#include "epub/pages.h"
#include "postpress/publication.h"

namespace pp::epub {

struct PostLinks {
  std::vector<std::string> href;   // first file of each post ("p001.xhtml")
  std::vector<std::string> title;  // display title of each post
  std::vector<std::string> lang;   // each title's language tag ("" = the digest's)
};

Page coverPage(const Publication& pub, const std::string& coverHref, int width, int height);
Page titlePage(const Publication& pub);
// `sections`: the posts in reading order, in labelled groups when the contents are grouped.
Page briefPage(const Publication& pub, const PostLinks& links, const std::vector<Group>& sections);
// kind: "tags" or "authors".
Page indexPage(const Publication& pub, const PostLinks& links, const std::vector<IndexEntry>& entries,
               const std::string& file, const std::string& heading);

// "12 posts · 40 min of reading"-style summary used by the title page and the cover.
std::string postCountLabel(const Publication& pub);

}  // namespace pp::epub
