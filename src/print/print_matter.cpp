// printMatter: the parts of the printed publication put together as LayoutOptions, each part
// present only when Publication::parts (config over style) asks for it; and the body order
// that grouped contents need.
#include <algorithm>
#include <functional>
#include <memory>

#include "postpress/print.h"
#include "postpress/support/text.h"
#include "print/parts.h"

namespace pp {

namespace {

constexpr std::size_t kShortContents = 3;  // posts: contents on the brief's page
constexpr std::size_t kShortIndexes = 36;  // tags + authors: both indexes on one page
constexpr float kFollowGap = 36;           // above a section that follows another
constexpr float kFollowNeed = 180;         // else it starts the next page

}  // namespace

LayoutOptions printMatter(const Publication& pub, const Style& style) {
  LayoutOptions o;
  o.defaultContents = false;
  const std::vector<Group> sections = readingSections(pub);
  for (const Group& g : sections) o.bodyOrder.insert(o.bodyOrder.end(), g.posts.begin(), g.posts.end());
  const bool any = !pub.posts.empty();

  if (pub.parts.cover && any)
    o.front.push_back({"Cover", kCoverAnchor, [](Composer& c) { print::composeCover(c); }, true, false});
  if (pub.parts.brief && any)
    o.front.push_back({"At a glance", kBriefAnchor, [sections](Composer& c) { print::composeBrief(c, sections); }});
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
    Compose contents = [sections](Composer& c) { print::composeContents(c, sections); };
    const bool shareBrief = pub.parts.brief && pub.posts.size() <= kShortContents;
    o.front.push_back({"Contents", kContentsAnchor, shareBrief ? follow(contents) : contents, !shareBrief});
  }
  const bool tags = pub.parts.tagIndex && !pub.tagIndex.empty();
  if (tags)
    o.back.push_back({"Index of tags", kTagIndexAnchor, [](Composer& c) {
                        print::composeIndex(c, "Index of tags", c.publication().tagIndex);
                      }});
  if (pub.parts.authorIndex && !pub.authorIndex.empty()) {
    Compose authors = [](Composer& c) { print::composeIndex(c, "Index of authors", c.publication().authorIndex); };
    const bool shareTags = tags && pub.tagIndex.size() + pub.authorIndex.size() <= kShortIndexes;
    o.back.push_back({"Index of authors", kAuthorIndexAnchor, shareTags ? follow(authors) : authors, !shareTags});
  }

  o.hooks.postOpening = [](Composer& c, const PostEntry& e, int i) { print::composeOpening(c, e, i); };
  o.hooks.postEnd = [](Composer& c, const PostEntry& e, int) { print::composeLinkNotes(c, e); };
  // The link notes' marks, made in each post's text as it is set (printText made a copy of
  // every post at once: 160 MB for 2,000 posts), unless the publication carries them already.
  if (!pub.linkNotesMarked && (pub.linkNotes == "endnotes" || pub.linkNotes == "footnotes")) {
    const std::string mode = pub.linkNotes;
    o.hooks.postText = [mode](const PostEntry& e) { return printedText(e, mode); };
  }
  if (pub.parts.qrCodes) {
    // One copy of the style for every post's codes (the hooks outlive the caller's).
    auto look = std::make_shared<const Style>(style);
    o.hooks.asidesFor = [look](const PostEntry& e, const Document& text) {
      auto codes = std::make_shared<const print::MediaCodes>(e, text, *look);
      return [codes](const Block& b) { return codes->asideFor(b); };
    };
  }
  return o;
}

}  // namespace pp
