// cmark-gfm inline nodes -> Document inlines. Raw inline HTML goes through InlineBuilder, which
// pairs its tags; nesting deeper than kMaxInlineDepth is flattened to its text.
#include <cmark-gfm.h>

#include <algorithm>
#include <charconv>

#include "markdown/cmark_parse.h"
#include "markdown/convert.h"
#include "markdown/inline_html.h"

namespace pp::markdown {

InlineRun Converter::inlinesOf(cmark_node* parent, int depth) {
  InlineBuilder b(*this);
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    SourcePos pos = posOf(c);
    cmark_node_type type = cmark_node_get_type(c);
    switch (type) {
      case CMARK_NODE_TEXT: {
        std::string t = cmarkLiteral(c);
        if (t.find('\x01') != std::string::npos) t = ctx_.restoreSources(t);
        std::replace(t.begin(), t.end(), '\t', ' ');
        b.add(Inline::makeText(std::move(t), pos));
        break;
      }
      case CMARK_NODE_SOFTBREAK: b.add(makeInline(InlineKind::SoftBreak, pos)); break;
      case CMARK_NODE_LINEBREAK: b.add(makeInline(InlineKind::HardBreak, pos)); break;
      case CMARK_NODE_CODE: {
        Inline i = makeInline(InlineKind::Code, pos);
        i.text = ctx_.restoreSources(cmarkLiteral(c));
        b.add(std::move(i));
        break;
      }
      case CMARK_NODE_HTML_INLINE: b.html(cmarkLiteral(c), pos); break;
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        int k = 0;
        std::string lit = cmarkLiteral(c);
        std::from_chars(lit.data(), lit.data() + lit.size(), k);
        int idx = footnoteBase_ + k - 1;
        if (k >= 1 && idx < static_cast<int>(doc_.footnotes.size())) {
          Inline i = makeInline(InlineKind::FootnoteRef, pos);
          i.footnote = idx;
          b.add(std::move(i));
        }
        break;
      }
      case CMARK_NODE_IMAGE: {
        std::vector<Inline> altInl;
        flattenInlines(c, altInl);
        std::string alt = plainText(altInl);
        const char* url = cmark_node_get_url(c);
        const char* title = cmark_node_get_title(c);
        b.add(makeImage(ctx_.restoreSources(url ? url : ""), alt, title ? title : "", pos));
        break;
      }
      default: {
        if (depth >= kMaxInlineDepth) {
          if (!deepWarned_) {
            ctx_.warn(pos.line, "nesting-too-deep", "inline nesting too deep: flattened");
            deepWarned_ = true;
          }
          std::vector<Inline> flat;
          flattenInlines(c, flat);
          for (auto& i : flat) b.add(std::move(i));
          break;
        }
        InlineRun childRun = inlinesOf(c, depth + 1);
        Inline i = makeInline(InlineKind::Span, pos);
        i.children = std::move(childRun.inlines);
        std::string_view ts = cmarkTypeName(c);
        if (type == CMARK_NODE_EMPH) i.kind = InlineKind::Emph;
        else if (type == CMARK_NODE_STRONG) i.kind = InlineKind::Strong;
        else if (ts == "strikethrough") i.kind = InlineKind::Strike;
        else if (type == CMARK_NODE_LINK) {
          i.kind = InlineKind::Link;
          const char* url = cmark_node_get_url(c);
          i.link.url = ctx_.restoreSources(url ? url : "");
        }
        b.add(std::move(i));
        for (auto& h : childRun.hoisted) b.hoist(std::move(h.second));
      }
    }
  }
  return b.finish();
}

// Text of a subtree without structure, iteratively (for alt text and for nesting too deep).
void Converter::flattenInlines(cmark_node* parent, std::vector<Inline>& out) {
  walkCmark(parent, [&](cmark_node* n) {
    if (n == parent) return true;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: {
        std::string t = ctx_.restoreSources(cmarkLiteral(n));
        if (!out.empty() && out.back().kind == InlineKind::Text) out.back().text += t;
        else out.push_back(Inline::makeText(std::move(t), posOf(n)));
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out.push_back(makeInline(InlineKind::SoftBreak)); break;
      default: break;
    }
    return true;
  });
}

}  // namespace pp::markdown
