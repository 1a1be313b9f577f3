// The typesetter tests' link resolver: every link goes to its URL as written, none into the
// book (their documents link nowhere inside it).
#pragma once

#include "postpress/typeset.h"

namespace pp::typeset::testing {

inline ResolvedLink resolveAsWritten(const LinkTarget& t, int /*owner*/) { return ResolvedLink{t.url, ""}; }

}  // namespace pp::typeset::testing
