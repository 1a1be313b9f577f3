// The Composer of the public API over a Flow: what post openings, link notes and the front and
// back matter sections use to put content into the flow.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "layout/flow.h"
#include "postpress/layout.h"

namespace pp::typeset {

class FlowComposer : public Composer {
 public:
  FlowComposer(Flow& flow, const Publication& pub, const std::map<std::string, std::string>& labels)
      : flow_(flow), pub_(pub), labels_(labels) {}

  const Style& style() const override { return flow_.ctx().style; }
  const Publication& publication() const override { return pub_; }
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
  float textWidth(const std::string& utf8, const TextStyle& style) override;

 private:
  Flow& flow_;
  const Publication& pub_;
  const std::map<std::string, std::string>& labels_;
};

}  // namespace pp::typeset
