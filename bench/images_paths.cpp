// Measures the cheaper paths through the image pipeline on a folder of real images (CPU
// seconds, one thread): full decode vs scaling while decoding (libjpeg-turbo DCT scaling,
// libwebp's scaler), and the direct linear-light filter vs an integer box pre-reduction.
//   images_paths FOLDER [TARGET_PX=1300]
#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "codecs/resize.h"
#include "postpress/codecs.h"
#include "postpress/support/files.h"

namespace fs = std::filesystem;
using namespace pp::codecs;

namespace {
double cpu() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FOLDER [TARGET_PX]\n", argv[0]);
    return 2;
  }
  const int target = argc > 2 ? std::stoi(argv[2]) : 1300;
  double fullDecode = 0, hintDecode = 0, direct = 0, boxed = 0, fromScaled = 0;
  long long pixels = 0;
  int count = 0;
  for (auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file()) continue;
    std::string err;
    auto bytes = pp::readFile(e.path(), &err, 64 << 20);
    if (!bytes) continue;
    Format f = sniffFormat(*bytes);
    if (f != Format::Jpeg && f != Format::Webp && f != Format::Png) continue;
    auto hdr = probeHeaderSize(f, *bytes);
    if (!hdr || hdr->width <= target) continue;  // only images that need shrinking
    int tw = 0, th = 0;
    fitWithin(static_cast<int>(hdr->width), static_cast<int>(hdr->height), target, 1e9, &tw, &th);

    double t0 = cpu();
    Decoded full = decodeRaster(f, *bytes, {});
    double t1 = cpu();
    Decoded hinted = decodeRaster(f, *bytes, {tw, th});
    double t2 = cpu();
    if (!full.ok() || !hinted.ok()) continue;
    Image a = resizeLinear(full.image, tw, th);
    double t3 = cpu();
    const int k = std::max(1, full.image.width / tw);  // leave the filter less than a 2x reduction
    Image b = resizeLinear(boxReduceLinear(full.image, k), tw, th);
    double t4 = cpu();
    Image c = resizeLinear(hinted.image, tw, th);
    double t5 = cpu();
    fullDecode += t1 - t0;
    hintDecode += t2 - t1;
    direct += t3 - t2;
    boxed += t4 - t3;
    fromScaled += t5 - t4;
    pixels += hdr->width * hdr->height;
    ++count;
    (void)c;
    std::printf("%-44s %5lldx%-5lld %-4s decode %.3f, scaled %.3f (%dx%d); resize %.3f, box x%d+resize %.3f, from scaled %.3f\n",
                e.path().filename().c_str(), hdr->width, hdr->height, formatName(f), t1 - t0, t2 - t1,
                hinted.image.width, hinted.image.height, t3 - t2, k, t4 - t3, t5 - t4);
  }
  std::printf("\n%d images over %d px wide, %.1f Mpx\n", count, target, pixels / 1e6);
  std::printf("decode full %.2f s, scaled while decoding %.2f s (JPEG DCT scaling / libwebp scaler)\n", fullDecode, hintDecode);
  std::printf("resize: from full size %.2f s, box pre-reduction + filter %.2f s, from the scaled decode %.2f s\n", direct, boxed, fromScaled);
  std::printf("paths: full decode + filter %.2f s; full + box + filter %.2f s; scaled decode + filter %.2f s\n",
              fullDecode + direct, fullDecode + boxed, hintDecode + fromScaled);
  return 0;
}
