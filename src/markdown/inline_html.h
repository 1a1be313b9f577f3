// Raw HTML among a paragraph's inlines. cmark gives `<b>`, text, `</b>` as siblings; while the
// paragraph's inlines are added, InlineBuilder pairs the tags into styled inlines and hoists
// what cannot stay in a paragraph (embeds, placeholder blocks), splitting it there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markdown/convert.h"
#include "markdown/html_tokenizer.h"

namespace pp::markdown {

class InlineBuilder {
 public:
  explicit InlineBuilder(Converter& conv);

  void add(Inline i);
  // A child's inlines; its hoisted blocks leave with the whole paragraph split at the child.
  void addRun(InlineRun&& run);
  // A block that must leave the paragraph: open tags close, the paragraph splits here.
  void hoist(Block b);
  // Raw inline HTML (a cmark HTML_INLINE literal) at `pos`.
  void html(std::string_view literalHtml, SourcePos pos);
  InlineRun finish();

 private:
  struct Frame {
    std::string tag;
    Inline node;
    bool transparent = false;
    bool skip = false;
    bool code = false;
    bool media = false;  // <video>/<audio> collecting a <source>
  };

  bool skipping() const;
  void open(std::string tag, InlineKind kind);
  void open(std::string tag);  // transparent: children join the parent
  void close(std::size_t k);
  void closeTag(const std::string& tag);
  void token(HtmlToken& t, SourcePos pos);
  void startTag(const HtmlToken& t, SourcePos pos);

  Converter& conv_;
  std::vector<Frame> frames_;
  InlineRun run_;
};

}  // namespace pp::markdown
