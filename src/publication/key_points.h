// Key points for the brief: what a post says it is about, in its own words. The first
// bullets of a section named like "Executive Summary", "TL;DR", "Key takeaways" or
// "Highlights" (in a few languages), and the headline figures the post quotes ("9,000+
// attendees", "34 sessions").
#pragma once

#include <string>
#include <vector>

#include "postpress/document.h"

namespace pp {

struct KeyPoints {
  std::string sectionParagraph;     // the summary section's first paragraph, if it has one
  std::vector<std::string> points;  // its first bullets (leaf items), at most kMaxKeyPoints
  std::vector<std::string> figures; // headline figures, at most kMaxFigures
};

constexpr std::size_t kMaxKeyPoints = 5;
constexpr std::size_t kMaxFigures = 6;

// True for a heading that names a summary ("Executive Summary", "TL;DR:", "Key takeaways",
// "Zusammenfassung", "まとめ"...), compared without case and a trailing colon.
bool namesSummary(const std::string& heading);

KeyPoints keyPointsOf(const Document& doc);

}  // namespace pp
