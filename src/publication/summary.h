// Summaries for the brief: what a reader sees of each post before turning to it.
#pragma once

#include <string>

#include "postpress/document.h"
#include "postpress/locale.h"
#include "postpress/site.h"

namespace pp {

// Cuts text at a sentence end near `target` words (between 60% and 150% of it); without one,
// at `target` words followed by an ellipsis. Whitespace is collapsed.
std::string cutAtSentence(const std::string& text, std::size_t target = 60);

// The post's summary: front matter summary, else the text before the summary marker, else
// `sectionParagraph` (the first paragraph of its summary section: key_points.h), else the first
// real paragraph; cut near 60 words.
std::string summarize(const Post& post, const Document& doc, const std::string& sectionParagraph = {});

// "November 2025" in the locale's language; its "Undated" for a post without a date.
std::string monthLabel(const Locale& locale, const DateTime& date);
std::string isoTimestamp(long long epochSeconds);

}  // namespace pp
