#include "markdown/passes.h"
namespace pp::md {
Source runShortcodes(const Source& in, ParseContext& ctx) { (void)ctx; return in; }
}  // namespace pp::md
