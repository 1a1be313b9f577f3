#include "epub/front_back.h"

#include "epub/xml_text.h"
#include "postpress/support/links.h"
#include "postpress/support/text.h"

namespace pp::epub {

namespace {

std::string bookTitle(const Publication& pub) {
  std::string t(trim(pub.title));
  return t.empty() ? pub.locale->label("digest") : t;
}

std::string postMeta(const Locale& locale, const PostEntry& e, bool withTags) {
  std::vector<std::string> parts;
  if (e.post && e.post->date.valid()) parts.push_back(text(postDateLabel(locale, e.post->date, DateForm::Long)));
  if (e.post && !e.post->authors.empty()) parts.push_back(text(postByline(locale, *e.post)));
  // A link-only post has nothing to read here: its entry points elsewhere.
  if (!(e.post && e.post->linkOnly)) parts.push_back(text(readingTimeLabel(locale, e)));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " \xC2\xB7 " : "") + parts[i];
  if (withTags && e.post && !e.post->tags.empty()) {
    out += "<br/><span class=\"brief-tags\">";
    for (std::size_t i = 0; i < e.post->tags.size(); ++i)
      out += (i ? " " : "") + std::string("<span class=\"tag\">") + text(e.post->tags[i]) + "</span>";
    out += "</span>";
  }
  return out;
}

}  // namespace

std::string postCountLabel(const Publication& pub) {
  const Locale& locale = *pub.locale;
  int minutes = 0;
  for (const auto& e : pub.posts) minutes += std::max(1, e.readingMinutes);
  return locale.count("posts", static_cast<long long>(pub.posts.size())) + " \xC2\xB7 " +
         locale.label("reading_total", {{"duration", locale.duration(minutes)}});
}

Page coverPage(const Publication& pub, const std::string& coverHref, int width, int height) {
  Page page;
  page.file = "cover.xhtml";
  page.title = pub.locale->label("cover");
  page.bodyType = "cover";
  std::string alt = bookTitle(pub);
  if (!trim(pub.subtitle).empty()) alt += ": " + std::string(trim(pub.subtitle));
  if (!trim(pub.period).empty()) alt += ", " + std::string(trim(pub.period));
  alt += ", " + pub.locale->count("posts", static_cast<long long>(pub.posts.size()));
  page.body = "<section class=\"cover\" epub:type=\"cover\">\n<img class=\"cover-image\" src=\"" +
              attr(coverHref) + "\" alt=\"" + attr(alt) + "\" width=\"" + std::to_string(width) +
              "\" height=\"" + std::to_string(height) + "\"/>\n</section>\n";
  return page;
}

Page titlePage(const Publication& pub) {
  Page page;
  page.file = "title.xhtml";
  page.title = bookTitle(pub);
  page.bodyType = "frontmatter";
  std::string& b = page.body;
  b += "<section class=\"titlepage\" epub:type=\"titlepage\">\n";
  b += "<h1 class=\"book-title\">" + text(bookTitle(pub)) + "</h1>\n";
  if (!trim(pub.subtitle).empty())
    b += "<p class=\"book-subtitle\">" + text(std::string(trim(pub.subtitle))) + "</p>\n";
  if (!trim(pub.period).empty())
    b += "<p class=\"book-period\">" + text(std::string(trim(pub.period))) + "</p>\n";
  if (!trim(pub.filters).empty())
    b += "<p class=\"book-filters\">" + text(std::string(trim(pub.filters))) + "</p>\n";
  b += "<p class=\"book-count\">" + text(postCountLabel(pub)) + "</p>\n";
  if (pub.site && !trim(pub.site->title).empty()) {
    std::string url(trim(pub.site->url));
    std::string site;
    if (hasScheme(url) && isLiveLink(url) && !cleanUrl(url).empty())
      site = "<a href=\"" + attr(cleanUrl(url)) + "\">" + text(pub.site->title) + "</a>";
    else site = text(pub.site->title);
    // The label escaped (its {site} left as written), the site's markup put in after.
    b += "<p class=\"book-site\">" + replaceAll(text(pub.locale->label("from_site")), "{site}", site) + "</p>\n";
  }
  if (!trim(pub.dateLabel).empty())
    b += "<p class=\"book-date\">" + text(std::string(trim(pub.dateLabel))) + "</p>\n";
  b += "</section>\n";
  return page;
}

Page briefPage(const Publication& pub, const PostLinks& links, const std::vector<Group>& sections) {
  Page page;
  page.file = "brief.xhtml";
  const Locale& locale = *pub.locale;
  page.title = locale.label("at_a_glance");
  page.bodyType = "frontmatter";
  std::string& b = page.body;
  b += "<section class=\"brief\" epub:type=\"preamble\">\n<h1>" + text(page.title) + "</h1>\n";
  auto entry = [&](int i) {
    const PostEntry& e = pub.posts[static_cast<std::size_t>(i)];
    // The title and summary are in the post's language, the rest in the digest's.
    const std::string lang = e.post ? langAttributes(postLanguage(pub, *e.post), pub.language) : std::string();
    std::string out = "<li class=\"brief-entry\">\n<p class=\"brief-title\"" + lang + "><a href=\"" +
                      attr(links.href[static_cast<std::size_t>(i)]) + "\">" +
                      text(links.title[static_cast<std::size_t>(i)]) + "</a></p>\n";
    out += "<p class=\"brief-meta\">" + postMeta(locale, e, true) + "</p>\n";
    if (!trim(e.summary).empty())
      out += "<p class=\"brief-summary\"" + lang + ">" + text(std::string(trim(e.summary))) + "</p>\n";
    out += "</li>\n";
    return out;
  };
  for (const Group& g : sections) {
    if (g.posts.empty()) continue;
    if (!trim(g.label).empty()) b += "<h2 class=\"brief-group\">" + text(g.label) + "</h2>\n";
    b += "<ul class=\"brief-list\">\n";
    for (int i : g.posts) b += entry(i);
    b += "</ul>\n";
  }
  b += "</section>\n";
  return page;
}

Page indexPage(const Publication& pub, const PostLinks& links, const std::vector<IndexEntry>& entries,
               const std::string& file, const std::string& heading) {
  Page page;
  page.file = file;
  page.title = heading;
  page.bodyType = "backmatter";
  std::string& b = page.body;
  b += "<section class=\"book-index\">\n<h1>" + text(heading) + "</h1>\n<ul class=\"index-list\">\n";
  for (const IndexEntry& e : entries) {
    std::string items;
    for (int i : e.posts) {
      if (i < 0 || i >= static_cast<int>(pub.posts.size())) continue;
      const PostEntry& pe = pub.posts[static_cast<std::size_t>(i)];
      items += "<li><a href=\"" + attr(links.href[static_cast<std::size_t>(i)]) + "\"" +
               langAttributes(links.lang[static_cast<std::size_t>(i)], pub.language) + ">" +
               text(links.title[static_cast<std::size_t>(i)]) + "</a>";
      if (pe.post && pe.post->date.valid())
        items += " <span class=\"index-date\">" + text(postDateLabel(*pub.locale, pe.post->date, DateForm::Long)) + "</span>";
      items += "</li>\n";
    }
    if (items.empty()) continue;
    b += "<li class=\"index-entry\"><p class=\"index-term\">" + text(e.label) +
         " <span class=\"index-count\">(" + pub.locale->number(static_cast<long long>(e.posts.size())) + ")</span></p>\n";
    b += "<ul class=\"index-posts\">\n" + items + "</ul></li>\n";
  }
  b += "</ul>\n</section>\n";
  return page;
}

}  // namespace pp::epub
