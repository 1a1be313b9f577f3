// Highlighter: the pool of engines, the budget, and the walk over a block's lines.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

#include "highlight/console.h"
#include "highlight/highlight_cache.h"
#include "highlight/kate_engine.h"
#include "postpress/highlight.h"
#include "postpress/support/files.h"

namespace pp {

using highlight::KateEngine;

// Engines not in use. A caller borrows one (creating it when none is idle and the cap
// allows) and gives it back when its block is done.
struct Highlighter::Pool {
  std::filesystem::path dataDir;
  std::size_t maxEngines = 0;
  std::mutex mutex;
  std::condition_variable returned;
  std::vector<std::unique_ptr<KateEngine>> idle;
  std::size_t created = 0;
  std::string unavailable;  // why the module gave no engine: asked once, not again
  std::optional<highlight::HighlightCache> kept;  // with HighlightOptions::cacheDir

  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<KateEngine> engine) : pool_(pool), engine_(std::move(engine)) {}
    ~Lease() {
      std::lock_guard lock(pool_.mutex);
      pool_.idle.push_back(std::move(engine_));
      pool_.returned.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    KateEngine& operator*() { return *engine_; }

   private:
    Pool& pool_;
    std::unique_ptr<KateEngine> engine_;
  };

  // Null when no engine can be made (`unavailable` says why).
  std::unique_ptr<Lease> borrow() {
    std::unique_lock lock(mutex);
    for (;;) {
      if (!unavailable.empty()) return nullptr;
      if (!idle.empty()) {
        auto engine = std::move(idle.back());
        idle.pop_back();
        return std::make_unique<Lease>(*this, std::move(engine));
      }
      if (maxEngines == 0 || created < maxEngines) {
        ++created;
        lock.unlock();
        std::string why;
        std::unique_ptr<KateEngine> engine;
        try {
          engine = highlight::openKateEngine(dataDir, &why);
          if (engine) return std::make_unique<Lease>(*this, std::move(engine));
        } catch (...) {
          lock.lock();
          --created;
          throw;
        }
        lock.lock();
        --created;
        unavailable = why.empty() ? "the Kate engine could not be made" : why;
        returned.notify_all();  // callers waiting for an engine: none will come
        return nullptr;
      }
      returned.wait(lock);
    }
  }
};

namespace {

using Clock = std::chrono::steady_clock;

// One block's walk: lines in order, the budget checked before each.
class BlockWalk {
 public:
  BlockWalk(KateEngine& engine, const HighlightLimits& limits, std::vector<CodeSpan>& spans)
      : engine_(engine), limits_(limits), spans_(spans), deadline_(Clock::now() + limits.maxBlockTime) {}

  // False when the block ran out of time (spans are then incomplete).
  template <typename PerLine>
  bool forEachLine(std::string_view code, PerLine perLine) {
    std::size_t start = 0;
    for (;;) {
      if (Clock::now() > deadline_) return false;
      std::size_t end = code.find('\n', start);
      if (end == std::string_view::npos) end = code.size();
      const std::string_view line = code.substr(start, end - start);
      if (line.size() <= limits_.maxLineBytes) perLine(line, static_cast<std::uint32_t>(start));
      if (end == code.size()) break;
      start = end + 1;
    }
    return Clock::now() <= deadline_;
  }

  bool code(std::string_view code) {
    return forEachLine(code, [&](std::string_view line, std::uint32_t at) { engine_.highlightLine(line, at, spans_); });
  }

  // Prompts and commands (bash, or PowerShell after `PS>`), continuation lines, output.
  bool session(std::string_view code) {
    highlight::SessionReader reader;
    bool powershell = false;
    engine_.select("Bash");
    return forEachLine(code, [&](std::string_view line, std::uint32_t at) {
      const highlight::SessionReader::Verdict v = reader.next(line);
      if (v.kind == highlight::SessionLine::Output) {
        if (!line.empty()) spans_.push_back({at, static_cast<std::uint32_t>(line.size()), TokenClass::Output});
        return;
      }
      if (v.kind == highlight::SessionLine::Command) {
        if (v.powershell != powershell) {
          powershell = v.powershell;
          engine_.select(powershell ? "PowerShell" : "Bash");
        }
        spans_.push_back({at, static_cast<std::uint32_t>(v.prompt), TokenClass::Prompt});
      }
      engine_.highlightLine(line.substr(v.prompt), at + static_cast<std::uint32_t>(v.prompt), spans_);
    });
  }

 private:
  KateEngine& engine_;
  const HighlightLimits& limits_;
  std::vector<CodeSpan>& spans_;
  Clock::time_point deadline_;
};

}  // namespace

Highlighter::Highlighter(HighlightOptions options) : options_(std::move(options)), pool_(std::make_unique<Pool>()) {
  pool_->dataDir = options_.dataDir.empty() ? dataDir() : options_.dataDir;
  pool_->maxEngines = options_.maxEngines;
  if (!options_.cacheDir.empty())
    pool_->kept.emplace(options_.cacheDir,
                        highlight::HighlightCache::definitionsIdentity(pool_->dataDir, options_.limits));
}

Highlighter::~Highlighter() = default;

std::size_t Highlighter::engineCount() const {
  std::lock_guard lock(pool_->mutex);
  return pool_->created;
}

std::string Highlighter::unavailable() const {
  std::lock_guard lock(pool_->mutex);
  return pool_->unavailable;
}

HighlightedCode Highlighter::highlight(std::string_view info, std::string_view code) const {
  const CodeLanguage lang = resolveCodeLanguage(info);
  if (lang.id.empty()) return {};
  if (!pool_->kept) return highlightUncached(lang, code);
  const std::string key = pool_->kept->key(info, code);
  if (std::optional<HighlightedCode> done = pool_->kept->load(key, code)) return std::move(*done);
  HighlightedCode out = highlightUncached(lang, code);
  pool_->kept->save(key, out);
  return out;
}

HighlightedCode Highlighter::highlightUncached(const CodeLanguage& lang, std::string_view code) const {
  HighlightedCode out;
  const bool session = lang.session || (lang.shell && highlight::startsAsSession(code));
  const auto lease = pool_->borrow();
  if (!lease) {
    out.status = HighlightStatus::Unavailable;
    return out;
  }
  KateEngine& engine = **lease;
  if (!session && !(lang.definition.empty() ? engine.selectByWord(lang.id) : engine.select(lang.definition))) {
    out.status = HighlightStatus::UnknownLanguage;
    return out;
  }
  out.language = session ? "console" : lang.id;
  if (code.size() > options_.limits.maxBlockBytes || code.size() > UINT32_MAX) {
    out.status = HighlightStatus::OverBudget;
    return out;
  }
  BlockWalk walk(engine, options_.limits, out.spans);
  if (!(session ? walk.session(code) : walk.code(code))) {
    out.spans.clear();
    out.status = HighlightStatus::OverBudget;
    return out;
  }
  out.status = HighlightStatus::Highlighted;
  return out;
}

std::vector<Highlighter::PlainBlock> Highlighter::highlightDocument(Document& doc) const {
  std::vector<PlainBlock> plain;
  auto visit = [&](Block& b) {
    if (b.kind != BlockKind::Code) return;
    HighlightedCode h = highlight(b.info, b.text);
    b.language = std::move(h.language);
    b.spans = std::move(h.spans);
    if (h.status == HighlightStatus::OverBudget || h.status == HighlightStatus::Unavailable)
      plain.push_back({b.pos, h.status});
  };
  forEachBlock(doc.blocks, visit);
  for (Footnote& f : doc.footnotes) forEachBlock(f.blocks, visit);
  return plain;
}

}  // namespace pp
