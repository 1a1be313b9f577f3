// Driver: runs the stages for one digest (site -> selection -> documents -> assets ->
// publication -> PDF and EPUB), reads postpress.yaml batch configs, and writes the JSON report
// CI jobs gate on. The CLI (src/cli/) is a thin layer over this. Stage home: src/driver/.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/assets.h"
#include "postpress/options.h"
#include "postpress/support/diagnostics.h"
#include "postpress/publication.h"
#include "postpress/select.h"
#include "postpress/site.h"

namespace pp {

namespace fs = std::filesystem;

// "pdf,epub", "pdf epub": the items of a list written as one text, lower-cased.
std::vector<std::string> splitListText(std::string_view text);

// One digest to build: from the command line or one entry of a config file. The defaults are
// the option table's (include/postpress/options.h); 0 or empty means the style's.
struct DigestSpec {
  std::string name;             // config entry name; empty on the command line
  SourceLoc where;              // config entry location (for diagnostics)
  SiteOptions site;
  Selection selection;
  PublicationOptions publication;
  std::vector<std::string> formats = splitListText(option(OptionId::Formats).defaultValue);
  std::vector<std::string> pdfStandards = splitListText(option(OptionId::PdfStandard).defaultValue);
  std::string style{option(OptionId::Style).defaultValue};
  std::string paper;            // empty: the style's
  fs::path output{option(OptionId::Output).defaultValue};  // base path: "out/digest" -> out/digest.pdf, .epub
  // The folder the outputs must stay in (symbolic links resolved): the config's, when the
  // config named the output or its digest's name did; empty when the command line gave it.
  fs::path outputRoot;
  int dpi = 0;                  // 0: the style's
  int epubMaxSide = optionDefaultInt(OptionId::EpubMaxSide);
  int jpegQuality = optionDefaultInt(OptionId::JpegQuality);
  bool grayscale = optionDefaultBool(OptionId::Grayscale);
  DiagnosticPolicy diagnostics;  // postpress.yaml's diagnostics: (ignore, deny)
};

// One option's value, read by the option table's rules (type, range, choices), so that the
// command line and postpress.yaml accept and refuse the same values in the same words.
struct OptionValue {
  std::vector<std::string> texts;  // a list's items, the formats; one text for the others
  bool on = false;                 // Flag
  int number = 0;                  // Integer
  std::optional<DateTime> date;    // Date
  const std::string& text() const { return texts.front(); }
};

// Reads `texts` (one, or a list's items) as `option`'s type says. On a bad value returns what
// is wrong, worded to follow the option's name: "must be a whole number from 72 to 1200, not
// '2000'".
std::optional<std::string> readOptionValue(const OptionSpec& option, std::vector<std::string> texts,
                                           OptionValue& value);

// Sets one option on a digest. Relative paths are taken from `folder` (the config file's; empty
// on the command line). Options that are not a digest's (--jobs, --report, select:) change
// nothing.
void setDigestOption(DigestSpec& digest, OptionId id, const OptionValue& value, const fs::path& folder);

// The output "-" is the standard output; /dev/stdout, /dev/fd/1 and /proc/self/fd/1 are read
// as "-" too (they would otherwise become files named /dev/stdout.pdf).
inline constexpr std::string_view kStandardOutput = "-";
bool writesToStandardOutput(const DigestSpec& digest);

// An output named x.pdf or x.epub asks for that format alone: it is the digest's formats when
// none were given, and must agree with them when they were. The standard output carries one
// format, which must be given; any other suffix of letters (x.docx) is refused rather than
// taken for a base name. Returns what is wrong.
// (`outputNamed` false: the output is made from a digest's name, whose dots name no format.)
std::optional<std::string> settleFormats(DigestSpec& digest, bool formatsGiven, bool outputNamed = true);

struct BuildOptions {
  int jobs = 0;            // 0 = all cores
  bool strict = false;     // warnings count as errors (exit code)
  bool checkOnly = false;  // read, parse and resolve everything; write nothing
  bool fetchRemote = false;
  std::vector<std::string> fetchAllowHosts;  // --fetch-allow
  fs::path cacheDir;       // empty: $XDG_CACHE_HOME/postpress or ~/.cache/postpress
  DiagnosticPolicy diagnostics;  // -W and --deny: over each digest's own
  // Called as the build moves between phases ("reading site", "parsing 12 posts", ...).
  std::function<void(const std::string& digest, const std::string& phase)> progress;
};

struct OutputReport {
  std::string format;   // "pdf" | "epub"
  fs::path path;
  bool written = false;
  std::uintmax_t bytes = 0;
  int pages = 0;        // PDF only
};

struct PostReport {
  std::string path, title, date, url;
  std::vector<std::string> authors, tags;
};

struct DigestReport {
  std::string name;
  fs::path siteRoot;        // as given (posts' paths in the report are relative to it)
  std::string title;
  std::string period;
  std::vector<PostReport> posts;
  std::vector<OutputReport> outputs;
  std::string emptyReason;  // set when the selection was empty
  std::vector<Diagnostic> diagnostics;
  std::size_t errors = 0, warnings = 0;
  double seconds = 0;
  // Wall seconds per phase, in the order they ran ("reading site", "parsing posts", "images",
  // "pdf layout", "pdf paint+save", "epub"); the PDF and the EPUB run side by side.
  std::vector<std::pair<std::string, double>> phases;
  // The files the build read as sources (posts, configs, style, logo, cover, images): no
  // output, the --report file included, may replace one of them.
  std::vector<fs::path> inputs;
  bool ok() const;          // something was built and there were no errors
};

// Sites read once per batch and shared (read-only) by the digests that use them.
class SiteCache {
 public:
  const Site& get(const SiteOptions& options, DiagnosticSink& diags);

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Site>> sites_;
};

// Sets `diags` up for a digest: its config's diagnostics rules under the command line's, and
// paths of the site's files (posts, images, data) made relative to the current folder rather
// than to the site root, so that an editor or a CI annotation finds the file.
void applyDiagnosticRules(DiagnosticSink& diags, const DigestSpec& spec, const DiagnosticPolicy& commandLine);

// Builds one digest. Diagnostics go to `diags` (and are copied into the report).
DigestReport buildDigest(const DigestSpec& spec, const BuildOptions& options, SiteCache& sites,
                         DiagnosticSink& diags);

// Builds several digests, up to options.jobs at a time; reports in the order given.
// `makeSink` gives each digest its own sink (sharing one printer).
std::vector<DigestReport> buildDigests(const std::vector<DigestSpec>& specs,
                                       const BuildOptions& options,
                                       const std::function<std::unique_ptr<DiagnosticSink>()>& makeSink);

// Reads a postpress.yaml: one digest, or a list under `digests:` with top-level defaults.
// Paths (site, output, logo, cover_image, style files) are relative to the config's folder.
// Unknown keys and bad values are errors with the file's line and column. `only` keeps just
// the digest of that name (error when absent).
std::vector<DigestSpec> loadConfig(const fs::path& file, const std::string& only,
                                   DiagnosticSink& diags);

// The JSON report for --report: every digest, its site root, posts (paths relative to the
// site root), outputs with sizes, and every diagnostic (path, line, column, severity, code,
// message; paths from the current folder). docs/report.schema.json is its JSON Schema.
std::string reportJson(const std::vector<DigestReport>& digests,
                       const std::vector<Diagnostic>& general, const std::string& command);

// The selection as JSON (postpress list --json): path, title, date, authors, tags, url,
// summary (summaries[i] belongs to posts[i]).
std::string postsJson(const std::vector<const Post*>& posts, const std::vector<std::string>& summaries);

// Why an output at `target` must not be written, or nullopt when it may: it lies outside
// `outputRoot` (when not empty; symbolic links resolved), or it would replace one of `inputs`
// (the same file, through any link).
std::optional<std::string> outputProblem(const fs::path& target, const fs::path& outputRoot,
                                         const std::vector<fs::path>& inputs);

// What `postpress watch` watches after a build, and which changes ask for the next one.
// Every folder under each site root (a new post, a new page bundle, an image or a data file
// anywhere in the site), but version-control folders, dependencies and the generators' own
// output folders; the folders of inputs outside the sites (a config, a style, a logo). The
// build's own files (its outputs, its report, the image cache) and editors' scratch files
// (hidden names, name~, .swp, Vim's 4913) never ask: a digest written inside its site must
// not start the next build.
struct WatchPlan {
  std::vector<fs::path> trees;    // absolute, symbolic links resolved
  std::vector<fs::path> folders;  // the same
  std::vector<fs::path> ownFiles;    // outputs and report, absolute
  std::vector<fs::path> ownFolders;  // the image cache
  std::vector<fs::path> skippedFolders;  // generator output folders that hold no input
  // Under a tree: a folder watch() leaves out, with its contents.
  bool skipsFolder(const fs::path& folder) const;
  // A change to `file` (absolute, as inotify names it) asks for a rebuild.
  bool matters(const fs::path& file) const;
};

// The plan for digests just built (specs[i] built into reports[i]); `ownFiles` adds the
// report file, `cacheDir` the image cache.
WatchPlan watchPlan(const std::vector<DigestSpec>& specs, const std::vector<DigestReport>& reports,
                    const std::vector<fs::path>& ownFiles, const fs::path& cacheDir);

// The default cache folder ($XDG_CACHE_HOME/postpress, ~/.cache/postpress); empty when the user
// has no home folder (then no cache is kept).
fs::path defaultCacheDir();

}  // namespace pp
