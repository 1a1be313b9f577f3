// Which link targets stay live in the outputs. Both backends (PDF link annotations, EPUB
// hrefs) keep only web and mail links and links inside the digest: a reader's click on
// `file:///etc/passwd`, `smb://host/share` or `javascript:` from a post written by a stranger
// must lead nowhere. Every other link becomes its plain text.
#pragma once

#include <string>
#include <string_view>

namespace pp {

enum class LinkKind {
  Relative,  // no scheme: a path, a query or a fragment (resolved against the site or the post)
  Web,       // http:, https:, or protocol-relative //host
  Mail,      // mailto:
  Other,     // any other scheme (file:, smb:, javascript:, data:, tel:, ...)
};

// The kind of `url` as a browser would read it: leading spaces and control characters are
// skipped and those inside the scheme ignored (`java\tscript:` is javascript:).
LinkKind linkKindOf(std::string_view url);

// Relative, Web and Mail links may stay live; Other ones may not.
inline bool isLiveLink(std::string_view url) { return linkKindOf(url) != LinkKind::Other; }

}  // namespace pp
