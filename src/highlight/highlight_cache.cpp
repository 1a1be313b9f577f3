#include "highlight/highlight_cache.h"

#include <ksyntaxhighlighting_version.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <vector>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::highlight {

namespace {

namespace fs = std::filesystem;

// Names the format and what makes the spans (the engine, the session reader, the token
// classes): change it whenever they would give other spans for the same block.
constexpr std::string_view kMagic = "postpress-highlight-1\n";
constexpr std::size_t kHashDigits = 32;
constexpr std::size_t kSpanBytes = 9;  // begin, length (four bytes each, big-endian), class
constexpr std::size_t kMaxLanguageBytes = 64;

void putU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::uint32_t getU32(std::string_view in, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(in[at + k]);
  return v;
}

bool kept(HighlightStatus s) { return s == HighlightStatus::Highlighted || s == HighlightStatus::UnknownLanguage; }

// The spans as the highlighter makes them for `code`: each inside it and on one line, after
// the one before, of a known class.
bool plausible(const std::vector<CodeSpan>& spans, std::string_view code) {
  std::size_t end = 0;
  for (const CodeSpan& s : spans) {
    const std::size_t from = s.begin, to = from + s.length;
    if (s.length == 0 || from < end || to > code.size() || static_cast<std::size_t>(s.token) >= kTokenClassCount)
      return false;
    if (std::memchr(code.data() + from, '\n', s.length)) return false;
    end = to;
  }
  return true;
}

}  // namespace

HighlightCache::HighlightCache(fs::path folder, std::string definitions)
    : folder_(std::move(folder)), definitions_(std::move(definitions)) {}

std::string HighlightCache::definitionsIdentity(const fs::path& dataDir, const HighlightLimits& limits) {
  Hasher h;
  h.field(SyntaxHighlighting_VERSION_STRING);
  h.field(std::to_string(limits.maxBlockBytes) + " " + std::to_string(limits.maxLineBytes));
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dataDir / "syntax", ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    h.field(f.filename().string());
    // A definition that cannot be read names the build apart: no entry is shared with one
    // that read it.
    const std::optional<std::string> bytes = readFile(f, nullptr, std::uintmax_t{16} << 20);
    h.field(bytes ? contentHash(*bytes) : "unreadable");
  }
  return h.hex();
}

std::string HighlightCache::key(std::string_view info, std::string_view code) const {
  Hasher h;
  h.field(kMagic);
  h.field(versionString());
  h.field(definitions_);
  h.field(info);
  h.field(code);
  return h.hex();
}

fs::path HighlightCache::entryPath(const std::string& key) const { return folder_ / "highlight" / (key + ".spans"); }

std::optional<HighlightedCode> HighlightCache::load(std::string_view info, std::string_view code) const {
  if (folder_.empty()) return std::nullopt;
  // No entry is larger than a span per byte of the code allows.
  const std::uintmax_t most = kMagic.size() + 2 * kHashDigits + 9 + kMaxLanguageBytes + kSpanBytes * code.size();
  const std::string name = key(info, code);
  const std::optional<std::string> file = readFile(entryPath(name), nullptr, most);
  if (!file || file->size() < kMagic.size() + 2 * kHashDigits + 9 || file->compare(0, kMagic.size(), kMagic) != 0)
    return std::nullopt;
  const std::string_view payload = std::string_view(*file).substr(0, file->size() - kHashDigits);
  if (contentHash(payload) != std::string_view(*file).substr(payload.size())) return std::nullopt;
  // The entry names its own key: another block's entry put in its place is refused.
  if (payload.substr(kMagic.size(), kHashDigits) != name) return std::nullopt;
  std::size_t at = kMagic.size() + kHashDigits;
  HighlightedCode out;
  out.status = static_cast<HighlightStatus>(static_cast<unsigned char>(payload[at++]));
  if (!kept(out.status)) return std::nullopt;
  const std::uint32_t languageBytes = getU32(payload, at);
  at += 4;
  if (languageBytes > kMaxLanguageBytes || payload.size() - at < languageBytes + 4) return std::nullopt;
  out.language = std::string(payload.substr(at, languageBytes));
  at += languageBytes;
  const std::uint32_t count = getU32(payload, at);
  at += 4;
  if ((payload.size() - at) / kSpanBytes != count || (payload.size() - at) % kSpanBytes != 0) return std::nullopt;
  out.spans.reserve(count);
  for (std::uint32_t k = 0; k < count; ++k, at += kSpanBytes)
    out.spans.push_back({getU32(payload, at), getU32(payload, at + 4), static_cast<TokenClass>(payload[at + 8])});
  if (!plausible(out.spans, code)) return std::nullopt;
  if (out.status == HighlightStatus::UnknownLanguage && (!out.spans.empty() || !out.language.empty())) return std::nullopt;
  return out;
}

void HighlightCache::save(std::string_view info, std::string_view code, const HighlightedCode& highlighted) const {
  if (folder_.empty() || !kept(highlighted.status) || highlighted.language.size() > kMaxLanguageBytes) return;
  const std::string name = key(info, code);
  std::string out(kMagic);
  out += name;
  out += static_cast<char>(highlighted.status);
  putU32(out, static_cast<std::uint32_t>(highlighted.language.size()));
  out += highlighted.language;
  putU32(out, static_cast<std::uint32_t>(highlighted.spans.size()));
  for (const CodeSpan& s : highlighted.spans) {
    putU32(out, s.begin);
    putU32(out, s.length);
    out += static_cast<char>(s.token);
  }
  out += contentHash(out);
  const fs::path path = entryPath(name);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (!ec) writeFileAtomic(path, out, nullptr, Durability::Unsynced);
}

}  // namespace pp::highlight
