// Helpers for the Markdown stage tests: a site and a post made in memory, and walkers that
// collect what a reader would see.
#pragma once

#include <string>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/document.h"
#include "postpress/markdown.h"
#include "postpress/site.h"

namespace pptest {

inline pp::Site makeSite(pp::Generator g = pp::Generator::Plain) {
  pp::Site s;
  s.root = "/nonexistent-site";
  s.generator = g;
  s.url = "https://example.org";
  s.title = "Example Blog";
  s.config["title"] = "Example Blog";
  s.config["url"] = "https://example.org";
  return s;
}

inline pp::Post makePost(std::string body, std::string title = "A Post") {
  pp::Post p;
  p.file = "/nonexistent-site/_posts/2025-01-02-a-post.md";
  p.path = "_posts/2025-01-02-a-post.md";
  p.title = std::move(title);
  p.body = std::move(body);
  p.bodyLine = 5;
  p.permalinkPath = "/2025/01/02/a-post/";
  p.url = "https://example.org/2025/01/02/a-post/";
  return p;
}

struct Parsed {
  pp::Document doc;
  pp::DiagnosticSink diags;
};

inline pp::Document parse(const std::string& body, pp::DiagnosticSink& diags,
                          pp::Generator g = pp::Generator::Plain) {
  pp::Site site = makeSite(g);
  pp::Post post = makePost(body);
  return pp::parsePost(site, post, diags);
}

// A Docusaurus .mdx post.
inline pp::Document parseMdx(const std::string& body, pp::DiagnosticSink& diags) {
  pp::Site site = makeSite(pp::Generator::Docusaurus);
  pp::Post post = makePost(body);
  post.format = pp::SourceFormat::Mdx;
  return pp::parsePost(site, post, diags);
}

inline std::vector<const pp::Block*> blocksOfKind(const pp::Document& doc, pp::BlockKind k) {
  std::vector<const pp::Block*> out;
  pp::forEachBlock(doc.blocks, [&](const pp::Block& b) {
    if (b.kind == k) out.push_back(&b);
  });
  return out;
}

inline std::vector<const pp::Inline*> inlinesOfKind(const pp::Document& doc, pp::InlineKind k) {
  std::vector<const pp::Inline*> out;
  pp::forEachInline(doc, [&](const pp::Inline& i) {
    if (i.kind == k) out.push_back(&i);
  });
  return out;
}

// All reader-visible text outside code: Text inlines and non-code block text.
inline std::string visibleText(const pp::Document& doc) {
  std::string out;
  pp::forEachInline(doc, [&](const pp::Inline& i) {
    if (i.kind == pp::InlineKind::Text) {
      out += i.text;
      out += ' ';
    }
  });
  pp::forEachBlock(doc.blocks, [&](const pp::Block& b) {
    if (b.kind == pp::BlockKind::HtmlFallback) out += b.text + ' ';
  });
  return out;
}

inline std::string allText(const pp::Document& doc) {
  std::string out;
  for (const auto& b : doc.blocks) out += pp::plainText(b) + "\n";
  return out;
}

inline bool hasDiag(const pp::DiagnosticSink& d, const std::string& code, int line = 0) {
  for (const auto& x : d.all())
    if (x.code == code && (line == 0 || x.loc.line == line)) return true;
  return false;
}

}  // namespace pptest
