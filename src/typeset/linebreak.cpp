#include "typeset/linebreak.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pp::typeset {

namespace {

// Running sums of width, stretch and shrink up to (not including) each item.
struct Sums {
  std::vector<double> w, y, z;
  explicit Sums(const std::vector<Item>& items) : w(items.size() + 1), y(items.size() + 1), z(items.size() + 1) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      const bool counts = it.isBox() || it.isGlue();
      w[i + 1] = w[i] + (counts ? it.width : 0);
      y[i + 1] = y[i] + (it.isGlue() ? it.stretch : 0);
      z[i + 1] = z[i] + (it.isGlue() ? it.shrink : 0);
    }
  }
};

bool isForced(const Item& it) { return it.isPenalty() && it.penalty <= -kInfinity; }

// A legal breakpoint: a penalty that is not infinite, or glue right after a box.
bool isFeasible(const std::vector<Item>& items, std::size_t b) {
  const Item& it = items[b];
  if (it.isPenalty()) return it.penalty < kInfinity;
  if (it.isGlue()) return b > 0 && items[b - 1].isBox();
  return false;
}

// The first item of a line that starts after a break at `b`: glue and penalties vanish there.
int lineStart(const std::vector<Item>& items, int b) {
  std::size_t i = static_cast<std::size_t>(b + 1);
  while (i < items.size() && !items[i].isBox() && !isForced(items[i])) ++i;
  return static_cast<int>(i);
}

float widthOfLine(const BreakParams& p, int line) {
  if (p.widths.empty()) return 0;
  return p.widths[std::min<std::size_t>(static_cast<std::size_t>(line), p.widths.size() - 1)];
}

struct LineMeasure {
  double natural, stretch, shrink;
};

LineMeasure measure(const std::vector<Item>& items, const Sums& s, const BreakParams& p, int start, int b) {
  LineMeasure m{s.w[b] - s.w[start], s.y[b] - s.y[start], s.z[b] - s.z[start]};
  if (items[b].isPenalty()) m.natural += items[b].width;
  if (!p.justify) {
    m.stretch += p.raggedStretch;
    m.shrink = 0;
  }
  return m;
}

double ratioFor(const LineMeasure& m, double target) {
  const double diff = target - m.natural;
  if (diff > 1e-6) return m.stretch > 0 ? diff / m.stretch : std::numeric_limits<double>::infinity();
  if (diff < -1e-6) return m.shrink > 0 ? diff / m.shrink : -std::numeric_limits<double>::infinity();
  return 0;
}

// Fitness classes: 0 tight, 1 decent, 2 loose, 3 very loose.
int fitnessOf(double r) {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1.0) return 2;
  return 3;
}

struct Node {
  int pos;        // break item index (-1: paragraph start)
  int start;      // first item of the next line
  int line;       // lines before this break
  int fitness;
  int hyphens;    // consecutive hyphenated lines ending here
  double total;   // total demerits
  int prev;       // index in nodes, -1 for the start
  float ratio;    // of the line ending here
  bool flagged;
};

}  // namespace

std::optional<std::vector<LineBreak>> knuthPlass(const std::vector<Item>& items, const BreakParams& p) {
  std::vector<LineBreak> result;
  if (items.empty()) return result;
  const Sums s(items);
  // Lines up to this index may differ in width; beyond it all lines are alike, so breaks there
  // need not be told apart by line number (TeX's "easy line").
  const int lineClasses = static_cast<int>(std::max<std::size_t>(1, p.widths.size()));

  std::vector<Node> nodes;
  nodes.reserve(items.size() / 2 + 8);
  nodes.push_back({-1, lineStart(items, -1), 0, 1, 0, 0.0, -1, 0, false});
  std::vector<int> active{0};
  std::vector<int> stillActive;

  // Best new node per (fitness, hyphen run, line class) at one breakpoint.
  struct Candidate {
    double total;
    int from;
    float ratio;
  };
  const int keyCount = 4 * (kMaxConsecutiveHyphens + 1) * lineClasses;
  const Candidate none{std::numeric_limits<double>::infinity(), -1, 0};
  std::vector<Candidate> best(static_cast<std::size_t>(keyCount), none);
  // The keys given a candidate at this breakpoint (usually one or two): only they are read
  // and cleared afterwards, not every key at every breakpoint.
  std::vector<int> touched;

  const int n = static_cast<int>(items.size());
  for (int b = 0; b < n; ++b) {
    if (!isFeasible(items, static_cast<std::size_t>(b))) continue;
    const Item& brk = items[static_cast<std::size_t>(b)];
    const bool forced = isForced(brk);
    const bool flagged = brk.isPenalty() && brk.flagged;
    const bool last = b == n - 1;
    bool anyCandidate = false;
    stillActive.clear();
    for (int ai : active) {
      const Node& a = nodes[static_cast<std::size_t>(ai)];
      if (a.start > b) {  // this break lies inside the discarded run after a: nothing to set
        stillActive.push_back(ai);
        continue;
      }
      const double target = widthOfLine(p, a.line);
      const LineMeasure m = measure(items, s, p, a.start, b);
      // An empty line between two forced breaks is set as it is (a blank line).
      double r = (forced && a.start >= b) ? 0.0 : ratioFor(m, target);
      // Deactivate a node once lines from it can only get fuller than the measure allows,
      // or when a forced break ends every line that starts before it.
      const bool keep = !(r < -1 || forced);
      if (keep) stillActive.push_back(ai);
      // In the emergency pass a line that cannot stretch enough (one long word in a narrow
      // column, words before a long URL that breaks only at its own points) is accepted as
      // "infinitely bad" and set at its natural width, as TeX's underfull boxes. Accepting
      // only lines without any stretch would leave a short word alone on a line before a
      // URL ("CNCF" / "announcement:" / the address).
      // Underfull lines cost more the emptier they are: a line less than half full costs more
      // than one more line ("CNCF an-" before an address that will not fit beside it).
      bool underfull = false;
      double emptiness = 0;
      if (r > p.tolerance && p.tolerance >= kEmergencyTolerance && r != 0) {
        underfull = true;
        r = p.tolerance;
        emptiness = target > 0 ? std::clamp((target - m.natural) / target, 0.0, 1.0) : 0.0;
      }
      if (r < -1 || r > p.tolerance) continue;
      const int hyph = flagged ? a.hyphens + 1 : 0;
      if (hyph > kMaxConsecutiveHyphens) continue;
      const double ar = std::fabs(r);
      const double badness = std::min(kMaxBadness, 100.0 * ar * ar * ar);
      double d = (kLinePenalty + badness) * (kLinePenalty + badness);
      if (brk.isPenalty()) {
        const double pen = brk.penalty;
        if (pen >= 0) d += pen * pen;
        else if (pen > -kInfinity) d -= pen * pen;
      }
      if (flagged && a.flagged) d += kDoubleHyphenDemerits;
      if (last && a.flagged) d += kFinalHyphenDemerits;
      if (forced && a.flagged && m.natural < p.shortTail) d += kShortTailDemerits;
      if (underfull) {
        const double e = kUnderfullEmptinessWeight * kMaxBadness * emptiness;
        d += e * e;
      }
      const int fit = fitnessOf(r);
      if (std::abs(fit - a.fitness) > 1) d += kAdjacentFitnessDemerits;
      const double total = a.total + d;
      const int lineClass = std::min(a.line + 1, lineClasses - 1);
      const int key = (fit * (kMaxConsecutiveHyphens + 1) + hyph) * lineClasses + lineClass;
      Candidate& c = best[static_cast<std::size_t>(key)];
      if (total < c.total) {
        if (c.from < 0) touched.push_back(key);
        c = {total, ai, underfull ? 0.0f : static_cast<float>(r)};
        anyCandidate = true;
      }
    }
    active.swap(stillActive);
    if (anyCandidate) {
      const int start = lineStart(items, b);
      std::sort(touched.begin(), touched.end());  // new nodes in key order, as before
      for (int key : touched) {
        Candidate& c = best[static_cast<std::size_t>(key)];
        const int lineClass = key % lineClasses;
        const int hyph = (key / lineClasses) % (kMaxConsecutiveHyphens + 1);
        const int fit = key / lineClasses / (kMaxConsecutiveHyphens + 1);
        const Node& from = nodes[static_cast<std::size_t>(c.from)];
        (void)lineClass;
        nodes.push_back({b, start, from.line + 1, fit, hyph, c.total, c.from, c.ratio, flagged});
        active.push_back(static_cast<int>(nodes.size() - 1));
        c = none;
      }
      touched.clear();
    }
    if (active.empty()) return std::nullopt;
  }

  // The best way to end the paragraph.
  int bestNode = -1;
  for (int ai : active) {
    const Node& a = nodes[static_cast<std::size_t>(ai)];
    if (a.pos != n - 1) continue;
    if (bestNode < 0 || a.total < nodes[static_cast<std::size_t>(bestNode)].total) bestNode = ai;
  }
  if (bestNode < 0) return std::nullopt;
  for (int k = bestNode; k > 0; k = nodes[static_cast<std::size_t>(k)].prev) {
    const Node& nd = nodes[static_cast<std::size_t>(k)];
    result.push_back({nd.pos, nd.ratio, nd.flagged});
  }
  std::reverse(result.begin(), result.end());
  return result;
}

std::vector<LineBreak> firstFit(const std::vector<Item>& items, const BreakParams& p) {
  std::vector<LineBreak> result;
  if (items.empty()) return result;
  const Sums s(items);
  const int n = static_cast<int>(items.size());
  int start = lineStart(items, -1);
  int line = 0;
  int hyphenRun = 0;
  while (start < n) {
    const double target = widthOfLine(p, line);
    int chosen = -1, chosenNoHyphen = -1;
    bool forcedHit = false;
    for (int b = start; b < n; ++b) {
      if (!isFeasible(items, static_cast<std::size_t>(b))) continue;
      const LineMeasure m = measure(items, s, p, start, b);
      const bool fits = m.natural - (p.justify ? m.shrink : 0) <= target + 1e-6;
      if (!fits) {
        if (chosen < 0) chosen = b;  // nothing fits: an overfull line rather than no line
        break;
      }
      chosen = b;
      if (!(items[static_cast<std::size_t>(b)].isPenalty() && items[static_cast<std::size_t>(b)].flagged))
        chosenNoHyphen = b;
      if (isForced(items[static_cast<std::size_t>(b)])) {
        forcedHit = true;
        break;
      }
    }
    if (chosen < 0) chosen = n - 1;
    const Item& cb = items[static_cast<std::size_t>(chosen)];
    bool flagged = cb.isPenalty() && cb.flagged;
    if (flagged && hyphenRun >= kMaxConsecutiveHyphens && chosenNoHyphen > start && !forcedHit) {
      chosen = chosenNoHyphen;
      flagged = false;
    }
    const LineMeasure m = measure(items, s, p, start, chosen);
    double r = ratioFor(m, target);
    if (!std::isfinite(r)) r = r > 0 ? 0 : -1;  // no glue to adjust: set at natural width
    result.push_back({chosen, static_cast<float>(std::max(-1.0, r)), flagged});
    hyphenRun = flagged ? hyphenRun + 1 : 0;
    ++line;
    const int next = lineStart(items, chosen);
    if (next <= start && chosen < start) break;  // safety: always make progress
    start = next;
    if (chosen >= n - 1) break;
  }
  return result;
}

std::vector<LineBreak> breakParagraph(Context& ctx, ItemList& list, std::vector<float> widths,
                                      bool allowHyphens, bool* usedFallback) {
  if (usedFallback) *usedFallback = false;
  if (list.items.empty()) return {};
  float narrowest = widths.empty() ? 0 : *std::min_element(widths.begin(), widths.end());
  splitOverwideBoxes(ctx, list, std::max(1.0f, narrowest));
  BreakParams p;
  p.widths = std::move(widths);
  p.justify = list.justify;
  p.raggedStretch = kRaggedStretchEm * list.fontSize;
  p.shortTail = kShortTailEm * list.fontSize;

  // A paragraph of tens of thousands of items (a megabyte of text without a blank line, or a
  // giant unbreakable token split into characters) is set first-fit: optimum fit there costs
  // much and shows little.
  if (list.items.size() > kMaxOptimalItems) {
    if (usedFallback) *usedFallback = true;
    return firstFit(list.items, p);
  }
  p.tolerance = kFirstPassTolerance;
  if (auto r = knuthPlass(list.items, p)) return *r;
  const bool hyphenated = allowHyphens && ctx.style.hyphenate && hyphenate(ctx, list);
  p.tolerance = kSecondPassTolerance;
  if (hyphenated) {
    if (auto r = knuthPlass(list.items, p)) return *r;
  }
  p.tolerance = kEmergencyTolerance;
  if (auto r = knuthPlass(list.items, p)) return *r;
  if (usedFallback) *usedFallback = true;
  return firstFit(list.items, p);
}

}  // namespace pp::typeset
