// Running heads and footers: the page number centred under the text block on every numbered
// page; on a post's pages (except the one it opens on, when posts open pages) the digest's
// title at the left and the post's at the right, each cut with an ellipsis to half the width,
// over a thin rule.
#pragma once

#include <map>
#include <string>

#include "postpress/publication.h"
#include "postpress/style.h"
#include "postpress/typeset.h"

namespace pp::book {

class RunningHeads {
 public:
  RunningHeads(const Publication& pub, const Style& style, Typesetter& typesetter)
      : pub_(pub), style_(style), typesetter_(typesetter) {}
  // Draws them on a numbered page (SetPage::owner: a post's index, or a section's number).
  void decorate(SetPage& page);

 private:
  // Text cut at a word and ended with an ellipsis so that it fits `width`; remembered, as
  // every page of a post repeats the same running head (the style and width never change).
  const std::string& fitted(Canvas& c, const std::string& text, const TextStyle& ts, float width);

  const Publication& pub_;
  const Style& style_;
  Typesetter& typesetter_;
  std::map<std::string, std::string> fitted_;  // running head text -> as fitted
};

}  // namespace pp::book
