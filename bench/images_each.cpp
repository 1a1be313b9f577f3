// What each image of a folder costs the pipeline (src/assets/pipeline.h), one thread, no cache:
// CPU milliseconds, the source's size and the renditions made, most costly first. For finding
// which pictures a cold build's image phase spends its time on (bench/results.md).
//   images_each FOLDER [SUBSTRING]   (only the files whose path contains SUBSTRING)
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "../src/assets/pipeline.h"
#include "postpress/support/files.h"

namespace fs = std::filesystem;

namespace {

double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

bool isPicture(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* e : {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".svg"})
    if (ext == e) return true;
  return false;
}

const char* codecName(pp::EncodedImage::Codec c) {
  switch (c) {
    case pp::EncodedImage::Codec::Jpeg: return "jpeg";
    case pp::EncodedImage::Codec::None: return "-";
    default: return "png";
  }
}

struct Row {
  double ms = 0;
  std::string line;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FOLDER [SUBSTRING]\n", argv[0]);
    return 2;
  }
  const std::string only = argc > 2 ? argv[2] : "";
  const pp::assets::PipelineParams params;
  std::vector<Row> rows;
  double total = 0;
  std::size_t bytesOut = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(argv[1], ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::path& path = it->path();
    if (!it->is_regular_file() || !isPicture(path) || path.string().find(only) == std::string::npos) continue;
    std::string err;
    const std::optional<std::string> bytes = pp::readFile(path, &err);
    if (!bytes) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), err.c_str());
      continue;
    }
    const double before = cpuSeconds();
    const pp::assets::PipelineResult r = pp::assets::runPipeline(*bytes, params);
    const double ms = (cpuSeconds() - before) * 1000;
    total += ms;
    const std::size_t made = r.pdf.data.size() + r.pdf.alpha.size() + r.epub.data.size();
    bytesOut += made;
    char line[512];
    std::snprintf(line, sizeof line, "%8.1f ms  %-44s %5d x %-5d %7zu KB -> pdf %s %dx%d%s, epub %s %dx%d, %zu KB",
                  ms, path.filename().c_str(), r.width, r.height, bytes->size() / 1024, codecName(r.pdf.codec),
                  r.pdf.width, r.pdf.height, r.pdf.sameAsEpub ? " (shared)" : "", codecName(r.epub.codec),
                  r.epub.width, r.epub.height, made / 1024);
    rows.push_back({ms, line});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ms > b.ms; });
  for (const Row& r : rows) std::printf("%s\n", r.line.c_str());
  std::printf("%zu images, %.1f ms of CPU, %zu KB of renditions\n", rows.size(), total, bytesOut / 1024);
  return 0;
}
