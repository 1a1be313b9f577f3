// Line breaking: optimum fit against first fit, justification within bounds, hyphenation
// limits, break opportunities in long URLs, and robustness on odd input; the room a line makes
// for its raised and lowered runs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "typeset/context.h"
#include "typeset/inline_items.h"
#include "typeset/line_set.h"
#include "typeset/linebreak.h"
#include "breaking_env.h"
#include "common/sample_publication.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::typeset;
using namespace pp::testing;

namespace {

struct ItemsEnv : pp::typeset::testing::BreakingEnv {
  using BreakingEnv::BreakingEnv;
  ItemList items(const std::string& text, bool justify = true) {
    InlineBuilder b(*ctx, style.body, justify);
    b.add({Inline::makeText(text)});
    return b.finish();
  }
};

// TeX-like cost of a set of breaks, for comparing breakers on the same items.
double cost(const std::vector<LineBreak>& breaks) {
  double d = 0;
  for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {  // the last line is free
    const double r = std::fabs(breaks[i].ratio);
    const double bad = std::min(10000.0, 100 * r * r * r);
    d += (kLinePenalty + bad) * (kLinePenalty + bad);
  }
  return d;
}

int maxHyphenRun(const std::vector<LineBreak>& breaks) {
  int run = 0, best = 0;
  for (const auto& b : breaks) {
    run = b.hyphen ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

}  // namespace

TEST_CASE("optimum fit is never worse than first fit, and its ratios stay in bounds") {
  ItemsEnv env;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    ItemList list = env.items(prose(160, seed));
    BreakParams p;
    p.widths = {env.style.textWidth()};
    p.tolerance = kEmergencyTolerance;
    auto kp = knuthPlass(list.items, p);
    REQUIRE(kp);
    auto ff = firstFit(list.items, p);
    CHECK(cost(*kp) <= cost(ff) + 1e-6);
    for (std::size_t i = 0; i < kp->size(); ++i) {
      CHECK((*kp)[i].ratio >= -1.0f - 1e-4f);
      CHECK((*kp)[i].ratio <= kEmergencyTolerance + 1e-4);
    }
  }
}

TEST_CASE("a justified paragraph fills every line but the last to the measure") {
  ItemsEnv env;
  ItemList list = env.items(prose(200, 3));
  ParagraphShape shape;
  shape.widths = {env.style.textWidth()};
  shape.leading = env.style.body.leading;
  auto lines = setParagraph(*env.ctx, list, shape);
  REQUIRE(lines.size() > 5);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const auto& runs = lines[i].content.runs;
    REQUIRE(!runs.empty());
    const float right = runs.back().x + runs.back().width;
    CHECK(right == doctest::Approx(env.style.textWidth()).epsilon(0.002));
    CHECK(runs.front().x == doctest::Approx(0));
  }
  const auto& last = lines.back().content.runs;
  CHECK(last.back().x + last.back().width < env.style.textWidth());
}

TEST_CASE("ragged right never stretches spaces") {
  ItemsEnv env("brief");
  ItemList list = env.items(prose(150, 4), false);
  ParagraphShape shape;
  shape.align = pp::typeset::Align::Left;
  shape.widths = {env.style.textWidth()};
  shape.leading = env.style.body.leading;
  auto lines = setParagraph(*env.ctx, list, shape);
  REQUIRE(lines.size() > 3);
  const int face = env.fonts->face(env.style.body.family, false, false);
  const float space = env.fonts->file(face).advance(' ') * env.style.body.size / 1000.0f;
  for (const auto& l : lines) {
    const auto& runs = l.content.runs;
    for (std::size_t k = 1; k < runs.size(); ++k) {
      // between words exactly a space; inside a word only a kerning adjustment
      const float gap = runs[k].x - (runs[k - 1].x + runs[k - 1].width);
      const bool wordSpace = std::fabs(gap - space) < 0.03f;
      const bool kerning = std::fabs(gap) < 0.2f * env.style.body.size;
      CHECK_MESSAGE((wordSpace || kerning), "gap " << gap << " before '" << runs[k].text << "'");
    }
    CHECK(runs.back().x + runs.back().width <= env.style.textWidth() + 0.01f);
  }
}

TEST_CASE("hyphenation: real patterns, never in code, URLs or numbers, at most two in a row") {
  ItemsEnv env;
  const auto& pts = env.hyph->points("hyphenation");
  CHECK(!pts.empty());
  CHECK(env.hyph->points("1234567890").empty());
  CHECK(env.hyph->points("KUBERNETES").empty());
  CHECK(env.hyph->points("short").empty());

  // A narrow measure of long words forces many hyphenation choices.
  std::string words;
  for (int i = 0; i < 40; ++i) words += "internationalization comprehensive documentation representatives ";
  ItemList list = env.items(words);
  REQUIRE(hyphenate(*env.ctx, list));
  BreakParams p;
  p.widths = {120};
  p.tolerance = kEmergencyTolerance;
  auto kp = knuthPlass(list.items, p);
  REQUIRE(kp);
  CHECK(maxHyphenRun(*kp) <= kMaxConsecutiveHyphens);
  int hyphens = 0;
  for (const auto& b : *kp) hyphens += b.hyphen;
  CHECK(hyphens > 0);
  auto ff = firstFit(list.items, p);
  CHECK(maxHyphenRun(ff) <= kMaxConsecutiveHyphens);

  // Inline code and links are not hyphenated.
  InlineBuilder b(*env.ctx, env.style.body, true);
  b.add({code("internationalization"), text(" "), hyperlink("https://example.org", "representatives")});
  ItemList c = b.finish();
  CHECK_FALSE(hyphenate(*env.ctx, c));
}

TEST_CASE("long URLs get break opportunities and never run past the measure") {
  ItemsEnv env;
  InlineBuilder b(*env.ctx, env.style.body, true);
  b.add({text("See "),
         hyperlink("https://www.cncf.io/announcements/2025/11/11/cncf-launches-certified-kubernetes-ai-conformance-program-to-standardize-ai-workloads-on-kubernetes/",
                   "https://www.cncf.io/announcements/2025/11/11/cncf-launches-certified-kubernetes-ai-conformance-program-to-standardize-ai-workloads-on-kubernetes/"),
         text(" and "), code("averyveryveryveryveryveryveryveryverylongidentifierwithoutanybreakopportunityatallanywhere")});
  ItemList list = b.finish();
  ParagraphShape shape;
  shape.widths = {200};
  shape.leading = 14;
  auto lines = setParagraph(*env.ctx, list, shape);
  REQUIRE(lines.size() >= 4);
  for (const auto& l : lines)
    for (const auto& r : l.content.runs) CHECK(r.x + r.width <= 200.01f);
  // The URL's link area covers its lines.
  int links = 0;
  for (const auto& l : lines) links += static_cast<int>(l.content.links.size());
  CHECK(links >= 2);
}

TEST_CASE("hard breaks, a trailing hard break and empty input") {
  ItemsEnv env;
  InlineBuilder b(*env.ctx, env.style.body, true);
  b.add({text("CNCF: "), hyperlink("https://www.cncf.io/blog/2025/11/11/kserve-becomes-a-cncf-incubating-project/",
                                   "https://www.cncf.io/blog/2025/11/11/kserve-becomes-a-cncf-incubating-project/")});
  Inline hb;
  hb.kind = InlineKind::HardBreak;
  b.add({hb, hb, text("second"), hb});
  ItemList list = b.finish();
  ParagraphShape shape;
  shape.widths = {env.style.textWidth()};
  auto lines = setParagraph(*env.ctx, list, shape);
  std::string all;
  for (const auto& l : lines)
    for (const auto& r : l.content.runs) all += r.text + " ";
  CHECK(all.find("CNCF:") != std::string::npos);
  CHECK(all.find("kserve-becomes") != std::string::npos);
  CHECK(all.find("second") != std::string::npos);

  InlineBuilder e(*env.ctx, env.style.body, true);
  e.add({text("   ")});
  ItemList empty = e.finish();
  CHECK(setParagraph(*env.ctx, empty, shape).empty());
}

TEST_CASE("a paragraph that needs the second pass keeps all its text") {
  // Regression: the hyphenation pass once emptied the boxes of paragraphs it could not
  // hyphenate (a long link that only fits after the first pass failed).
  ItemsEnv env;
  for (float w : {402.0f, 380.0f, 300.0f, 420.0f, 150.0f}) {
    InlineBuilder b(*env.ctx, env.style.body, true);
    b.add({text("CNCF: "), hyperlink("https://www.cncf.io/blog/2025/11/11/kserve-becomes-a-cncf-incubating-project/",
                                     "https://www.cncf.io/blog/2025/11/11/kserve-becomes-a-cncf-incubating-project/")});
    ItemList list = b.finish();
    ParagraphShape shape;
    shape.widths = {w};
    auto lines = setParagraph(*env.ctx, list, shape);
    std::string all;
    for (const auto& l : lines)
      for (const auto& r : l.content.runs) {
        CHECK(!r.text.empty());
        CHECK(r.x + r.width <= w + 0.01f);
        all += r.text;
      }
    CHECK(all == "CNCF:https://www.cncf.io/blog/2025/11/11/kserve-becomes-a-cncf-incubating-project/");
  }
}

TEST_CASE("a sentence whose space went missing breaks after its period, never before") {
  ItemsEnv env;
  ItemList list = env.items("in front of more than 9,000 attendees.This keynote focuses on trust and identity");
  for (float width = 60; width <= 320; width += 5) {
    CAPTURE(width);
    ParagraphShape shape;
    shape.widths = {width};
    shape.leading = 14;
    auto lines = setParagraph(*env.ctx, list, shape);
    for (const auto& l : lines) {
      REQUIRE_FALSE(l.content.runs.empty());
      const auto first = std::min_element(l.content.runs.begin(), l.content.runs.end(),
                                          [](const TextRun& a, const TextRun& b) { return a.x < b.x; });
      CHECK(first->text.rfind(".", 0) != 0);
    }
  }
}

TEST_CASE("no paragraph ends with an empty line") {
  ItemsEnv env;
  ItemList list = env.items("in front of more than 9,000 attendees. This keynote focuses on trust and identity");
  for (float width = 60; width <= 320; width += 1) {
    CAPTURE(width);
    ParagraphShape shape;
    shape.widths = {width};
    shape.leading = 14;
    auto lines = setParagraph(*env.ctx, list, shape);
    for (const auto& l : lines) CHECK_FALSE(l.content.runs.empty());
  }
}

namespace {

// A word's font box as text extraction measures it (pdftotext -bbox, the shared pdfcheck): the
// face's ascent above the baseline and its descent below, at the run's size; y grows downwards.
struct WordBox {
  float top, bottom;
  bool raised;  // set off the line's baseline (a superscript, a subscript, a formula's script)
};

std::vector<std::vector<WordBox>> wordBoxes(ItemsEnv& env, const std::vector<SetLine>& lines) {
  std::vector<std::vector<WordBox>> out;
  float y = 0;
  for (const SetLine& l : lines) {
    auto& boxes = out.emplace_back();
    for (const TextRun& r : l.content.runs) {
      const FontFile& f = env.ctx->fonts.file(r.font);
      const float base = y + r.y;
      boxes.push_back({base - f.ascent() * r.size, base + f.descent() * r.size, std::abs(r.y - l.baseline) > 0.01f});
    }
    y += l.height;
  }
  return out;
}

// The deepest a raised box of `a` reaches into a text box of `b` (the line above or below), as
// a share of its own height (pdfcheck calls words whose boxes share over a quarter of the smaller one's
// area an overlap).
float deepestShare(const std::vector<WordBox>& a, const std::vector<WordBox>& b) {
  float worst = 0;
  for (const WordBox& x : a) {
    if (!x.raised) continue;
    for (const WordBox& o : b) {
      if (o.raised) continue;
      const float depth = std::min(x.bottom, o.bottom) - std::max(x.top, o.top);
      worst = std::max(worst, depth / (x.bottom - x.top));
    }
  }
  return worst;
}

Inline scripted(InlineKind kind, const std::string& s) {
  Inline in;
  in.kind = kind;
  in.children.push_back(Inline::makeText(s));
  return in;
}

}  // namespace

TEST_CASE("a raised or lowered run reaches into the neighbouring lines no deeper than their text does") {
  // Footnotes are set 8.5/11 in Charis SIL, whose box (1.196 + 0.439 em) is taller than the
  // leading: lines' boxes overlap by 21% of their height. A superscript note number there once
  // reached 29% of its own box into the words above (pdfcheck: an overlap on page 297 of the
  // otel digest).
  ItemsEnv env;
  for (const TextStyle* role : {&env.style.footnote, &env.style.caption, &env.style.body, &env.style.table}) {
    CAPTURE(role->size);
    CAPTURE(role->leading);
    InlineBuilder b(*env.ctx, *role, true);
    std::vector<Inline> inlines;
    for (int k = 0; k < 24; ++k) {
      inlines.push_back(Inline::makeText(prose(9, static_cast<unsigned>(k + 1)) + " support"));
      if (k % 3 == 0) inlines.push_back(scripted(InlineKind::Superscript, std::to_string(10 + k)));
      else if (k % 3 == 1) inlines.push_back(scripted(InlineKind::Subscript, "2"));
      inlines.push_back(Inline::makeText(" guidelines, "));
    }
    b.add(inlines);
    ItemList list = b.finish();
    ParagraphShape shape;
    shape.widths = {env.style.textWidth()};
    shape.leading = role->leading;
    const std::vector<SetLine> lines = setParagraph(*env.ctx, list, shape);
    REQUIRE(lines.size() > 6);
    const auto boxes = wordBoxes(env, lines);
    // What lines of plain text do at this leading: their boxes overlap by this share.
    const float box = list.ascent + list.descent;
    const float plain = std::max(0.0f, box - role->leading) / box;
    int raised = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      for (const WordBox& w : boxes[i]) raised += w.raised;
      if (i > 0) CHECK(deepestShare(boxes[i], boxes[i - 1]) <= plain + 1e-3f);
      if (i + 1 < boxes.size()) CHECK(deepestShare(boxes[i], boxes[i + 1]) <= plain + 1e-3f);
    }
    CHECK(raised >= 8);
  }
}

TEST_CASE("lines without raised or lowered runs keep the leading") {
  ItemsEnv env;
  for (const TextStyle* role : {&env.style.footnote, &env.style.body}) {
    InlineBuilder b(*env.ctx, *role, true);
    b.add({Inline::makeText(prose(200, 5))});
    ItemList list = b.finish();
    ParagraphShape shape;
    shape.widths = {env.style.textWidth()};
    shape.leading = role->leading;
    for (const SetLine& l : setParagraph(*env.ctx, list, shape)) CHECK(l.height == doctest::Approx(role->leading));
  }
}
