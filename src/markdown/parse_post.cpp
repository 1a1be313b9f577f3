// parsePost: the Markdown stage's pipeline for one post. Preprocessing passes (each in its own
// file) rewrite the body into CommonMark with placeholders, cmark-gfm parses it, the converter
// builds the Document, and the heading pass finishes it.
#include <exception>

#include "markdown/cmark_parse.h"
#include "markdown/context.h"
#include "markdown/convert.h"
#include "markdown/headings.h"
#include "markdown/passes.h"
#include "markdown/smart.h"
#include "postpress/markdown.h"

namespace pp {

Document parsePost(const Site& site, const Post& post, DiagnosticSink& diags) {
  Document doc;
  md::ParseContext ctx(site, post, diags);
  try {
    md::Features f = md::featuresFor(site, post);
    md::Source s = md::normalizeBody(post.body, ctx);
    if (f.liquid) s = md::runLiquid(s, ctx);
    if (f.shortcodes) s = md::runShortcodes(s, ctx);
    if (f.mdx) s = md::runMdx(s, ctx);
    s = md::runAdmonitionFences(s, ctx);
    s = md::runMarkers(s, ctx, f.kramdown);
    if (f.math) s = md::runMath(s, ctx);
    if (f.emoji) s = md::runEmoji(s, ctx);

    md::CmarkDocument root = md::parseCmark(s.text);
    if (!root) {
      diags.error(ctx.loc(1), "markdown-parse", "cmark-gfm could not parse the post");
      return doc;
    }
    md::Converter conv(ctx, s, doc);
    conv.setKramdownHtml(site.generator == Generator::Jekyll);
    doc.blocks = conv.convertDocument(root.get());
    md::repairStrongEmphasis(doc);
    md::smartPunctuation(doc);
    md::dropRepeatedTitle(doc, post);
    md::assignHeadingIds(doc);
  } catch (const std::exception& e) {
    // Out of memory or a bug: the post is reported, the build goes on without its body.
    diags.error(ctx.loc(0), "markdown-internal", std::string("could not convert the post: ") + e.what());
    doc = Document();
  }
  return doc;
}

}  // namespace pp
