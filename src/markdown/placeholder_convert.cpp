// Placeholders back into blocks: the constructs the passes parked as `<!--\x01ppN-->` markers
// (figures, embeds, containers, math, summary markers), with their captions, titles and bodies
// written in Markdown parsed as fragments of the post.
#include <algorithm>

#include "markdown/cmark_parse.h"
#include "markdown/convert.h"

namespace pp::markdown {

void Converter::placeholderBlocks(int index, std::vector<FlowItem>& out) {
  if (index < 0 || index >= static_cast<int>(ctx_.placeholders.size())) return;
  // Copy: the table can grow while fragments are parsed below.
  Placeholder ph = ctx_.placeholders[static_cast<std::size_t>(index)];
  switch (ph.kind) {
    case Placeholder::Kind::Summary: {
      FlowItem s;
      s.kind = FlowItem::Kind::Summary;
      out.push_back(std::move(s));
      return;
    }
    case Placeholder::Kind::Inline: {
      Block p;
      p.kind = BlockKind::Paragraph;
      p.pos = ph.inl.pos;
      p.inlines.push_back(ph.inl);
      pushBlock(out, std::move(p));
      return;
    }
    case Placeholder::Kind::End: {
      FlowItem e;
      e.kind = FlowItem::Kind::End;
      e.key = "p:" + std::to_string(ph.pair);
      out.push_back(std::move(e));
      return;
    }
    case Placeholder::Kind::Begin: {
      FlowItem b;
      b.kind = FlowItem::Kind::Begin;
      b.key = "p:" + std::to_string(index);
      b.block = ph.container;
      if (!ph.titleMarkdown.empty()) b.block.inlines = markdownInlines(ph.titleMarkdown, ph.container.pos.line);
      out.push_back(std::move(b));
      return;
    }
    case Placeholder::Kind::Blocks: break;
  }
  for (std::size_t k = 0; k < ph.blocks.size(); ++k) {
    Block b = ph.blocks[k];
    if (k == 0 && !ph.titleMarkdown.empty()) b.inlines = markdownInlines(ph.titleMarkdown, b.pos.line);
    if (k == 0 && !ph.bodyMarkdown.empty()) b.children = markdownBlocks(ph.bodyMarkdown, b.pos.line);
    pushBlock(out, std::move(b));
  }
}

std::vector<Block> Converter::placeholderHoisted(int index) {
  std::vector<FlowItem> items;
  placeholderBlocks(index, items);
  return foldFlow(std::move(items));
}

std::vector<Block> Converter::markdownBlocks(std::string_view md, int line) {
  if (ctx_.fragmentDepth >= 4) {
    Block p;
    p.kind = BlockKind::Paragraph;
    p.inlines.push_back(Inline::makeText(ctx_.restoreSources(md)));
    return {p};
  }
  ++ctx_.fragmentDepth;
  Source frag;
  frag.text = std::string(md);
  frag.lines.assign(static_cast<std::size_t>(std::count(md.begin(), md.end(), '\n')) + 2, line);
  std::vector<Block> blocks;
  if (CmarkDocument root = parseCmark(frag.text)) {
    Converter sub(ctx_, frag, doc_);
    sub.footnoteBase_ = static_cast<int>(doc_.footnotes.size());
    sub.footnoteDefinitions(root.get());
    std::vector<FlowItem> items;
    sub.blocksOf(root.get(), items, 1);
    blocks = foldFlow(std::move(items));
  }
  --ctx_.fragmentDepth;
  return blocks;
}

std::vector<Inline> Converter::markdownInlines(std::string_view md, int line) {
  std::vector<Inline> out;
  for (auto& b : markdownBlocks(md, line)) {
    std::vector<Inline> part;
    if (b.kind == BlockKind::Paragraph || b.kind == BlockKind::Heading) part = std::move(b.inlines);
    else if (b.kind == BlockKind::Figure) {
      part.push_back(figureImage(b));
    } else {
      std::string t = plainText(b);
      if (!t.empty()) part.push_back(Inline::makeText(std::move(t)));
    }
    if (part.empty()) continue;
    if (!out.empty()) out.push_back(makeInline(InlineKind::HardBreak));
    for (auto& i : part) out.push_back(std::move(i));
  }
  return out;
}

}  // namespace pp::markdown
