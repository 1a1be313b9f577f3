#include "fonts/coverage.h"

#include <fcntl.h>
#include <hb.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace pp {

namespace fonts {

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Exactly n bytes at `offset`, or false (a short file, an error).
bool readAt(int fd, void* to, std::size_t n, std::uint64_t offset) {
  auto* out = static_cast<char*>(to);
  while (n > 0) {
    const ssize_t r = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    out += r;
    n -= static_cast<std::size_t>(r);
    offset += static_cast<std::uint64_t>(r);
  }
  return true;
}

}  // namespace

FontTables::~FontTables() {
  if (fd_ >= 0) ::close(fd_);
}

FontTables::FontTables(FontTables&& o) noexcept : fd_(std::exchange(o.fd_, -1)), records_(std::move(o.records_)) {}

FontTables& FontTables::operator=(FontTables&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(o.fd_, -1);
    records_ = std::move(o.records_);
  }
  return *this;
}

bool FontTables::open(const fs::path& file, unsigned face, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  // Not blocking on a FIFO named as a font: opened without waiting, then refused below.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return fail(std::strerror(errno));
  *this = FontTables();
  fd_ = fd;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return fail("not a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  unsigned char head[12];
  if (!readAt(fd, head, sizeof head, 0)) return fail("not a font file");
  std::uint64_t base = 0;
  if (be32(head) == 0x74746366u) {  // 'ttcf': the faces' directories are listed after the header
    if (face >= be32(head + 8)) return fail("no such face in the font collection");
    unsigned char at[4];
    if (!readAt(fd, at, sizeof at, 12 + 4 * std::uint64_t{face})) return fail("truncated font file");
    base = be32(at);
    if (!readAt(fd, head, sizeof head, base)) return fail("truncated font file");
  } else if (face != 0) {
    return fail("no such face in the font file");
  }
  const std::uint32_t version = be32(head);
  if (version != 0x00010000u && version != 0x74727565u && version != 0x4F54544Fu)
    return fail("not a TrueType or OpenType font");
  const std::size_t tables = (std::size_t(head[4]) << 8) | head[5];
  std::vector<unsigned char> directory(16 * tables);
  if (!readAt(fd, directory.data(), directory.size(), base + 12)) return fail("truncated font file");
  records_.reserve(tables);
  for (std::size_t t = 0; t < tables; ++t) {
    const unsigned char* rec = directory.data() + 16 * t;
    Record r{};
    std::memcpy(r.tag, rec, 4);
    r.offset = be32(rec + 8);
    r.length = be32(rec + 12);
    if (std::uint64_t{r.offset} + r.length > size) return fail("truncated font file");
    records_.push_back(r);
  }
  return true;
}

bool FontTables::has(std::string_view tag) const {
  return std::any_of(records_.begin(), records_.end(),
                     [&](const Record& r) { return tag.size() == 4 && std::memcmp(r.tag, tag.data(), 4) == 0; });
}

std::optional<std::string> FontTables::read(std::string_view tag) const {
  for (const Record& r : records_) {
    if (tag.size() != 4 || std::memcmp(r.tag, tag.data(), 4) != 0) continue;
    if (r.length > kMaxTableBytes) return std::nullopt;
    std::string bytes(r.length, '\0');
    if (!readAt(fd_, bytes.data(), bytes.size(), r.offset)) return std::nullopt;
    return bytes;
  }
  return std::nullopt;
}

}  // namespace fonts

namespace {

// HarfBuzz asks for tables by tag ('cmap', and 'maxp' for the glyph count); each is read when
// asked for and handed over as a blob that owns its bytes.
hb_blob_t* referenceTable(hb_face_t*, hb_tag_t tag, void* user) {
  const auto& tables = *static_cast<const fonts::FontTables*>(user);
  char name[4];
  hb_tag_to_string(tag, name);
  std::optional<std::string> bytes = tables.read(std::string_view(name, 4));
  if (!bytes || bytes->empty()) return hb_blob_get_empty();
  auto* owned = new std::string(std::move(*bytes));
  return hb_blob_create(owned->data(), static_cast<unsigned>(owned->size()), HB_MEMORY_MODE_READONLY, owned,
                        [](void* p) { delete static_cast<std::string*>(p); });
}

}  // namespace

std::optional<FontCoverage> FontCoverage::read(const fs::path& file, unsigned face, std::string* error) {
  fonts::FontTables tables;
  if (!tables.open(file, face, error)) return std::nullopt;
  if (!tables.has("cmap")) {
    if (error) *error = "the font has no character map";
    return std::nullopt;
  }
  // The face reads through `tables`, which outlives it (destroyed at the end of this scope).
  const std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> hbFace(
      hb_face_create_for_tables(referenceTable, &tables, nullptr), &hb_face_destroy);
  const std::unique_ptr<hb_set_t, decltype(&hb_set_destroy)> set(hb_set_create(), &hb_set_destroy);
  hb_face_collect_unicodes(hbFace.get(), set.get());
  std::vector<std::pair<char32_t, char32_t>> ranges;
  hb_codepoint_t first = HB_SET_VALUE_INVALID, last = HB_SET_VALUE_INVALID;
  while (hb_set_next_range(set.get(), &first, &last)) ranges.emplace_back(first, last);
  return FontCoverage(std::move(ranges));
}

bool FontCoverage::has(char32_t cp) const {
  // The first range ending at or after cp.
  const auto it = std::lower_bound(ranges_.begin(), ranges_.end(), cp,
                                   [](const std::pair<char32_t, char32_t>& r, char32_t c) { return r.second < c; });
  return it != ranges_.end() && it->first <= cp;
}

}  // namespace pp
