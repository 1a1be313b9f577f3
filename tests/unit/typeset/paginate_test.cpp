// The body is paginated as its parts are joined (IncrementalPagination): the pages must be
// those of the whole list paginated at once, wherever the list happened to end at each step.
#include <doctest/doctest.h>

#include <random>

#include "postpress/fonts.h"
#include "postpress/style.h"
#include "typeset/context.h"
#include "typeset/inline_items.h"
#include "typeset/paginate.h"

using namespace pp;

namespace {

// A list of every kind of item the body holds, each named by an anchor so that where it
// landed can be compared: lines, spaces, page breaks, keep chains, items taller than a page,
// footnotes, figures that shrink or float (or are kept with what precedes them), section starts.
pp::typeset::VList hostileList(unsigned seed, float pageHeight) {
  using namespace pp::typeset;
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  VList l;
  for (int k = 0; k < 3000; ++k) {
    VItem it;
    const int what = pick(100);
    if (what < 70) {
      it.kind = VKind::Content;
      it.height = 10 + static_cast<float>(pick(30));
      if (pick(5) == 0) it.penaltyBefore = kInfinity;  // a keep chain
      if (pick(40) == 0) it.need = 80;
      if (pick(25) == 0) it.startsSection = true;  // a heading: no figure floats past it
      if (pick(30) == 0) {
        l.footnotes.push_back({{}, 12.0f + static_cast<float>(pick(40)), ""});
        it.footnotes.push_back(static_cast<int>(l.footnotes.size() - 1));
      }
    } else if (what < 85) {
      it.kind = VKind::Space;
      it.height = static_cast<float>(pick(20));
    } else if (what < 88) {
      it.kind = VKind::PageBreak;
    } else if (what < 90) {
      it.kind = VKind::Content;
      it.height = pageHeight * (1.1f + static_cast<float>(pick(10)) / 10);  // taller than a page
    } else {
      it.kind = VKind::Float;
      FigureFloat f;
      f.imageWidth = 200;
      f.imageHeight = 60 + static_cast<float>(pick(500));
      f.captionHeight = static_cast<float>(pick(3)) * 12;
      l.figures.push_back(std::move(f));
      it.figure = static_cast<int>(l.figures.size() - 1);
      if (pick(3) == 0) it.penaltyBefore = kInfinity;  // kept with a heading or a lead-in line
    }
    it.anchors.push_back("i" + std::to_string(k));
    l.items.push_back(std::move(it));
  }
  return l;
}

std::string where(const pp::SetPages& p) {
  std::string s = std::to_string(p.pages.size()) + " pages\n";
  for (const auto& [name, pos] : p.anchors)
    s += name + " " + std::to_string(pos.page) + " " + std::to_string(static_cast<int>(pos.y * 100)) + "\n";
  return s;
}

}  // namespace

TEST_CASE("a list paginated as it grows gets the pages of the whole list paginated at once") {
  using namespace pp::typeset;
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts{st, diags};
  Layout out;
  Context ctx{st, fonts, diags, nullptr, out};
  PageGeometry g;
  g.textHeight = 600;
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    VList whole = hostileList(seed, g.textHeight);
    const std::string expected = where(paginate(ctx, whole, g));
    VList source = hostileList(seed, g.textHeight);
    VList growing;
    growing.figures = source.figures;  // items refer to these by index
    growing.footnotes = source.footnotes;
    IncrementalPagination pages(ctx, growing, g);
    std::mt19937 rng(seed * 7);
    for (std::size_t k = 0; k < source.items.size();) {
      const std::size_t chunk = 1 + rng() % 60;
      for (std::size_t e = std::min(source.items.size(), k + chunk); k < e; ++k)
        growing.items.push_back(source.items[k]);
      pages.advance(false);
    }
    pages.advance(true);
    CHECK(where(pages.result()) == expected);
  }
}
