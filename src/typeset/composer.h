// The PartComposer of the public API over a Flow: what the book's parts (post openings, link
// notes, front and back matter sections) use to put content into the flow.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "postpress/typeset.h"
#include "typeset/flow.h"

namespace pp::typeset {

class FlowComposer : public PartComposer {
 public:
  // `labels`: anchor -> printed page number, what pageOf() can cite.
  FlowComposer(Flow& flow, const std::map<std::string, std::string>& labels) : flow_(flow), labels_(labels) {}

  const Style& style() const override { return flow_.ctx().style; }
  std::string pageOf(const std::string& anchor) const override;

  void heading(const std::string& text, int level, const std::string& anchor, bool outline) override;
  void paragraph(const std::vector<Inline>& inlines, const TextStyle& style,
                 const ParagraphOptions& options) override;
  void blocks(const std::vector<Block>& blocks) override { flow_.blocks(blocks); }
  void entry(const std::vector<Inline>& text, const std::string& anchor, const TextStyle& style,
             float indent) override;
  void space(float pt) override { flow_.space(pt); }
  void rule(Color color, float width) override;
  void newPage() override { flow_.pageBreak(); }
  void box(float height, std::function<void(Canvas&)> draw) override;
  void drawnBox(float height, std::function<void(Canvas&)> draw) override;
  void anchor(const std::string& name) override { flow_.anchor(name); }
  void needSpace(float pt) override;
  void keepWithNext() override { flow_.keepWithNext(); }
  float textWidth(const std::string& utf8, const TextStyle& style) override;
  // A node in a language of its own (a contents entry of a post in another language) sets
  // its text in that language's glyph forms (FontSet::setLanguage) until it closes.
  std::int32_t openNode(StructNode node) override;
  void closeNode() override;
  bool setRightToLeftLayout(bool rightToLeft) override {
    return std::exchange(flow_.ctx().rightToLeftLayout, rightToLeft);
  }

  void beginPart(int owner, const Document* text, const std::string& anchor) override {
    flow_.beginPart(owner, text, anchor);
  }
  void markOpening() override { flow_.markOpening(); }
  void outlineEntry(const std::string& title, int level, const std::string& anchor) override;
  void blocks(const std::vector<Block>& blocks,
              const std::function<std::optional<Aside>(const Block&)>& asides) override;
  void endNotes() override { flow_.endNotes(); }
  void endPart() override { flow_.endPart(); }

 private:
  Flow& flow_;
  const std::map<std::string, std::string>& labels_;
  int openNodes_ = 0;
  // The languages in force before each open node that has one: (its depth, the language).
  std::vector<std::pair<int, std::string>> languages_;
};

}  // namespace pp::typeset
