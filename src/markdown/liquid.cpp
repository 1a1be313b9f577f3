#include "markdown/passes.h"
namespace pp::md {
Source runLiquid(const Source& in, ParseContext& ctx) { (void)ctx; return in; }
}  // namespace pp::md
