#include "highlight/highlight_cache.h"

#include <ksyntaxhighlighting_version.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <vector>

#include "postpress/support/cache_entry.h"
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

std::optional<HighlightedCode> HighlightCache::load(const std::string& name, std::string_view code) const {
  if (folder_.empty()) return std::nullopt;
  // No entry is larger than a span per byte of the code allows.
  const std::uintmax_t most = kMagic.size() + 2 * kHashDigits + 9 + kMaxLanguageBytes + kSpanBytes * code.size();
  const std::optional<std::string> file = readFile(entryPath(name), nullptr, most);
  if (!file) return std::nullopt;
  CacheEntryReader in(*file, kMagic, name);
  HighlightedCode out;
  out.status = static_cast<HighlightStatus>(in.byte());
  const std::string_view language = in.blob();
  const std::uint32_t count = in.u32();
  if (!in.ok() || !kept(out.status) || language.size() > kMaxLanguageBytes || in.left() != std::size_t{count} * kSpanBytes)
    return std::nullopt;
  out.language = std::string(language);
  out.spans.reserve(count);
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::uint32_t begin = in.u32(), length = in.u32();
    out.spans.push_back({begin, length, static_cast<TokenClass>(in.byte())});
  }
  if (!in.whole() || !plausible(out.spans, code)) return std::nullopt;
  if (out.status == HighlightStatus::UnknownLanguage && (!out.spans.empty() || !out.language.empty())) return std::nullopt;
  return out;
}

void HighlightCache::save(const std::string& name, const HighlightedCode& highlighted) const {
  if (folder_.empty() || !kept(highlighted.status) || highlighted.language.size() > kMaxLanguageBytes) return;
  CacheEntryWriter out(kMagic, name);
  out.byte(static_cast<std::uint8_t>(highlighted.status));
  out.blob(highlighted.language);
  out.u32(static_cast<std::uint32_t>(highlighted.spans.size()));
  for (const CodeSpan& s : highlighted.spans) {
    out.u32(s.begin);
    out.u32(s.length);
    out.byte(static_cast<std::uint8_t>(s.token));
  }
  keepCacheEntry(entryPath(name), out.finish());
}

}  // namespace pp::highlight
