// Where pagination puts figures: never past the next section's start, never away from a line
// kept with them, in their own order, and smaller rather than leaving a page short.
#include <doctest/doctest.h>

#include <map>

#include "postpress/fonts.h"
#include "postpress/style.h"
#include "typeset/context.h"
#include "typeset/inline_items.h"
#include "typeset/paginate.h"

using namespace pp;
using namespace pp::typeset;

namespace {

constexpr float kLine = 12;

struct Builder {
  VList l;
  void lines(int n, const std::string& name = "") {
    for (int k = 0; k < n; ++k) {
      VItem it;
      it.height = kLine;
      if (k == 0 && !name.empty()) it.anchors.push_back(name);
      l.items.push_back(std::move(it));
    }
  }
  void heading(const std::string& name) {
    VItem it;
    it.height = 2 * kLine;
    it.startsSection = true;
    it.anchors.push_back(name);
    l.items.push_back(std::move(it));
  }
  // A paragraph: no break after its first line or before its last.
  void paragraph(int n, const std::string& name = "") {
    lines(n, name);
    const std::size_t last = l.items.size() - 1;
    l.items[last - static_cast<std::size_t>(n) + 2].penaltyBefore = kInfinity;
    l.items[last].penaltyBefore = kInfinity;
  }
  enum class Kept { No, WithHeading, WithLeadIn };
  void figure(const std::string& name, float imageHeight, Kept kept = Kept::No) {
    FigureFloat f;
    f.withLeadIn = kept == Kept::WithLeadIn;
    f.imageWidth = 300;
    f.imageHeight = imageHeight;
    f.minScale = 0.65f;
    f.absoluteMinScale = 0.2f;
    f.anchors.push_back(name);
    l.figures.push_back(std::move(f));
    VItem it;
    it.kind = VKind::Float;
    it.figure = static_cast<int>(l.figures.size() - 1);
    it.height = imageHeight;
    it.penaltyBefore = kept == Kept::No ? 0 : kInfinity;
    it.anchors.push_back(name);
    l.items.push_back(std::move(it));
  }
};

struct Placed {
  int page;
  float y;
  bool operator<(const Placed& o) const { return page != o.page ? page < o.page : y < o.y; }
};

struct Paged {
  std::map<std::string, Placed> at;
  std::vector<float> imageHeights;  // of every picture, in page order
};

Paged paginateList(VList& l) {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts{st, diags};
  Layout out;
  Context ctx{st, fonts, diags, nullptr, out};
  PageGeometry g;
  g.textHeight = 600;
  SetPages pages = paginate(ctx, l, g);
  Paged p;
  for (const auto& [name, pos] : pages.anchors) p.at[name] = {pos.page, pos.y};
  for (const auto& page : pages.pages)
    for (const auto& image : page.box.images) p.imageHeights.push_back(image.height);
  return p;
}

}  // namespace

TEST_CASE("a figure too big for the space left waits for the next page, but never past the next heading") {
  Builder b;
  b.lines(30);                  // 360 of 600: a 400 pt figure would need shrinking to 0.6
  b.figure("figure", 400);
  b.lines(5, "after");          // the text after it fills the page...
  b.heading("next section");    // ...up to the next heading, which stays below the figure
  b.lines(30);
  Paged p = paginateList(b.l);
  CHECK(p.at["after"].page == 0);
  CHECK(p.at["figure"].page == 1);
  CHECK(p.at["figure"] < p.at["next section"]);
}

TEST_CASE("a figure kept with the line that introduces it takes the line to the next page") {
  Builder b;
  b.lines(40);                  // 480 of 600
  b.lines(1, "lead-in");
  b.figure("figure", 300, Builder::Kept::WithLeadIn);
  b.lines(10);
  Paged p = paginateList(b.l);
  CHECK(p.at["lead-in"].page == 1);
  CHECK(p.at["figure"].page == 1);
}

TEST_CASE("a figure shrinks further rather than leave a page ending short") {
  Builder b;
  b.lines(25);                  // 300 of 600: breaking before the lead-in leaves the page half empty
  b.lines(1, "lead-in");
  b.figure("figure", 550, Builder::Kept::WithLeadIn);  // fits at 0.52 of its size
  b.lines(40);
  Paged p = paginateList(b.l);
  CHECK(p.at["figure"].page == 0);
  REQUIRE(p.imageHeights.size() == 1);
  CHECK(p.imageHeights[0] < 550 * 0.65f);
  CHECK(p.imageHeights[0] >= 550 * 0.45f);
}

TEST_CASE("figures keep their order: one that would fit waits behind one that waits") {
  Builder b;
  b.lines(30);
  b.figure("big", 400);
  b.lines(2);
  b.figure("small", 60);
  b.lines(10);
  Paged p = paginateList(b.l);
  CHECK(p.at["big"].page == 1);
  CHECK(p.at["big"] < p.at["small"]);
}

TEST_CASE("a figure kept with its heading waits for the next page while the section's text keeps the heading company") {
  Builder b;
  b.lines(25);                  // 300 of 600
  b.heading("heading");
  b.figure("figure", 500, Builder::Kept::WithHeading);
  b.paragraph(4, "text");       // the heading's section goes on below the figure
  b.paragraph(4);
  b.heading("next section");
  b.lines(40);
  Paged p = paginateList(b.l);
  CHECK(p.at["heading"].page == 0);
  CHECK(p.at["text"].page == 0);
  CHECK(p.at["figure"].page == 1);
  CHECK(p.at["figure"] < p.at["next section"]);
}

TEST_CASE("a heading whose figure waits is not left alone at the foot of a page") {
  Builder b;
  b.lines(35);                  // 420 of 600: the figure would need shrinking to 0.31
  b.heading("heading");
  b.figure("figure", 500, Builder::Kept::WithHeading);
  b.heading("next section");    // no text of the heading's own section to fill the page with
  b.lines(40);
  Paged p = paginateList(b.l);
  CHECK(p.at["heading"].page == 1);
  CHECK(p.at["heading"] < p.at["figure"]);
  CHECK(p.at["figure"] < p.at["next section"]);
}
