// Normalising what authors wrote in front matter into Post fields. Every rule here exists
// because a real blog writes it that way; diagnostics point at the front matter line.
#include <algorithm>
#include <set>

#include "postpress/support/text.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

namespace {

SourceLoc keyLoc(const Post& post, std::string_view key) {
  for (const auto& [k, loc] : post.fieldLocs) {
    if (iequals(k, key)) return loc;
  }
  return {post.path, 0, 0};
}

bool hasContent(const Meta& m) {
  if (m.isScalar()) return !trim(m.text).empty();
  if (m.isList() || m.isMap()) return !m.values.empty();
  return false;
}

// The first of keys present with a non-empty value; *which receives the key.
const Meta* firstField(const Meta& fm, std::initializer_list<const char*> keys,
                       std::string* which = nullptr) {
  for (const char* key : keys) {
    const Meta* v = fm.find(key);
    if (v && hasContent(*v)) {
      if (which) *which = key;
      return v;
    }
  }
  return nullptr;
}

void pushUnique(std::vector<std::string>& list, std::set<std::string>& seen, std::string value) {
  std::string t(trim(value));
  if (t.empty()) return;
  if (seen.insert(matchKey(t)).second) list.push_back(std::move(t));
}

std::string humanise(std::string_view name) {
  std::string slug;
  if (dateFromName(name, &slug)) name = slug;
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// The date in the file or folder name, and the slug after it.
std::optional<DateTime> nameDate(const Site& site, const PostContext& ctx, std::string& slug) {
  if (auto d = dateFromName(ctx.baseName, &slug)) return d;
  if (site.generator == Generator::Jekyll) return std::nullopt;  // Jekyll reads file names only
  // Dated folders (`2025/11/18/slug.md`, `2025-11-18-slug/index.mdx`) anywhere in the path.
  std::string_view rel = ctx.contentRel;
  for (std::size_t pos = 0; pos < rel.size(); ++pos) {
    if (pos > 0 && rel[pos - 1] != '/') continue;
    if (auto d = dateFromName(rel.substr(pos), &slug)) {
      if (std::size_t slash = slug.rfind('/'); slash != std::string::npos && slug.size() > slash + 1) {
        slug = slug.substr(slash + 1);
      }
      return d;
    }
  }
  slug.clear();
  return std::nullopt;
}

void readTitle(const Meta& fm, Post& post, const PostContext& ctx, DiagnosticSink& diags) {
  if (const Meta* t = fm.find("title")) {
    if (t->isScalar()) {
      post.title = std::string(trim(t->text));
    } else if (!t->isNull()) {
      diags.warning(keyLoc(post, "title"), "frontmatter-type", "title is not text; ignored");
    }
  }
  if (post.title.empty()) {
    post.title = firstHeading(post.body);
    post.titleFromBody = !post.title.empty();
  }
  if (post.title.empty()) post.title = humanise(ctx.baseName);
  if (post.title.empty()) post.title = "Untitled";
}

void readDate(const Site& site, const Meta& fm, const PostContext& ctx, Post& post,
              std::string& nameSlug, DiagnosticSink& diags) {
  std::optional<DateTime> fromName = nameDate(site, ctx, nameSlug);
  std::optional<DateTime> fromFm;
  std::string which;
  for (const char* key : {"date", "publishDate", "pubDate", "published", "created"}) {
    const Meta* v = fm.find(key);
    if (!v || !v->isScalar() || trim(v->text).empty()) continue;
    if (std::string(key) == "published" && (v->truthy() || v->falsy())) continue;
    fromFm = parseDateTime(v->text);
    if (fromFm) {
      which = key;
      break;
    }
    diags.warning(keyLoc(post, key), "date-invalid",
                  "cannot read " + std::string(key) + " `" + std::string(trim(v->text)) + "`" +
                      (fromName ? "; using the date in the file name" : ""));
  }
  if (fromFm) {
    post.date = *fromFm;
    if (fromName && fromFm->compareDay(*fromName) != 0) {
      diags.warning(keyLoc(post, which), "date-mismatch",
                    "front matter " + which + " " + fromFm->isoDate() +
                        " differs from the date in the file name " + fromName->isoDate() +
                        "; using the front matter date");
    }
  } else if (fromName) {
    post.date = *fromName;
  } else if (!ctx.inDrafts) {
    diags.note({post.path, 0, 0}, "date-missing",
               "no date in the front matter or the file name; left out of date selections");
  }
}

void addTagValues(const Site& site, const Meta* v, bool spaceSeparated,
                  std::vector<std::string>& out, std::set<std::string>& seen) {
  if (!v) return;
  auto label = [&](std::string s) {
    if (!site.tagLabels.empty()) {
      if (auto it = site.tagLabels.find(s); it != site.tagLabels.end()) return it->second;
    }
    return s;
  };
  auto fromMap = [&](const Meta& m) {
    std::string s = scalarAt(m, "label");
    if (s.empty()) s = scalarAt(m, "name");
    return s;
  };
  if (v->isScalar()) {
    for (std::string& t : splitTagString(v->text, spaceSeparated)) pushUnique(out, seen, label(t));
  } else if (v->isList()) {
    for (const Meta& item : v->values) {
      if (item.isScalar()) pushUnique(out, seen, label(std::string(trim(item.text))));
      if (item.isMap()) pushUnique(out, seen, fromMap(item));
    }
  } else if (v->isMap()) {
    pushUnique(out, seen, fromMap(*v));
  }
}

void readTags(const Site& site, const Meta& fm, const PostContext& ctx, Post& post) {
  // Jekyll splits a tags string on spaces ("tags: ai ml" is two tags); others keep it whole.
  bool jekyll = site.generator == Generator::Jekyll;
  std::vector<std::string> tags, categories;
  std::set<std::string> seenTags, seenCats;
  addTagValues(site, fm.find("tags"), jekyll, tags, seenTags);
  addTagValues(site, fm.find("tag"), jekyll, tags, seenTags);
  for (const std::string& c : ctx.folderCategories) pushUnique(categories, seenCats, c);
  addTagValues(site, fm.find("categories"), jekyll, categories, seenCats);
  addTagValues(site, fm.find("category"), jekyll, categories, seenCats);
  post.categories = categories;
  if (site.tagSource == "categories") {
    post.tags = std::move(categories);
  } else if (site.tagSource == "both") {
    for (std::string& c : categories) pushUnique(tags, seenTags, std::move(c));
    post.tags = std::move(tags);
  } else {
    post.tags = std::move(tags);  // "auto" switches to categories in loadSite (site-wide)
  }
}


bool isImageName(std::string_view name) {
  std::string lower = toLowerAscii(name);
  for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}) {
    if (endsWith(lower, ext)) return true;
  }
  return false;
}

// Hugo themes (Docsy, among others) show a bundle resource named *featured* as the post's
// image when the front matter names none: the bundle's own folder first, then its subfolders,
// in name order.
std::string featuredResource(const fs::path& folder) {
  std::vector<std::string> top, nested;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() > 2) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code ec2;
    if (!it->is_regular_file(ec2)) continue;
    std::string name = it->path().filename().string();
    if (!isImageName(name) || toLowerAscii(name).find("featured") == std::string::npos) continue;
    std::string rel = it->path().lexically_relative(folder).generic_string();
    (it.depth() == 0 ? top : nested).push_back(rel);
  }
  std::sort(top.begin(), top.end());
  std::sort(nested.begin(), nested.end());
  if (!top.empty()) return top.front();
  if (!nested.empty()) return nested.front();
  return {};
}

void readImage(const Site& site, const Meta& fm, const PostContext& ctx, Post& post) {
  for (const char* key : {"image", "header-img", "header_image", "cover", "cover_image", "coverImage",
                          "featured_image", "featuredImage", "feature_image", "images", "hero",
                          "hero_image", "heroImage", "thumbnail", "extra.image", "params.image",
                          "params.images"}) {
    if (const Meta* v = fm.path(key)) {
      post.heroImage = imageValue(*v);
      if (!post.heroImage.empty()) return;
    }
  }
  if (site.generator == Generator::Hugo && ctx.isIndex && !ctx.folder.empty()) {
    post.heroImage = featuredResource(ctx.folder);
    // A translated bundle shows the featured image of the bundles it inherits from.
    for (std::size_t i = 0; post.heroImage.empty() && i < post.resourceDirs.size(); ++i) {
      post.heroImage = featuredResource(post.resourceDirs[i]);
    }
  }
}

bool isDraft(const Meta& fm, const PostContext& ctx) {
  if (ctx.inDrafts) return true;
  if (const Meta* v = fm.find("draft"); v && v->truthy()) return true;
  if (const Meta* v = fm.find("published"); v && v->falsy()) return true;
  // Hugo pages that are never rendered (`build: {render: never}`, `headless: true`).
  for (const char* key : {"build.render", "_build.render"}) {
    if (const Meta* v = fm.path(key); v && (v->falsy() || iequals(trim(v->text), "never"))) {
      return true;
    }
  }
  if (const Meta* v = fm.find("headless"); v && v->truthy()) return true;
  return false;
}

bool wantsMath(const Meta& fm) {
  for (const char* key : {"math", "mathjax", "katex", "use_math", "usemathjax"}) {
    const Meta* v = fm.find(key);
    if (!v || !v->isScalar()) continue;
    std::string s = toLowerAscii(trim(v->text));
    if (v->truthy() || s == "katex" || s == "mathjax") return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> splitTagString(std::string_view s, bool spaceSeparated) {
  std::vector<std::string> out;
  char sep = s.find(',') != std::string_view::npos ? ',' : (spaceSeparated ? ' ' : '\0');
  if (sep == '\0') {
    if (!trim(s).empty()) out.emplace_back(trim(s));
    return out;
  }
  std::string normal(s);
  if (sep == ' ') std::replace(normal.begin(), normal.end(), '\t', ' ');
  for (const std::string& part : split(normal, sep)) {
    if (!trim(part).empty()) out.emplace_back(trim(part));
  }
  return out;
}

std::string firstHeading(std::string_view body) {
  bool inFence = false;
  char fenceChar = 0;
  std::size_t fenceLen = 0;
  std::string paragraph;  // the paragraph a setext underline would turn into a heading
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    std::string_view content = line.substr(indent);
    if (inFence) {
      std::size_t n = 0;
      while (n < content.size() && content[n] == fenceChar) ++n;
      if (indent < 4 && n >= fenceLen && trim(content.substr(n)).empty()) inFence = false;
      continue;
    }
    if (indent >= 4 && paragraph.empty()) continue;  // indented code
    if (startsWith(content, "```") || startsWith(content, "~~~")) {
      fenceChar = content[0];
      fenceLen = 0;
      while (fenceLen < content.size() && content[fenceLen] == fenceChar) ++fenceLen;
      inFence = true;
      paragraph.clear();
      continue;
    }
    if (content.size() >= 1 && content[0] == '#' && (content.size() == 1 || content[1] == ' ' || content[1] == '\t')) {
      std::string_view text = trim(content.substr(1));
      // Optional closing sequence: `# Title #`.
      std::size_t hashes = text.size();
      while (hashes > 0 && text[hashes - 1] == '#') --hashes;
      if (hashes < text.size() && (hashes == 0 || text[hashes - 1] == ' ')) text = trim(text.substr(0, hashes));
      if (!text.empty()) return std::string(text);
      paragraph.clear();
      continue;
    }
    if (!paragraph.empty() && !content.empty() && content[0] == '=' &&
        trim(content).find_first_not_of('=') == std::string_view::npos) {
      return paragraph;
    }
    if (trim(content).empty() || content[0] == '#' || content[0] == '<' ||
        startsWith(content, "---") || startsWith(content, "***") || content[0] == '>' ||
        content[0] == '|') {
      paragraph.clear();
    } else {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph.append(trim(content));
      if (paragraph.size() > 400) paragraph.clear();  // a paragraph, not a heading
    }
    if (end == body.size()) break;
  }
  return {};
}

void normaliseMetadata(const Site& site, const SiteRules& rules, const PostContext& ctx,
                       const Meta& fm, Post& post, DiagnosticSink& diags) {
  for (std::size_t i = 0; i < fm.keys.size(); ++i) {
    post.fieldLocs[fm.keys[i]] = {post.path, fm.keyLines[i], fm.keyCols[i]};
  }
  flatten(fm, "", post.params);

  // The language first: the author data a post's names resolve against may be its language's.
  for (const char* key : {"lang", "language"}) {
    if (const Meta* v = fm.find(key); v && v->isScalar() && !trim(v->text).empty()) {
      post.language = std::string(trim(v->text));
      break;
    }
  }
  if (post.language.empty()) post.language = ctx.language;
  readTitle(fm, post, ctx, diags);
  if (const Meta* v = fm.find("subtitle"); v && v->isScalar()) post.subtitle = std::string(trim(v->text));
  std::string nameSlug;
  readDate(site, fm, ctx, post, nameSlug, diags);
  readAuthors(site, rules, fm, post);
  readTags(site, fm, ctx, post);
  if (const Meta* v = firstField(fm, {"description", "summary", "excerpt", "abstract", "ogSummary",
                                      "og_description", "ogDescription", "preview", "teaser"});
      v && v->isScalar()) {
    post.summary = std::string(trim(v->text));
  }
  readLinkPost(fm, post);
  if (post.linkOnly && post.summary.empty()) post.summary = post.subtitle;
  readImage(site, fm, ctx, post);

  if (const Meta* v = fm.find("slug"); v && v->isScalar()) {
    std::string_view s = trim(v->text);
    while (!s.empty() && s.back() == '/') s.remove_suffix(1);
    if (std::size_t slash = s.rfind('/'); slash != std::string_view::npos) s = s.substr(slash + 1);
    post.slug = std::string(s);
  }
  if (post.slug.empty()) post.slug = nameSlug;
  if (post.slug.empty()) {
    std::string slug;
    post.slug = dateFromName(ctx.baseName, &slug) ? slug : ctx.baseName;
  }
  if (post.slug.empty()) post.slug = slugify(post.title);

  for (const char* key : {"aliases", "redirect_from", "redirect-from"}) {
    for (std::string& a : stringList(fm.find(key))) post.aliases.push_back(std::move(a));
  }
  post.draft = isDraft(fm, ctx);
  post.math = wantsMath(fm);
  if (ctx.isIndex) post.bundleDir = ctx.folder;
}

}  // namespace pp::site
