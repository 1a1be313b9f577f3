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

namespace {

// Last line of defence: a placeholder marker that ended up somewhere no converter looks for it
// (an alt text, an attribute, text cmark did not take as a comment) shows what it stood for.
void scrubMarkers(Document& doc, const markdown::ParseContext& ctx) {
  auto fix = [&](std::string& s) {
    if (s.find('\x01') != std::string::npos) s = ctx.restoreSources(s);
  };
  auto fixImage = [&](ImageRef& r) {
    fix(r.src);
    fix(r.alt);
    fix(r.title);
  };
  forEachInline(doc, [&](Inline& i) {
    fix(i.text);
    fix(i.link.url);
    fixImage(i.image);
  });
  auto blocks = [&](std::vector<Block>& bs) {
    forEachBlock(bs, [&](Block& b) {
      fix(b.text);
      fix(b.info);
      fix(b.id);
      fix(b.link.url);
      fixImage(b.image);
    });
  };
  blocks(doc.blocks);
  for (auto& f : doc.footnotes) blocks(f.blocks);
}

}  // namespace

Document parsePost(const Site& site, const Post& post, DiagnosticSink& diags) {
  Document doc;
  markdown::ParseContext ctx(site, post, diags);
  try {
    markdown::Features f = markdown::featuresFor(site, post);
    markdown::Source s = markdown::normalizeBody(post.body, ctx);
    if (f.liquid) s = markdown::runLiquid(s, ctx);
    if (f.shortcodes) s = markdown::runShortcodes(s, ctx);
    if (f.mdx) s = markdown::runMdx(markdown::unwrapMdxCodeBlocks(s), ctx);
    s = markdown::runAdmonitionFences(s, ctx);
    s = markdown::runMarkers(s, ctx, f.kramdown);
    if (f.math) s = markdown::runMath(s, ctx, f.mathBackslash);
    if (f.emoji) s = markdown::runEmoji(s, ctx);

    s = markdown::markEscapes(s);

    markdown::CmarkDocument root = markdown::parseCmark(s.text);
    if (!root) {
      diags.error(ctx.loc(1), "markdown-parse", "cmark-gfm could not parse the post");
      return doc;
    }
    markdown::Converter conv(ctx, s, doc);
    conv.setKramdownHtml(site.generator == Generator::Jekyll);
    doc.blocks = conv.convertDocument(root.get());
    scrubMarkers(doc, ctx);
    markdown::repairStrongEmphasis(doc);
    markdown::smartPunctuation(doc);
    markdown::restoreEscapes(doc);
    markdown::dropRepeatedTitle(doc, post);
    markdown::assignHeadingIds(doc);
  } catch (const std::exception& e) {
    // Out of memory or a bug: the post is reported, the build goes on without its body.
    diags.error(ctx.loc(0), "markdown-internal", std::string("could not convert the post: ") + e.what());
    doc = Document();
  }
  return doc;
}

}  // namespace pp
