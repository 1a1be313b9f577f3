// Photograph or graphic? Photographs compress well as JPEG and badly losslessly; diagrams,
// screenshots, logos and anything transparent are the opposite (JPEG rings around sharp
// edges and text, and has no alpha).
#pragma once

#include "postpress/codecs.h"

namespace pp::assets {

struct Content {
  bool translucent = false;  // some alpha below 255
  bool gray = false;         // every pixel has R == G == B (within JPEG noise when lossy)
  bool graphic = false;      // few colours or large flat areas: encode losslessly
  int colours = 0;           // distinct colours, counted up to 257
  double flatness = 0;       // share of pixels equal to their left neighbour
};

// `lossySource`: the file was JPEG or lossy WebP; such a file is a photograph whatever it
// shows (re-encoding its noise losslessly would only bloat it), unless it is transparent.
Content analyse(const codecs::Image& im, bool lossySource);

// Drops an alpha channel that is 255 everywhere, and colour that is gray everywhere.
codecs::Image simplifyChannels(codecs::Image im, const Content& c);

}  // namespace pp::assets
