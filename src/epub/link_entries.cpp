#include "epub/link_entries.h"

#include "epub/chapters.h"
#include "epub/xml_text.h"
#include "postpress/support/text.h"

namespace pp::epub {

namespace {

bool isLinkOnly(const PostEntry& e) { return e.post && e.post->linkOnly; }

}  // namespace

std::vector<int> linkEntryOwners(const Publication& pub, const std::vector<Group>& sections) {
  std::vector<int> owner(pub.posts.size(), -1);
  for (const Group& g : sections) {
    int run = -1;  // the first post of the current run of link-only posts
    for (int i : g.posts) {
      if (!isLinkOnly(pub.posts[static_cast<std::size_t>(i)])) {
        run = -1;
        continue;
      }
      if (run < 0) run = i;
      owner[static_cast<std::size_t>(i)] = run;
    }
  }
  return owner;
}

std::string linkEntry(BookContext& ctx, int post) {
  const PostEntry& e = ctx.pub.posts[static_cast<std::size_t>(post)];
  const Post& p = *e.post;
  const std::string& id = ctx.postIds[static_cast<std::size_t>(post)].start;
  std::string out = "<section class=\"link-entry\" id=\"" + attr(id) + "\"";
  const Locale& locale = *ctx.pub.locale;
  const std::string lang = postLanguage(ctx.pub, p);
  out += langAttributes(lang, ctx.pub.language);
  out += ">\n<h2 class=\"link-title\">" + text(numberedPostTitle(locale, e, post)) + "</h2>\n";
  std::vector<std::string> meta;
  if (p.date.valid()) meta.push_back(text(postDateLabel(locale, p.date, DateForm::Long)));
  if (!p.authors.empty()) meta.push_back(text(postByline(locale, p)));
  if (!meta.empty()) {
    out += "<p class=\"byline\"" + langAttributes(ctx.pub.language, lang) + ">";
    for (std::size_t i = 0; i < meta.size(); ++i) out += (i ? " \xC2\xB7 " : "") + meta[i];
    out += "</p>\n";
  }
  if (!trim(e.summary).empty()) out += "<p class=\"link-summary\">" + text(std::string(trim(e.summary))) + "</p>\n";
  std::string href = hasScheme(p.linkUrl) ? cleanUrl(p.linkUrl) : std::string();
  if (!href.empty())
    out += "<p class=\"link-target\"><a href=\"" + attr(href) + "\">" + text(p.linkUrl) + "</a></p>\n";
  out += "</section>\n";
  return out;
}

Page linkEntriesPage(const Publication& pub, const std::vector<int>& members,
                     const std::vector<std::string>& entries) {
  Page page;
  int first = members.front();
  page.file = chapterFileName(first, 0);
  const Locale& locale = *pub.locale;
  page.title = members.size() == 1
                   ? numberedPostTitle(locale, pub.posts[static_cast<std::size_t>(first)], first)
                   : locale.label("label_value", {{"label", locale.label("links")},
                                                  {"value", locale.count("posts", static_cast<long long>(members.size()))}});
  page.bodyType = "bodymatter";
  page.body = "<section epub:type=\"chapter\" class=\"link-entries\">\n";
  for (int i : members) page.body += entries[static_cast<std::size_t>(i)];
  page.body += "</section>\n";
  return page;
}

}  // namespace pp::epub
