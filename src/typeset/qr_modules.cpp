#include "typeset/qr_modules.h"

#include <qrencode.h>

#include <memory>
#include <system_error>

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
  if (!file || file->size() < kMagic.size() + 2 * kHashDigits + 4 || file->compare(0, kMagic.size(), kMagic) != 0)
    return std::nullopt;
  const std::string_view payload = std::string_view(*file).substr(0, file->size() - kHashDigits);
  if (contentHash(payload) != std::string_view(*file).substr(payload.size())) return std::nullopt;
  // The entry names its own key: another code's entry put in its place is refused.
  if (payload.substr(kMagic.size(), kHashDigits) != key) return std::nullopt;
  std::size_t at = kMagic.size() + kHashDigits;
  std::uint32_t w = 0;
  for (int k = 0; k < 4; ++k) w = (w << 8) | static_cast<unsigned char>(payload[at++]);
  if (!validWidth(w) || payload.size() - at != std::size_t{w} * w) return std::nullopt;
  QrModules m;
  m.width = static_cast<int>(w);
  m.dark.reserve(std::size_t{w} * w);
  for (; at < payload.size(); ++at) {
    const auto v = static_cast<unsigned char>(payload[at]);
    if (v > 1) return std::nullopt;
    m.dark.push_back(v);
  }
  return m;
}

void save(const fs::path& folder, const std::string& key, const QrModules& m) {
  std::string out(kMagic);
  out += key;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((static_cast<std::uint32_t>(m.width) >> shift) & 0xFF);
  out.append(reinterpret_cast<const char*>(m.dark.data()), m.dark.size());
  out += contentHash(out);
  const fs::path path = entryPath(folder, key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (!ec) writeFileAtomic(path, out, nullptr, Durability::Unsynced);
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
