#include "markdown/inline_html.h"

#include "markdown/html_tree.h"
#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

InlineBuilder::InlineBuilder(Converter& conv) : conv_(conv) {
  frames_.emplace_back();
  frames_.back().transparent = true;
}

void InlineBuilder::add(Inline i) {
  if (skipping()) return;
  frames_.back().node.children.push_back(std::move(i));
}

void InlineBuilder::addRun(InlineRun&& run) {
  for (auto& i : run.inlines) add(std::move(i));
  for (auto& h : run.hoisted) hoist(std::move(h.second));
}

void InlineBuilder::hoist(Block b) {
  while (frames_.size() > 1) close(frames_.size() - 1);
  run_.hoisted.emplace_back(frames_[0].node.children.size(), std::move(b));
}

void InlineBuilder::html(std::string_view literalHtml, SourcePos pos) {
  for (auto& t : tokenizeHtml(literalHtml)) token(t, pos);
}

InlineRun InlineBuilder::finish() {
  while (frames_.size() > 1) close(frames_.size() - 1);
  run_.inlines = std::move(frames_[0].node.children);
  return std::move(run_);
}

bool InlineBuilder::skipping() const {
  for (const auto& f : frames_)
    if (f.skip) return true;
  return false;
}

void InlineBuilder::open(std::string tag, InlineKind kind) {
  if (frames_.size() > static_cast<std::size_t>(kMaxInlineDepth)) {
    open(std::move(tag));  // too deep: keep the text, drop the styling
    return;
  }
  Frame f;
  f.tag = std::move(tag);
  f.node.kind = kind;
  frames_.push_back(std::move(f));
}

void InlineBuilder::open(std::string tag) {
  Frame f;
  f.tag = std::move(tag);
  f.transparent = true;
  frames_.push_back(std::move(f));
}

void InlineBuilder::close(std::size_t k) {
  while (frames_.size() > k) {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.skip) continue;
    if (f.media) {
      if (!f.node.link.url.empty()) hoist(embedBlock(f.node.link.url, f.node.text, f.node.pos));
      continue;
    }
    if (f.code) {
      Inline c = makeInline(InlineKind::Code, f.node.pos);
      c.text = plainText(f.node.children);
      frames_.back().node.children.push_back(std::move(c));
      continue;
    }
    if (f.transparent) {
      for (auto& c : f.node.children) frames_.back().node.children.push_back(std::move(c));
      continue;
    }
    frames_.back().node.children.push_back(std::move(f.node));
  }
}

void InlineBuilder::closeTag(const std::string& tag) {
  for (std::size_t k = frames_.size(); k-- > 1;)
    if (frames_[k].tag == tag) {
      close(k);
      return;
    }
}

void InlineBuilder::token(HtmlToken& t, SourcePos pos) {
  switch (t.type) {
    case HtmlToken::Type::Text: add(Inline::makeText(std::move(t.text), pos)); return;
    case HtmlToken::Type::RawText:
      conv_.ctx_.warn(pos.line, "html-dropped", "<" + t.name + "> removed");
      return;
    case HtmlToken::Type::Comment: {
      int idx = conv_.ctx_.lookup(t.text);
      if (idx < 0) return;
      const Placeholder& ph = conv_.ctx_.placeholders[static_cast<std::size_t>(idx)];
      if (ph.kind == Placeholder::Kind::Inline) {
        add(ph.inl);
        return;
      }
      for (auto& b : conv_.placeholderHoisted(idx)) hoist(std::move(b));
      return;
    }
    case HtmlToken::Type::EndTag: closeTag(t.name); return;
    case HtmlToken::Type::StartTag: startTag(t, pos); return;
  }
}

void InlineBuilder::startTag(const HtmlToken& t, SourcePos pos) {
  const std::string& n = t.name;
  bool selfClosing = t.selfClosing || isVoidElement(n);
  if (n == "br") {
    add(makeInline(InlineKind::HardBreak, pos));
  } else if (n == "img") {
    const std::string* src = t.attr("src");
    if (!src || src->empty()) return;
    const std::string* alt = t.attr("alt");
    const std::string* title = t.attr("title");
    add(makeImage(*src, alt ? *alt : "", title ? *title : "", pos,
                  widthHint(t.attr("width"), t.attr("style"))));
  } else if (n == "source" && !frames_.empty() && frames_.back().media) {
    if (const std::string* src = t.attr("src")) frames_.back().node.link.url = *src;
  } else if (n == "iframe" || n == "video" || n == "audio" || n == "embed" || n == "object") {
    const std::string* src = t.attr("src");
    if (!src) src = t.attr("data");
    const std::string* title = t.attr("title");
    if (src && !src->empty()) {
      hoist(embedBlock(*src, title ? *title : "", pos));
      if (!selfClosing) {
        open(n);
        frames_.back().skip = true;
      }
    } else if (!selfClosing) {
      open(n);
      frames_.back().media = true;
      frames_.back().node.pos = pos;
      if (title) frames_.back().node.text = *title;
    }
  } else if (selfClosing) {
    return;  // input, hr and other void elements: nothing to show inline
  } else if (n == "em" || n == "i" || n == "cite" || n == "var" || n == "dfn") {
    open(n, InlineKind::Emph);
  } else if (n == "strong" || n == "b") {
    open(n, InlineKind::Strong);
  } else if (n == "s" || n == "strike" || n == "del") {
    open(n, InlineKind::Strike);
  } else if (n == "u" || n == "ins") {
    open(n, InlineKind::Underline);
  } else if (n == "sub") {
    open(n, InlineKind::Subscript);
  } else if (n == "sup") {
    open(n, InlineKind::Superscript);
  } else if (n == "code" || n == "kbd" || n == "samp" || n == "tt") {
    open(n, InlineKind::Code);
    frames_.back().code = true;
    frames_.back().node.pos = pos;
  } else if (n == "a") {
    const std::string* href = t.attr("href");
    if (href && !href->empty()) {
      open(n, InlineKind::Link);
      frames_.back().node.link.url = conv_.ctx_.restoreSources(*href);
      frames_.back().node.pos = pos;
    } else {
      open(n);
    }
  } else if (n == "script" || n == "style" || n == "select" || n == "button" || n == "textarea" ||
             n == "form" || n == "svg" || n == "template" || n == "noscript") {
    if (n != "noscript") conv_.ctx_.warn(pos.line, "html-dropped", "<" + n + "> removed");
    open(n);
    frames_.back().skip = true;
  } else {
    open(n);  // span, font, small, mark, abbr, and anything unknown: children kept
  }
}

}  // namespace pp::markdown
