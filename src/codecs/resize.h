// Downscaling in linear light. Averaging sRGB-encoded values darkens fine detail (thin text
// and lines turn grey-black, bright speckles vanish); averaging light does not. Colour is
// premultiplied by alpha before filtering so transparent pixels lend no colour to edges.
#pragma once

#include "codecs/image.h"

namespace pp::codecs {

// Returns src resampled to width x height (both >= 1) with a Catmull-Rom filter widened by
// the reduction ratio. Upscaling works too, but callers never ask for it.
Image resizeLinear(const Image& src, int width, int height);

// Averages factor x factor blocks in linear light (premultiplied alpha): a cheap first step
// before resizeLinear for large reductions. Measured by bench/images_paths; see resize.cpp.
Image boxReduceLinear(const Image& src, int factor);

// Size that fits inside maxWidth x maxHeight keeping the aspect ratio, never larger than
// the source (no upscaling), each side at least 1.
void fitWithin(int width, int height, double maxWidth, double maxHeight, int* outW, int* outH);

}  // namespace pp::codecs
