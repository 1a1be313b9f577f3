// Raw HTML -> Document: the safe subset becomes real nodes (images, links, emphasis, lists,
// tables, code, figures, details, embeds); script, style and forms are dropped with a warning;
// unknown elements keep their children. Never any raw tag in the output.
#include <algorithm>

#include "markdown/convert.h"
#include "markdown/html_tree.h"
#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

void pushBlock(std::vector<FlowItem>& out, Block b) {
  FlowItem item;
  item.block = std::move(b);
  out.push_back(std::move(item));
}

bool oneOf(std::string_view tag, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), tag) != set.end();
}

bool isBlockTag(std::string_view t) {
  return oneOf(t, {"p", "div", "center", "section", "article", "header", "footer", "main", "aside",
                   "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                   "table", "figure", "details", "hr", "dl", "dt", "dd", "body", "html", "form",
                   "fieldset", "address", "iframe", "video", "audio", "figcaption", "summary",
                   "hgroup", "picture"});
}

bool isDroppedTag(std::string_view t) {
  return oneOf(t, {"script", "style", "form", "select", "button", "input", "textarea", "option",
                   "svg", "canvas", "template", "noscript", "head", "meta", "link", "base",
                   "label", "fieldset", "map", "area", "dialog", "object", "param"});
}

bool isContainerTag(std::string_view t) {
  return oneOf(t, {"div", "center", "section", "article", "header", "footer", "main", "aside",
                   "nav", "body", "html", "hgroup", "span", "font", "picture", "li", "dd"});
}

bool hasBlockChild(const HtmlNode& n) {
  for (const auto& c : n.children)
    if (c.type == HtmlNode::Type::Element && isBlockTag(c.tag)) return true;
  return false;
}

void textContent(const HtmlNode& n, std::string& out, int depth = 0) {
  for (const auto& c : n.children) {
    if (c.type == HtmlNode::Type::Text) out += c.text;
    else if (c.type == HtmlNode::Type::Element) {
      if (c.tag == "br") out += '\n';
      else if (!isDroppedTag(c.tag) && depth < kMaxHtmlDepth) textContent(c, out, depth + 1);
    }
  }
}

std::string codeLanguage(const HtmlNode& n) {
  const std::string* cls = n.attr("class");
  if (!cls) return "";
  for (const auto& w : split(*cls, ' ')) {
    std::string lw = toLowerAscii(w);
    for (std::string_view prefix : {"language-", "lang-", "highlight-source-", "highlight-", "hl-"}) {
      if (startsWith(lw, prefix) && lw.size() > prefix.size()) {
        std::string lang = lw.substr(prefix.size());
        if (startsWith(lang, "ipython")) return "python";
        return lang;
      }
    }
  }
  return "";
}

// An admonition-like box: <div class="admonition note">, Bootstrap "alert alert-warning",
// GitHub "flash flash-warn", "callout callout-tip", "note"...
bool admonitionDiv(const HtmlNode& n, AdmonitionKind* kind) {
  const std::string* cls = n.attr("class");
  if (!cls) return false;
  bool boxy = false;
  bool kindFound = false;
  for (const auto& w : split(toLowerAscii(*cls), ' ')) {
    std::string word = w;
    for (std::string_view prefix : {"alert-", "flash-", "callout-", "admonition-", "notice-", "is-"})
      if (startsWith(word, prefix)) word = word.substr(prefix.size());
    if (word == "admonition" || word == "alert" || word == "callout" || word == "flash" ||
        word == "notice" || word == "warn") {
      boxy = true;
      if (word == "warn") {
        *kind = AdmonitionKind::Warning;
        kindFound = true;
      }
      continue;
    }
    AdmonitionKind k;
    if (!kindFound && admonitionKindFromWord(word, &k)) {
      *kind = k;
      kindFound = true;
      boxy = true;
    } else if (!kindFound && (word == "primary" || word == "secondary")) {
      *kind = AdmonitionKind::Info;
    }
  }
  if (boxy && !kindFound) *kind = AdmonitionKind::Note;
  return boxy;
}

}  // namespace

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
  ctx_.warn(bodyLine(line0 + node.line), "html-dropped", what, node.col);
}

void Converter::htmlFlow(const HtmlNode& node, int line0, std::vector<FlowItem>& out, int depth) {
  InlineRun pending;
  SourcePos pendingPos;
  auto posOfNode = [&](const HtmlNode& n) {
    SourcePos p;
    p.line = bodyLine(line0 + n.line);
    p.col = n.col;
    return p;
  };
  auto flush = [&] {
    if (!pending.inlines.empty() || !pending.hoisted.empty()) flushParagraph(pending, pendingPos, out);
    pending = InlineRun();
    pendingPos = {};
  };
  auto notePending = [&](const HtmlNode& n) {
    if (pending.inlines.empty() && pending.hoisted.empty()) pendingPos = posOfNode(n);
  };

  for (const auto& c : node.children) {
    switch (c.type) {
      case HtmlNode::Type::Text:
        notePending(c);
        pending.inlines.push_back(Inline::makeText(c.text, posOfNode(c)));
        continue;
      case HtmlNode::Type::RawText:
        htmlDropped(HtmlNode{HtmlNode::Type::Element, c.tag, {}, {}, {}, false, false, c.line, c.col}, line0);
        continue;
      case HtmlNode::Type::Comment: {
        if (c.unclosedComment)
          ctx_.warn(posOfNode(c).line, "html-comment-unclosed",
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
        placeholderBlocks(idx, line0 + c.line, out);
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

    const std::string& t = c.tag;
    SourcePos pos = posOfNode(c);
    if (isDroppedTag(t)) {
      htmlDropped(c, line0);
      continue;
    }
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
      Block h;
      h.kind = BlockKind::Heading;
      h.level = t[1] - '0';
      h.pos = pos;
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
    } else if (t == "ul" || t == "ol") {
      pushBlock(out, htmlList(c, line0, depth + 1));
    } else if (t == "blockquote" || t == "details" ||
               (t == "div" && [&] { AdmonitionKind k; return admonitionDiv(c, &k); }())) {
      Block b;
      b.pos = pos;
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
    } else if (t == "pre") {
      Block code;
      code.kind = BlockKind::Code;
      code.pos = pos;
      code.info = codeLanguage(c);
      for (const auto& k : c.children)
        if (code.info.empty() && k.type == HtmlNode::Type::Element && k.tag == "code")
          code.info = codeLanguage(k);
      if (code.info.empty() && node.type == HtmlNode::Type::Element) code.info = codeLanguage(node);
      std::string text;
      textContent(c, text);
      text = ctx_.restoreSources(text);
      if (startsWith(text, "\n")) text.erase(0, 1);
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      code.text = std::move(text);
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
          flushParagraph(p, posOfNode(k), out);
        } else {
          htmlFlow(k, line0, out, depth + 1);
        }
      }
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

void Converter::htmlInlines(const HtmlNode& node, int line0, InlineRun& run, int depth) {
  auto posOfNode = [&](const HtmlNode& n) {
    SourcePos p;
    p.line = bodyLine(line0 + n.line);
    p.col = n.col;
    return p;
  };
  auto hoist = [&](Block b) { run.hoisted.emplace_back(run.inlines.size(), std::move(b)); };
  auto wrap = [&](const HtmlNode& n, InlineKind kind) {
    InlineRun inner;
    for (const auto& k : n.children) htmlInlines(k, line0, inner, depth + 1);
    Inline i;
    i.kind = kind;
    i.pos = posOfNode(n);
    i.children = std::move(inner.inlines);
    return std::pair{std::move(i), std::move(inner.hoisted)};
  };

  // The element itself first (htmlFlow hands over elements, recursion hands over children).
  auto visit = [&](const HtmlNode& c, auto& self) -> void {
    switch (c.type) {
      case HtmlNode::Type::Text: run.inlines.push_back(Inline::makeText(c.text, posOfNode(c))); return;
      case HtmlNode::Type::RawText:
        ctx_.warn(posOfNode(c).line, "html-dropped", "<" + c.tag + "> removed", c.col);
        return;
      case HtmlNode::Type::StrayEnd: return;
      case HtmlNode::Type::Comment: {
        int idx = ctx_.lookup(c.text);
        if (idx < 0) return;
        const Placeholder& ph = ctx_.placeholders[static_cast<std::size_t>(idx)];
        if (ph.kind == Placeholder::Kind::Inline) {
          run.inlines.push_back(ph.inl);
          return;
        }
        std::vector<FlowItem> items;
        placeholderBlocks(idx, line0 + c.line, items);
        for (auto& b : foldFlow(std::move(items))) hoist(std::move(b));
        return;
      }
      case HtmlNode::Type::Element: break;
    }
    const std::string& t = c.tag;
    SourcePos pos = posOfNode(c);
    if (isDroppedTag(t)) {
      htmlDropped(c, line0);
      return;
    }
    if (depth >= kMaxInlineDepth) {
      std::string text;
      textContent(c, text);
      run.inlines.push_back(Inline::makeText(std::move(text), pos));
      return;
    }
    InlineKind kind = InlineKind::Span;
    bool styled = true;
    if (oneOf(t, {"em", "i", "cite", "var", "dfn"})) kind = InlineKind::Emph;
    else if (oneOf(t, {"strong", "b"})) kind = InlineKind::Strong;
    else if (oneOf(t, {"s", "strike", "del"})) kind = InlineKind::Strike;
    else if (oneOf(t, {"u", "ins"})) kind = InlineKind::Underline;
    else if (t == "sub") kind = InlineKind::Subscript;
    else if (t == "sup") kind = InlineKind::Superscript;
    else styled = false;
    if (styled) {
      auto [i, hoisted] = wrap(c, kind);
      run.inlines.push_back(std::move(i));
      for (auto& h : hoisted) hoist(std::move(h.second));
      return;
    }
    if (t == "br") {
      Inline b;
      b.kind = InlineKind::HardBreak;
      b.pos = pos;
      run.inlines.push_back(std::move(b));
      return;
    }
    if (t == "img") {
      const std::string* src = c.attr("src");
      if (!src || src->empty()) {
        const std::string* alt = c.attr("alt");
        if (alt) run.inlines.push_back(Inline::makeText(*alt, pos));
        return;
      }
      const std::string* alt = c.attr("alt");
      const std::string* title = c.attr("title");
      run.inlines.push_back(makeImage(ctx_.restoreSources(*src), alt ? *alt : "", title ? *title : "",
                                      pos, widthHint(c.attr("width"), c.attr("style"))));
      return;
    }
    if (oneOf(t, {"code", "kbd", "samp", "tt"})) {
      std::string text;
      textContent(c, text);
      Inline i;
      i.kind = InlineKind::Code;
      i.text = ctx_.restoreSources(text);
      i.pos = pos;
      run.inlines.push_back(std::move(i));
      return;
    }
    if (t == "a") {
      const std::string* href = c.attr("href");
      auto [i, hoisted] = wrap(c, InlineKind::Link);
      if (href && !href->empty()) {
        i.link.url = ctx_.restoreSources(*href);
        run.inlines.push_back(std::move(i));
      } else {
        for (auto& k : i.children) run.inlines.push_back(std::move(k));
      }
      for (auto& h : hoisted) hoist(std::move(h.second));
      return;
    }
    if (t == "iframe" || t == "video" || t == "audio" || t == "embed") {
      Block e;
      if (htmlMedia(c, line0, e)) hoist(std::move(e));
      return;
    }
    if (t == "q") {
      run.inlines.push_back(Inline::makeText("\xE2\x80\x9C", pos));
      for (const auto& k : c.children) self(k, self);
      run.inlines.push_back(Inline::makeText("\xE2\x80\x9D", pos));
      return;
    }
    bool blockInInline = isBlockTag(t) && t != "span";
    if (blockInInline && !run.inlines.empty()) {
      Inline sb;
      sb.kind = InlineKind::SoftBreak;
      run.inlines.push_back(std::move(sb));
    }
    for (const auto& k : c.children) self(k, self);
  };

  // depth 0: the children of a container (a fragment root); deeper: this node itself.
  if (depth > 0) visit(node, visit);
  else
    for (const auto& k : node.children) visit(k, visit);
}

bool Converter::htmlMedia(const HtmlNode& node, int line0, Block& out) {
  const std::string* src = node.attr("src");
  if (!src || src->empty()) src = node.attr("data");
  if (!src || src->empty()) {
    for (const auto& k : node.children)
      if (k.type == HtmlNode::Type::Element && k.tag == "source")
        if ((src = k.attr("src")) && !src->empty()) break;
  }
  if (!src || src->empty()) {
    ctx_.warn(bodyLine(line0 + node.line), "html-dropped", "<" + node.tag + "> without a source removed",
              node.col);
    return false;
  }
  const std::string* title = node.attr("title");
  SourcePos pos{bodyLine(line0 + node.line), node.col};
  out = embedBlock(ctx_.restoreSources(*src), title ? *title : "", pos);
  return true;
}

void Converter::htmlFigure(const HtmlNode& node, int line0, std::vector<FlowItem>& out) {
  SourcePos pos{bodyLine(line0 + node.line), node.col};
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
    ref.pos = SourcePos{bodyLine(line0 + img->line), img->col};
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
  l.pos = SourcePos{bodyLine(line0 + node.line), node.col};
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
    li.pos = SourcePos{bodyLine(line0 + k.line), k.col};
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

Block Converter::htmlTable(const HtmlNode& node, int line0) {
  constexpr std::size_t kMaxColumns = 64;
  Block t;
  t.kind = BlockKind::Table;
  t.pos = SourcePos{bodyLine(line0 + node.line), node.col};
  auto addRow = [&](const HtmlNode& tr, bool inHead) {
    TableRow row;
    bool allTh = true;
    bool any = false;
    for (const auto& cell : tr.children) {
      if (cell.type != HtmlNode::Type::Element || (cell.tag != "td" && cell.tag != "th")) continue;
      any = true;
      if (cell.tag != "th") allTh = false;
      InlineRun run;
      htmlInlines(cell, line0, run, 1);
      for (auto& h : run.hoisted)
        if (h.second.kind == BlockKind::Figure) {
          Inline img;
          img.kind = InlineKind::Image;
          img.image = h.second.image;
          run.inlines.push_back(std::move(img));
        }
      normalizeWhitespace(run.inlines);
      if (row.cells.size() < kMaxColumns) {
        row.cells.push_back({std::move(run.inlines)});
      } else {
        auto& last = row.cells.back().content;
        last.push_back(Inline::makeText(" | "));
        for (auto& i : run.inlines) last.push_back(std::move(i));
      }
      if (t.rows.empty() && t.aligns.size() < row.cells.size()) {
        Align a = Align::None;
        std::string al = toLowerAscii(cell.attr("align") ? *cell.attr("align") : "");
        std::string st = toLowerAscii(cell.attr("style") ? *cell.attr("style") : "");
        if (al == "center" || st.find("text-align: center") != std::string::npos ||
            st.find("text-align:center") != std::string::npos)
          a = Align::Center;
        else if (al == "right" || st.find("right") != std::string::npos)
          a = Align::Right;
        else if (al == "left" || st.find("left") != std::string::npos)
          a = Align::Left;
        t.aligns.push_back(a);
      }
    }
    if (!any) return;
    row.header = inHead || allTh;
    t.rows.push_back(std::move(row));
  };
  auto walk = [&](const HtmlNode& n, bool inHead, int d, auto& self) -> void {
    if (d > 4) return;
    for (const auto& k : n.children) {
      if (k.type != HtmlNode::Type::Element) continue;
      if (k.tag == "tr") addRow(k, inHead);
      else if (k.tag == "thead") self(k, true, d + 1, self);
      else if (k.tag == "tbody" || k.tag == "tfoot") self(k, false, d + 1, self);
    }
  };
  walk(node, false, 0, walk);
  std::size_t columns = 0;
  for (const auto& r : t.rows) columns = std::max(columns, r.cells.size());
  t.aligns.resize(columns, Align::None);
  // Header rows first, as the model promises.
  std::stable_partition(t.rows.begin(), t.rows.end(), [](const TableRow& r) { return r.header; });
  return t;
}

}  // namespace pp::markdown
