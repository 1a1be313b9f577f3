// Assembles the whole book: ids, chapters (rendered and split), the publication's own pages,
// navigation, package document, stylesheet and images, in one fixed order.
#include <algorithm>
#include <cctype>
#include <set>

#include "epub/book.h"
#include "epub/chapters.h"
#include "epub/cover_image.h"
#include "epub/front_back.h"
#include "epub/link_entries.h"
#include "epub/navigation.h"
#include "epub/package_document.h"
#include "epub/stylesheet.h"
#include "epub/xml_text.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"

namespace pp::epub {

namespace {

constexpr const char* kOpfFolder = "OEBPS/";

bool validModified(const std::string& s) {
  // CCYY-MM-DDThh:mm:ssZ exactly, as EPUB requires for dcterms:modified.
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
      s[16] != ':' || s[19] != 'Z')
    return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (!std::isdigit(static_cast<unsigned char>(s[static_cast<std::size_t>(i)]))) return false;
  return true;
}

std::string derivedIdentifier(const Publication& pub) {
  Hasher h;
  h.field(pub.title);
  h.field(pub.period);
  for (const auto& e : pub.posts) {
    h.field(e.anchor);
    h.field(e.post ? e.post->title : "");
    h.field(e.post ? e.post->url : "");
  }
  return "urn:uuid:" + uuidFromHash(h.hex());
}

std::vector<NavNode> headingTree(const std::vector<HeadingInfo>& headings,
                                 const std::map<std::string, std::string>& idToFile) {
  if (headings.empty()) return {};
  int minLevel = 6;
  for (const auto& h : headings) minLevel = std::min(minLevel, h.level);
  std::vector<NavNode> roots;
  // (level, path of indices) stack: a heading nests under the last shallower one.
  std::vector<std::pair<int, NavNode*>> stack;
  for (const auto& h : headings) {
    if (h.level > minLevel + 1 || trim(h.text).empty()) continue;
    auto it = idToFile.find(h.id);
    if (it == idToFile.end()) continue;
    while (!stack.empty() && stack.back().first >= h.level) stack.pop_back();
    std::vector<NavNode>& into = stack.empty() ? roots : stack.back().second->children;
    into.push_back({std::string(trim(h.text)), it->second + "#" + h.id, {}, "", ""});
    stack.emplace_back(h.level, &into.back());
  }
  return roots;
}

// The language of post i's title as the contents and indexes show it: the post's, unless the
// digest's own words stand in for a missing title; "" when it is the digest's.
std::string titleLanguage(const Publication& pub, int i) {
  const PostEntry& e = pub.posts[static_cast<std::size_t>(i)];
  if (!e.post || trim(e.post->title).empty()) return {};
  const std::string lang = postLanguage(pub, *e.post);
  return lang == pub.language ? std::string() : lang;
}

void setLanguage(std::vector<NavNode>& nodes, const std::string& lang) {
  for (NavNode& n : nodes) {
    n.lang = lang;
    setLanguage(n.children, lang);
  }
}

std::string accessibilitySummary(const Locale& locale, bool hasImages, bool allAlt, int missing) {
  std::string s = locale.label("a11y_structure");
  if (hasImages) s += " " + locale.label(allAlt ? "a11y_all_alt" : "a11y_some_alt");
  if (missing > 0) s += " " + locale.label("a11y_missing");
  s += " " + locale.label("a11y_reflow");
  return s;
}

}  // namespace

Book buildEpubFiles(const Publication& pub, const Style& style, const AssetLookup& assets,
                    DiagnosticSink& diags, const BookOptions& options) {
  Book book;
  const Locale& locale = *pub.locale;
  std::string lang(trim(pub.language));
  if (lang.empty()) lang = "en";
  if (!validLanguageTag(lang)) {
    diags.warning({}, "epub-language", "language '" + lang + "' is not a valid language tag: using 'en'");
    lang = "en";
  }
  book.modified = validModified(pub.isoDate) ? pub.isoDate : "1980-01-01T00:00:00Z";
  std::string identifier(trim(pub.identifier));
  if (identifier.empty()) identifier = derivedIdentifier(pub);
  std::string title(trim(pub.title));
  if (title.empty()) title = pub.site && !trim(pub.site->title).empty() ? std::string(trim(pub.site->title)) : locale.label("digest");

  ImageRegistry images(assets, diags);
  IdSet ids;
  for (const char* fixed : {"toc", "landmarks"}) ids.claim(fixed);
  std::vector<PostIds> postIds = assignPostIds(pub, ids);
  BookContext ctx{pub, postIds, ids, images, diags};

  // Cover image first, so that it is the first image of the manifest.
  std::string coverHref;
  int coverW = 0, coverH = 0;
  if (pub.parts.cover) {
    std::string png = renderCoverPng(pub, style, assets, options.coverWidth, options.coverHeight, options.cacheDir, diags);
    if (!png.empty()) {
      if (const StoredImage* img = images.add(std::move(png), true)) {
        coverHref = img->href;
        coverW = img->width;
        coverH = img->height;
      }
    }
  }

  // The nav must follow the spine (NAV-011), so grouping reorders the book, not only its
  // contents page: the same reading order as the PDF's body.
  std::vector<Group> sections = readingSections(pub);
  bool grouped = sections.size() > 1 || (sections.size() == 1 && !sections[0].label.empty());

  // Posts: rendered, split, then every link placeholder resolved to its file. Link-only posts
  // become compact entries, a run of them sharing the page of its first.
  std::map<std::string, std::string> idToFile;
  std::vector<std::vector<Page>> chapters(pub.posts.size());
  std::vector<int> owners = linkEntryOwners(pub, sections);
  std::vector<std::string> entries(pub.posts.size());
  PostLinks links;
  for (int i = 0; i < static_cast<int>(pub.posts.size()); ++i) {
    int owner = owners[static_cast<std::size_t>(i)];
    if (owner < 0) {
      chapters[static_cast<std::size_t>(i)] = renderPostChapters(ctx, i, options, idToFile);
      links.href.push_back(chapters[static_cast<std::size_t>(i)].front().file);
      links.title.push_back(chapters[static_cast<std::size_t>(i)].front().title);
      links.lang.push_back(titleLanguage(pub, i));
      continue;
    }
    const std::string& start = postIds[static_cast<std::size_t>(i)].start;
    entries[static_cast<std::size_t>(i)] = linkEntry(ctx, i);
    idToFile[start] = chapterFileName(owner, 0);
    links.href.push_back(owner == i ? idToFile[start] : idToFile[start] + "#" + start);
    std::string title(trim(pub.posts[static_cast<std::size_t>(i)].post->title));
    links.title.push_back(title.empty() ? locale.label("post_number", {{"n", locale.numeral(i + 1)}}) : title);
    links.lang.push_back(titleLanguage(pub, i));
  }
  for (const Group& g : sections) {
    std::vector<int> run;
    auto flush = [&] {
      if (!run.empty()) chapters[static_cast<std::size_t>(run.front())].push_back(linkEntriesPage(pub, run, entries));
      run.clear();
    };
    for (int i : g.posts) {
      if (owners[static_cast<std::size_t>(i)] < 0) flush();
      else if (!run.empty() && owners[static_cast<std::size_t>(i)] != run.front()) flush();
      if (owners[static_cast<std::size_t>(i)] >= 0) run.push_back(i);
    }
    flush();
  }
  for (auto& pages : chapters)
    for (auto& page : pages) resolvePlaceholders(page.body, idToFile, page.file, pages.front().file);

  // Spine order: cover, title page, brief, contents, posts, indexes.
  std::vector<Page> spinePages;
  std::vector<Landmark> landmarks;
  if (!coverHref.empty()) {
    spinePages.push_back(coverPage(pub, coverHref, coverW, coverH));
    landmarks.push_back({"cover", "cover.xhtml", locale.label("cover")});
  }
  Page title_ = titlePage(pub);
  title_.title = title;
  spinePages.push_back(title_);
  landmarks.push_back({"titlepage", "title.xhtml", locale.label("title_page")});
  bool brief = pub.parts.brief && !pub.posts.empty();
  if (brief) spinePages.push_back(briefPage(pub, links, sections));
  std::size_t navSpineIndex = pub.parts.toc ? spinePages.size() : std::string::npos;
  if (pub.parts.toc) landmarks.push_back({"toc", "nav.xhtml#toc", locale.label("contents")});
  if (!chapters.empty())
    landmarks.push_back({"bodymatter", links.href[static_cast<std::size_t>(sections.front().posts.front())],
                         locale.label("start_of_posts")});
  for (const Group& g : sections)
    for (int i : g.posts)
      for (auto& page : chapters[static_cast<std::size_t>(i)]) spinePages.push_back(std::move(page));
  bool tagIndex = pub.parts.tagIndex && !pub.tagIndex.empty();
  bool authorIndex = pub.parts.authorIndex && !pub.authorIndex.empty();
  if (tagIndex) {
    spinePages.push_back(indexPage(pub, links, pub.tagIndex, "tags.xhtml", locale.label("index_of_tags")));
    landmarks.push_back({"index", "tags.xhtml", locale.label("index_of_tags")});
  }
  if (authorIndex)
    spinePages.push_back(indexPage(pub, links, pub.authorIndex, "authors.xhtml", locale.label("index_of_authors")));

  // Navigation: front pages, posts (grouped when asked) with their sections, indexes.
  std::vector<NavNode> toc;
  toc.push_back({title, "title.xhtml", {}, "", ""});
  if (brief) toc.push_back({locale.label("at_a_glance"), "brief.xhtml", {}, "", ""});
  auto postNode = [&](int i) {
    NavNode n{links.title[static_cast<std::size_t>(i)], links.href[static_cast<std::size_t>(i)], {}, "toc-post",
              links.lang[static_cast<std::size_t>(i)]};
    n.children = headingTree(postIds[static_cast<std::size_t>(i)].headings, idToFile);
    const std::string postLang = pub.posts[static_cast<std::size_t>(i)].post
                                     ? postLanguage(pub, *pub.posts[static_cast<std::size_t>(i)].post)
                                     : std::string();
    setLanguage(n.children, postLang == pub.language ? std::string() : postLang);
    return n;
  };
  for (const Group& g : sections) {
    std::vector<NavNode>& into = grouped ? toc.emplace_back(NavNode{g.label, "", {}, "toc-group", ""}).children : toc;
    for (int i : g.posts) into.push_back(postNode(i));
  }
  if (tagIndex) toc.push_back({locale.label("index_of_tags"), "tags.xhtml", {}, "", ""});
  if (authorIndex) toc.push_back({locale.label("index_of_authors"), "authors.xhtml", {}, "", ""});

  // Metadata.
  PackageMetadata meta;
  meta.identifier = identifier;
  meta.title = title;
  meta.subtitle = std::string(trim(pub.subtitle));
  std::set<std::string> seen;
  for (const auto& e : pub.posts)
    if (e.post)
      for (const auto& a : e.post->authors)
        if (!trim(a).empty() && seen.insert(matchKey(a)).second) meta.creators.push_back(std::string(trim(a)));
  seen.clear();
  for (const auto& e : pub.posts)
    if (e.post)
      for (const auto& t : e.post->tags)
        if (!trim(t).empty() && seen.insert(matchKey(t)).second) meta.subjects.push_back(std::string(trim(t)));
  meta.language = lang;
  meta.rightToLeft = isRightToLeft(lang);
  meta.date = book.modified;
  meta.modified = book.modified;
  std::string site = pub.site ? std::string(trim(pub.site->title)) : std::string();
  const auto posts = static_cast<long long>(pub.posts.size());
  meta.description = (site.empty() ? locale.count("description", posts)
                                   : locale.count("description_from_site", posts, {{"site", site}})) +
                     (trim(pub.period).empty() ? std::string() : " (" + std::string(trim(pub.period)) + ")") + ".";
  if (!meta.subtitle.empty()) meta.description = meta.subtitle + ". " + meta.description;
  if (!trim(pub.filters).empty()) meta.description += " " + std::string(trim(pub.filters)) + ".";
  meta.publisher = site;
  if (pub.site && hasScheme(pub.site->url)) meta.source = cleanUrl(pub.site->url);
  meta.hasImages = ctx.imagesShown > 0 || !coverHref.empty();
  meta.allImagesHaveAlt = ctx.imagesWithAlt == ctx.imagesShown;
  meta.hasToc = true;
  meta.accessibilitySummary = accessibilitySummary(locale, meta.hasImages, meta.allImagesHaveAlt, ctx.imagesMissing);
  meta.conformsToWcagAA = meta.allImagesHaveAlt;

  std::vector<ManifestItem> manifest;
  std::vector<std::string> spine;
  manifest.push_back({"nav", "nav.xhtml", "application/xhtml+xml", "nav"});
  manifest.push_back({"ncx", "toc.ncx", "application/x-dtbncx+xml", ""});
  manifest.push_back({"css", "style.css", "text/css", ""});
  for (std::size_t i = 0; i < spinePages.size(); ++i) {
    if (i == navSpineIndex) spine.push_back("nav");
    std::string id = "x-" + spinePages[i].file.substr(0, spinePages[i].file.rfind('.'));
    // Text is escaped in the body: "<math " can only be a MathML element.
    const bool math = spinePages[i].body.find("<math xmlns=") != std::string::npos;
    manifest.push_back({id, spinePages[i].file, "application/xhtml+xml", math ? "mathml" : ""});
    spine.push_back(id);
  }
  if (navSpineIndex != std::string::npos && navSpineIndex >= spinePages.size()) spine.push_back("nav");
  for (const StoredImage& img : images.images()) {
    manifest.push_back({img.manifestId, img.href, img.mediaType, img.coverImage ? "cover-image" : ""});
    if (img.coverImage) meta.coverImageId = img.manifestId;
  }

  // Files in their fixed order.
  auto add = [&](std::string path, FileBytes data, bool compress = true) {
    book.files.push_back({std::move(path), std::move(data), compress, std::nullopt});
  };
  std::string opf = std::string(kOpfFolder) + "content.opf";
  add("mimetype", std::string("application/epub+zip"), false);
  add("META-INF/container.xml", containerXml(opf));
  add(opf, packageDocument(meta, manifest, spine));
  add(std::string(kOpfFolder) + "toc.ncx", ncxDocument(toc, identifier, title, lang));
  add(std::string(kOpfFolder) + "nav.xhtml", navDocument(toc, landmarks, lang, locale.label("contents")));
  add(std::string(kOpfFolder) + "style.css", stylesheet(style));
  for (const Page& p : spinePages) add(std::string(kOpfFolder) + p.file, xhtmlDocument(p, lang));
  for (StoredImage& img : images.images()) {
    add(std::string(kOpfFolder) + img.href, std::move(img.data), false);  // already compressed
    book.files.back().source = std::move(img.source);
  }

  book.stats.contentDocuments = static_cast<int>(spinePages.size()) + (pub.parts.toc ? 1 : 0);
  book.stats.images = static_cast<int>(images.images().size());
  return book;
}

}  // namespace pp::epub
