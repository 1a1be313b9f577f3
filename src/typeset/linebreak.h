// Line breaking over boxes, glue and penalties: Knuth and Plass's optimum-fit algorithm
// (Breaking Paragraphs into Lines, 1981), and a first-fit breaker as the fallback that always
// succeeds. Like Typst's linebreak.rs, both live side by side and every cost is named.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "typeset/inline_items.h"

namespace pp::typeset {

// --- Costs (TeX's names and, where they fit our glue, TeX's values) -------------------------

// Added to every line's badness before squaring: prefers fewer lines (\linepenalty).
constexpr int kLinePenalty = 10;
// A break at a hyphenation point (\hyphenpenalty).
constexpr int kHyphenPenalty = 50;
// A break inside an over-wide word that had no better place: allowed, but nearly last.
constexpr int kEmergencyBreakPenalty = 1000;
// Two hyphenated lines in a row (\doublehyphendemerits).
constexpr double kDoubleHyphenDemerits = 10000;
// The second-last line ending with a hyphen, so the last line starts with a word's tail
// (\finalhyphendemerits).
constexpr double kFinalHyphenDemerits = 5000;
// More when that last line is only a few letters ("Pro-" / "gram."): worth about a line
// spaced at 1.5 of its stretch to avoid.
constexpr double kShortTailDemerits = 100000;
// A last line narrower than this many ems after a hyphen is "a few letters".
constexpr float kShortTailEm = 4.0f;
// Neighbouring lines of very different tightness (a tight line above a loose one: the eye sees
// the change in texture) (\adjdemerits).
constexpr double kAdjacentFitnessDemerits = 10000;
// Never more than this many hyphenated lines in a row (a house rule of most publishers).
constexpr int kMaxConsecutiveHyphens = 2;
// Badness is 100 |r|^3 (TeX's approximation), capped here: "infinitely bad".
constexpr double kMaxBadness = 10000;
// An underfull line of the emergency pass adds (weight * kMaxBadness * its empty fraction)^2:
// with 3, a line less than half full costs more than another line.
constexpr double kUnderfullEmptinessWeight = 3;

// Adjustment ratio limits of the passes: the first pass tries without hyphenation and accepts
// spaces stretched to 1.0 of their stretchability (TeX's \pretolerance=100); the second
// hyphenates and allows a little more (about badness 340); the third is the emergency pass of
// a paragraph that will not set well however we try (very narrow table cells, long URLs).
constexpr double kFirstPassTolerance = 1.0;
constexpr double kSecondPassTolerance = 1.5;
constexpr double kEmergencyTolerance = 6.0;

// Ragged-right setting: spaces do not stretch; instead every line may fall short of the
// measure by this many ems at badness 100 (Knuth's recipe for ragged right with optimum fit,
// which evens out the right edge instead of leaving one very short line after long ones).
constexpr float kRaggedStretchEm = 2.5f;

// Paragraphs with more items than this are set first-fit (see breakParagraph).
constexpr std::size_t kMaxOptimalItems = 20000;

struct BreakParams {
  // Width of each line; the last entry holds for all further lines (asides narrow the first).
  std::vector<float> widths;
  bool justify = true;
  double tolerance = kSecondPassTolerance;
  float raggedStretch = 0;  // pt; used when !justify
  float shortTail = 0;      // pt: a paragraph's last line narrower than this after a hyphen
};

struct LineBreak {
  int end = 0;         // index of the item the line breaks at (glue or penalty)
  float ratio = 0;     // adjustment ratio: >0 stretched, <0 shrunk
  bool hyphen = false; // the line ends at a flagged penalty
};

// The optimal breaks, or nullopt when no set of breaks fits the tolerance.
std::optional<std::vector<LineBreak>> knuthPlass(const std::vector<Item>& items, const BreakParams& params);

// Greedy breaks: each line takes as much as fits. Always succeeds (overfull lines only when a
// single box is wider than the measure, which splitOverwideBoxes prevents).
std::vector<LineBreak> firstFit(const std::vector<Item>& items, const BreakParams& params);

// The full strategy for a paragraph: optimum fit without hyphenation, then with it, then an
// emergency pass, then first-fit. May hyphenate `list` in place. Sets *usedFallback when
// first-fit had to be used.
std::vector<LineBreak> breakParagraph(Context& ctx, ItemList& list, std::vector<float> widths,
                                      bool allowHyphens = true, bool* usedFallback = nullptr);

}  // namespace pp::typeset
