// GIF through giflib, record by record: only the first frame is decoded (an animated GIF of
// hundreds of frames costs no more than a still one), composed on the logical screen.
#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "codecs/decode.h"

namespace pp::codecs {

namespace {

struct MemoryInput {
  std::string_view bytes;
  std::size_t pos = 0;
};

int readFromMemory(GifFileType* gif, GifByteType* buf, int len) {
  auto* in = static_cast<MemoryInput*>(gif->UserData);
  if (len <= 0) return 0;
  std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(len), in->bytes.size() - in->pos);
  std::memcpy(buf, in->bytes.data() + in->pos, n);
  in->pos += n;
  return static_cast<int>(n);
}

struct GifCloser {
  void operator()(GifFileType* g) const {
    int err = 0;
    DGifCloseFile(g, &err);
  }
};

std::string gifError(int code) {
  const char* s = GifErrorString(code);
  return s ? s : "unknown error";
}

}  // namespace

Decoded decodeGif(std::string_view bytes) {
  MemoryInput input{bytes};
  int err = 0;
  std::unique_ptr<GifFileType, GifCloser> gif(DGifOpen(&input, readFromMemory, &err));
  if (!gif) return Decoded::fail(DecodeFailure::Corrupt, "corrupt GIF: " + gifError(err));
  const int W = gif->SWidth, H = gif->SHeight;
  if (W <= 0 || H <= 0) return Decoded::fail(DecodeFailure::Corrupt, "GIF has no pixels");

  int transparent = -1;
  for (;;) {
    GifRecordType type;
    if (DGifGetRecordType(gif.get(), &type) == GIF_ERROR)
      return Decoded::fail(DecodeFailure::Corrupt, "corrupt or truncated GIF: " + gifError(gif->Error));
    if (type == TERMINATE_RECORD_TYPE) return Decoded::fail(DecodeFailure::Corrupt, "GIF has no image");
    if (type == EXTENSION_RECORD_TYPE) {
      int code = 0;
      GifByteType* ext = nullptr;
      if (DGifGetExtension(gif.get(), &code, &ext) == GIF_ERROR)
        return Decoded::fail(DecodeFailure::Corrupt, "corrupt GIF extension");
      if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] >= 4 && (ext[1] & 1)) transparent = ext[4];
      while (ext) {
        if (DGifGetExtensionNext(gif.get(), &ext) == GIF_ERROR)
          return Decoded::fail(DecodeFailure::Corrupt, "corrupt GIF extension");
      }
      continue;
    }
    if (type != IMAGE_DESC_RECORD_TYPE) continue;

    if (DGifGetImageDesc(gif.get()) == GIF_ERROR)
      return Decoded::fail(DecodeFailure::Corrupt, "corrupt GIF image descriptor");
    const GifImageDesc& desc = gif->Image;
    const ColorMapObject* map = desc.ColorMap ? desc.ColorMap : gif->SColorMap;
    if (!map || !map->Colors || map->ColorCount <= 0) return Decoded::fail(DecodeFailure::Corrupt, "GIF has no colour table");
    if (desc.Width <= 0 || desc.Height <= 0 || desc.Width > 65535 || desc.Height > 65535)
      return Decoded::fail(DecodeFailure::Corrupt, "corrupt GIF frame size");

    // The frame lies somewhere on the logical screen; what it does not cover is transparent.
    Decoded d;
    d.image = Image::blank(W, H, 4);
    std::vector<GifPixelType> line(static_cast<std::size_t>(desc.Width));
    auto putRow = [&](int fy) {
      const int y = desc.Top + fy;
      if (y < 0 || y >= H) return;
      std::uint8_t* out = d.image.row(y);
      for (int fx = 0; fx < desc.Width; ++fx) {
        const int x = desc.Left + fx;
        if (x < 0 || x >= W) continue;
        const int idx = line[static_cast<std::size_t>(fx)];
        if (idx == transparent || idx >= map->ColorCount) continue;
        const GifColorType c = map->Colors[idx];
        std::uint8_t* p = out + static_cast<std::size_t>(x) * 4;
        p[0] = c.Red;
        p[1] = c.Green;
        p[2] = c.Blue;
        p[3] = 255;
      }
    };
    auto readRow = [&](int fy) {
      if (DGifGetLine(gif.get(), line.data(), desc.Width) == GIF_ERROR) return false;
      putRow(fy);
      return true;
    };
    bool ok = true;
    if (desc.Interlace) {
      static constexpr int start[] = {0, 4, 2, 1}, step[] = {8, 8, 4, 2};
      for (int pass = 0; pass < 4 && ok; ++pass)
        for (int fy = start[pass]; fy < desc.Height && ok; fy += step[pass]) ok = readRow(fy);
    } else {
      for (int fy = 0; fy < desc.Height && ok; ++fy) ok = readRow(fy);
    }
    if (!ok) return Decoded::fail(DecodeFailure::Corrupt, "corrupt or truncated GIF: " + gifError(gif->Error));

    // Another frame after this one? Only look, never decode it.
    GifRecordType next = TERMINATE_RECORD_TYPE;
    while (DGifGetRecordType(gif.get(), &next) != GIF_ERROR && next == EXTENSION_RECORD_TYPE) {
      int code = 0;
      GifByteType* ext = nullptr;
      if (DGifGetExtension(gif.get(), &code, &ext) == GIF_ERROR) break;
      while (ext && DGifGetExtensionNext(gif.get(), &ext) != GIF_ERROR) {}
    }
    if (next == IMAGE_DESC_RECORD_TYPE) d.notes.push_back("animated GIF: only the first frame is shown");
    return d;
  }
}

}  // namespace pp::codecs
