// AssetStore: registration (resolve*), then process(): hash every source, serve what the
// cache has, decode/scale/encode the rest on a worker pool, one image per worker at a time.
#include <algorithm>
#include <type_traits>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "assets/cache.h"
#include "assets/cache_folder.h"
#include "assets/drawn_rendition.h"
#include "assets/fetch.h"
#include "assets/pipeline.h"
#include "assets/resolve.h"
#include "postpress/assets.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/parallel.h"

namespace pp {

using assets::Resolution;

namespace {

enum class SourceKind { File, Data, Remote, None };

struct Entry {
  Asset asset;
  SourceKind kind = SourceKind::None;
  std::string data;           // SourceKind::Data: the payload, until processed
  fs::path root;              // a site's file: the root that confines every read of it
  bool anyUnhinted = false;   // some reference has no width hint: it may fill the text block
  int maxHintPx = 0;
};

// Per-image outcome of process(), applied and reported in id order afterwards so that the
// diagnostics and the store do not depend on which thread finished first.
struct Work {
  int id = -1;
  std::string key;
  fs::path sourceFile;        // what to read (local file or downloaded copy)
  fs::path root;              // confines sourceFile, when it comes from the site
  AssetStatus early = AssetStatus::Pending;  // a failure before decoding
  std::string earlyMessage, earlyCode;
  bool fetched = false;
  std::optional<assets::CacheEntry> entry;
  std::string cacheWriteError;  // the cache could not take the renditions: kept privately
  bool decoded = false;
};

}  // namespace

struct AssetStore::Impl {
  AssetOptions options;
  std::string unsafeCache;  // why the cache folder asked for is not used (warned at process())
  // The build's own folder: the cache when there is none to use, and where renditions go that
  // the cache could not take (a full disk, a read-only folder).
  std::mutex privateMutex;
  std::unique_ptr<assets::PrivateFolder> privateFolder;
  const fs::path& privatePath() {
    std::lock_guard<std::mutex> lock(privateMutex);
    if (!privateFolder) privateFolder = std::make_unique<assets::PrivateFolder>();
    return privateFolder->path();
  }
  // Saves `r` under `key` in `cache`, else in the build's own folder (a full disk, a read-only
  // cache: still embedded, made again next build). `cacheError` says why the cache refused it.
  std::optional<assets::CacheEntry> save(const assets::RenditionCache& cache, const std::string& key,
                                         const assets::PipelineResult& r, std::string* cacheError) {
    if (cacheError->empty())
      if (auto saved = cache.save(key, r, cacheError)) return saved;
    const assets::RenditionCache own(privatePath());
    std::string ownErr;
    if (own.dir().empty() || !own.prepare(&ownErr)) return std::nullopt;
    return own.save(key, r, &ownErr);
  }
  std::vector<Entry> entries;
  std::map<std::string, int> byIdentity;
  Stats stats;

  int add(const std::string& identity, Entry e) {
    auto it = byIdentity.find(identity);
    if (it != byIdentity.end()) return it->second;
    const int id = static_cast<int>(entries.size());
    e.asset.id = id;
    entries.push_back(std::move(e));
    byIdentity.emplace(identity, id);
    return id;
  }

  void noteHint(int id, int hintPx) {
    Entry& e = entries[static_cast<std::size_t>(id)];
    if (hintPx <= 0) e.anyUnhinted = true;
    else e.maxHintPx = std::max(e.maxHintPx, hintPx);
  }

  int countNotOk() const {
    return static_cast<int>(std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return !e.asset.ok(); }));
  }

  assets::PipelineParams paramsFor(const Entry& e) const {
    assets::PipelineParams p;
    p.pdfDpi = options.pdfDpi;
    p.textWidthPt = options.pdfMaxWidthPt;
    p.textHeightPt = options.pdfMaxHeightPt;
    p.drawWidthPt = options.pdfMaxWidthPt;
    if (!e.anyUnhinted && e.maxHintPx > 0) p.drawWidthPt = std::min(options.pdfMaxWidthPt, e.maxHintPx * 0.75);
    p.epubMaxSide = options.epubMaxSide;
    p.jpegQuality = options.jpegQuality;
    p.grayscale = options.grayscale;
    p.maxPixels = options.maxPixels;
    p.maxDimension = options.maxDimension;
    return p;
  }
};

AssetStore::AssetStore(AssetOptions options) : impl_(std::make_unique<Impl>()) {
  if (!options.cacheDir.empty()) {
    if (auto why = assets::unsafeCacheFolder(options.cacheDir)) {
      impl_->unsafeCache = "the image cache " + options.cacheDir.string() + " is not used (" + *why +
                           "): images are processed again on every build";
      options.cacheDir.clear();
    }
  }
  if (options.cacheDir.empty()) options.cacheDir = impl_->privatePath();
  if (options.pdfDpi <= 0) options.pdfDpi = 200;
  if (options.epubMaxSide <= 0) options.epubMaxSide = 1600;
  if (options.pdfMaxWidthPt <= 0) options.pdfMaxWidthPt = 468;
  if (options.pdfMaxHeightPt <= 0) options.pdfMaxHeightPt = 648;
  impl_->options = std::move(options);
}

AssetStore::~AssetStore() = default;

// One image reference's resolution and, for a file, its canonical path (the asset's identity).
struct PreparedImage {
  std::string src;  // the reference as written, to match it with the document's again
  assets::Resolution r;
  fs::path canonical;
};

struct PreparedImages::Impl {
  std::vector<PreparedImage> items;  // in forEachImageRef's order
};

PreparedImages::PreparedImages() = default;
PreparedImages::~PreparedImages() = default;
PreparedImages::PreparedImages(PreparedImages&&) noexcept = default;
PreparedImages& PreparedImages::operator=(PreparedImages&&) noexcept = default;

namespace {

PreparedImage prepareImage(const Site& site, const Post& post, std::string_view src, std::uintmax_t maxFileBytes) {
  PreparedImage p;
  p.src = std::string(src);
  p.r = assets::resolveImageSource(site, post, src, maxFileBytes);
  if (p.r.kind == assets::Resolution::Kind::File) {
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(p.r.file, ec);
    p.canonical = ec ? p.r.file : canon;
  }
  return p;
}

// A document's image references (figures, inline images), in the one order both
// prepareDocument and resolveDocument walk them.
template <typename Doc, typename Fn>
void forEachImageRef(Doc& doc, Fn fn) {
  // The blocks' and inlines' constness the document's (lambdas of their own types: a generic
  // one would make forEachBlock's two overloads both look callable).
  using B = std::conditional_t<std::is_const_v<Doc>, const Block, Block>;
  using I = std::conditional_t<std::is_const_v<Doc>, const Inline, Inline>;
  auto blocks = [&](auto& list) {
    forEachBlock(list, [&](B& b) {
      if (b.kind == BlockKind::Figure) fn(b.image);
    });
  };
  blocks(doc.blocks);
  for (auto& note : doc.footnotes) blocks(note.blocks);
  forEachInline(doc, [&](I& in) {
    if (in.kind == InlineKind::Image) fn(in.image);
  });
}

}  // namespace

int AssetStore::resolve(const Site& site, const Post& post, std::string_view src, const SourceLoc& where,
                        DiagnosticSink& diags, int widthHintPx) {
  return registerPrepared(prepareImage(site, post, src, impl_->options.maxFileBytes), site, post, src, where, diags,
                          widthHintPx);
}

int AssetStore::registerPrepared(PreparedImage&& p, const Site& site, const Post& post, std::string_view src,
                                 const SourceLoc& where, DiagnosticSink& diags, int widthHintPx) {
  assets::Resolution& r = p.r;
  Entry e;
  e.asset.source = std::string(src);
  e.asset.where = where;
  std::string identity;
  switch (r.kind) {
    case Resolution::Kind::File: {
      e.asset.file = std::move(p.canonical);
      e.kind = SourceKind::File;
      e.root = site.root;
      identity = "file:" + e.asset.file.string();
      break;
    }
    case Resolution::Kind::Data:
      e.kind = SourceKind::Data;
      identity = "data:" + contentHash(r.data);
      e.data = std::move(r.data);
      e.asset.source = src.size() > 40 ? std::string(src.substr(0, 40)) + "..." : std::string(src);
      break;
    case Resolution::Kind::Remote:
      e.kind = SourceKind::Remote;
      e.asset.url = r.url;
      identity = "url:" + r.url;
      if (!impl_->options.fetchRemote) {
        e.asset.status = AssetStatus::Remote;
        e.asset.message = "remote image not fetched (offline build; --fetch-remote fetches it): " + r.url;
        diags.warning(where, "image-remote", e.asset.message);
      }
      break;
    case Resolution::Kind::Failed:
      e.asset.status = r.failure;
      e.asset.message = r.message;
      identity = "failed:" + post.path + "\n" + std::string(src);
      diags.warning(where, r.code, r.message);
      break;
  }
  const int id = impl_->add(identity, std::move(e));
  impl_->noteHint(id, widthHintPx);
  return id;
}

PreparedImages AssetStore::prepareDocument(const Site& site, const Post& post, const Document& doc) const {
  PreparedImages out;
  out.impl_ = std::make_unique<PreparedImages::Impl>();
  forEachImageRef(doc, [&](const ImageRef& ref) {
    out.impl_->items.push_back(prepareImage(site, post, ref.src, impl_->options.maxFileBytes));
  });
  return out;
}

void AssetStore::resolveDocument(const Site& site, const Post& post, Document& doc, DiagnosticSink& diags,
                                 PreparedImages* prepared) {
  std::vector<PreparedImage>* ahead = prepared && prepared->impl_ ? &prepared->impl_->items : nullptr;
  std::size_t k = 0;
  forEachImageRef(doc, [&](ImageRef& ref) {
    const SourceLoc where = post.loc(ref.pos.line, ref.pos.col);
    // Prepared for this reference (the document's references, in order, as they were then),
    // else now.
    PreparedImage p = ahead && k < ahead->size() && (*ahead)[k].src == ref.src
                          ? std::move((*ahead)[k])
                          : prepareImage(site, post, ref.src, impl_->options.maxFileBytes);
    ++k;
    ref.asset = registerPrepared(std::move(p), site, post, ref.src, where, diags, ref.widthHint);
  });
}

int AssetStore::resolveFile(const fs::path& file, const SourceLoc& where, DiagnosticSink& diags) {
  // The digest's own files (cover, logo) are named by the user or bundled with postpress:
  // they are not confined to a site root.
  Entry e;
  e.asset.source = file.string();
  e.asset.where = where;
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(file, ec);
  e.asset.file = ec ? file : canon;
  e.kind = SourceKind::File;
  if (!fs::is_regular_file(e.asset.file, ec)) {
    e.asset.status = AssetStatus::Missing;
    e.asset.message = "image not found: '" + file.string() + "'";
    diags.warning(where, "image-missing", e.asset.message);
  }
  // The identity is made before `e` is moved: argument evaluation order is unspecified, so
  // building it in the call could read `e` after the move and give every digest file (logo,
  // cover image) the identity "file:", and the second one named the first one's picture.
  const std::string identity = "file:" + e.asset.file.string();
  const int id = impl_->add(identity, std::move(e));
  impl_->noteHint(id, 0);
  return id;
}

void AssetStore::process(DiagnosticSink& diags) {
  Impl& im = *impl_;
  const AssetOptions& opt = im.options;
  std::vector<Work> work;
  for (auto& e : im.entries)
    if (e.asset.status == AssetStatus::Pending) {
      Work w;
      w.id = e.asset.id;
      work.push_back(std::move(w));
    }
  if (work.empty()) {
    im.stats.failed = im.countNotOk();
    return;
  }

  if (!im.unsafeCache.empty()) diags.warning(SourceLoc{}, "image-cache", std::exchange(im.unsafeCache, {}));
  assets::RenditionCache cache(opt.cacheDir);
  std::string cacheError;
  if (!cache.prepare(&cacheError)) {
    diags.error(SourceLoc{opt.cacheDir.string()}, "image-cache", cacheError);
    for (auto& w : work) {
      Asset& a = im.entries[static_cast<std::size_t>(w.id)].asset;
      a.status = AssetStatus::Corrupt;
      a.message = cacheError;
    }
    im.stats.failed = im.countNotOk();
    return;
  }

  const auto fetchDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(opt.fetchBudgetSeconds);
  // Phase 1: the identity of every source (its bytes' hash plus the parameters). Reading
  // and hashing are cheap next to decoding; a remote image is downloaded here, once.
  parallelFor(work.size(), opt.jobs, [&](std::size_t i) {
    Work& w = work[i];
    const Entry& e = im.entries[static_cast<std::size_t>(w.id)];
    try {
      std::string hash;
      if (e.kind == SourceKind::Data) {
        hash = contentHash(e.data);
      } else {
        if (e.kind == SourceKind::Remote) {
          w.sourceFile = cache.remoteFile(e.asset.url);
          std::error_code ec;
          if (!fs::is_regular_file(w.sourceFile, ec)) {
            std::string err;
            const assets::FetchLimits limits{opt.fetchTimeoutSeconds, opt.maxRemoteBytes, fetchDeadline,
                                             opt.fetchAllowHosts};
            auto body = assets::fetchUrl(e.asset.url, limits, &err);
            if (!body || !assets::writeCacheFile(w.sourceFile, *body, &err)) {
              w.early = AssetStatus::Remote;
              w.earlyCode = "image-fetch";
              w.earlyMessage = "cannot fetch remote image " + e.asset.url + ": " + err;
              return;
            }
            w.fetched = true;
          }
        } else {
          w.sourceFile = e.asset.file;
          w.root = e.root;
        }
        std::string err;
        // A source unchanged since an earlier build is not read again (its version is in the
        // memo); a remote one, in the cache's own folder, is hashed as written.
        auto named = w.root.empty() ? hashFile(w.sourceFile, &err, opt.maxFileBytes, w.fetched ? nullptr : &cache.memo())
                                    : hashConfined(w.root, w.sourceFile, &err, opt.maxFileBytes, &cache.memo());
        if (!named) {
          const bool tooBig = err.find("limit") != std::string::npos;
          w.early = tooBig ? AssetStatus::TooLarge : AssetStatus::Missing;
          w.earlyCode = tooBig ? "image-too-large" : "image-unreadable";
          w.earlyMessage = "cannot read image '" + e.asset.source + "': " + err;
          return;
        }
        hash = std::move(*named);
      }
      Hasher h;
      h.field(assets::kPipelineVersion);
      h.field(hash);
      h.field(im.paramsFor(e).describe());
      w.key = h.hex();
    } catch (const std::exception& ex) {
      w.early = AssetStatus::Corrupt;
      w.earlyCode = "image-corrupt";
      w.earlyMessage = std::string("cannot read image: ") + ex.what();
    }
  });

  cache.saveMemo();

  // Phase 2: cache lookups; the rest, one job per distinct key (identical content under two
  // names is processed and stored once).
  std::map<std::string, std::size_t> firstWithKey;
  std::vector<std::size_t> owners;  // the first image of each key, whose entry is looked up
  for (std::size_t i = 0; i < work.size(); ++i) {
    Work& w = work[i];
    if (w.early != AssetStatus::Pending) continue;
    if (firstWithKey.emplace(w.key, i).second) owners.push_back(i);
  }
  // Side by side: checking an entry hashes its renditions' bytes (a warm build's whole image
  // work, tens of megabytes on an image-heavy blog).
  parallelFor(owners.size(), opt.jobs, [&](std::size_t k) { work[owners[k]].entry = cache.load(work[owners[k]].key); });
  std::vector<std::size_t> jobsToRun;
  for (std::size_t i : owners)
    if (!work[i].entry) jobsToRun.push_back(i);

  // Largest sources first: a big screenshot started last would leave the other workers idle
  // while it finishes alone (the source size stands in for the work). Results are applied in
  // id order below, so the order here changes nothing but the time.
  {
    std::vector<std::uintmax_t> sourceBytes(work.size(), 0);
    for (std::size_t i : jobsToRun) {
      const Entry& e = im.entries[static_cast<std::size_t>(work[i].id)];
      std::error_code ec;
      sourceBytes[i] = e.kind == SourceKind::Data ? e.data.size() : fs::file_size(work[i].sourceFile, ec);
      if (ec) sourceBytes[i] = 0;
    }
    std::stable_sort(jobsToRun.begin(), jobsToRun.end(),
                     [&](std::size_t a, std::size_t b) { return sourceBytes[a] > sourceBytes[b]; });
  }

  // Phase 3: decode, scale, encode, write; at most one image per worker in memory at once.
  std::atomic<int> decoded{0};
  std::atomic<std::size_t> converted{0};
  struct TellWhenDone {
    const AssetOptions& opt;
    std::atomic<std::size_t>& converted;
    std::size_t total;
    ~TellWhenDone() {
      try {
        if (opt.progress) opt.progress(++converted, total);
      } catch (...) {  // a progress display that fails changes nothing built
      }
    }
  };
  parallelFor(jobsToRun.size(), opt.jobs, [&](std::size_t j) {
    const TellWhenDone told{opt, converted, jobsToRun.size()};
    Work& w = work[jobsToRun[j]];
    const Entry& e = im.entries[static_cast<std::size_t>(w.id)];
    try {
      std::string bytes;
      if (e.kind == SourceKind::Data) {
        bytes = e.data;
      } else {
        std::string err;
        auto read = w.root.empty() ? readFile(w.sourceFile, &err, opt.maxFileBytes)
                                   : readConfined(w.root, w.sourceFile, &err, opt.maxFileBytes);
        if (!read) {
          w.early = AssetStatus::Missing;
          w.earlyCode = "image-unreadable";
          w.earlyMessage = "cannot read image '" + e.asset.source + "': " + err;
          return;
        }
        bytes = std::move(*read);
      }
      assets::PipelineResult r = assets::runPipeline(bytes, im.paramsFor(e));
      bytes = std::string();
      w.decoded = true;
      decoded++;
      std::string err;
      w.entry = im.save(cache, w.key, r, &err);
      w.cacheWriteError = err;
      if (!w.entry) {
        w.early = AssetStatus::Corrupt;
        w.earlyCode = "image-cache";
        w.earlyMessage = err;
      }
    } catch (const std::exception& ex) {
      w.early = AssetStatus::Corrupt;
      w.earlyCode = "image-corrupt";
      w.earlyMessage = std::string("cannot process image: ") + ex.what();
    }
  });
  im.stats.decoded += decoded.load();

  // Apply and report, in id order.
  for (auto& w : work) {
    Entry& e = im.entries[static_cast<std::size_t>(w.id)];
    Asset& a = e.asset;
    if (w.fetched) ++im.stats.fetched;
    if (!w.cacheWriteError.empty() && w.early == AssetStatus::Pending)
      diags.reportOnce("image-cache-write", {Severity::Warning, SourceLoc{opt.cacheDir.string()}, "image-cache",
                                             w.cacheWriteError + " (the images are embedded, but made again next build)"});
    if (w.early == AssetStatus::Pending) {
      const Work& owner = work[firstWithKey.at(w.key)];
      if (owner.early != AssetStatus::Pending) {
        w.early = owner.early;
        w.earlyCode = owner.earlyCode;
        w.earlyMessage = owner.earlyMessage;
      } else if (owner.entry) {
        if (!owner.decoded) ++im.stats.cacheHits;
        const assets::CacheEntry& c = *owner.entry;
        a.status = c.status;
        a.format = c.format;
        a.width = c.width;
        a.height = c.height;
        a.pdf = c.pdf;
        a.epub = c.epub;
        if (c.status != AssetStatus::Ok) {
          a.message = "image '" + a.source + "' " + (c.format.empty() ? "" : "(" + c.format + ") ") + assetStatusName(c.status) + ": " + c.message;
          const char* code = c.status == AssetStatus::TooLarge      ? "image-too-large"
                             : c.status == AssetStatus::Unsupported ? "image-unsupported"
                             : c.status == AssetStatus::Refused     ? "image-refused"
                                                                    : "image-corrupt";
          diags.warning(a.where, code, a.message);
        }
        for (auto& n : c.notes) diags.note(a.where, "image-note", "image '" + a.source + "': " + n);
      }
    }
    if (w.early != AssetStatus::Pending) {
      a.status = w.early;
      a.message = w.earlyMessage;
      diags.warning(a.where, w.earlyCode, a.message);
    }
    e.data = std::string();  // the payload is in the cache now
  }
  im.stats.failed = im.countNotOk();
}

std::optional<EncodedImage> AssetStore::pdfRenditionFor(int id, int widthPx, DiagnosticSink& diags) const {
  const Asset& a = at(id);
  if (!a.ok() || a.pdf.width <= 0 || a.pdf.height <= 0 || widthPx <= 0) return std::nullopt;
  if (widthPx >= a.pdf.width) return a.pdf;
  const assets::PixelSize size{
      widthPx, std::max(1, static_cast<int>(std::lround(static_cast<double>(widthPx) * a.pdf.height / a.pdf.width)))};
  const Entry& e = impl_->entries[static_cast<std::size_t>(id)];
  const assets::PipelineParams params = impl_->paramsFor(e);
  const std::string key = assets::drawnRenditionKey(a.pdf, size, params);
  const assets::RenditionCache cache(impl_->options.cacheDir);
  if (auto hit = cache.load(key); hit && hit->status == AssetStatus::Ok) return hit->pdf;
  const assets::PipelineResult r = assets::makeDrawnRendition(a, size, params);
  if (r.status != AssetStatus::Ok) {
    diags.warning(a.where, "image-cache",
                  "image '" + a.source + "': no rendition for its drawn size (" + r.message +
                      "); its stored one is embedded, finer than print needs");
    return std::nullopt;
  }
  std::string err;
  cache.prepare(&err);
  const std::optional<assets::CacheEntry> saved = impl_->save(cache, key, r, &err);
  if (!err.empty())
    diags.reportOnce("image-cache-write", {Severity::Warning, SourceLoc{impl_->options.cacheDir.string()}, "image-cache",
                                           err + " (the images are embedded, but made again next build)"});
  if (!saved) return std::nullopt;
  return saved->pdf;
}

const Asset& AssetStore::at(int id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= impl_->entries.size()) throw std::out_of_range("asset id");
  return impl_->entries[static_cast<std::size_t>(id)].asset;
}

std::size_t AssetStore::size() const { return impl_->entries.size(); }
const AssetOptions& AssetStore::options() const { return impl_->options; }
AssetStore::Stats AssetStore::stats() const { return impl_->stats; }

FileBytes readEncoded(const EncodedImage& image, DiagnosticSink& diags) {
  std::string err;
  auto data = FileBytes::open(image.file, &err);
  if (!data) {
    diags.error(SourceLoc{image.file.string()}, "image-cache", "cannot read a processed image: " + err);
    return {};
  }
  return std::move(*data);
}

}  // namespace pp
