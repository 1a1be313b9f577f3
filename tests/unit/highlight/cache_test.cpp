// Highlighted blocks kept between builds (highlight/highlight_cache.h): read back without an
// engine, missed when anything they depend on changes, and never trusted when damaged or forged.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "highlight/highlight_cache.h"
#include "postpress/highlight.h"
#include "postpress/support/hash.h"

using namespace pp;

namespace {

namespace fs = std::filesystem;

HighlightOptions cachedIn(const fs::path& dir, HighlightLimits limits = {}) {
  return HighlightOptions{PP_SOURCE_DIR, limits, 0, dir};
}

bool same(const HighlightedCode& a, const HighlightedCode& b) {
  if (a.status != b.status || a.language != b.language || a.spans.size() != b.spans.size()) return false;
  for (std::size_t k = 0; k < a.spans.size(); ++k)
    if (a.spans[k].begin != b.spans[k].begin || a.spans[k].length != b.spans[k].length ||
        a.spans[k].token != b.spans[k].token)
      return false;
  return true;
}

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir / "highlight", ec), end; !ec && it != end; it.increment(ec)) out.push_back(it->path());
  return out;
}

void putU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

// An entry as the cache writes one for `key`, with its hash right: what a forger can make.
std::string forged(const std::string& key, char status, const std::string& language, const std::vector<CodeSpan>& spans) {
  std::string out = "postpress-highlight-1\n" + key;
  out += status;
  putU32(out, static_cast<std::uint32_t>(language.size()));
  out += language;
  putU32(out, static_cast<std::uint32_t>(spans.size()));
  for (const CodeSpan& s : spans) {
    putU32(out, s.begin);
    putU32(out, s.length);
    out += static_cast<char>(s.token);
  }
  return out + contentHash(out);
}

const char* const kYaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the name\n";

}  // namespace

TEST_CASE("a block highlighted once is read back by the next build, which makes no engine") {
  pptest::TempDir dir;
  struct Block {
    const char* info;
    const char* code;
  };
  const std::vector<Block> blocks = {{"yaml", kYaml},
                                     {"promql", "sum(rate(http_requests_total[5m])) by (job)\n"},
                                     {"console", "$ kubectl get pods\nNAME READY\nweb  1/1\n"},
                                     {"klingon-script", "qapla' batlh\n"}};
  std::vector<HighlightedCode> first;
  {
    const Highlighter h(cachedIn(dir.path));
    for (const Block& b : blocks) first.push_back(h.highlight(b.info, b.code));
    CHECK(h.engineCount() == 1);
  }
  CHECK(first[0].status == HighlightStatus::Highlighted);
  CHECK(first[3].status == HighlightStatus::UnknownLanguage);
  CHECK(entries(dir.path).size() == blocks.size());
  const Highlighter again(cachedIn(dir.path));
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    CAPTURE(blocks[k].info);
    CHECK(same(again.highlight(blocks[k].info, blocks[k].code), first[k]));
  }
  CHECK(again.engineCount() == 0);
  // Without a folder nothing is kept, and the spans are the same.
  const Highlighter uncached(cachedIn({}));
  CHECK(same(uncached.highlight("yaml", kYaml), first[0]));
}

TEST_CASE("another code, info string or limit is another entry") {
  pptest::TempDir dir;
  const HighlightedCode yaml = Highlighter(cachedIn(dir.path)).highlight("yaml", kYaml);
  const std::string changed = std::string(kYaml) + "spec: {}\n";
  for (auto [info, code, limits] : {std::tuple{"yaml", changed, HighlightLimits{}},
                                    std::tuple{"yml", std::string(kYaml), HighlightLimits{}},
                                    std::tuple{"yaml", std::string(kYaml), HighlightLimits{std::size_t{256} << 10, 20}}}) {
    CAPTURE(info);
    const Highlighter h(cachedIn(dir.path, limits));
    const HighlightedCode got = h.highlight(info, code);
    CHECK(h.engineCount() == 1);
    CHECK(same(got, Highlighter(cachedIn({}, limits)).highlight(info, code)));
  }
  CHECK(entries(dir.path).size() == 4);
  CHECK(same(yaml, Highlighter(cachedIn(dir.path)).highlight("yaml", kYaml)));
}

TEST_CASE("a damaged or forged entry is a miss: the block is highlighted again and the entry made anew") {
  pptest::TempDir dir;
  const HighlightedCode truth = Highlighter(cachedIn(dir.path)).highlight("yaml", kYaml);
  REQUIRE(entries(dir.path).size() == 1);
  const fs::path entry = entries(dir.path)[0];
  const std::string good = pptest::readWholeFile(entry);
  const std::size_t n = std::string(kYaml).size();
  const std::string key = good.substr(22, 32);
  REQUIRE(forged(key, 0, "yaml", truth.spans) == good);  // the forger knows the format
  // Another block's entry, as it was written for that block.
  const std::string other = [&] {
    pptest::TempDir elsewhere;
    (void)Highlighter(cachedIn(elsewhere.path)).highlight("yaml", "apiVersion: v2\nkind: Job\nmetadata:\n  name: x # y\n");
    return pptest::readWholeFile(entries(elsewhere.path).at(0));
  }();
  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
  const std::vector<std::pair<const char*, std::string>> bad = {
      {"empty", ""},
      {"truncated", good.substr(0, good.size() - 7)},
      {"a byte changed", flipped},
      {"another format", "postpress-highlight-0\n" + good.substr(22)},
      {"another block's entry", other},
      {"another key", forged(std::string(32, '0'), 0, "yaml", {})},
      {"a span across a line end", forged(key, 0, "yaml", {{0, 20, TokenClass::Keyword}})},
      {"a span past the code", forged(key, 0, "yaml", {{static_cast<std::uint32_t>(n - 2), 9, TokenClass::Keyword}})},
      {"spans overlapping", forged(key, 0, "yaml", {{0, 5, TokenClass::Keyword}, {3, 2, TokenClass::String}})},
      {"an empty span", forged(key, 0, "yaml", {{0, 0, TokenClass::Keyword}})},
      {"a class that does not exist", forged(key, 0, "yaml", {{0, 3, static_cast<TokenClass>(200)}})},
      {"a block that ran out of time", forged(key, static_cast<char>(HighlightStatus::OverBudget), "yaml", {})},
      {"an unknown status", forged(key, 9, "yaml", {})},
      {"an unknown language with spans", forged(key, 2, "", {{0, 3, TokenClass::Keyword}})},
      {"a language name of 200 bytes", forged(key, 0, std::string(200, 'y'), {})},
      {"more spans counted than written", good.substr(0, good.size() - 32 - 9) + contentHash(good.substr(0, good.size() - 32 - 9))},
  };
  for (const auto& [what, bytes] : bad) {
    CAPTURE(what);
    pptest::writeWholeFile(entry, bytes);
    const Highlighter h(cachedIn(dir.path));
    CHECK(same(h.highlight("yaml", kYaml), truth));
    CHECK(h.engineCount() == 1);
    CHECK(pptest::readWholeFile(entry) == good);  // written again
  }
}

TEST_CASE("a block left plain for its size or time is not kept") {
  pptest::TempDir dir;
  HighlightLimits small;
  small.maxBlockBytes = 10;
  const Highlighter h(cachedIn(dir.path, small));
  CHECK(h.highlight("yaml", kYaml).status == HighlightStatus::OverBudget);
  HighlightLimits instant;
  instant.maxBlockTime = std::chrono::milliseconds(-1);
  CHECK(Highlighter(cachedIn(dir.path, instant)).highlight("yaml", kYaml).status == HighlightStatus::OverBudget);
  CHECK(entries(dir.path).empty());
  // A block that names no language needs neither an engine nor an entry.
  CHECK(Highlighter(cachedIn(dir.path)).highlight("", "plain\n").status == HighlightStatus::NoLanguage);
  CHECK(entries(dir.path).empty());
}

TEST_CASE("the definitions' identity follows postpress's own definitions and the limits") {
  pptest::TempDir a, b;
  fs::create_directories(a.path / "syntax");
  fs::create_directories(b.path / "syntax");
  pptest::writeWholeFile(a.path / "syntax" / "x.xml", "<language name=\"X\"/>");
  pptest::writeWholeFile(b.path / "syntax" / "x.xml", "<language name=\"Y\"/>");
  using highlight::HighlightCache;
  CHECK(HighlightCache::definitionsIdentity(a.path, {}) != HighlightCache::definitionsIdentity(b.path, {}));
  HighlightLimits other;
  other.maxLineBytes = 99;
  CHECK(HighlightCache::definitionsIdentity(a.path, {}) != HighlightCache::definitionsIdentity(a.path, other));
  CHECK(HighlightCache::definitionsIdentity(a.path, {}) == HighlightCache::definitionsIdentity(a.path, {}));
}
