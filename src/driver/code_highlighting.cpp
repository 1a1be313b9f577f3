#include "driver/code_highlighting.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "postpress/highlight.h"
#include "postpress/support/parallel.h"

namespace pp::driver {

namespace {

// A code block of the selection, with the post it belongs to.
struct CodeBlockAt {
  std::size_t doc;
  Block* block;
};

}  // namespace

void highlightCode(const Style& style, const std::vector<const Post*>& posts,
                   std::vector<Document>& docs, std::vector<DiagnosticSink>& postDiags,
                   int jobs) {
  if (!style.highlight.enabled) return;
  // Every code block of the selected posts (footnotes included), in reading order.
  std::vector<CodeBlockAt> blocks;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    auto collect = [&](Block& b) {
      if (b.kind == BlockKind::Code) blocks.push_back({i, &b});
    };
    forEachBlock(docs[i].blocks, collect);
    for (Footnote& f : docs[i].footnotes) forEachBlock(f.blocks, collect);
  }
  if (std::none_of(blocks.begin(), blocks.end(),
                   [](const CodeBlockAt& at) { return !resolveCodeLanguage(at.block->info).id.empty(); }))
    return;
  // Block by block, the largest first: one post often holds most of a blog's code, and
  // highlighting post by post left one core working alone (bench/results.md). A block's spans
  // do not depend on which engine or thread made them.
  std::vector<std::size_t> order(blocks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return blocks[a].block->text.size() > blocks[b].block->text.size();
  });
  std::vector<char> overBudget(blocks.size(), 0);
  const Highlighter highlighter;
  parallelFor(order.size(), jobs, [&](std::size_t k) {
    Block& b = *blocks[order[k]].block;
    HighlightedCode h = highlighter.highlight(b.info, b.text);
    b.language = std::move(h.language);
    b.spans = std::move(h.spans);
    overBudget[order[k]] = h.status == HighlightStatus::OverBudget;
  });
  // Told in reading order, whichever thread highlighted which block.
  for (std::size_t k = 0; k < blocks.size(); ++k)
    if (overBudget[k])
      postDiags[blocks[k].doc].warning(posts[blocks[k].doc]->loc(blocks[k].block->pos.line, blocks[k].block->pos.col),
                                       "code-not-highlighted",
                                       "code block too large to highlight within the limits; printed plain");
}

}  // namespace pp::driver
