// The build's date, as pandoc and Typst take it: SOURCE_DATE_EPOCH when set (reproducible
// builds: the same input gives the same bytes), else the current time. Read once per run by the
// front end and handed down, so that the cover, the PDF's dates, the EPUB's dc:date and
// dcterms:modified and its archive's timestamps all name the same instant.
#pragma once

#include <optional>

namespace pp {

// SOURCE_DATE_EPOCH when it is a whole number of seconds from 1970 to 9999-12-31; nothing when
// unset, empty or malformed.
std::optional<long long> sourceDateEpoch();

// sourceDateEpoch(), else the current time (seconds since 1970, UTC).
long long buildEpoch();

}  // namespace pp
