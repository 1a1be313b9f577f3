// Raw HTML blocks -> Document blocks: the safe subset becomes real nodes (paragraphs, headings,
// lists, quotes, details, admonition-like boxes, code, tables, figures, embeds); script, style
// and forms are dropped with a warning; unknown elements keep their children. Never any raw
// tag in the output.
#include "markdown/convert.h"
#include "markdown/html_elements.h"
#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

void Converter::htmlBlocks(std::string_view html, int line, std::vector<FlowItem>& out) {
  bool tooDeep = false;
  HtmlNode root = buildHtmlTree(tokenizeHtml(html), &tooDeep);
  if (tooDeep)
    ctx_.warn(bodyLine(line), "nesting-too-deep",
              "HTML nested more than " + std::to_string(kMaxHtmlDepth) + " deep: flattened");
  htmlFlow(root, line, out, 0);
}

void Converter::htmlDropped(const HtmlNode& node, int line0) {
  if (node.tag == "noscript" || node.tag == "head" || node.tag == "meta" || node.tag == "link" ||
      node.tag == "base" || node.tag == "param")
    return;
  std::string what = node.tag == "svg" ? "inline <svg> not rendered, removed"
                                       : "<" + node.tag + "> removed";
  SourcePos pos = htmlPos(node, line0);
  ctx_.warn(pos.line, "html-dropped", what, pos.col);
}

bool Converter::htmlDropsElement(const HtmlNode& node, int line0) {
  if (!isDroppedTag(node.tag)) return false;
  htmlDropped(node, line0);
  return true;
}

void Converter::htmlFlow(const HtmlNode& node, int line0, std::vector<FlowItem>& out, int depth) {
  InlineRun pending;
  SourcePos pendingPos;
  auto flush = [&] {
    if (!pending.inlines.empty() || !pending.hoisted.empty()) flushParagraph(pending, pendingPos, out);
    pending = InlineRun();
    pendingPos = {};
  };
  auto notePending = [&](const HtmlNode& n) {
    if (pending.inlines.empty() && pending.hoisted.empty()) pendingPos = htmlPos(n, line0);
  };

  for (const auto& c : node.children) {
    switch (c.type) {
      case HtmlNode::Type::Text:
        notePending(c);
        pending.inlines.push_back(Inline::makeText(c.text, htmlPos(c, line0)));
        continue;
      case HtmlNode::Type::RawText:
        htmlDropped(HtmlNode{HtmlNode::Type::Element, c.tag, {}, {}, {}, false, false, c.line, c.col}, line0);
        continue;
      case HtmlNode::Type::Comment: {
        if (c.unclosedComment)
          ctx_.warn(htmlPos(c, line0).line, "html-comment-unclosed",
                    "HTML comment never closed: it hides the rest of the post");
        int idx = ctx_.lookup(c.text);
        if (idx < 0) continue;
        const Placeholder& ph = ctx_.placeholders[static_cast<std::size_t>(idx)];
        if (ph.kind == Placeholder::Kind::Inline) {
          notePending(c);
          pending.inlines.push_back(ph.inl);
          continue;
        }
        flush();
        placeholderBlocks(idx, out);
        continue;
      }
      case HtmlNode::Type::StrayEnd: {
        if (!oneOf(c.tag, {"details", "blockquote", "div", "center", "section", "article", "aside",
                           "header", "footer", "main", "nav"}))
          continue;
        flush();
        FlowItem e;
        e.kind = FlowItem::Kind::End;
        e.key = "h:" + c.tag;
        out.push_back(std::move(e));
        continue;
      }
      case HtmlNode::Type::Element: break;
    }

    if (htmlDropsElement(c, line0)) continue;
    const std::string& t = c.tag;
    SourcePos pos = htmlPos(c, line0);
    bool blockish = isBlockTag(t) || (!isContainerTag(t) && hasBlockChild(c)) ||
                    ((t == "span" || t == "font") && hasBlockChild(c));
    if (!blockish || t == "iframe" || t == "video" || t == "audio") {
      if (t == "iframe" || t == "video" || t == "audio") {
        Block e;
        if (htmlMedia(c, line0, e)) {
          flush();
          pushBlock(out, std::move(e));
        }
        continue;
      }
      notePending(c);
      htmlInlines(c, line0, pending, depth + 1);
      continue;
    }
    flush();
    if (depth >= kMaxHtmlDepth) {
      htmlFlow(c, line0, out, depth);
      continue;
    }
    if (t == "p" || t == "li" || t == "dd" || t == "figcaption" || t == "summary" || t == "picture") {
      htmlFlow(c, line0, out, depth + 1);
    } else if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') {
      htmlHeading(c, line0, out, depth);
    } else if (t == "ul" || t == "ol") {
      pushBlock(out, htmlList(c, line0, depth + 1));
    } else if (t == "blockquote" || t == "details" ||
               (t == "div" && [&] { AdmonitionKind k; return admonitionDiv(c, &k); }())) {
      htmlBox(c, line0, out, depth);
    } else if (t == "pre") {
      Block code = htmlPre(c, node, line0);
      if (!code.text.empty()) pushBlock(out, std::move(code));
    } else if (t == "table") {
      Block tb = htmlTable(c, line0);
      if (!tb.rows.empty()) pushBlock(out, std::move(tb));
    } else if (t == "figure") {
      htmlFigure(c, line0, out);
    } else if (t == "hr") {
      Block r;
      r.kind = BlockKind::Rule;
      r.pos = pos;
      pushBlock(out, std::move(r));
    } else if (t == "dl") {
      htmlDefinitions(c, line0, out, depth);
    } else {
      // div, center, section and unknown elements holding blocks: children kept, box dropped.
      bool container = oneOf(t, {"div", "center", "section", "article", "aside", "header",
                                 "footer", "main", "nav"});
      if (container && !c.closed) {
        FlowItem begin;
        begin.kind = FlowItem::Kind::Begin;
        begin.key = "h:" + t;
        begin.transparent = true;
        out.push_back(std::move(begin));
      }
      htmlFlow(c, line0, out, depth + 1);
    }
  }
  flush();
}

// <h1>...<h6>: a heading, its id kept for links to it.
void Converter::htmlHeading(const HtmlNode& c, int line0, std::vector<FlowItem>& out, int depth) {
  Block h;
  h.kind = BlockKind::Heading;
  h.level = c.tag[1] - '0';
  h.pos = htmlPos(c, line0);
  if (const std::string* id = c.attr("id")) h.id = *id;
  InlineRun run;
  htmlInlines(c, line0, run, depth + 1);
  normalizeWhitespace(run.inlines);
  // fastpages/Jupyter headings end with an empty anchor link (the pilcrow): drop it.
  while (!run.inlines.empty() && run.inlines.back().kind == InlineKind::Link &&
         trim(plainText(run.inlines.back().children)).empty())
    run.inlines.pop_back();
  normalizeWhitespace(run.inlines);
  h.inlines = std::move(run.inlines);
  pushBlock(out, std::move(h));
  for (auto& hb : run.hoisted) pushBlock(out, std::move(hb.second));
}

// <blockquote>, <details> and admonition-like <div>s: a container around the blocks inside.
void Converter::htmlBox(const HtmlNode& c, int line0, std::vector<FlowItem>& out, int depth) {
  const std::string& t = c.tag;
  Block b;
  b.pos = htmlPos(c, line0);
  if (t == "blockquote") {
    b.kind = BlockKind::Quote;
  } else if (t == "details") {
    b.kind = BlockKind::Details;
  } else {
    b.kind = BlockKind::Admonition;
    admonitionDiv(c, &b.admonition);
  }
  HtmlNode body;
  for (const auto& k : c.children) {
    if (t == "details" && k.type == HtmlNode::Type::Element && k.tag == "summary") {
      InlineRun run;
      htmlInlines(k, line0, run, depth + 1);
      normalizeWhitespace(run.inlines);
      b.inlines = std::move(run.inlines);
    } else {
      body.children.push_back(k);
    }
  }
  std::vector<FlowItem> inner;
  htmlFlow(body, line0, inner, depth + 1);
  if (!c.closed) {
    // Opened here, closed by a later HTML block: the Markdown between goes inside.
    FlowItem begin;
    begin.kind = FlowItem::Kind::Begin;
    begin.key = "h:" + t;
    begin.block = std::move(b);
    out.push_back(std::move(begin));
    for (auto& i : inner) out.push_back(std::move(i));
  } else {
    b.children = foldFlow(std::move(inner));
    pushBlock(out, std::move(b));
  }
}

// <pre>: a code block; its language from its class, its <code>'s, or its parent's.
Block Converter::htmlPre(const HtmlNode& c, const HtmlNode& parent, int line0) {
  Block code;
  code.kind = BlockKind::Code;
  code.pos = htmlPos(c, line0);
  code.info = codeLanguage(c);
  for (const auto& k : c.children)
    if (code.info.empty() && k.type == HtmlNode::Type::Element && k.tag == "code")
      code.info = codeLanguage(k);
  if (code.info.empty() && parent.type == HtmlNode::Type::Element) code.info = codeLanguage(parent);
  std::string text;
  textContent(c, text);
  text = expandTabs(ctx_.restoreSources(text));
  if (startsWith(text, "\n")) text.erase(0, 1);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  code.text = std::move(text);
  return code;
}

// <dl>: each term a paragraph in bold, each description its blocks.
void Converter::htmlDefinitions(const HtmlNode& c, int line0, std::vector<FlowItem>& out, int depth) {
  for (const auto& k : c.children) {
    if (k.type != HtmlNode::Type::Element) continue;
    if (k.tag == "dt") {
      InlineRun run;
      htmlInlines(k, line0, run, depth + 1);
      Inline strong;
      strong.kind = InlineKind::Strong;
      strong.children = std::move(run.inlines);
      InlineRun p;
      p.inlines.push_back(std::move(strong));
      flushParagraph(p, htmlPos(k, line0), out);
    } else {
      htmlFlow(k, line0, out, depth + 1);
    }
  }
}

bool Converter::htmlMedia(const HtmlNode& node, int line0, Block& out) {
  const std::string* src = node.attr("src");
  if (!src || src->empty()) src = node.attr("data");
  if (!src || src->empty()) {
    for (const auto& k : node.children)
      if (k.type == HtmlNode::Type::Element && k.tag == "source")
        if ((src = k.attr("src")) && !src->empty()) break;
  }
  SourcePos pos = htmlPos(node, line0);
  if (!src || src->empty()) {
    ctx_.warn(pos.line, "html-dropped", "<" + node.tag + "> without a source removed", pos.col);
    return false;
  }
  const std::string* title = node.attr("title");
  out = embedBlock(ctx_.restoreSources(*src), title ? *title : "", pos);
  return true;
}

void Converter::htmlFigure(const HtmlNode& node, int line0, std::vector<FlowItem>& out) {
  SourcePos pos = htmlPos(node, line0);
  const HtmlNode* img = nullptr;
  const HtmlNode* link = nullptr;
  const HtmlNode* caption = nullptr;
  const HtmlNode* media = nullptr;
  // Breadth-limited search: figures are shallow.
  auto find = [&](const HtmlNode& n, const HtmlNode* a, int d, auto& self) -> void {
    if (d > 8) return;
    for (const auto& k : n.children) {
      if (k.type != HtmlNode::Type::Element) continue;
      if (k.tag == "img" && !img) {
        img = &k;
        link = a;
      } else if (k.tag == "figcaption" && !caption) {
        caption = &k;
      } else if ((k.tag == "iframe" || k.tag == "video" || k.tag == "audio") && !media) {
        media = &k;
      } else {
        self(k, k.tag == "a" ? &k : a, d + 1, self);
      }
    }
  };
  find(node, nullptr, 0, find);
  std::vector<Inline> cap;
  if (caption) {
    InlineRun run;
    htmlInlines(*caption, line0, run, 1);
    normalizeWhitespace(run.inlines);
    cap = std::move(run.inlines);
  }
  if (img && img->attr("src") && !img->attr("src")->empty()) {
    const std::string* alt = img->attr("alt");
    const std::string* title = img->attr("title");
    ImageRef ref;
    ref.src = ctx_.restoreSources(*img->attr("src"));
    ref.alt = alt ? *alt : "";
    ref.title = title ? *title : "";
    ref.pos = htmlPos(*img, line0);
    ref.widthHint = widthHint(img->attr("width"), img->attr("style"));
    if (cap.empty() && !trim(ref.title).empty()) cap.push_back(Inline::makeText(std::string(trim(ref.title)), pos));
    else if (cap.empty() && meaningfulAlt(ref.alt)) cap.push_back(Inline::makeText(std::string(trim(ref.alt)), pos));
    Block f = makeFigure(std::move(ref), std::move(cap), pos);
    if (link)
      if (const std::string* href = link->attr("href")) f.link.url = *href;
    pushBlock(out, std::move(f));
    return;
  }
  if (media) {
    Block e;
    if (htmlMedia(*media, line0, e)) {
      if (!cap.empty()) e.inlines = std::move(cap);
      pushBlock(out, std::move(e));
    }
    return;
  }
  htmlFlow(node, line0, out, kMaxHtmlDepth);
}

Block Converter::htmlList(const HtmlNode& node, int line0, int depth) {
  Block l;
  l.kind = node.tag == "ol" ? BlockKind::OrderedList : BlockKind::BulletList;
  l.pos = htmlPos(node, line0);
  if (const std::string* start = node.attr("start")) {
    try {
      l.start = std::stoi(*start);
    } catch (...) {
      l.start = 1;
    }
  }
  l.tight = true;
  for (const auto& k : node.children) {
    if (k.type == HtmlNode::Type::Text && trim(k.text).empty()) continue;
    Block li;
    li.kind = BlockKind::ListItem;
    li.pos = htmlPos(k, line0);
    std::vector<FlowItem> items;
    if (k.type == HtmlNode::Type::Element && k.tag == "li") {
      htmlFlow(k, line0, items, depth + 1);
    } else {
      HtmlNode wrapper;
      wrapper.children.push_back(k);
      htmlFlow(wrapper, line0, items, depth + 1);
    }
    li.children = foldFlow(std::move(items));
    if (li.children.empty()) continue;
    l.children.push_back(std::move(li));
  }
  return l;
}

}  // namespace pp::markdown
