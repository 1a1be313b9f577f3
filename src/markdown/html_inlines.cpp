// Raw HTML inside a paragraph or a block element -> Document inlines: emphasis, links, images,
// code, breaks, quotes; media and placeholder blocks leave the paragraph (hoisted).
#include "markdown/convert.h"
#include "markdown/html_elements.h"
#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

void Converter::htmlInlines(const HtmlNode& node, int line0, InlineRun& run, int depth) {
  auto hoist = [&](Block b) { run.hoisted.emplace_back(run.inlines.size(), std::move(b)); };
  auto wrap = [&](const HtmlNode& n, InlineKind kind) {
    InlineRun inner;
    for (const auto& k : n.children) htmlInlines(k, line0, inner, depth + 1);
    Inline i = makeInline(kind, htmlPos(n, line0));
    i.children = std::move(inner.inlines);
    return std::pair{std::move(i), std::move(inner.hoisted)};
  };

  // The element itself first (htmlFlow hands over elements, recursion hands over children).
  auto visit = [&](const HtmlNode& c, auto& self) -> void {
    switch (c.type) {
      case HtmlNode::Type::Text: run.inlines.push_back(Inline::makeText(c.text, htmlPos(c, line0))); return;
      case HtmlNode::Type::RawText:
        ctx_.warn(htmlPos(c, line0).line, "html-dropped", "<" + c.tag + "> removed", c.col);
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
        for (auto& b : placeholderHoisted(idx)) hoist(std::move(b));
        return;
      }
      case HtmlNode::Type::Element: break;
    }
    if (htmlDropsElement(c, line0)) return;
    const std::string& t = c.tag;
    SourcePos pos = htmlPos(c, line0);
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
      run.inlines.push_back(makeInline(InlineKind::HardBreak, pos));
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
      Inline i = makeInline(InlineKind::Code, pos);
      i.text = ctx_.restoreSources(text);
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
    if (blockInInline && !run.inlines.empty()) run.inlines.push_back(makeInline(InlineKind::SoftBreak));
    for (const auto& k : c.children) self(k, self);
  };

  // depth 0: the children of a container (a fragment root); deeper: this node itself.
  if (depth > 0) visit(node, visit);
  else
    for (const auto& k : node.children) visit(k, visit);
}

}  // namespace pp::markdown
