// readPost: one file in, one normalised Post out (or a diagnostic and nothing).
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/frontmatter.h"
#include "site/glob.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

namespace {

// Posts larger than this are not blog posts (the largest real one we know is 2.9 MB).
constexpr std::uintmax_t kMaxPostBytes = 64u << 20;

std::string parentRel(const std::string& rel) {
  std::size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

std::string lastComponent(const std::string& rel) {
  std::size_t slash = rel.rfind('/');
  return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

// The language a `name.<lang>.md` file names: a configured language, or (for generators
// whose translation plugins configure none we read) a two-letter code such as `fr` or
// `pt-br`. "" when the stem carries none.
std::string languageSuffix(const Site& site, const SiteRules& rules, const std::string& stem) {
  std::size_t dot = stem.rfind('.');
  if (dot == std::string::npos || dot == 0) return {};
  std::string lang = stem.substr(dot + 1);
  for (const std::string& l : rules.languages) {
    if (iequals(l, lang)) return lang;
  }
  bool guess = site.generator == Generator::Gatsby || site.generator == Generator::Quarto ||
               site.generator == Generator::MkDocs || site.generator == Generator::Astro;
  return guess && rules.languages.empty() && looksLikeLanguageCode(lang, true) ? lang : std::string();
}

}  // namespace

PostContext contextFor(const Site& site, const SiteRules& rules, const fs::path& file) {
  PostContext ctx;
  ctx.rel = file.lexically_relative(site.root).generic_string();
  if (ctx.rel.empty() || startsWith(ctx.rel, "..")) ctx.rel = file.filename().generic_string();
  std::string name = file.filename().string();
  std::string stem = stemOf(name);

  // `post.fr.md`: a language between the stem and the extension (Hugo, Zola, MkDocs i18n,
  // Gatsby and Quarto translation plugins).
  std::string suffixLanguage = languageSuffix(site, rules, stem);
  if (!suffixLanguage.empty()) {
    stem = stem.substr(0, stem.size() - suffixLanguage.size() - 1);
    ctx.language = suffixLanguage == rules.defaultLanguage(site.language) ? std::string() : suffixLanguage;
  }

  // Where the post sits relative to its content folder: the longest content root holding it
  // (Hugo's per-language folders, Docusaurus's i18n folders), else the generator's folder.
  fs::path contentRoot;
  std::string rootLanguage;
  std::size_t best = 0;
  std::string fileStr = file.lexically_normal().generic_string();
  for (const ContentRoot& r : rules.contentRoots) {
    std::string dir = r.dir.generic_string();
    if (startsWith(fileStr, dir + "/") && dir.size() > best) {
      best = dir.size();
      contentRoot = r.dir;
      rootLanguage = r.language;
    }
  }
  if (ctx.language.empty()) ctx.language = rootLanguage;
  if (contentRoot.empty()) {
    if (site.generator == Generator::Docusaurus) {
      contentRoot = rules.blogDir.empty() ? site.root / "blog" : rules.blogDir;
    } else {
      contentRoot = site.contentDir.empty() ? site.root : site.contentDir;
    }
  }
  ctx.contentRoot = contentRoot;
  ctx.contentRel = file.lexically_relative(contentRoot).generic_string();
  if (ctx.contentRel.empty() || startsWith(ctx.contentRel, "..")) ctx.contentRel = ctx.rel;

  std::string folderRel = parentRel(ctx.contentRel);
  ctx.isIndex = stem == "index" && !folderRel.empty() && site.generator != Generator::Jekyll;
  if (ctx.isIndex) {
    ctx.folder = file.parent_path();
    ctx.baseName = lastComponent(folderRel);
    ctx.sectionPath = parentRel(folderRel);
  } else {
    ctx.baseName = stem;
    ctx.sectionPath = folderRel;
  }
  std::size_t slash = ctx.contentRel.find('/');
  ctx.section = slash == std::string::npos ? std::string() : ctx.contentRel.substr(0, slash);

  if (site.generator == Generator::Jekyll) {
    // Folders above `_posts` are categories; `_drafts` holds drafts.
    std::vector<std::string> parts = split(ctx.rel, '/');
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      if (parts[i] == "_drafts") ctx.inDrafts = true;
      if (parts[i] == "_posts") {
        ctx.folderCategories.assign(parts.begin(), parts.begin() + static_cast<long>(i));
        if (!rules.collectionsDir.empty()) {
          // collections_dir is not a category.
          auto& cats = ctx.folderCategories;
          std::size_t skip = split(rules.collectionsDir, '/').size();
          cats.erase(cats.begin(), cats.begin() + static_cast<long>(std::min(skip, cats.size())));
        }
        break;
      }
    }
  }
  return ctx;
}

namespace {

// Keys that set the same Post field: a post's own `header-img` must beat a default `image`.
const std::vector<std::vector<std::string_view>>& synonymGroups() {
  static const std::vector<std::vector<std::string_view>> groups = {
      {"image", "header-img", "header_image", "cover", "cover_image", "coverImage", "featured_image",
       "featuredImage", "feature_image", "images", "hero", "hero_image", "heroImage", "thumbnail"},
      {"author", "authors"},
      {"tags", "tag"},
      {"categories", "category"},
      {"description", "summary", "excerpt", "abstract", "ogSummary", "og_description", "preview", "teaser"},
      {"date", "publishDate", "pubDate", "created"},
      {"lang", "language"}};
  return groups;
}

bool hasSynonym(const Meta& fm, std::string_view key) {
  for (const auto& group : synonymGroups()) {
    bool inGroup = false;
    for (std::string_view k : group) inGroup = inGroup || iequals(k, key);
    if (!inGroup) continue;
    for (std::string_view k : group) {
      if (fm.find(k)) return true;
    }
  }
  return false;
}

}  // namespace

void applyDefaults(const SiteRules& rules, const PostContext& ctx, Meta& fm) {
  // Later entries win over earlier ones, as in Jekyll; the post's own keys win over all.
  Meta merged;
  merged.kind = Meta::Kind::Map;
  for (const FrontMatterDefault& d : rules.defaults) {
    bool applies = d.scopePath.empty() || startsWith(ctx.rel, d.scopePath) ||
                   (hasGlobSyntax(d.scopePath) && globMatch(d.scopePath, ctx.rel));
    if (!applies) continue;
    for (std::size_t i = 0; i < d.values.keys.size(); ++i) {
      merged.set(d.values.keys[i], d.values.values[i]);
    }
  }
  for (std::size_t i = 0; i < merged.keys.size(); ++i) {
    if (!fm.find(merged.keys[i]) && !hasSynonym(fm, merged.keys[i])) {
      fm.set(merged.keys[i], merged.values[i]);
    }
  }
}

}  // namespace pp::site

namespace pp {

namespace {
const site::SiteRules kDefaultRules;  // immutable: the generators' defaults

// Why a file named .md is not a text post (an image or archive saved under a post's name, a
// UTF-16 file), or "" when it is text. Judged on its first 8 KB, as git does: more than one
// byte in ten a control character or part of an ill-formed UTF-8 sequence. Text with a few
// stray bytes stays a post (its bytes are replaced and reported by normaliseText).
std::string notTextReason(std::string_view raw) {
  if (startsWith(raw, "\xFF\xFE") || startsWith(raw, "\xFE\xFF"))
    return "the file is UTF-16 text; postpress reads UTF-8: save it as UTF-8";
  std::string_view sample = raw.substr(0, 8192);
  std::size_t bad = 0;
  sanitizeUtf8(sample, &bad);
  for (char c : sample) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v') ++bad;
  }
  if (sample.size() < 16 || bad * 10 <= sample.size()) return "";
  return "not a text file (" + std::to_string(bad * 100 / sample.size()) +
         "% of its first bytes are control characters or invalid UTF-8)";
}
}  // namespace

std::optional<Post> readPost(const Site& site, const fs::path& file, DiagnosticSink& diags) {
  std::string err;
  auto raw = readConfined(site.root, file, &err, site::kMaxPostBytes);
  if (!raw) {
    const site::SiteRules& rules = site.rules ? *site.rules : kDefaultRules;
    diags.error({site::contextFor(site, rules, file).rel, 0, 0}, "post-read", "cannot read post: " + err);
    return std::nullopt;
  }
  return readPostText(site, file, *raw, diags);
}

std::optional<Post> readPostText(const Site& site, const fs::path& file, std::string_view raw,
                                 DiagnosticSink& diags) {
  const site::SiteRules& rules = site.rules ? *site.rules : kDefaultRules;
  site::PostContext ctx = site::contextFor(site, rules, file);

  Post post;
  post.file = file;
  post.path = ctx.rel;
  post.format = iequals(file.extension().string(), ".mdx") ? SourceFormat::Mdx : SourceFormat::Markdown;

  if (trim(raw).empty()) {
    diags.warning({post.path, 0, 0}, "post-empty", "empty file; not read as a post");
    return std::nullopt;
  }
  if (std::string why = notTextReason(raw); !why.empty()) {
    diags.error({post.path, 0, 0}, "post-binary", why + "; not read as a post");
    return std::nullopt;
  }
  std::string text = site::normaliseText(raw, post.path, diags);
  site::FrontMatter fm;
  if (!site::splitFrontMatter(text, post.path, site.generator == Generator::Hugo, fm, diags)) {
    return std::nullopt;
  }
  bool metadataHeader = site.generator == Generator::Pelican || site.generator == Generator::MkDocs;
  if (fm.format == site::FrontMatterFormat::None && metadataHeader) site::splitMetadataHeader(text, fm);
  site::applyFolderData(site, file, fm.data);
  if (!rules.defaults.empty()) site::applyDefaults(rules, ctx, fm.data);
  site::adaptFrontMatter(site, rules, ctx, fm.data);
  post.body = std::move(fm.body);
  post.bodyLine = fm.bodyLine;
  post.resourceDirs = site::translationResourceDirs(site, rules, ctx);
  site::normaliseMetadata(site, rules, ctx, fm.data, post, diags);
  site::computePermalink(site, rules, ctx, fm.data, post);
  return post;
}

}  // namespace pp
