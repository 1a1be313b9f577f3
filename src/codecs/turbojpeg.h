// libturbojpeg's handles (tjInitCompress, tjInitDecompress), destroyed when they go out of scope.
#pragma once

#include <turbojpeg.h>

#include <memory>

namespace pp::codecs {

struct TjDestroy {
  void operator()(void* handle) const { tjDestroy(handle); }
};
using TjHandle = std::unique_ptr<void, TjDestroy>;

}  // namespace pp::codecs
