// What the line breaking tests set paragraphs with: a style's fonts, a context with US English
// hyphenation, links resolved as they are written.
#pragma once

#include <memory>

#include "postpress/style.h"
#include "typeset/context.h"

namespace pp::typeset::testing {

struct BreakingEnv {
  DiagnosticSink diags;
  Style style;
  Layout out;
  std::unique_ptr<FontSet> fonts;
  std::unique_ptr<Context> ctx;
  std::unique_ptr<Hyphenator> hyph;
  explicit BreakingEnv(const char* styleName = "report") {
    style = loadStyle(styleName, "", diags);
    fonts = std::make_unique<FontSet>(style, diags);
    ctx = std::make_unique<Context>(style, *fonts, diags, nullptr, out);
    hyph = std::make_unique<Hyphenator>("en-US", diags);
    ctx->hyphenator = hyph.get();
    ctx->resolveLink = [](const LinkTarget& t) { return ResolvedLink{t.url, ""}; };
  }
};

}  // namespace pp::typeset::testing
