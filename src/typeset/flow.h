// Block flow: Document blocks become the vertical list. Each kind of block has its own file
// (code_block.cpp, table.cpp, figure.cpp); this class holds the region being set in (left
// edge, width, frames, text role), the spacing rules between blocks, and the keep rules.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "typeset/context.h"
#include "typeset/line_set.h"
#include "typeset/vlist.h"
#include "postpress/typeset.h"

namespace pp::typeset {

class Flow {
 public:
  Flow(Context& ctx, VList& out);

  // Where blocks are set: a column of the text block, the frames around it, the text role.
  struct Region {
    float left = 0;
    float width = 0;
    int frameSet = -1;
    TextStyle body;
    int listDepth = 0;
    bool tight = false;  // inside a tight list: no space between paragraphs
  };
  Region& region() { return region_; }

  // The part being set (PartComposer::beginPart): the owner of its items, and `text`, the
  // document whose footnotes its references number, and the prefix of its anchors.
  void beginPart(int owner, const Document* text, const std::string& anchor);
  void endNotes() { footnotesAtEnd(); }  // notes kept for the part's end
  void endPart();

  void blocks(const std::vector<Block>& blocks);
  void block(const Block& b);

  // Primitives (also used by the Composer of front/back matter sections).
  void paragraph(const std::vector<Inline>& inlines, const TextStyle& style, Align align,
                 float indent, float firstIndent, bool hyphenate, const Block* source = nullptr,
                 StructType role = StructType::P, std::string_view label = {});
  void setLines(std::vector<SetLine>& lines, float x, bool keepTogether);
  void heading(const std::vector<Inline>& inlines, int level, const std::string& id, bool outline);
  void headingText(const std::string& text, const TextStyle& style, const std::string& anchor,
                   int level, bool outline);
  void space(float pt);
  void pageBreak();
  void anchor(const std::string& name) { pendingAnchors_.push_back(name); }
  void content(Fragment f, float height, float baseline, float x, int penaltyBefore = 0);
  void customBox(float height, std::function<void(Canvas&)> draw);
  void rule(Color color, float width, float length);
  void keepWithNext() { keepNext_ = true; }
  void markOpening() { openingPending_ = true; }
  // What is left open after the last item: a part set apart hands it on (PartJoiner).
  bool keepsNext() const { return keepNext_; }
  std::vector<std::string> takePendingAnchors() { return std::move(pendingAnchors_); }

  // Aside beside a paragraph (QR codes; PartComposer::blocks).
  std::function<std::optional<Aside>(const Block&)> asideFor;
  // Outline entries made by headings: filled as they are set.
  std::vector<OutlineEntry>* outline = nullptr;

  Context& ctx() { return ctx_; }
  VList& out() { return out_; }

  // Block kinds in their own files.
  void codeBlock(const Block& code);  // Code, and formulas printed as their TeX
  void mathBlock(const Block& b);  // math_items.cpp
  void table(const Block& b);
  void tableAsParagraphs(const Block& b);
  void figure(const ImageRef& image, const std::vector<Inline>& caption, const LinkTarget& link);
  void placeholder(const ImageRef& image, const std::string& why);
  void embed(const Block& b);

 private:
  void push(VItem item);
  // A heading's lines: left-aligned, never hyphenated, kept together; false when empty.
  bool headingLines(const std::vector<Inline>& inlines, const TextStyle& style);
  void list(const Block& b);
  void quote(const Block& b);
  void admonition(const Block& b);
  void details(const Block& b);
  void htmlFallback(const Block& b);
  void footnotesAtEnd();
  // A paragraph holding pictures: set as figures between paragraphs of its text (or one figure
  // when it is only a picture); false, with nothing set, for a paragraph of text.
  bool picturesOf(const Block& b, bool paraAfterPara);
  bool isLargeImage(const Inline& in) const;
  bool splitAtLargeImages(const Block& b, bool paraAfterPara);
  // A paragraph that introduces what follows it ("Red Hat Booth", "Yuan on the stage:"): one
  // line, or text ending with a colon. A figure right after it is kept with it.
  static bool introducesNext(const Block& b, std::size_t lines);
  std::vector<int> footnoteBlocks(const std::vector<int>& numbers);
  // Frames: enter a new one around what follows; returns the previous frame set.
  int enterFrame(const Frame& f);

  Context& ctx_;
  VList& out_;
  Region region_;
  int owner_ = -1;
  const Document* text_ = nullptr;
  std::string partAnchor_;
  std::map<int, int> footnoteIds_;    // footnote number -> VList::footnotes index (this part)
  std::vector<int> endFootnotes_;     // numbers to set at the part's end
  std::vector<std::string> pendingAnchors_;
  bool keepNext_ = false;
  bool openingPending_ = false;
  bool afterParagraph_ = false;       // for first-line indents of following paragraphs
  bool sectionPending_ = false;       // the next item starts a section (VItem::startsSection)
  std::size_t leadInEnd_ = static_cast<std::size_t>(-1);  // the list's size after a lead-in paragraph
  int depth_ = 0;                     // block nesting
  static constexpr int kMaxNesting = 40;
  float narrowable(float indent) const;
  // Heading levels (tagged PDF): a level of the part's text as the H1-H6 node it becomes (the
  // text's levels ranked below the part's title, never skipping a level after the last).
  StructType headingNode(int level, bool ofText);
  std::vector<int> textLevels_;       // the distinct heading levels of the part's text, in order
  int lastHeading_ = 0;               // the level of the last heading node (1-6), 0: none yet
};

// The plain text of inlines with footnote marks dropped (outline titles).
std::string outlineText(const std::vector<Inline>& inlines);

}  // namespace pp::typeset
