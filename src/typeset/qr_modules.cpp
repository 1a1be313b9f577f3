#include "typeset/qr_modules.h"

#include <qrencode.h>

#include <memory>

#include "postpress/support/cache_entry.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::typeset {

namespace {

namespace fs = std::filesystem;

// Names the format and the encoding (level M, 8-bit mode, automatic version): change it
// whenever the same text would give other modules.
constexpr std::string_view kMagic = "postpress-qr-modules-1\n";
constexpr std::size_t kHashDigits = 32;
constexpr std::size_t kMaxTextBytes = 2000;
// QR codes of versions 1 to 40: 17 + 4 * version modules a side.
constexpr int kMinWidth = 21, kMaxWidth = 177;

struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

std::string keyOf(const std::string& text) {
  Hasher h;
  h.field(kMagic);
  h.field(versionString());
  h.field(QRcode_APIVersionString());
  h.field(text);
  return h.hex();
}

fs::path entryPath(const fs::path& folder, const std::string& key) { return folder / "qr" / (key + ".modules"); }

bool validWidth(std::uint32_t w) { return w >= kMinWidth && w <= kMaxWidth && (w - kMinWidth) % 4 == 0; }

std::optional<QrModules> load(const fs::path& folder, const std::string& key) {
  const std::size_t most = kMagic.size() + 2 * kHashDigits + 4 + std::size_t{kMaxWidth} * kMaxWidth;
  const std::optional<std::string> file = readFile(entryPath(folder, key), nullptr, most);
  if (!file) return std::nullopt;
  CacheEntryReader in(*file, kMagic, key);
  const std::uint32_t w = in.u32();
  if (!in.ok() || !validWidth(w) || in.left() != std::size_t{w} * w) return std::nullopt;
  const std::string_view modules = in.bytes(in.left());
  QrModules m;
  m.width = static_cast<int>(w);
  m.dark.reserve(modules.size());
  for (const char c : modules) {
    if (static_cast<unsigned char>(c) > 1) return std::nullopt;
    m.dark.push_back(static_cast<std::uint8_t>(c));
  }
  return m;
}

void save(const fs::path& folder, const std::string& key, const QrModules& m) {
  CacheEntryWriter out(kMagic, key);
  out.u32(static_cast<std::uint32_t>(m.width));
  out.bytes(std::string_view(reinterpret_cast<const char*>(m.dark.data()), m.dark.size()));
  keepCacheEntry(entryPath(folder, key), out.finish());
}

}  // namespace

std::optional<QrModules> qrModules(const std::string& text, const fs::path& cacheDir) {
  if (text.empty() || text.size() > kMaxTextBytes) return std::nullopt;
  const std::string key = cacheDir.empty() ? std::string() : keyOf(text);
  if (!key.empty())
    if (std::optional<QrModules> kept = load(cacheDir, key)) return kept;
  std::unique_ptr<QRcode, QrDeleter> q(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!q || !validWidth(static_cast<std::uint32_t>(q->width))) return std::nullopt;
  QrModules m;
  m.width = q->width;
  const std::size_t n = static_cast<std::size_t>(q->width) * static_cast<std::size_t>(q->width);
  m.dark.resize(n);
  for (std::size_t k = 0; k < n; ++k) m.dark[k] = q->data[k] & 1;
  if (!key.empty()) save(cacheDir, key, m);
  return m;
}

}  // namespace pp::typeset
