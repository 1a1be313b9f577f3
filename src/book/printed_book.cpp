// printedBook: the parts of the printed book put together as a BookPlan, each part present only
// when Publication::parts (config over style) asks for it; and the body order that grouped
// contents need.
#include <algorithm>
#include <functional>
#include <memory>

#include "book/book_parts.h"
#include "postpress/book.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

constexpr std::size_t kShortContents = 3;  // posts: contents on the brief's page
constexpr std::size_t kShortIndexes = 36;  // tags + authors: both indexes on one page
constexpr float kFollowGap = 36;           // above a section that follows another
constexpr float kFollowNeed = 180;         // else it starts the next page

}  // namespace

BookOptions bookOptions(const PublicationOptions& config, const Style& style) {
  BookOptions o;
  o.linkNotes = !config.linkNotes.empty() ? config.linkNotes : style.linkNotes;
  o.qrCodes = config.qrCodes < 0 ? style.qrCodes : config.qrCodes != 0;
  return o;
}

BookPlan printedBook(const Publication& pub, const Style& style, const BookOptions& options) {
  BookPlan o;
  o.defaultContents = false;
  const std::vector<Group> sections = readingSections(pub);
  for (const Group& g : sections) o.bodyOrder.insert(o.bodyOrder.end(), g.posts.begin(), g.posts.end());
  const bool any = !pub.posts.empty();
  const Publication* p = &pub;
  const Locale& locale = *pub.locale;

  if (pub.parts.cover && any)
    o.front.push_back({locale.label("cover"), kCoverAnchor, [p](Composer& c) { book::composeCover(c, *p); }, true, false});
  if (pub.parts.brief && any)
    o.front.push_back(
        {locale.label("at_a_glance"), kBriefAnchor, [p, sections](Composer& c) { book::composeBrief(c, *p, sections); }});
  // A short section follows the one before it on the same page instead of leaving two pages
  // mostly blank (a digest of one or two posts; small indexes).
  using Compose = std::function<void(Composer&)>;
  auto follow = [](Compose compose) -> Compose {
    return [compose](Composer& c) {
      c.space(kFollowGap);
      c.needSpace(kFollowNeed);
      compose(c);
    };
  };
  if (pub.parts.toc && any) {
    Compose contents = [p, sections](Composer& c) { book::composeContents(c, *p, sections); };
    const bool shareBrief = pub.parts.brief && pub.posts.size() <= kShortContents;
    o.front.push_back({locale.label("contents"), kContentsAnchor, shareBrief ? follow(contents) : contents, !shareBrief});
  }
  const bool tags = pub.parts.tagIndex && !pub.tagIndex.empty();
  if (tags)
    o.back.push_back({locale.label("index_of_tags"), kTagIndexAnchor, [p, title = locale.label("index_of_tags")](Composer& c) {
                        book::composeIndex(c, *p, title, p->tagIndex);
                      }});
  if (pub.parts.authorIndex && !pub.authorIndex.empty()) {
    Compose authors = [p, title = locale.label("index_of_authors")](Composer& c) {
      book::composeIndex(c, *p, title, p->authorIndex);
    };
    const bool shareTags = tags && pub.tagIndex.size() + pub.authorIndex.size() <= kShortIndexes;
    o.back.push_back({locale.label("index_of_authors"), kAuthorIndexAnchor, shareTags ? follow(authors) : authors, !shareTags});
  }

  const bool qrCodes = options.qrCodes;
  o.hooks.postOpening = [p, qrCodes](Composer& c, const PostEntry& e, int) {
    book::composeOpening(c, *p, e, qrCodes);
  };
  if (options.linkNotes == "endnotes")
    o.hooks.postEnd = [p](Composer& c, const PostEntry& e, int) { book::composeLinkNotes(c, *p, e); };
  // The link notes' marks, made in each post's text as it is set (a copy of every post at once
  // would hold the whole digest's text twice), unless the publication carries them already.
  if (!options.linkNotesMarked && (options.linkNotes == "endnotes" || options.linkNotes == "footnotes")) {
    const std::string mode = options.linkNotes;
    o.hooks.postText = [mode](const PostEntry& e) { return linkNoteMarkedText(e, mode); };
  }
  if (qrCodes) {
    // One copy of the style for every post's codes (the hooks outlive the caller's).
    auto look = std::make_shared<const Style>(style);
    o.hooks.asidesFor = [look, p](const PostEntry& e, const Document& text) {
      auto codes = std::make_shared<const book::MediaCodes>(e, text, *look, *p->locale);
      return [codes](const Block& b) { return codes->asideFor(b); };
    };
  }
  return o;
}

}  // namespace pp
