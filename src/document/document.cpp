#include "postpress/document.h"

#include "postpress/support/text.h"

namespace pp {

const char* admonitionName(AdmonitionKind k) {
  switch (k) {
    case AdmonitionKind::Note: return "note";
    case AdmonitionKind::Tip: return "tip";
    case AdmonitionKind::Info: return "info";
    case AdmonitionKind::Important: return "important";
    case AdmonitionKind::Warning: return "warning";
    case AdmonitionKind::Caution: return "caution";
    case AdmonitionKind::Danger: return "danger";
  }
  return "note";
}

namespace {

// Vec is std::vector<Block> or const std::vector<Block>: one walker for both constnesses.
template <typename Vec, typename Fn>
void walkBlocks(Vec& blocks, const Fn& fn) {
  for (auto& b : blocks) {
    fn(b);
    walkBlocks(b.children, fn);
  }
}

template <typename Vec, typename Fn>
void walkInlines(Vec& inlines, const Fn& fn) {
  for (auto& i : inlines) {
    fn(i);
    walkInlines(i.children, fn);
  }
}

template <typename DocT, typename Fn>
void walkDocumentInlines(DocT& doc, const Fn& fn) {
  auto visitBlock = [&](auto& b) {
    walkInlines(b.inlines, fn);
    for (auto& row : b.rows)
      for (auto& cell : row.cells) walkInlines(cell.content, fn);
  };
  walkBlocks(doc.blocks, visitBlock);
  for (auto& fnote : doc.footnotes) walkBlocks(fnote.blocks, visitBlock);
}

void appendPlain(const std::vector<Inline>& inlines, std::string& out) {
  for (const auto& i : inlines) {
    switch (i.kind) {
      case InlineKind::Text:
      case InlineKind::Code: out += i.text; break;
      // The math stage's check gives a formula its plain text as a child (math.h).
      case InlineKind::Math:
        if (i.children.empty()) out += i.text;
        else appendPlain(i.children, out);
        break;
      case InlineKind::SoftBreak:
      case InlineKind::HardBreak: out += ' '; break;
      case InlineKind::Image: out += i.image.alt; break;
      case InlineKind::FootnoteRef: break;
      default: appendPlain(i.children, out);
    }
  }
}

void appendPlainBlock(const Block& b, std::string& out) {
  auto sep = [&] {
    if (!out.empty() && out.back() != '\n') out += '\n';
  };
  switch (b.kind) {
    case BlockKind::Code:
    case BlockKind::MathBlock:
    case BlockKind::HtmlFallback:
      sep();
      out += b.text;
      break;
    case BlockKind::Table:
      for (const auto& row : b.rows) {
        sep();
        for (const auto& cell : row.cells) {
          appendPlain(cell.content, out);
          out += ' ';
        }
      }
      break;
    default:
      if (!b.inlines.empty()) {
        sep();
        appendPlain(b.inlines, out);
      }
      for (const auto& c : b.children) appendPlainBlock(c, out);
  }
}

}  // namespace

void forEachBlock(const std::vector<Block>& blocks, const std::function<void(const Block&)>& fn) {
  walkBlocks(blocks, fn);
}

void forEachBlock(std::vector<Block>& blocks, const std::function<void(Block&)>& fn) {
  walkBlocks(blocks, fn);
}

void forEachInline(Document& doc, const std::function<void(Inline&)>& fn) {
  walkDocumentInlines(doc, fn);
}

void forEachInline(const Document& doc, const std::function<void(const Inline&)>& fn) {
  walkDocumentInlines(doc, fn);
}

std::string plainText(const std::vector<Inline>& inlines) {
  std::string out;
  appendPlain(inlines, out);
  return out;
}

std::string plainText(const Block& block) {
  std::string out;
  appendPlainBlock(block, out);
  return out;
}

std::size_t wordCount(const Document& doc) {
  std::size_t n = 0;
  for (const auto& b : doc.blocks) n += countWords(plainText(b));
  return n;
}

}  // namespace pp
