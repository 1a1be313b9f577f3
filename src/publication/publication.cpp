#include "postpress/publication.h"

#include <algorithm>
#include <stdexcept>
#include <map>
#include <set>

#include "postpress/support/hash.h"
#include "postpress/support/media_types.h"
#include "postpress/support/text.h"
#include "publication/summary.h"
#include "publication/key_points.h"

namespace pp {

namespace {

constexpr int kWordsPerMinute = 230;

SourceLoc heroLoc(const Post& post) {
  for (const char* key : {"image", "header-img", "cover", "featured_image", "featured", "hero",
                          "thumbnail", "images", "header_image", "banner"}) {
    auto it = post.fieldLocs.find(key);
    if (it != post.fieldLocs.end()) return it->second;
  }
  return SourceLoc{post.path, 0, 0};
}

// "p3-kubecon-na-2025": unique, stable, starts with a letter (XHTML ids and PDF names).
std::string postAnchor(const Post& post, std::size_t index, std::set<std::string>& used) {
  std::string slug = slugify(post.slug.empty() ? post.title : post.slug);
  // Keep anchors ASCII and short: they become file names and PDF destination names.
  std::string ascii;
  for (char c : slug)
    if (static_cast<unsigned char>(c) < 0x80) ascii += c;
  if (ascii.size() > 48) ascii.resize(48);
  while (!ascii.empty() && ascii.back() == '-') ascii.pop_back();
  std::string anchor = "p" + std::to_string(index + 1) + (ascii.empty() ? "" : "-" + ascii);
  while (!used.insert(anchor).second) anchor += "x";
  return anchor;
}

// Sort key for an author: family name first ("Tang Yuan" for "Yuan Tang"), case-folded.
std::string authorSortKey(const std::string& name) {
  std::string t(trim(name));
  auto space = t.find_last_of(' ');
  std::string key = space == std::string::npos ? t : t.substr(space + 1) + " " + t.substr(0, space);
  return matchKey(key);
}

std::vector<IndexEntry> buildIndex(const std::vector<PostEntry>& posts, bool tags) {
  std::map<std::string, IndexEntry> byKey;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const auto& names = tags ? posts[i].post->tags : posts[i].post->authors;
    for (const auto& name : names) {
      std::string key = matchKey(name);
      if (key.empty()) continue;
      auto& entry = byKey[key];
      if (entry.label.empty()) entry.label = name;
      if (entry.posts.empty() || entry.posts.back() != static_cast<int>(i))
        entry.posts.push_back(static_cast<int>(i));
    }
  }
  std::vector<IndexEntry> out;
  for (auto& [key, entry] : byKey) out.push_back(std::move(entry));
  std::stable_sort(out.begin(), out.end(), [&](const IndexEntry& a, const IndexEntry& b) {
    return tags ? matchKey(a.label) < matchKey(b.label)
                : authorSortKey(a.label) < authorSortKey(b.label);
  });
  return out;
}

// The tag a post is filed under when contents are grouped by tag: the first of its tags that
// the selection asked for, else its first tag.
std::string primaryTag(const Post& post, const Selection& selection, const Locale& locale) {
  for (const auto& t : post.tags)
    for (const auto& wanted : selection.tags)
      if (matchKey(t) == matchKey(wanted)) return t;
  return post.tags.empty() ? locale.label("other_tag") : post.tags.front();
}

std::vector<Group> buildGroups(const std::vector<PostEntry>& posts, const std::string& groupBy,
                               const Selection& selection, const Locale& locale) {
  std::vector<Group> groups;
  if (groupBy != "month" && groupBy != "tag") {
    Group all;
    for (std::size_t i = 0; i < posts.size(); ++i) all.posts.push_back(static_cast<int>(i));
    groups.push_back(std::move(all));
    return groups;
  }
  std::map<std::string, std::size_t> index;  // label key -> position in groups
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const Post& p = *posts[i].post;
    std::string label = groupBy == "month" ? monthLabel(locale, p.date) : primaryTag(p, selection, locale);
    std::string key = matchKey(label);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, groups.size()).first;
      groups.push_back(Group{label, {}});
    }
    groups[it->second].posts.push_back(static_cast<int>(i));
  }
  return groups;
}

// "Tags: KServe, vLLM · Authors: Yuan Tang · Excluding: draft". The tags are shown in the
// spelling the posts use when one of them carries the tag.
std::string describeFilters(const Selection& sel, const std::vector<const Post*>& posts, const Locale& locale) {
  auto displayTag = [&](const std::string& wanted) {
    for (const Post* p : posts)
      for (const auto& t : p->tags)
        if (matchKey(t) == matchKey(wanted)) return t;
    return wanted;
  };
  auto displayAuthor = [&](const std::string& wanted) {
    for (const Post* p : posts)
      for (const auto& a : p->authors)
        if (matchKey(a) == matchKey(wanted)) return a;
    return wanted;
  };
  auto joinWith = [](const std::vector<std::string>& v, auto display) {
    std::string out;
    for (const auto& x : v) {
      if (!out.empty()) out += ", ";
      out += display(x);
    }
    return out;
  };
  std::string out;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += " \xC2\xB7 ";
    out += part;
  };
  auto labelled = [&](const std::string& label, const std::string& value) {
    return locale.label("label_value", {{"label", label}, {"value", value}});
  };
  // The label's form for the number of names ("Tag", "Tags"; the forms hold no number).
  auto named = [&](const char* key, std::size_t n) { return locale.count(key, static_cast<long long>(n)); };
  if (!sel.tags.empty()) add(labelled(named("filter_tags", sel.tags.size()), joinWith(sel.tags, displayTag)));
  if (!sel.authors.empty())
    add(labelled(named("filter_authors", sel.authors.size()), joinWith(sel.authors, displayAuthor)));
  if (!sel.excludeTags.empty()) add(labelled(locale.label("filter_excluding"), joinWith(sel.excludeTags, displayTag)));
  return out;
}

std::string stableIdentifier(const Publication& pub) {
  Hasher h;
  h.field(pub.title);
  h.field(pub.subtitle);
  h.field(pub.period);
  for (const auto& e : pub.posts) {
    h.field(e.post->path);
    h.field(e.post->title);
    h.field(e.post->date.isoDateTime());
    h.field(e.post->body);
  }
  return "urn:uuid:" + uuidFromHash(h.hex());
}

bool pick(int configured, bool fromStyle) { return configured < 0 ? fromStyle : configured != 0; }

}  // namespace

std::string digestIdentity(const Publication& pub, const Style& style) {
  std::string id = pub.site ? pub.site->root.string() : std::string();
  for (const std::string* part : {&pub.title, &pub.subtitle, &pub.period, &style.name, &style.paper}) id += '\n' + *part;
  for (const PostEntry& e : pub.posts) id += '\n' + (e.post ? e.post->path : std::string());
  return id;
}

std::string digestLanguage(const PublicationOptions& options, const Selection& selection, const Site& site) {
  if (!trim(options.language).empty()) return std::string(trim(options.language));
  if (!trim(selection.language).empty()) return std::string(trim(selection.language));
  if (!trim(site.language).empty()) return std::string(trim(site.language));
  return "en";
}

Publication::Publication(std::shared_ptr<const Locale> language) : locale(std::move(language)) {
  if (!locale) throw std::invalid_argument("a Publication needs a Locale");
}

std::size_t Publication::totalWords() const {
  std::size_t n = 0;
  for (const auto& p : posts) n += p.words;
  return n;
}

bool isMediaUrl(const std::string& url) {
  std::string u = toLowerAscii(url);
  // The path of the URL, from the first '/' after the host.
  auto scheme = u.find("://");
  std::size_t hostStart = scheme == std::string::npos ? (startsWith(u, "//") ? 2 : 0) : scheme + 3;
  std::size_t slash = u.find('/', hostStart);
  std::string_view path = slash == std::string::npos ? std::string_view() : std::string_view(u).substr(slash);
  switch (mediaSiteOf(url)) {
    case MediaSite::YouTube:  // a video, a live stream or a playlist; not a channel
      if (urlHost(url) == "youtu.be" || startsWith(path, "/watch") || startsWith(path, "/embed") ||
          startsWith(path, "/live") || startsWith(path, "/playlist"))
        return true;
      break;
    case MediaSite::Vimeo:
    case MediaSite::Twitch:
    case MediaSite::Wistia: return true;
    case MediaSite::Sched: return false;  // a schedule page, even when a recording is linked from it
    case MediaSite::Loom:
      if (startsWith(path, "/share")) return true;
      break;
    default: break;
  }
  // Recordings and programmes on any site.
  for (const char* part : {"/recordings", "/recording/", "/video/", "/videos/"})
    if (u.find(part) != std::string::npos) return true;
  return false;
}

Publication buildPublication(const Site& site, const Selection& selection,
                             const std::vector<const Post*>& posts, std::vector<Document> docs,
                             const PublicationOptions& options, const Style& style,
                             AssetStore& assets, std::shared_ptr<const Locale> locale, DiagnosticSink& diags) {
  Publication pub(std::move(locale));
  const Locale& language = *pub.locale;
  pub.site = &site;
  pub.assets = &assets;
  pub.selection = selection;
  pub.title = !options.title.empty() ? options.title : !site.title.empty() ? site.title : language.label("digest");
  pub.subtitle = options.subtitle;
  pub.period = periodLabel(selection, posts, language);
  pub.filters = describeFilters(selection, posts, language);
  const long long epoch = options.buildEpoch;
  pub.buildEpoch = epoch;
  pub.dateLabel = language.date(epoch, DateForm::Long);
  pub.isoDate = isoTimestamp(epoch);
  pub.language = language.tag();

  pub.parts.cover = pick(options.cover, style.cover);
  pub.parts.brief = pick(options.brief, style.brief);
  pub.parts.toc = pick(options.toc, style.toc);
  pub.parts.tagIndex = pick(options.tagIndex, style.tagIndex);
  pub.parts.authorIndex = pick(options.authorIndex, style.authorIndex);
  pub.groupBy = options.groupBy.empty() ? "none" : options.groupBy;

  std::set<std::string> usedAnchors;
  pub.posts.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    PostEntry e;
    e.post = posts[i];
    if (i < docs.size()) e.doc = std::move(docs[i]);
    e.anchor = postAnchor(*e.post, i, usedAnchors);
    KeyPoints points = keyPointsOf(e.doc);
    e.summary = summarize(*e.post, e.doc, points.sectionParagraph);
    e.keyPoints = std::move(points.points);
    e.figures = std::move(points.figures);
    e.words = wordCount(e.doc);
    e.readingMinutes = std::max<int>(1, static_cast<int>((e.words + kWordsPerMinute - 1) / kWordsPerMinute));
    if (!e.post->heroImage.empty())
      e.heroAsset = assets.resolve(site, *e.post, e.post->heroImage, heroLoc(*e.post), diags);
    pub.posts.push_back(std::move(e));
  }

  SourceLoc configLoc{"postpress configuration", 0, 0};
  if (!options.coverImage.empty()) pub.coverImageAsset = assets.resolveFile(options.coverImage, configLoc, diags);
  if (!options.logo.empty()) pub.logoAsset = assets.resolveFile(options.logo, configLoc, diags);

  pub.groups = buildGroups(pub.posts, pub.groupBy, selection, language);
  pub.tagIndex = buildIndex(pub.posts, true);
  pub.authorIndex = buildIndex(pub.posts, false);
  pub.identifier = stableIdentifier(pub);
  return pub;
}

std::vector<Group> readingSections(const Publication& pub) {
  const int n = static_cast<int>(pub.posts.size());
  std::vector<Group> sections;
  std::vector<bool> seen(pub.posts.size(), false);
  const bool grouped = pub.groupBy != "none" &&
                       std::any_of(pub.groups.begin(), pub.groups.end(),
                                   [](const Group& g) { return !trim(g.label).empty(); });
  if (grouped)
    for (const Group& g : pub.groups) {
      Group s{trim(g.label).empty() ? pub.locale->label("other_posts") : std::string(trim(g.label)), {}};
      for (int i : g.posts)
        if (i >= 0 && i < n && !seen[static_cast<std::size_t>(i)]) {
          seen[static_cast<std::size_t>(i)] = true;
          s.posts.push_back(i);
        }
      if (!s.posts.empty()) sections.push_back(std::move(s));
    }
  Group rest{grouped ? pub.locale->label("other_posts") : std::string(), {}};
  for (int i = 0; i < n; ++i)
    if (!seen[static_cast<std::size_t>(i)]) rest.posts.push_back(i);
  if (!rest.posts.empty()) sections.push_back(std::move(rest));
  return sections;
}


}  // namespace pp
