// Link-only posts: an entry that points at a page elsewhere (a link blog, an article
// republished on another site, a redirect left behind) and has nothing of its own to read.
#include <cctype>

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

}  // namespace

// Blank once `<!-- … -->` and MDX `{/* … */}` comments are left out: excerpt markers
// (`<!-- more -->`, `<!-- truncate -->`, `{/* truncate */}`) and notes to editors are not
// something to read. A scan that stops at the first character to read, copying nothing: every
// post of the site is asked.
bool bodyHasNothingToRead(std::string_view body) {
  std::size_t i = 0;
  while (i < body.size()) {
    if (std::isspace(static_cast<unsigned char>(body[i]))) {
      ++i;
      continue;
    }
    const std::string_view rest = body.substr(i);
    const bool html = startsWith(rest, "<!--");
    if (!html && !startsWith(rest, "{/*")) return false;
    const std::string_view close = html ? "-->" : "*/}";
    const std::size_t end = body.find(close, i + (html ? 4 : 3));  // past the opener
    if (end == std::string_view::npos) return true;  // a comment left open runs to the end
    i = end + close.size();
  }
  return true;
}

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
