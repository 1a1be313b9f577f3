#include "driver/code_highlighting.h"

#include <string>

#include "postpress/assets.h"

namespace pp::driver {

std::unique_ptr<Highlighter> highlighterFor(const Style& style, const std::filesystem::path& cacheDir) {
  if (!style.highlight.enabled) return nullptr;
  HighlightOptions options;
  options.cacheDir = usableCacheFolder(cacheDir);
  return std::make_unique<Highlighter>(std::move(options));
}

void highlightPostCode(const Highlighter& highlighter, const Post& post, Document& doc, DiagnosticSink& diags) {
  // A post without a block that names a language never asks for an engine (nor loads one).
  bool named = false;
  auto look = [&](const Block& b) {
    if (!named && b.kind == BlockKind::Code && !resolveCodeLanguage(b.info).id.empty()) named = true;
  };
  forEachBlock(static_cast<const std::vector<Block>&>(doc.blocks), look);
  for (const Footnote& f : doc.footnotes) forEachBlock(f.blocks, look);
  if (!named) return;
  bool toldUnavailable = false;  // once a post: every block of it would say the same
  for (const Highlighter::PlainBlock& b : highlighter.highlightDocument(doc)) {
    if (b.why == HighlightStatus::Unavailable) {
      if (!toldUnavailable)
        diags.warning(post.loc(b.pos.line, b.pos.col), "code-not-highlighted",
                      "code not highlighted (" + highlighter.unavailable() + "); printed plain");
      toldUnavailable = true;
      continue;
    }
    diags.warning(post.loc(b.pos.line, b.pos.col), "code-not-highlighted",
                  "code block too large to highlight within the limits; printed plain");
  }
}

}  // namespace pp::driver
