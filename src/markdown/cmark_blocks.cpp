// cmark-gfm block nodes -> Document blocks: headings, lists, quotes (GitHub alerts among them),
// code, rules, footnote definitions. Containers nested deeper than kMaxBlockDepth are
// flattened to their leaf blocks.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>

#include "markdown/cmark_parse.h"
#include "markdown/convert.h"
#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

// The value of `key=` in a fence's info string (`python title="app.py"`, `mermaid
// {caption='The flow'}`), quoted or up to the next space or brace; "" when absent.
std::string fenceAttribute(std::string_view info, std::string_view key) {
  for (std::size_t at = info.find(key); at != std::string_view::npos; at = info.find(key, at + 1)) {
    const bool wordStart = at == 0 || info[at - 1] == ' ' || info[at - 1] == '{' || info[at - 1] == ',' || info[at - 1] == '\t';
    std::size_t v = at + key.size();
    if (!wordStart || v >= info.size() || info[v] != '=') continue;
    ++v;
    if (v < info.size() && (info[v] == '"' || info[v] == '\'')) {
      const std::size_t close = info.find(info[v], v + 1);
      if (close == std::string_view::npos) return {};
      return collapseSpaces(info.substr(v + 1, close - v - 1));
    }
    const std::size_t end = info.find_first_of(" \t},", v);
    return std::string(info.substr(v, end == std::string_view::npos ? std::string_view::npos : end - v));
  }
  return {};
}

}  // namespace

SourcePos Converter::posOf(cmark_node* n) const {
  SourcePos p;
  p.line = bodyLine(cmark_node_get_start_line(n));
  p.col = cmark_node_get_start_column(n);
  return p;
}

std::vector<Block> Converter::convertDocument(cmark_node* root) {
  footnoteBase_ = static_cast<int>(doc_.footnotes.size());
  footnoteDefinitions(root);
  std::vector<FlowItem> items;
  blocksOf(root, items, 0);
  return foldFlow(std::move(items), &doc_.summaryEnd);
}

void Converter::footnoteDefinitions(cmark_node* root) {
  // cmark-gfm moves referenced definitions to the end of the document, in order of first
  // reference, and numbers the references accordingly: definition k is footnote k.
  std::vector<cmark_node*> defs;
  for (cmark_node* c = cmark_node_first_child(root); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION) defs.push_back(c);
  // Reserve the slots first: a footnote may reference another one.
  std::size_t base = doc_.footnotes.size();
  doc_.footnotes.resize(base + defs.size());
  for (std::size_t k = 0; k < defs.size(); ++k) {
    Footnote f;
    f.label = std::to_string(k + 1);
    f.pos = posOf(defs[k]);
    std::vector<FlowItem> items;
    blocksOf(defs[k], items, 1);
    f.blocks = foldFlow(std::move(items));
    doc_.footnotes[base + k] = std::move(f);
  }
}

void Converter::blocksOf(cmark_node* parent, std::vector<FlowItem>& out, int depth) {
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
    block(c, out, depth);
}

void Converter::block(cmark_node* n, std::vector<FlowItem>& out, int depth) {
  cmark_node_type type = cmark_node_get_type(n);
  switch (type) {
    case CMARK_NODE_PARAGRAPH: paragraph(n, out); return;
    case CMARK_NODE_HEADING: {
      Block h;
      h.kind = BlockKind::Heading;
      h.level = std::clamp(cmark_node_get_heading_level(n), 1, 6);
      h.pos = posOf(n);
      InlineRun run = inlinesOf(n, 0);
      h.inlines = std::move(run.inlines);
      normalizeWhitespace(h.inlines);
      pushBlock(out, std::move(h));
      for (auto& hb : run.hoisted) pushBlock(out, std::move(hb.second));
      return;
    }
    case CMARK_NODE_LIST:
      if (depth >= kMaxBlockDepth) return flattenDeep(n, out);
      pushBlock(out, list(n, depth + 1));
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      if (depth >= kMaxBlockDepth) return flattenDeep(n, out);
      quote(n, out, depth + 1);
      return;
    case CMARK_NODE_CODE_BLOCK: {
      int fenceLength = 0, fenceOffset = 0;
      char fenceChar = 0;
      if (kramdownHtml_ && !cmark_node_get_fenced(n, &fenceLength, &fenceOffset, &fenceChar)) {
        std::string code = cmarkLiteral(n);
        bool tags = !trim(code).empty();
        for (const auto& l : split(code, '\n')) {
          std::string_view t = trim(l);
          if (!t.empty() && !(t.front() == '<' && t.back() == '>')) tags = false;
        }
        if (tags) {
          htmlBlocks(code, cmark_node_get_start_line(n), out);
          return;
        }
      }
      pushBlock(out, codeBlock(n));
      return;
    }
    case CMARK_NODE_HTML_BLOCK: htmlBlocks(cmarkLiteral(n), cmark_node_get_start_line(n), out); return;
    case CMARK_NODE_THEMATIC_BREAK: {
      Block r;
      r.kind = BlockKind::Rule;
      r.pos = posOf(n);
      pushBlock(out, std::move(r));
      return;
    }
    case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // collected by footnoteDefinitions
    default: break;
  }
  if (cmarkTypeName(n) == "table") {
    pushBlock(out, table(n));
    return;
  }
  if (depth >= kMaxBlockDepth) return flattenDeep(n, out);
  blocksOf(n, out, depth + 1);
}

// Beyond kMaxBlockDepth: the leaf blocks of the subtree, in order, without their containers.
void Converter::flattenDeep(cmark_node* n, std::vector<FlowItem>& out) {
  if (!deepWarned_) {
    ctx_.warn(bodyLine(cmark_node_get_start_line(n)), "nesting-too-deep",
              "lists or quotes nested more than " + std::to_string(kMaxBlockDepth) +
                  " deep: flattened");
    deepWarned_ = true;
  }
  walkCmark(n, [&](cmark_node* c) {
    cmark_node_type type = cmark_node_get_type(c);
    bool leaf = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK ||
                type == CMARK_NODE_THEMATIC_BREAK || cmarkTypeName(c) == "table";
    if (!leaf) return true;
    block(c, out, kMaxBlockDepth);  // leaves do not recurse into blocks
    return false;
  });
}

void Converter::paragraph(cmark_node* n, std::vector<FlowItem>& out) {
  InlineRun run = inlinesOf(n, 0);
  flushParagraph(run, posOf(n), out);
}

Block Converter::list(cmark_node* n, int depth) {
  Block l;
  l.kind = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? BlockKind::OrderedList
                                                             : BlockKind::BulletList;
  l.start = cmark_node_get_list_start(n);
  l.tight = cmark_node_get_list_tight(n) != 0;
  l.pos = posOf(n);
  for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
    Block li;
    li.kind = BlockKind::ListItem;
    li.pos = posOf(item);
    if (cmarkTypeName(item) == "tasklist")
      li.task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? TaskState::Done
                                                                      : TaskState::Open;
    std::vector<FlowItem> items;
    blocksOf(item, items, depth);
    li.children = foldFlow(std::move(items));
    l.children.push_back(std::move(li));
  }
  return l;
}

void Converter::quote(cmark_node* n, std::vector<FlowItem>& out, int depth) {
  Block q;
  q.kind = BlockKind::Quote;
  q.pos = posOf(n);
  std::vector<FlowItem> items;
  blocksOf(n, items, depth);
  q.children = foldFlow(std::move(items));

  // GitHub alerts: `> [!NOTE]` (Obsidian callouts add a title and a fold sign after it).
  if (!q.children.empty() && q.children[0].kind == BlockKind::Paragraph) {
    auto& inl = q.children[0].inlines;
    std::string firstLine;
    std::size_t cut = 0;
    while (cut < inl.size() && !isBreak(inl[cut])) {
      if (inl[cut].kind != InlineKind::Text) break;
      firstLine += inl[cut].text;
      ++cut;
    }
    std::string_view fl = trim(firstLine);
    AdmonitionKind kind;
    if (startsWith(fl, "[!") && fl.find(']') != std::string_view::npos &&
        (cut == inl.size() || isBreak(inl[cut]))) {
      std::size_t close = fl.find(']');
      if (admonitionKindFromWord(fl.substr(2, close - 2), &kind)) {
        std::string_view title = fl.substr(close + 1);
        if (!title.empty() && (title[0] == '-' || title[0] == '+')) title.remove_prefix(1);
        title = trim(title);
        Block a;
        a.kind = BlockKind::Admonition;
        a.admonition = kind;
        a.pos = q.pos;
        if (!title.empty()) a.inlines.push_back(Inline::makeText(std::string(title), q.pos));
        inl.erase(inl.begin(), inl.begin() + static_cast<std::ptrdiff_t>(std::min(cut + 1, inl.size())));
        if (inl.empty()) q.children.erase(q.children.begin());
        a.children = std::move(q.children);
        pushBlock(out, std::move(a));
        return;
      }
    }
  }
  pushBlock(out, std::move(q));
}

Block Converter::codeBlock(cmark_node* n) {
  Block c;
  c.kind = BlockKind::Code;
  c.pos = posOf(n);
  const char* info = cmark_node_get_fence_info(n);
  std::string lang(info ? info : "");
  lang = std::string(trim(lang));
  for (const char* key : {"caption", "fig-cap", "title"})
    if (std::string caption = fenceAttribute(lang, key); !caption.empty()) {
      c.inlines.push_back(Inline::makeText(caption, c.pos));
      break;
    }
  // "python {linenos=true}", "{.python}", "python title=x.py": the first word is the language.
  std::size_t sp = lang.find_first_of(" \t{,");
  if (startsWith(lang, "{")) {
    lang = lang.substr(1);
    if (startsWith(lang, ".")) lang = lang.substr(1);
    sp = lang.find_first_of(" \t},");
  }
  if (sp != std::string::npos) lang = lang.substr(0, sp);
  c.info = toLowerAscii(lang);
  std::string text = expandTabs(ctx_.restoreSources(cmarkLiteral(n)));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  c.text = std::move(text);
  if (c.info == "math" || c.info == "latex-math" || c.info == "pp-math") {
    c.kind = BlockKind::MathBlock;
    c.info.clear();
  }
  return c;
}

}  // namespace pp::markdown
