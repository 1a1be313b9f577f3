// RAII around cmark-gfm: one parse with our options and extensions.
#pragma once

#include <memory>
#include <string_view>

struct cmark_node;

namespace pp::markdown {

struct CmarkNodeDeleter {
  void operator()(cmark_node* n) const;
};
using CmarkDocument = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// Tables, strikethrough, autolinks, task lists, footnotes, source positions. Smart punctuation
// is ours (smart.h): cmark-gfm's is quadratic on long lines.
CmarkDocument parseCmark(std::string_view text);

}  // namespace pp::markdown
