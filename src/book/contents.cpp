// Contents: every post with its page number (dot leaders, the whole line a link), and under
// each title its date and authors. Grouped contents (month or tag) show each group's label
// over its posts, in the order the body sets them (readingSections): the page numbers always
// run upwards. A post filed under several tags is listed once, under its first group, where
// it really is; the tag index lists it under every tag. The back matter sections close the
// list.
#include <optional>

#include "postpress/book.h"
#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

void composeContents(Composer& c, const Publication& pub, const std::vector<Group>& sections) {
  const Style& st = c.style();
  const Locale& locale = *pub.locale;
  sectionHead(c, locale.label("contents"), "");
  TextStyle entry = st.tocEntry;
  TextStyle meta = recolored(resized(st.byline, std::max(7.5f, st.byline.size - 0.5f)), st.muted);
  ParagraphOptions metaOptions;
  metaOptions.align = ParagraphOptions::Align::Left;
  metaOptions.hyphenate = false;
  metaOptions.spaceAfter = entry.leading * 0.3f;
  const float entryHeight = entry.leading + meta.leading + metaOptions.spaceAfter;

  const NodeScope toc(c, StructType::TOC);
  for (const Group& g : sections) {
    // A labelled group is an item of its own: its label, then a contents of its posts.
    std::optional<NodeScope> groupItem, groupToc;
    if (!g.label.empty()) {
      groupItem.emplace(c, StructType::TOCI);
      groupLabel(c, g.label, entryHeight * 2, StructType::P);
      groupToc.emplace(c, StructType::TOC);
    }
    for (int pi : g.posts) {
      if (pi < 0 || static_cast<std::size_t>(pi) >= pub.posts.size()) continue;
      const PostEntry& e = pub.posts[static_cast<std::size_t>(pi)];
      if (!e.post) continue;
      c.needSpace(entryHeight);
      // The entry and its line of meta, in the post's language when it is not the digest's
      // (its title in that language's glyph forms).
      const std::string lang = postLanguage(pub, *e.post);
      const NodeScope item(c, StructNode::inLanguage(StructType::TOCI, lang != locale.tag() ? lang : ""));
      c.entry({Inline::makeText(postTitle(locale, *e.post))}, e.anchor, entry, 0);
      std::vector<std::string> parts;
      parts.push_back(postDateLabel(locale, e.post->date));
      parts.push_back(isolated(locale, joined(e.post->authors, ", ")));
      const std::string line = joined(parts, "  \u00B7  ");
      if (!line.empty()) c.paragraph({Inline::makeText(line)}, meta, metaOptions);
      else c.space(metaOptions.spaceAfter);
    }
  }
  // The indexes, when the back matter has them.
  std::vector<std::pair<std::string, std::string>> back;
  if (pub.parts.tagIndex && !pub.tagIndex.empty()) back.emplace_back(locale.label("index_of_tags"), kTagIndexAnchor);
  if (pub.parts.authorIndex && !pub.authorIndex.empty()) back.emplace_back(locale.label("index_of_authors"), kAuthorIndexAnchor);
  if (!back.empty()) {
    c.space(entry.leading * 0.6f);
    c.needSpace(entry.leading * static_cast<float>(back.size()) + 8);
    c.rule(st.rule, 0.5f);
    c.space(6);
    for (const auto& [text, anchor] : back) c.entry({Inline::makeText(text)}, anchor, entry, 0);
  }
}

}  // namespace pp::book
