// RAII around cmark-gfm: one parse with our options and extensions; node accessors that never
// return null.
#pragma once

#include <functional>
#include <memory>
#include <string>
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

// Visits the subtree of `root` (root first) in document order; when visit(node) returns false
// the node's children are passed over.
void walkCmark(cmark_node* root, const std::function<bool(cmark_node*)>& visit);

// The node's type name ("paragraph", and for extension nodes, which have no type constant in the
// installed headers, "table", "table_row", "strikethrough", "tasklist"...); "" when none.
std::string_view cmarkTypeName(cmark_node* n);
// The node's literal text (text, code, HTML); "" when none.
std::string cmarkLiteral(cmark_node* n);

}  // namespace pp::markdown
