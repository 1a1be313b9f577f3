// Heading anchors (GitHub-style slugs, `{#custom-id}` honoured, unique within the post) and the
// first H1 that merely repeats the post title.
#pragma once

#include <string>
#include <string_view>

#include "markdown/context.h"
#include "postpress/document.h"

namespace pp::markdown {

// GitHub's anchor rule: lower-case, punctuation removed (except '-' and '_'), spaces to '-'.
std::string githubSlug(std::string_view text);

// Assigns Block::id to every heading: custom ids first, then slugs, made unique with -1, -2.
void assignHeadingIds(Document& doc);

// Drops the first block when it is an H1 repeating the title (or the title came from it).
void dropRepeatedTitle(Document& doc, const Post& post);

// Loose equality of two titles: case, punctuation and spacing ignored; one may be a small
// prefix/suffix extension of the other ("An Example Post" ~ "Example Post").
bool sameTitle(std::string_view a, std::string_view b);

}  // namespace pp::markdown
