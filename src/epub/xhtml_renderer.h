// Document -> XHTML for one post: blocks and inlines written as valid EPUB 3 XHTML, ids
// prefixed by the post's anchor, links between posts written as placeholders (resolved once
// posts are split into files), footnotes as epub:type noteref/footnote pairs.
#pragma once

#include <string>
#include <vector>

#include "epub/ids.h"
#include "epub/image_registry.h"
#include "postpress/publication.h"

namespace pp::epub {

// What every renderer of the book shares.
struct BookContext {
  const Publication& pub;
  const std::vector<PostIds>& postIds;
  IdSet& ids;
  ImageRegistry& images;
  DiagnosticSink& diags;
  int imagesShown = 0;    // content images stored in the book
  int imagesWithAlt = 0;  // ... of which with alternative text
  int imagesMissing = 0;  // placeholders drawn
};

struct RenderedPart {
  std::string xhtml;
  std::vector<int> footnotes;     // footnotes referenced here, in order
  std::vector<std::string> ids;   // ids defined here (link targets)
  bool splitPoint = false;        // a top-level section heading: a long post may split here
};

// Assigns the ids of every post (opening, headings) before anything is rendered.
std::vector<PostIds> assignPostIds(const Publication& pub, IdSet& ids);

// The `<img>` for a stored image, or a readable placeholder span when it cannot be shown.
// An inline image is an "icon" (badges, emoji images: kept at text size) when small, else a
// "picture" (photos placed in a paragraph: full width). widthHint (CSS px, 0 = none) narrows.
std::string imageElement(BookContext& ctx, int assetId, const std::string& alt,
                         const std::string& source, const char* cssClass, int widthHint = 0);

class PostRenderer {
 public:
  PostRenderer(BookContext& ctx, int post);

  RenderedPart block(const Block& b);      // a top-level block of the post
  RenderedPart footnote(int index);        // the aside of footnote `index` (0-based)
  int footnoteCount() const { return static_cast<int>(footnoteIds_.size()); }

 private:
  // The digest's language: the words written around and inside the post's text.
  const Locale& locale() const { return *ctx_.pub.locale; }
  void renderBlock(const Block& b, std::string& out);
  void renderParagraph(const std::vector<Inline>& inlines, std::string& out,
                       const std::string& prefix);
  void renderList(const Block& b, std::string& out);
  void renderTable(const Block& b, std::string& out);
  void renderFigure(const Block& b, std::string& out);
  void renderInlines(const std::vector<Inline>& inlines, std::string& out);
  void renderInline(const Inline& in, std::string& out);
  void renderLink(const Inline& in, std::string& out);
  void renderFootnoteRef(int index, std::string& out);
  // href for a link (placeholder for targets in the book), "" when it must not be a link.
  std::string hrefFor(const LinkTarget& target);
  std::string anchorInPost(int post, const std::string& rawAnchor) const;

  BookContext& ctx_;
  int post_;
  const PostEntry& entry_;
  RenderedPart* part_ = nullptr;
  int linkDepth_ = 0;
  int depth_ = 0;  // nesting of blocks and inlines: hostile input must not exhaust the stack
  std::vector<std::string> footnoteIds_;
  std::vector<std::string> firstRefIds_;
  std::vector<int> refCounts_;
};

}  // namespace pp::epub
