// An alternative to resizeLinear's own reduction (postpress/codecs.h), kept for
// bench/images_paths, which measures the two against each other.
#pragma once

#include "postpress/codecs.h"

namespace pp::codecs {

// Averages factor x factor blocks in linear light (premultiplied alpha): a cheap first step
// before resizeLinear for large reductions.
Image boxReduceLinear(const Image& src, int factor);

}  // namespace pp::codecs
