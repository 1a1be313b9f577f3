#include "driver/code_highlighting.h"

#include <string>

#include "postpress/highlight.h"
#include "postpress/support/parallel.h"

namespace pp::driver {

namespace {

bool namesALanguage(const Document& doc) {
  bool found = false;
  auto look = [&](const Block& b) {
    if (!found && b.kind == BlockKind::Code && !resolveCodeLanguage(b.info).id.empty()) found = true;
  };
  forEachBlock(doc.blocks, look);
  for (const Footnote& f : doc.footnotes) forEachBlock(f.blocks, look);
  return found;
}

}  // namespace

void highlightCode(const Style& style, const std::vector<const Post*>& posts,
                   std::vector<Document>& docs, std::vector<DiagnosticSink>& postDiags,
                   int jobs) {
  if (!style.highlight.enabled) return;
  bool any = false;
  for (const Document& d : docs)
    if ((any = namesALanguage(d))) break;
  if (!any) return;
  const Highlighter highlighter;
  parallelFor(docs.size(), jobs, [&](std::size_t i) {
    for (const SourcePos& at : highlighter.highlightDocument(docs[i]))
      postDiags[i].warning(posts[i]->loc(at.line, at.col), "code-not-highlighted",
                           "code block too large to highlight within the limits; printed plain");
  });
}

}  // namespace pp::driver
