// Link-only posts: an entry that points at a page elsewhere (a link blog, an article
// republished on another site, a redirect left behind) and has nothing of its own to read.
#include "postpress/support/text.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

namespace {

bool isWebUrl(std::string_view s) {
  std::string lower = toLowerAscii(trim(s));
  return startsWith(lower, "https://") || startsWith(lower, "http://");
}

// The first absolute web address among keys (a string, or the first of a list).
std::string firstUrl(const Meta& fm, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const Meta* v = fm.path(key);
    if (!v) continue;
    for (const std::string& s : stringList(v)) {
      if (isWebUrl(s)) return std::string(trim(s));
    }
  }
  return {};
}

// Removes `<!-- … -->` and MDX `{/* … */}` comments: excerpt markers (`<!-- more -->`,
// `<!-- truncate -->`, `{/* truncate */}`) and notes to editors are not something to read.
std::string withoutComments(std::string_view body) {
  std::string out;
  std::size_t i = 0;
  while (i < body.size()) {
    std::string_view rest = body.substr(i);
    std::string_view open = startsWith(rest, "<!--") ? "<!--" : startsWith(rest, "{/*") ? "{/*" : "";
    if (!open.empty()) {
      std::string_view close = open == "<!--" ? "-->" : "*/}";
      std::size_t end = body.find(close, i + open.size());
      if (end == std::string_view::npos) break;
      i = end + close.size();
      continue;
    }
    out += body[i++];
  }
  return out;
}

}  // namespace

bool bodyHasNothingToRead(std::string_view body) { return trim(withoutComments(body)).empty(); }

void readLinkPost(const Meta& fm, Post& post) {
  // Keys that make a post a link to elsewhere whatever its body says (link blogs comment on
  // the page they link to).
  post.linkUrl = firstUrl(fm, {"externalUrl", "external_url", "externalLink", "external_link",
                               "link", "link_url", "linkUrl", "params.externalUrl",
                               "params.external_url", "extra.external_url", "redirect",
                               "redirect_to", "redirect_url", "redirectUrl", "redirect-to"});
  bool empty = bodyHasNothingToRead(post.body);
  // A canonical address elsewhere only makes an empty post a link: a post with a body that
  // names its first publication is still a post to read.
  if (post.linkUrl.empty() && empty) {
    post.linkUrl = firstUrl(fm, {"canonical_url", "canonicalUrl", "canonicalURL", "canonical",
                                 "original_url", "originalUrl", "source_url"});
  }
  post.linkOnly = empty && !post.linkUrl.empty();
}

}  // namespace pp::site
