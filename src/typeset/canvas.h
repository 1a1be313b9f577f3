// Canvases: free drawing for front matter, asides and custom boxes, with the same text
// machinery (fonts, fallback, missing-glyph boxes) as the flow. A FragmentCanvas records into a
// Fragment placed later; a PageCanvas draws straight onto a page at a given origin.
#pragma once

#include <functional>
#include <utility>

#include "typeset/context.h"
#include "typeset/fragment.h"
#include "postpress/typeset.h"

namespace pp::typeset {

class FragmentCanvas : public Canvas {
 public:
  // `parent`: the node what it draws lands in (tags::kUntagged: the node open in `ctx`).
  FragmentCanvas(Context& ctx, Fragment& out, float width, PageBox* page = nullptr,
                 float originX = 0, float originY = 0, std::int32_t parent = tags::kUntagged)
      : ctx_(ctx), out_(out), width_(width), page_(page), ox_(originX), oy_(originY),
        parent_(parent == tags::kUntagged ? ctx.nodes.current() : parent) {}

  float width() const override { return width_; }
  float text(const std::string& utf8, const TextStyle& style, float x, float y) override;
  float textWidth(const std::string& utf8, const TextStyle& style) override;
  void rect(const FillRect& r) override;
  void line(const RuleLine& l) override;
  void image(int asset, float x, float y, float w, float h) override;
  void link(float x, float y, float w, float h, const LinkTarget& target) override;
  bool qrCode(const std::string& text, float x, float y, float size, Color color) override;
  PageBox& page() override { return page_ ? *page_ : scratch_; }
  float originX() const override { return ox_; }
  float originY() const override { return oy_; }
  std::int32_t setTag(std::int32_t tag) override { return std::exchange(tag_, tag); }
  std::int32_t node(StructNode node) override;
  std::string setLanguage(std::string bcp47) override;

  // Mirrors what is drawn from now on about the middle of [0, across]: the drawing of a
  // left-to-right layout becomes its right-to-left one. Something drawn at x, w wide, lands at
  // across - x - w: a line of text is right-aligned where it was left-aligned (its glyphs are
  // set as its text asks, never flipped), a rule or a picture moves, a QR code moves whole.
  // What is drawn on page() directly is not mirrored.
  void mirror(float across) { mirror_ = across; }

 private:
  // Rules and rectangles take the canvas's tag when it is an artifact kind or a Figure (a QR
  // code's modules); otherwise they stay decoration.
  std::int32_t shapeTag(std::int32_t own) const;
  // A Figure for a picture drawn outside one.
  std::int32_t figureTag(const std::string& alt);
  Context& ctx_;
  Fragment& out_;
  float width_;
  PageBox* page_;
  PageBox scratch_;
  float ox_, oy_;
  std::int32_t parent_;
  std::int32_t tag_ = tags::kUntagged;
  std::string language_;  // setLanguage: "" for the flow's
  std::string flowLanguage_ = ctx_.language;
  float mirror_ = -1;     // mirror(): the width mirrored about; negative when not mirrored
  // Where something drawn at x, `w` wide, lands.
  float placed(float x, float w) const { return mirror_ < 0 ? x : mirror_ - x - w; }
};

// Runs `draw` on a FragmentCanvas recording into `out`.
void drawIntoFragment(Context& ctx, Fragment& out, float width, const std::function<void(Canvas&)>& draw);

// QR code modules (libqrencode, level M; kept in `cacheDir` between builds, qr_modules.h), dark
// modules merged into horizontal runs; the code occupies `size` pt square including a quiet
// zone of 2 modules. False when it cannot encode.
bool qrRects(const std::string& text, float x, float y, float size, Color color,
             std::vector<FillRect>& out, const std::filesystem::path& cacheDir = {});

}  // namespace pp::typeset
