// Finding the file an image reference means, the way a browser would on the published site,
// without ever reading outside the site root.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "postpress/assets.h"
#include "postpress/site.h"

namespace pp::assets {

struct Resolution {
  enum class Kind { File, Data, Remote, Failed };
  Kind kind = Kind::Failed;
  fs::path file;            // Kind::File: an existing regular file inside the site root
  std::string url;          // Kind::Remote
  std::string data;         // Kind::Data: the decoded payload
  AssetStatus failure = AssetStatus::Missing;  // Kind::Failed
  std::string code;         // diagnostic code for failures ("image-missing", ...)
  std::string message;      // why it failed
};

// Resolves `src` as written in `post`. Order for a relative path: the Hugo page bundle, the
// folders of the post's translations (Post::resourceDirs), the post's URL (`..` clamped at
// the site root), the post file's folder (`..` followed anywhere inside the site root), the
// site root. In a bundle or a translation's folder, a Hugo post's language variant
// (`x.ja.png`) comes before `x.png`. Site-absolute paths (`/img/x.png`, after the site's
// baseurl) are looked up in the post's language's static roots, then the site's. Pelican's
// `{static}`, `{filename}` and `{attach}` markers are read as Pelican does.
Resolution resolveImageSource(const Site& site, const Post& post, std::string_view src,
                              std::uint64_t maxDataBytes);

// Decodes a `data:` URI's payload (base64 or percent-encoded). False with *error on bad input.
bool decodeDataUri(std::string_view uri, std::string* payload, std::string* mediaType, std::string* error,
                   std::uint64_t maxBytes);


}  // namespace pp::assets
