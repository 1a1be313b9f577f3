#include "markdown/passes.h"
namespace pp::md {
Source runMdx(const Source& in, ParseContext& ctx) { (void)ctx; return in; }
}  // namespace pp::md
