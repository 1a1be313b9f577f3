// Packaging with libzip: `mimetype` first and stored, then every file in the book's fixed
// order, all with the same DOS timestamp: the build date (SOURCE_DATE_EPOCH, else now). libzip
// writes the archive through a source of ours into writeFileAtomicWith's temporary, renamed over the target only
// when every byte is on disk (libzip's own file writer renames a temporary of its own, which
// cannot reach a device and would replace a symbolic link). A device or a pipe cannot seek
// back as libzip does: for those the archive is built in memory and streamed.
//
// Compressed entries are deflated here, side by side with libdeflate, and handed to libzip as
// already deflated (it copies them, taking sizes and CRC from the source): libzip's own zlib
// level 9 deflate and CRC run on one thread, and cost much more (bench/results.md). The
// pictures, compressed already, go in as deflate streams of stored blocks (stored_deflate.h):
// as "stored" entries, libzip computed their CRC with zlib's.
#include <libdeflate.h>
#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "epub/book.h"
#include "epub/stored_deflate.h"
#include "postpress/support/deflate.h"
#include "postpress/support/file_range.h"
#include "postpress/support/files.h"
#include "postpress/support/parallel.h"

namespace pp::epub {

namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const {
    if (z) zip_discard(z);
  }
};
using ZipHandle = std::unique_ptr<zip_t, ZipDiscard>;

struct SourceFree {
  void operator()(zip_source_t* s) const {
    if (s) zip_source_free(s);
  }
};
using SourceHandle = std::unique_ptr<zip_source_t, SourceFree>;

// DOS date and time from "CCYY-MM-DDThh:mm:ssZ" (clamped to the DOS range 1980..2107).
void dosDateTime(const std::string& iso, zip_uint16_t& dtime, zip_uint16_t& ddate) {
  int y = 1980, mo = 1, d = 1, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3) y = 1980;
  if (y < 1980) { y = 1980; mo = 1; d = 1; h = mi = s = 0; }
  if (y > 2107) y = 2107;
  dtime = static_cast<zip_uint16_t>((h << 11) | (mi << 5) | (s / 2));
  ddate = static_cast<zip_uint16_t>(((y - 1980) << 9) | (mo << 5) | d);
}

// An entry deflated beforehand: its raw deflate bytes, its size and CRC before deflating.
struct Deflated {
  std::string bytes;
  zip_uint64_t size = 0;
  zip_uint32_t crc = 0;
};

// libdeflate's level 4, its last greedy one: terrytangyuan's 958 KB of XHTML to 304 KB in 7.0
// ms, where level 6 (as small as zlib's 9) makes 299 KB in 11.9 ms and level 1 316 KB in 4.2;
// 5 KB more in a 9 MB book for two fifths less time (bench/results.md).
constexpr int kEntryLevel = 4;

// What our source functions answer alike: ZIP_SOURCE_ERROR with their error, any other command
// they did not announce with ZIP_ER_OPNOTSUPP.
zip_int64_t errorOrRefusal(zip_error_t* error, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  if (cmd == ZIP_SOURCE_ERROR) return zip_error_to_data(error, data, len);
  zip_error_set(error, ZIP_ER_OPNOTSUPP, 0);
  return -1;
}

// A libzip source over an entry made beforehand: deflated here (a Deflated, which outlives the
// archive handle; libzip copies it, taking sizes and CRC from the source), or a file of the
// cache read while the archive is written, in stored blocks (its CRC known once it is read,
// which is when libzip asks for it).
class EntrySource {
 public:
  static zip_source_t* deflated(zip_t* zip, const Deflated& d) { return make(zip, new EntrySource(&d)); }
  // `failure` (which outlives the archive) gets the reader's words when a read fails.
  static zip_source_t* file(zip_t* zip, const FileRange& range, std::string* failure) {
    auto* self = new EntrySource(nullptr);
    self->stored_.emplace(range);
    self->failure_ = failure;
    return make(zip, self);
  }

 private:
  explicit EntrySource(const Deflated* d) : d_(d) { zip_error_init(&error_); }
  ~EntrySource() { zip_error_fini(&error_); }

  static zip_source_t* make(zip_t* zip, EntrySource* self) {
    zip_source_t* src = zip_source_function(zip, &EntrySource::callback, self);
    if (!src) delete self;
    return src;
  }

  zip_int64_t read(void* data, zip_uint64_t len) {
    if (stored_) {
      const long long n = stored_->read(static_cast<char*>(data), static_cast<std::size_t>(len));
      if (n >= 0) return n;
      if (failure_->empty()) *failure_ = stored_->error();
      zip_error_set(&error_, ZIP_ER_READ, EIO);
      return -1;
    }
    const std::size_t left = d_->bytes.size() - offset_;
    const std::size_t n = len < left ? static_cast<std::size_t>(len) : left;
    std::memcpy(data, d_->bytes.data() + offset_, n);
    offset_ += n;
    return static_cast<zip_int64_t>(n);
  }

  void stat(zip_stat_t* st) const {
    zip_stat_init(st);
    if (stored_) {
      const std::uint64_t length = stored_->range().length;
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
      st->size = length;
      st->comp_size = StoredDeflateReader::streamSize(length);
      st->comp_method = ZIP_CM_DEFLATE;
      st->encryption_method = ZIP_EM_NONE;
      // Asked again after the copy, when libzip writes the entry's header for good.
      if (stored_->finished()) {
        st->valid |= ZIP_STAT_CRC;
        st->crc = stored_->crc();
      }
      return;
    }
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
    st->size = d_->size;
    st->comp_size = d_->bytes.size();
    st->comp_method = ZIP_CM_DEFLATE;
    st->crc = d_->crc;
    st->encryption_method = ZIP_EM_NONE;
  }

  static zip_int64_t callback(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* self = static_cast<EntrySource*>(state);
    switch (cmd) {
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
      case ZIP_SOURCE_OPEN:
        self->offset_ = 0;
        if (self->stored_) self->stored_->rewind();
        return 0;
      case ZIP_SOURCE_READ:
        return self->read(data, len);
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_STAT:
        if (len < sizeof(zip_stat_t)) {
          zip_error_set(&self->error_, ZIP_ER_INVAL, 0);
          return -1;
        }
        self->stat(static_cast<zip_stat_t*>(data));
        return sizeof(zip_stat_t);
      case ZIP_SOURCE_FREE:
        delete self;
        return 0;
      default:
        return errorOrRefusal(&self->error_, data, len, cmd);
    }
  }

  const Deflated* d_;
  std::optional<StoredDeflateReader> stored_;
  std::string* failure_ = nullptr;
  std::size_t offset_ = 0;
  zip_error_t error_;
};

std::string zipError(zip_t* z) {
  zip_error_t* e = zip_get_error(z);
  return e ? zip_error_strerror(e) : "unknown libzip error";
}

}  // namespace

namespace {

// A libzip archive source that writes into a file open for writing (writeFileAtomicWith's
// temporary), seeking back as libzip does to complete each entry's header: the archive, the
// EPUB's largest piece of memory otherwise, is never held in memory (the PDF may be being
// saved beside it). The archive is new (ZIP_TRUNCATE): reading finds it empty.
class FileArchive {
 public:
  static zip_source_t* create(std::FILE* file, zip_error_t* error) {
    auto* self = new FileArchive(file);
    zip_source_t* src = zip_source_function_create(&FileArchive::callback, self, error);
    if (!src) delete self;
    return src;
  }

 private:
  explicit FileArchive(std::FILE* file) : file_(file), pacer_(file) { zip_error_init(&error_); }
  ~FileArchive() { zip_error_fini(&error_); }

  // The failed call's errno, as libzip's "Write error: ..." reports it.
  zip_int64_t fail(int zipError) {
    zip_error_set(&error_, zipError, errno);
    return -1;
  }

  static zip_int64_t callback(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* self = static_cast<FileArchive*>(state);
    switch (cmd) {
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
                                              ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_BEGIN_WRITE,
                                              ZIP_SOURCE_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE,
                                              ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE, -1);
      case ZIP_SOURCE_OPEN:
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_BEGIN_WRITE:     // the file is open, empty, at its start
      case ZIP_SOURCE_ROLLBACK_WRITE:  // writeFileAtomicWith removes the temporary
      case ZIP_SOURCE_REMOVE:
        return 0;
      case ZIP_SOURCE_READ:
      case ZIP_SOURCE_SEEK:
      case ZIP_SOURCE_TELL:
        return 0;  // nothing to read, always at 0: the archive is new
      case ZIP_SOURCE_STAT: {
        if (len < sizeof(zip_stat_t)) return self->fail(ZIP_ER_INVAL);
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE;
        st->size = 0;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_WRITE:
        if (std::fwrite(data, 1, static_cast<std::size_t>(len), self->file_) != len) return self->fail(ZIP_ER_WRITE);
        self->pacer_.wrote(static_cast<std::size_t>(len));
        return static_cast<zip_int64_t>(len);
      case ZIP_SOURCE_SEEK_WRITE: {
        auto* args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, len, &self->error_);
        if (!args) return -1;
        if (::fseeko(self->file_, static_cast<off_t>(args->offset), args->whence) != 0) return self->fail(ZIP_ER_SEEK);
        return 0;
      }
      case ZIP_SOURCE_TELL_WRITE: {
        const off_t at = ::ftello(self->file_);
        return at < 0 ? self->fail(ZIP_ER_TELL) : static_cast<zip_int64_t>(at);
      }
      case ZIP_SOURCE_COMMIT_WRITE:
        return std::fflush(self->file_) == 0 ? 0 : self->fail(ZIP_ER_WRITE);
      case ZIP_SOURCE_FREE:
        delete self;
        return 0;
      default:
        return errorOrRefusal(&self->error_, data, len, cmd);
    }
  }

  std::FILE* file_;
  WritebackPacer pacer_;
  zip_error_t error_;
};

// Adds the book's files to a new archive on `target` and closes it, which writes it. The
// archive takes the caller's hold on `target`, also when this fails (it is released then).
bool writeArchive(zip_source_t* target, const Book& book, const std::vector<std::optional<Deflated>>& deflated,
                  const SourceLoc& where, DiagnosticSink& diags) {
  zip_error_t ze;
  zip_error_init(&ze);
  ZipHandle zip(zip_open_from_source(target, ZIP_TRUNCATE, &ze));
  if (!zip) {
    zip_source_free(target);
    diags.error(where, "epub-write", std::string("cannot create the EPUB: ") + zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return false;
  }
  zip_error_fini(&ze);
  zip_uint16_t dtime = 0, ddate = 0;
  dosDateTime(book.modified, dtime, ddate);
  std::string sourceFailure;  // a file of the cache that could not be copied in (EntrySource::file)
  for (std::size_t k = 0; k < book.files.size(); ++k) {
    const BookFile& f = book.files[k];
    // Read at zip_close: book.files and `deflated` outlive the archive handle.
    zip_source_t* src = f.source    ? EntrySource::file(zip.get(), *f.source, &sourceFailure)
                        : deflated[k] ? EntrySource::deflated(zip.get(), *deflated[k])
                                      : zip_source_buffer(zip.get(), f.data.data(), f.data.size(), 0);
    if (!src) {
      diags.error(where, "epub-write", "cannot add " + f.path + ": " + zipError(zip.get()));
      return false;
    }
    zip_int64_t idx = zip_file_add(zip.get(), f.path.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      diags.error(where, "epub-write", "cannot add " + f.path + ": " + zipError(zip.get()));
      return false;
    }
    auto i = static_cast<zip_uint64_t>(idx);
    // A file of the cache comes deflated (in stored blocks); the rest is deflated here or, like
    // `mimetype`, stored.
    const bool deflate = f.compress || f.source;
    if (zip_set_file_compression(zip.get(), i, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, deflate ? 9 : 0) != 0 ||
        zip_file_set_dostime(zip.get(), i, dtime, ddate, 0) != 0 ||
        // rw-r--r-- regular files, whatever the umask of the machine that built the book
        zip_file_set_external_attributes(zip.get(), i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0) {
      diags.error(where, "epub-write", "cannot set up " + f.path + ": " + zipError(zip.get()));
      return false;
    }
  }
  if (zip_close(zip.get()) != 0) {
    diags.error(where, "epub-write",
                "cannot write the EPUB: " + (sourceFailure.empty() ? zipError(zip.get()) : "cannot copy an image in: " + sourceFailure));
    return false;  // the handle is discarded by ZipHandle
  }
  (void)zip.release();  // closed: zip_close freed it and its hold on the target
  return true;
}

}  // namespace

std::optional<std::string> deflateEntry(std::string_view bytes) { return deflateRaw(bytes, kEntryLevel); }

std::string entryPackFormat() {
  return std::string("postpress-epub-entries-1 libdeflate ") + LIBDEFLATE_VERSION_STRING + " raw level " +
         std::to_string(kEntryLevel) + "\n";
}

bool packageEpub(const Book& book, const fs::path& out, DiagnosticSink& diags, int jobs, DeflatePack* kept) {
  SourceLoc where{out.string(), 0, 0};
  if (book.files.empty() || book.files.front().path != "mimetype") {
    diags.error(where, "epub-internal", "the EPUB has no mimetype entry first");
    return false;
  }
  std::vector<std::optional<Deflated>> deflated(book.files.size());
  parallelFor(book.files.size(), jobs, [&](std::size_t i) {
    const BookFile& f = book.files[i];
    if (!f.compress || f.data.empty()) return;
    auto bytes = kept ? kept->deflate(f.data.view()) : deflateEntry(f.data.view());
    if (!bytes) return;  // out of memory: libzip deflates this one
    deflated[i] = Deflated{std::move(*bytes), f.data.size(), crc32Of(f.data.view())};
  });

  // A regular file (or a new one): libzip writes into the temporary that is renamed over it.
  std::error_code ec;
  const fs::file_status target = fs::status(out, ec);
  if (!fs::exists(target) || fs::is_regular_file(target)) {
    bool reported = false;
    std::string why;
    const bool written = writeFileAtomicWith(
        out,
        [&](std::FILE* f) {
          zip_error_t ze;
          zip_error_init(&ze);
          zip_source_t* archive = FileArchive::create(f, &ze);
          zip_error_fini(&ze);
          if (!archive) return false;
          reported = !writeArchive(archive, book, deflated, where, diags);
          return !reported && !std::ferror(f);
        },
        &why);
    if (!written && !reported) diags.error(where, "epub-write", "cannot write the EPUB: " + why);
    return written;
  }

  // A device or a pipe (/dev/stdout, /dev/full), which cannot seek back: the archive is built
  // in memory and written in order, a megabyte at a time.
  zip_error_t ze;
  zip_error_init(&ze);
  SourceHandle buffer(zip_source_buffer_create(nullptr, 0, 0, &ze));
  zip_error_fini(&ze);
  if (!buffer) {
    diags.error(where, "epub-write", "cannot create the EPUB in memory");
    return false;
  }
  zip_source_keep(buffer.get());  // the archive's close must not free what we read back
  if (!writeArchive(buffer.get(), book, deflated, where, diags)) return false;
  std::string why;
  if (zip_source_open(buffer.get()) != 0) {
    diags.error(where, "epub-write", "cannot read back the EPUB archive built in memory");
    return false;
  }
  std::string chunk(1u << 20, '\0');
  const bool written = writeFileAtomicPieces(
      out,
      [&]() -> std::optional<std::string_view> {
        const zip_int64_t n = zip_source_read(buffer.get(), chunk.data(), chunk.size());
        if (n < 0) return std::nullopt;
        return std::string_view(chunk.data(), static_cast<std::size_t>(n));
      },
      &why);
  zip_source_close(buffer.get());
  if (!written) {
    diags.error(where, "epub-write", "cannot write the EPUB: " + why);
    return false;
  }
  return true;
}

}  // namespace pp::epub
