// A debugging aid, not a check: PP_DUMP=site-root:relative/post.md prints the Document of one
// post (outline, kinds, text) and its diagnostics. Skipped when PP_DUMP is unset.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "helpers.h"

using namespace pp;

namespace {

const char* kindName(BlockKind k) {
  static const char* names[] = {"Paragraph", "Heading", "BulletList", "OrderedList", "ListItem", "Quote", "Code", "MathBlock",
                                "Table", "Figure", "Rule", "Admonition", "Embed", "Details", "HtmlFallback"};
  return names[static_cast<int>(k)];
}

void dumpInlines(const std::vector<Inline>& in, std::string& out) {
  for (const auto& i : in) {
    switch (i.kind) {
      case InlineKind::Text: out += i.text; break;
      case InlineKind::SoftBreak: out += " "; break;
      case InlineKind::HardBreak: out += "⏎"; break;
      case InlineKind::Code: out += "`" + i.text + "`"; break;
      case InlineKind::Math: out += "$" + i.text + "$"; break;
      case InlineKind::Image: out += "[img " + i.image.src + "]"; break;
      case InlineKind::FootnoteRef: out += "[^" + std::to_string(i.footnote) + "]"; break;
      case InlineKind::Link:
        out += "[";
        dumpInlines(i.children, out);
        out += "](" + i.link.url + (i.link.internal() ? " ->" + std::to_string(i.link.post) + "#" + i.link.anchor : "") + ")";
        break;
      default:
        out += "<";
        dumpInlines(i.children, out);
        out += ">";
    }
  }
}

void dump(const std::vector<Block>& blocks, int indent) {
  for (const auto& b : blocks) {
    std::string line(static_cast<std::size_t>(indent * 2), ' ');
    line += std::string(kindName(b.kind)) + "@" + std::to_string(b.pos.line) + " ";
    if (b.kind == BlockKind::Heading) line += "h" + std::to_string(b.level) + "#" + b.id + " ";
    if (b.kind == BlockKind::Figure) line += "src=" + b.image.src + " w=" + std::to_string(b.image.widthHint) + " ";
    if (b.kind == BlockKind::Embed) line += "(" + b.text + " " + b.link.url + ") ";
    if (b.kind == BlockKind::Admonition) line += std::string(admonitionName(b.admonition)) + " ";
    if (b.kind == BlockKind::Code || b.kind == BlockKind::MathBlock) line += "[" + b.info + "] " + b.text.substr(0, 200);
    dumpInlines(b.inlines, line);
    for (const auto& r : b.rows) {
      line += "\n" + std::string(static_cast<std::size_t>(indent * 2 + 2), ' ') + "|";
      for (const auto& c : r.cells) {
        dumpInlines(c.content, line);
        line += "|";
      }
    }
    std::cout << line.substr(0, 400) << "\n";
    dump(b.children, indent + 1);
  }
}

}  // namespace

TEST_CASE("dump (PP_DUMP=site:post)") {
  const char* spec = std::getenv("PP_DUMP");
  if (!spec) return;
  std::string s = spec;
  auto colon = s.find(':');
  DiagnosticSink sd;
  SiteOptions opt;
  opt.root = s.substr(0, colon);
  Site site = loadSite(opt, sd);
  for (const auto& post : site.posts) {
    if (colon != std::string::npos && post.path != s.substr(colon + 1)) continue;
    DiagnosticSink d;
    Document doc = parsePost(site, post, d);
    std::cout << "=== " << post.path << " (" << post.title << ") summaryEnd=" << doc.summaryEnd << "\n";
    dump(doc.blocks, 0);
    for (std::size_t k = 0; k < doc.footnotes.size(); ++k) {
      std::cout << "footnote " << k << ":\n";
      dump(doc.footnotes[k].blocks, 1);
    }
    for (const auto& x : d.all()) std::cout << formatDiagnostic(x) << "\n";
  }
}

// PP_SCAN=site-root: lists reader-visible text that still looks like markup (a review aid).
TEST_CASE("scan (PP_SCAN=site)") {
  const char* root = std::getenv("PP_SCAN");
  if (!root) return;
  DiagnosticSink sd;
  SiteOptions opt;
  opt.root = root;
  Site site = loadSite(opt, sd);
  for (const auto& post : site.posts) {
    DiagnosticSink d;
    Document doc = parsePost(site, post, d);
    forEachInline(doc, [&](const Inline& i) {
      if (i.kind != InlineKind::Text) return;
      for (const char* bad : {"](", "**", "&amp;", "&lt;", "&gt;", "{{", "}}", "<", ">", "[^", "\\", "__", "%}"})
        if (i.text.find(bad) != std::string::npos) {
          std::cout << post.path << ":" << i.pos.line << ": [" << bad << "] " << i.text.substr(0, 160) << "\n";
          break;
        }
    });
  }
}
