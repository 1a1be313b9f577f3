// Page content streams: deflated by us (on the worker threads that write them, see
// OrderedAhead in painter.cpp) and handed to libharu already deflated. libharu would otherwise
// keep every page uncompressed until the document is saved and then deflate them one after
// another, on one thread, holding the largest part of a long digest's memory (bench/results.md).
#pragma once

#include <hpdf.h>

#include <optional>
#include <string>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

// Page content is text operators, deflated on the threads that set the pages, a fair share of
// a warm build's CPU. libdeflate's level 1 (a greedy match finder of its own) compresses them
// a few percent less than the higher levels in much less time, and the PDF, mostly pictures
// and fonts, hardly grows (bench/results.md, "Measurements behind design choices").
inline constexpr int kPageContentLevel = 1;

// The zlib stream of a page's content (any thread; touches no libharu object); nullopt when
// it cannot be made (out of memory).
std::optional<std::string> deflatePageContent(std::string_view raw);

// Gives `page` its content: the deflated bytes when there are some, else `raw`, which libharu
// deflates as it saves (`raw` may be empty when there are deflated bytes). false when libharu
// refused the bytes it was given (the page may be blank: the caller reports it).
bool attachPageContent(HpdfDoc& doc, HPDF_Page page, std::string raw, std::optional<std::string> deflated);

}  // namespace pp::pdf
