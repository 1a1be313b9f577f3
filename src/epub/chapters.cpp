#include "epub/chapters.h"

#include <cstdio>
#include <set>

#include "epub/xml_text.h"
#include "postpress/support/text.h"

namespace pp::epub {

std::string chapterFileName(int post, int part) {
  char buf[32];
  if (part == 0) std::snprintf(buf, sizeof buf, "p%03d.xhtml", post + 1);
  else std::snprintf(buf, sizeof buf, "p%03d-%d.xhtml", post + 1, part + 1);
  return buf;
}

namespace {

// `lang`: the attributes of what is in the digest's language inside the post's document
// (langAttributes): its byline and labels.
std::string opening(BookContext& ctx, int post, const std::string& lang) {
  const PostEntry& e = ctx.pub.posts[static_cast<std::size_t>(post)];
  const Post* p = e.post;
  const Locale& locale = *ctx.pub.locale;
  std::string out = "<header class=\"post-opening\">\n";
  out += "<h1 class=\"post-title\">" + text(numberedPostTitle(locale, e, post)) + "</h1>\n";
  if (p && !trim(p->subtitle).empty())
    out += "<p class=\"post-subtitle\">" + text(std::string(trim(p->subtitle))) + "</p>\n";
  std::vector<std::string> parts;
  if (p && !p->authors.empty())
    parts.push_back("<span class=\"authors\">" + text(postByline(locale, *p)) + "</span>");
  if (p && p->date.valid())
    parts.push_back("<span class=\"date\">" + text(postDateLabel(locale, p->date, DateForm::Long)) + "</span>");
  parts.push_back("<span class=\"reading-time\">" + text(readingTimeLabel(locale, e)) + "</span>");
  out += "<p class=\"byline\"" + lang + ">";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " \xC2\xB7 " : "") + parts[i];
  out += "</p>\n";
  if (p && !p->tags.empty()) {
    out += "<p class=\"tags\">";
    for (std::size_t i = 0; i < p->tags.size(); ++i)
      out += (i ? " " : "") + std::string("<span class=\"tag\">") + text(p->tags[i]) + "</span>";
    out += "</p>\n";
  }
  if (e.heroAsset >= 0) {
    std::string img = imageElement(ctx, e.heroAsset, numberedPostTitle(locale, e, post), p ? p->heroImage : "", "hero");
    if (startsWith(img, "<img")) out += "<figure class=\"hero\">" + img + "</figure>\n";
    else out += "<p class=\"missing-figure\">" + img + "</p>\n";
  }
  if (p && !trim(p->url).empty()) {
    std::string url(trim(p->url));
    std::string href = hasScheme(url) ? cleanUrl(url) : std::string();
    const std::string link = href.empty() ? text(url) : "<a href=\"" + attr(href) + "\">" + text(url) + "</a>";
    out += "<p class=\"original\"" + lang + ">" +
           replaceAll(text(locale.label("label_value", {{"label", locale.label("original_post")}})), "{value}", link) +
           "</p>\n";
  }
  out += "</header>\n";
  return out;
}

}  // namespace

std::vector<Page> renderPostChapters(BookContext& ctx, int post, const BookOptions& options,
                                     std::map<std::string, std::string>& idToFile) {
  const PostEntry& e = ctx.pub.posts[static_cast<std::size_t>(post)];
  const std::string& startId = ctx.postIds[static_cast<std::size_t>(post)].start;
  PostRenderer renderer(ctx, post);
  const Locale& locale = *ctx.pub.locale;
  // The post's document is in its own language; what the digest writes in it, in the digest's.
  const std::string lang = e.post ? postLanguage(ctx.pub, *e.post) : ctx.pub.language;
  const std::string digestWords = langAttributes(ctx.pub.language, lang);

  std::string open = opening(ctx, post, digestWords);
  std::vector<RenderedPart> blocks;
  blocks.reserve(e.doc.blocks.size());
  for (const Block& b : e.doc.blocks) blocks.push_back(renderer.block(b));
  // Footnotes after the body: their back links need the first reference's id.
  std::vector<RenderedPart> notes;
  for (int n = 0; n < renderer.footnoteCount(); ++n) notes.push_back(renderer.footnote(n));

  // Split: a new part at a section heading once the part is large, at any block once huge.
  std::vector<std::vector<std::size_t>> chunks(1);
  std::size_t size = open.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    bool full = size >= options.hardSplitBytes || (blocks[i].splitPoint && size >= options.splitBytes);
    if (full && !chunks.back().empty()) {
      chunks.emplace_back();
      size = 0;
    }
    chunks.back().push_back(i);
    size += blocks[i].xhtml.size();
  }

  // Each footnote goes with the part that first references it (or a note referencing it).
  std::vector<std::vector<int>> chunkNotes(chunks.size());
  std::set<int> placed;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    std::vector<int> queue;
    for (std::size_t bi : chunks[c])
      queue.insert(queue.end(), blocks[bi].footnotes.begin(), blocks[bi].footnotes.end());
    for (std::size_t q = 0; q < queue.size(); ++q) {
      int n = queue[q];
      if (n < 0 || n >= static_cast<int>(notes.size()) || !placed.insert(n).second) continue;
      chunkNotes[c].push_back(n);
      const auto& inner = notes[static_cast<std::size_t>(n)].footnotes;
      queue.insert(queue.end(), inner.begin(), inner.end());
    }
  }
  for (int n = 0; n < static_cast<int>(notes.size()); ++n)
    if (!placed.count(n)) chunkNotes.back().push_back(n);

  std::string title = numberedPostTitle(locale, e, post);
  std::vector<Page> pages;
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    Page page;
    page.file = chapterFileName(post, static_cast<int>(c));
    page.title = c == 0 ? title : locale.label("post_part", {{"title", title}, {"n", locale.numeral(static_cast<long long>(c + 1))}});
    page.bodyType = "bodymatter";
    page.lang = lang;
    std::string& body = page.body;
    if (c == 0) {
      body += "<section epub:type=\"chapter\" class=\"post\" id=\"" + startId + "\">\n" + open;
      idToFile[startId] = page.file;
    } else {
      body += "<section epub:type=\"chapter\" class=\"post post-continued\">\n";
      body += "<p class=\"continued\"" + digestWords + ">" + text(locale.label("post_continued", {{"title", title}})) + "</p>\n";
    }
    for (std::size_t bi : chunks[c]) {
      body += blocks[bi].xhtml;
      for (const auto& id : blocks[bi].ids) idToFile[id] = page.file;
    }
    if (!chunkNotes[c].empty()) {
      body += "<section class=\"footnotes\" epub:type=\"footnotes\">\n<h2 class=\"footnotes-title\"" + digestWords + ">" + text(locale.label("notes")) + "</h2>\n";
      for (int n : chunkNotes[c]) {
        const RenderedPart& note = notes[static_cast<std::size_t>(n)];
        body += note.xhtml;
        for (const auto& id : note.ids) idToFile[id] = page.file;
      }
      body += "</section>\n";
    }
    body += "</section>\n";
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace pp::epub
