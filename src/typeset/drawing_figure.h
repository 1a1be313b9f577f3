// A vector drawing (a diagram, postpress/drawing.h) as a figure's content: its paths, and its
// words set in the style's fonts as real text.
#pragma once

#include "typeset/context.h"
#include "typeset/fragment.h"
#include "postpress/drawing.h"

namespace pp::typeset {

// `drawing` scaled by `scale` (its top-left at the fragment's origin): paths and words, all
// tagged `tag` (the figure's node). Each line of text is set in the style's heading family,
// at the drawing's size, made smaller when the face is wider than the room the drawing gave it.
Fragment setDrawing(Context& ctx, const Drawing& drawing, float scale, std::int32_t tag);

}  // namespace pp::typeset
