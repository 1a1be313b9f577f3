#include "assets/resolve.h"

#include <cctype>
#include <cerrno>
#include <optional>
#include <system_error>
#include <vector>

#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::assets {

namespace {

Resolution failed(AssetStatus s, std::string code, std::string message) {
  Resolution r;
  r.kind = Resolution::Kind::Failed;
  r.failure = s;
  r.code = std::move(code);
  r.message = std::move(message);
  return r;
}

// Splits "https://Host:8080/path?q#f" into scheme, host (lower-case, no port) and the rest.
struct UrlParts {
  std::string scheme, host, path;
};
std::optional<UrlParts> splitUrl(std::string_view s) {
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
    if (!ok) return std::nullopt;
  }
  // "C:/x" is a Windows drive, not a scheme: treat it as a path (it will not be found).
  if (colon == 1) return std::nullopt;
  UrlParts u;
  u.scheme = toLowerAscii(s.substr(0, colon));
  std::string_view rest = s.substr(colon + 1);
  if (startsWith(rest, "//")) {
    rest.remove_prefix(2);
    std::size_t end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, end);
    if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (auto port = authority.rfind(':'); port != std::string_view::npos && authority.find(']') == std::string_view::npos)
      authority = authority.substr(0, port);
    u.host = toLowerAscii(authority);
    u.path = end == std::string_view::npos ? "/" : std::string(rest.substr(end));
  } else {
    u.path = std::string(rest);
  }
  return u;
}

std::string withoutWww(std::string host) {
  if (startsWith(host, "www.")) host.erase(0, 4);
  return host;
}

// Drops "?query" and "#fragment" (a browser sends neither to the file system).
std::string withoutQueryAndFragment(std::string_view s) {
  std::size_t cut = s.find_first_of("?#");
  return std::string(s.substr(0, cut));
}

// Lexically normalises a '/'-separated path; `..` above the start either clamps (URL
// semantics) or makes the result nullopt (file-system semantics, where it would leave).
std::optional<std::vector<std::string>> normalise(std::string_view path, bool clamp) {
  std::vector<std::string> parts;
  for (auto& part : split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) {
        if (clamp) continue;
        return std::nullopt;
      }
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return parts;
}

std::string joinUrlPath(const std::vector<std::string>& parts) {
  std::string out;
  for (auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

// The folder part of a URL path: "/2025/11/18/slug/" stays, "/a/b.html" becomes "/a/".
std::string urlDirectory(std::string_view permalink) {
  if (permalink.empty()) return "/";
  std::string p(permalink);
  if (p.front() != '/') p.insert(p.begin(), '/');
  std::size_t slash = p.rfind('/');
  return p.substr(0, slash + 1);
}

std::string stripPrefixPath(std::string path, std::string_view prefix) {
  std::string pre(prefix);
  while (!pre.empty() && pre.back() == '/') pre.pop_back();
  if (pre.empty() || pre == "/") return path;
  if (pre.front() != '/') pre.insert(pre.begin(), '/');
  if (path == pre) return "/";
  if (startsWith(path, pre + "/")) return path.substr(pre.size());
  return path;
}

struct Search {
  const Site& site;
  const Post& post;
  std::vector<std::string> tried;  // candidates, relative to the root, for the message
};

// A regular file inside the root (links followed only as far as they stay inside). What is
// missing, leaves the root, loops or is no regular file is alike "not found": a message that
// told them apart would tell an attacker which files exist outside the site.
std::optional<fs::path> lookUp(Search& s, const fs::path& cand) {
  // Named for the message as written under the root: lexically (relativeTo resolves both
  // paths, a readlink for every folder of each candidate, on the thread that composes).
  const fs::path rel = cand.lexically_relative(s.site.root);
  s.tried.push_back(rel.empty() || *rel.begin() == ".." ? cand.generic_string() : rel.generic_string());
  if (isConfinedFile(s.site.root, cand)) return cand;
  return std::nullopt;
}

// Looks a site-absolute URL path up in the static roots (with and without the baseurl): the
// post's language's own static folders first (Hugo per-language mounts), then the site's.
std::optional<fs::path> findSiteAbsolute(Search& s, const std::string& urlPath) {
  std::vector<std::string> paths{stripPrefixPath(urlPath, s.site.baseurl)};
  if (paths.front() != urlPath) paths.push_back(urlPath);
  std::vector<fs::path> roots;
  if (auto it = s.site.languageStaticRoots.find(s.post.language); it != s.site.languageStaticRoots.end())
    roots = it->second;
  roots.insert(roots.end(), s.site.staticRoots.begin(), s.site.staticRoots.end());
  if (roots.empty()) roots.push_back(s.site.root);
  for (const auto& path : paths) {
    for (const auto& root : roots) {
      if (auto f = lookUp(s, clampUnder(root, path))) return f;
    }
  }
  return std::nullopt;
}

// A path relative to a folder of the site, as a generator reads a post's relative image:
// joined to the folder and normalised, `..` followed anywhere inside the site root
// (`../docs/resources/x.png` from blog/), never above it.
std::optional<fs::path> findUnder(Search& s, const fs::path& base, std::string_view rel) {
  std::string dir = base.lexically_normal().lexically_relative(s.site.root).generic_string();
  if (dir == ".") dir.clear();
  if (startsWith(dir, "..")) return std::nullopt;  // a folder outside the root holds nothing of ours
  auto parts = normalise(dir + "/" + std::string(rel), /*clamp=*/false);
  if (!parts || parts->empty()) return std::nullopt;
  fs::path cand = s.site.root;
  for (auto& p : *parts) cand /= p;
  return lookUp(s, cand);
}

// `diagram.ja.png` for `diagram.png` in a Japanese post: Hugo gives bundle resources a
// language the way it gives content files one, by a suffix before the extension.
std::string languageVariant(const std::string& path, const std::string& lang) {
  if (lang.empty()) return {};
  std::size_t slash = path.rfind('/');
  std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1) return {};
  return path.substr(0, dot) + "." + lang + path.substr(dot);
}

// A relative path looked up in a folder that may hold the post's resources: its language's
// variant first, then the name as written.
std::optional<fs::path> findResource(Search& s, const fs::path& dir, const std::string& path) {
  if (s.site.generator == Generator::Hugo) {
    if (std::string variant = languageVariant(path, s.post.language); !variant.empty())
      if (auto f = findUnder(s, dir, variant)) return f;
  }
  return findUnder(s, dir, path);
}

// Pelican's link markers: `{static}/images/x.png` and `{filename}…` name a file of the content
// folder (from its root when the rest starts with '/', else from the post's folder);
// `{attach}` the same. `|static|` is their older spelling.
std::string withoutPelicanMarker(std::string src) {
  for (std::string_view marker : {"{static}", "{filename}", "{attach}", "|static|", "|filename|", "|attach|"}) {
    if (startsWith(src, marker)) return src.substr(marker.size());
  }
  return src;
}

Resolution found(const fs::path& p) {
  Resolution r;
  r.kind = Resolution::Kind::File;
  r.file = p;
  return r;
}

Resolution notFound(const Search& s, std::string_view src) {
  std::string looked;
  for (std::size_t i = 0; i < s.tried.size() && i < 3; ++i) looked += (i ? ", " : "") + s.tried[i];
  return failed(AssetStatus::Missing, "image-missing",
                "image not found: '" + std::string(src) + "'" + (looked.empty() ? "" : " (looked for " + looked + ")"));
}

}  // namespace

Resolution resolveImageSource(const Site& site, const Post& post, std::string_view written,
                              std::uint64_t maxDataBytes) {
  std::string src(trim(written));
  // The markdown stage expands Liquid, but front matter values and shortcode arguments may
  // still carry the site's base URL variable.
  for (std::string_view var : {"{{ site.baseurl }}", "{{site.baseurl}}", "{{ base_url }}", "{{base_url}}"})
    if (startsWith(src, var)) src = std::string(trim(std::string_view(src).substr(var.size())));
  if (site.generator == Generator::Pelican) src = withoutPelicanMarker(src);
  if (src.empty()) return failed(AssetStatus::Missing, "image-missing", "image with an empty source");

  if (src.size() >= 5 && iequals(std::string_view(src).substr(0, 5), "data:")) {
    Resolution r;
    std::string type, err;
    if (!decodeDataUri(src, &r.data, &type, &err, maxDataBytes))
      return failed(err.find("limit") != std::string::npos ? AssetStatus::TooLarge : AssetStatus::Corrupt,
                    "image-data-uri", err);
    r.kind = Resolution::Kind::Data;
    return r;
  }

  std::string path = src;
  if (startsWith(src, "//")) path = "https:" + src;  // protocol-relative
  if (auto url = splitUrl(path)) {
    if (url->scheme == "http" || url->scheme == "https") {
      auto own = splitUrl(site.url);
      if (!site.url.empty() && own && !own->host.empty() && withoutWww(own->host) == withoutWww(url->host)) {
        // The site's own domain: the file is here, under the same path.
        path = stripPrefixPath(withoutQueryAndFragment(url->path), own->path);
      } else {
        Resolution r;
        r.kind = Resolution::Kind::Remote;
        r.url = path;
        return r;
      }
    } else if (url->scheme == "file") {
      return failed(AssetStatus::Refused, "image-refused", "file: URL '" + src + "' refused: images are read from the site only");
    } else {
      return failed(AssetStatus::Unsupported, "image-unsupported", "unsupported URL scheme '" + url->scheme + ":' in '" + src + "'");
    }
  }

  path = percentDecode(withoutQueryAndFragment(path));
  for (char& c : path)
    if (c == '\\') c = '/';  // as browsers read backslashes in http URLs
  if (path.find('\0') != std::string::npos) return failed(AssetStatus::Refused, "image-refused", "image path contains a NUL byte");
  if (path.empty()) return failed(AssetStatus::Missing, "image-missing", "image '" + src + "' names no file");

  Search s{site, post, {}};
  const fs::path postDir = post.file.parent_path();
  for (const auto& [alias, dir] : site.pathAliases) {
    if (startsWith(path, alias)) {
      if (auto f = findUnder(s, dir, std::string_view(path).substr(alias.size()))) return found(*f);
      return notFound(s, src);
    }
  }
  if (path.front() == '/') {
    // A path to a file outside the root (/etc/passwd) gets the message a missing file gets:
    // which files exist out there is not the site's to learn from the diagnostics.
    if (auto f = findSiteAbsolute(s, path)) return found(*f);
    return notFound(s, src);
  }

  if (!post.bundleDir.empty())
    if (auto f = findResource(s, post.bundleDir, path)) return found(*f);
  // A translation's resources may live only beside its original.
  for (const fs::path& dir : post.resourceDirs)
    if (auto f = findResource(s, dir, path)) return found(*f);
  if (!post.permalinkPath.empty()) {
    auto parts = normalise(urlDirectory(post.permalinkPath) + path, /*clamp=*/true);
    if (auto f = findSiteAbsolute(s, joinUrlPath(*parts))) return found(*f);
  }
  if (!postDir.empty())
    if (auto f = findUnder(s, postDir, path)) return found(*f);
  {
    auto parts = normalise(path, /*clamp=*/true);
    if (auto f = findSiteAbsolute(s, joinUrlPath(*parts))) return found(*f);
  }
  return notFound(s, src);
}

}  // namespace pp::assets
