// Links between posts. A link whose target is a post of the digest (by permalink URL, absolute
// URL on the site's domain, URL-relative path, relative path to the source file, alias) becomes
// internal; a link to another post of the site becomes that post's live URL; other relative
// links become absolute against the site URL when it is known.
#include <map>

#include "markdown/headings.h"
#include "postpress/markdown.h"
#include "postpress/support/links.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

std::string hostOf(std::string_view url, std::string_view* rest = nullptr) {
  auto scheme = url.find("://");
  std::string_view u = url;
  if (scheme != std::string_view::npos) u = url.substr(scheme + 3);
  else if (startsWith(url, "//")) u = url.substr(2);
  else return "";
  auto slash = u.find_first_of("/?#");
  if (rest) *rest = slash == std::string_view::npos ? std::string_view() : u.substr(slash);
  std::string host = toLowerAscii(u.substr(0, slash));
  if (auto colon = host.find(':'); colon != std::string::npos) host = host.substr(0, colon);
  if (startsWith(host, "www.")) host = host.substr(4);
  return host;
}

// "/a/./b/../c" -> "/a/c", clamped at the root like a browser.
std::string normalizePath(std::string_view path) {
  std::vector<std::string> parts;
  for (const auto& seg : split(path, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  if (out.empty()) out = "/";
  if (endsWith(path, "/") && out != "/") out += "/";
  return out;
}

class LinkIndex {
 public:
  LinkIndex(const Site& site, const std::vector<const Post*>& digest) : site_(site) {
    siteHost_ = hostOf(site.url);
    for (std::size_t k = 0; k < digest.size(); ++k)
      if (digest[k]) digestIndex_[digest[k]->path] = static_cast<int>(k);
    auto addPost = [&](const Post& p) {
      addKey(p.permalinkPath, &p);
      std::string_view rest;
      if (!p.url.empty() && (hostOf(p.url, &rest) == siteHost_ || siteHost_.empty())) addKey(std::string(rest), &p);
      else if (!p.url.empty() && p.url[0] == '/') addKey(p.url, &p);
      for (const auto& a : p.aliases) addKey(a, &p);
      byFile_[p.file.lexically_normal().generic_string()] = &p;
    };
    for (const auto& p : site.posts) addPost(p);
    // Digest posts may be copies outside site.posts: index them too.
    for (const Post* p : digest)
      if (p) addPost(*p);
  }

  std::string key(std::string_view path) const {
    std::string p = percentDecode(path);
    if (auto q = p.find_first_of("?#"); q != std::string::npos) p = p.substr(0, q);
    p = toLowerAscii(normalizePath(p));
    std::string base = toLowerAscii(site_.baseurl);
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (!base.empty() && (p == base || startsWith(p, base + "/"))) p = p.substr(base.size());
    for (std::string_view idx : {"index.html", "index.htm", "index.md", "index.php"})
      if (endsWith(p, idx)) p.resize(p.size() - idx.size());
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    for (std::string_view ext : {".html", ".htm"})
      if (endsWith(p, ext)) p.resize(p.size() - ext.size());
    if (p.empty()) p = "/";
    return p;
  }

  const Post* byPath(std::string_view path) const {
    auto it = byKey_.find(key(path));
    return it == byKey_.end() ? nullptr : it->second;
  }

  const Post* byFile(const fs::path& file) const {
    std::string f = file.lexically_normal().generic_string();
    for (const std::string& candidate : {f, f + ".md", f + "/index.md", f + ".markdown", f + ".mdx"}) {
      auto it = byFile_.find(candidate);
      if (it != byFile_.end()) return it->second;
    }
    // foo.html written for foo.md
    if (endsWith(f, ".html")) {
      std::string stem = f.substr(0, f.size() - 5);
      for (const std::string& candidate : {stem + ".md", stem + ".markdown"}) {
        auto it = byFile_.find(candidate);
        if (it != byFile_.end()) return it->second;
      }
    }
    return nullptr;
  }

  int digestIndexOf(const Post* p) const {
    auto it = digestIndex_.find(p->path);
    return it == digestIndex_.end() ? -1 : it->second;
  }

  const std::string& siteHost() const { return siteHost_; }

 private:
  void addKey(const std::string& path, const Post* p) {
    if (path.empty()) return;
    byKey_.emplace(key(path), p);
  }

  const Site& site_;
  std::string siteHost_;
  std::map<std::string, const Post*> byKey_;
  std::map<std::string, const Post*> byFile_;
  std::map<std::string, int> digestIndex_;
};

// The heading id an anchor names: exact first, then the same words slugged.
std::string resolveAnchor(const Document& doc, const std::string& anchor) {
  if (anchor.empty()) return "";
  std::string a = percentDecode(anchor);
  std::string fallback;
  std::string slugA = markdown::githubSlug(a);
  forEachBlock(doc.blocks, [&](const Block& b) {
    if (b.kind != BlockKind::Heading || !fallback.empty()) return;
    if (b.id == a) fallback = b.id;
  });
  if (!fallback.empty()) return fallback;
  forEachBlock(doc.blocks, [&](const Block& b) {
    if (b.kind != BlockKind::Heading || !fallback.empty()) return;
    if (iequals(b.id, a) || markdown::githubSlug(b.id) == slugA || matchKey(b.id) == matchKey(a) ||
        markdown::githubSlug(plainText(b.inlines)) == slugA)
      fallback = b.id;
  });
  return fallback;
}

bool hasScheme(std::string_view url) {
  auto colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t k = 0; k < colon; ++k) {
    char c = url[k];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

}  // namespace

void resolveCrossLinks(const Site& site, const std::vector<const Post*>& digest, std::vector<Document>& docs,
                       DiagnosticSink& diags) {
  LinkIndex index(site, digest);
  std::string siteUrl = site.url;
  while (!siteUrl.empty() && siteUrl.back() == '/') siteUrl.pop_back();

  for (std::size_t i = 0; i < docs.size() && i < digest.size(); ++i) {
    const Post* self = digest[i];
    if (!self) continue;
    auto resolve = [&](LinkTarget& link, SourcePos pos) {
      std::string url(trim(link.url));
      if (url.empty() || link.internal()) return;
      // Where every link of the digest passes: what is not web, mail or relative becomes
      // plain text in both outputs.
      if (!isLiveLink(url)) {
        const std::string shown = url.size() > 80 ? url.substr(0, 77) + "..." : url;
        diags.warning({self->path, pos.line > 0 ? self->bodyLine + pos.line - 1 : 0, pos.col}, "link-scheme",
                      "link to '" + shown + "' kept as plain text: only http, https and mailto links stay live");
        link.url.clear();
        return;
      }
      std::string base = url, anchor;
      if (auto h = url.find('#'); h != std::string::npos) {
        base = url.substr(0, h);
        anchor = url.substr(h + 1);
      }
      auto internal = [&](const Post* p) {
        int j = index.digestIndexOf(p);
        if (j >= 0 && static_cast<std::size_t>(j) < docs.size()) {
          link.post = j;
          link.anchor = resolveAnchor(docs[static_cast<std::size_t>(j)], anchor);
          if (!p->url.empty()) link.url = p->url + (anchor.empty() ? "" : "#" + anchor);
        } else if (!p->url.empty()) {
          link.url = p->url + (anchor.empty() ? "" : "#" + anchor);
        }
      };
      if (base.empty()) {  // #section inside this post
        link.post = static_cast<int>(i);
        link.anchor = resolveAnchor(docs[i], anchor);
        return;
      }
      std::string lower = toLowerAscii(base);
      if (startsWith(lower, "mailto:")) return;
      if (hasScheme(base) || startsWith(base, "//")) {
        std::string_view rest;
        std::string host = hostOf(base, &rest);
        if (host.empty() || host != index.siteHost()) return;  // another site
        std::string path = rest.empty() ? "/" : std::string(rest);
        if (const Post* p = index.byPath(path)) internal(p);
        return;
      }
      if (base[0] == '/') {
        if (const Post* p = index.byPath(base)) return internal(p);
        if (!siteUrl.empty()) link.url = siteUrl + url;
        return;
      }
      // Relative: to the source file first (how authors link .md files), then to the URL.
      fs::path dir = self->file.parent_path();
      std::string decoded = percentDecode(base);
      if (auto q = decoded.find('?'); q != std::string::npos) decoded = decoded.substr(0, q);
      fs::path file = (dir / decoded).lexically_normal();
      if (const Post* p = index.byFile(file)) return internal(p);
      std::string pageDir = self->permalinkPath;
      if (!endsWith(pageDir, "/")) pageDir = pageDir.substr(0, pageDir.rfind('/') + 1);
      if (pageDir.empty()) pageDir = "/";
      std::string urlPath = normalizePath(pageDir + base);
      if (const Post* p = index.byPath(urlPath)) return internal(p);
      std::string ext = toLowerAscii(fs::path(decoded).extension().string());
      if (ext == ".md" || ext == ".markdown" || ext == ".mdx") {
        diags.warning({self->path, pos.line > 0 ? self->bodyLine + pos.line - 1 : 0, pos.col}, "crosslink-missing",
                      "link to '" + base + "' names no post of the site");
      }
      if (!siteUrl.empty()) link.url = siteUrl + urlPath + (anchor.empty() ? "" : "#" + anchor);
    };
    Document& doc = docs[i];
    forEachInline(doc, [&](Inline& in) {
      if (in.kind == InlineKind::Link) resolve(in.link, in.pos);
    });
    forEachBlock(doc.blocks, [&](Block& b) {
      if ((b.kind == BlockKind::Figure || b.kind == BlockKind::Embed) && !b.link.url.empty()) resolve(b.link, b.pos);
    });
    for (auto& f : doc.footnotes)
      forEachBlock(f.blocks, [&](Block& b) {
        if (b.kind == BlockKind::Figure && !b.link.url.empty()) resolve(b.link, b.pos);
      });
  }
}

}  // namespace pp
