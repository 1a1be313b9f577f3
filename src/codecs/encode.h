// Encoders for the renditions. Output is a function of the pixels and settings only (no
// timestamps, no thread-dependent state), so renditions are byte-identical across runs.
#pragma once

#include <optional>
#include <string>

#include "codecs/image.h"
#include "postpress/support/deflate.h"

namespace pp::codecs {

// 1 (gray) or 3 (RGB) channels, baseline 4:2:0. Progressive was measured on the KubeCon post
// (bench/images_bench): 4% smaller for 35% more CPU in the whole pipeline; not worth it.
std::optional<std::string> encodeJpeg(const Image& im, int quality, std::string* error);

// libdeflate's level for the renditions' PNGs: one below kDeflateLevel. Measured on the
// corpora's cold builds: terrytangyuan 1.7% less CPU (11 interleaved pairs) for 0.13% more
// bytes, kubeflow and fluxcd 0.3% and 0.8% more bytes for 3-7% less CPU. (Level 4, greedy
// matching, was 1% larger and no faster.)
inline constexpr int kPictureDeflateLevel = 5;

// 1..4 channels; indexed when there are at most 256 colours (png_writer.cpp).
std::optional<std::string> encodePng(const Image& im, std::string* error, int level = kPictureDeflateLevel);

}  // namespace pp::codecs
