// The option table: every command-line option and every postpress.yaml key, declared once with
// its type, range, choices, default, help and the places that take it. The command line
// (src/cli) registers its options from it, the config reader (src/driver) reads its keys by it,
// the style's built-in defaults (src/style) take their values from it, and the manual pages and
// shell completions are to be generated from it, so that none of them can disagree on a range
// or a default.
//
// Constant data, read at compile time: a style default is `optionDefaultInt(OptionId::Dpi)`,
// and the checks at the end of this file stop the build when two options share a name or a
// default falls outside its own range. It depends on nothing, so every stage may read it.
#pragma once

#include <cstddef>
#include <iterator>
#include <span>
#include <string_view>

namespace pp {

// The subcommands, one bit each so that an option can belong to several.
enum Command : unsigned {
  kGlobal = 1u << 0,  // before the subcommand (postpress --version)
  kList = 1u << 1,
  kBuild = 1u << 2,
  kCheck = 1u << 3,
  kWatch = 1u << 4,
};

struct CommandSpec {
  std::string_view name;
  Command bit;
  std::string_view help;
};

inline constexpr CommandSpec kCommands[] = {
    {"list", kList, "List the posts a selection picks (date, title, authors, tags, path)"},
    {"build", kBuild, "Build the digest: PDF and EPUB"},
    {"check", kCheck, "Read and parse everything, report every diagnostic, write nothing"},
    {"watch", kWatch, "Build the digest, then build it again whenever a post, an image, the config or a style changes"},
};

enum class OptionType : unsigned char {
  Flag,     // command line: given or not (it sets `flagValue`); postpress.yaml: true or false
  Text,     // any text
  Path,     // a file or folder; in postpress.yaml relative to the file's folder
  Style,    // a bundled style's name, or a style file (a path when it has a / or .yaml)
  Integer,  // a whole number from `min` to `max`
  Choice,   // one of `choices`
  List,     // repeatable on the command line; in postpress.yaml a list or "a, b"
  Date,     // YYYY-MM-DD
  Quarter,  // 2025Q4 (also 2025-Q4, Q4 2025)
  Paper,    // letter, a4, a5, legal, or a size with a unit: 6x9in, 210x297mm
  Formats,  // some of `choices`: "pdf,epub", "pdf epub", [pdf, epub]
  Section,  // postpress.yaml: a mapping or a list of further keys (select:, digests:)
};

// Where a key may stand in postpress.yaml.
enum class ConfigSection : unsigned char {
  None,    // command line only
  Digest,  // a digest's key: at the top level (a default for every digest) or in an entry
  Top,     // the top level only
  Entry,   // an entry under digests: only
  Select,  // under select:
};

// Every option, in the order of the table below (the order of --help and the manual).
enum class OptionId : unsigned char {
  Help, Version, Quiet, Json,
  Site, Posts, TagSource, SiteDrafts,
  Tags, ExcludeTags, Authors, Since, Until, Quarter, Year, Lang, Drafts, Limit, NewestFirst,
  Config, Digest, Report, Strict, Timings, Jobs, Watch, DiagnosticsFormat, Warn, Deny,
  Cache, FetchRemote, FetchAllow, Dpi, Grayscale, EpubMaxSide, JpegQuality,
  Style, Paper, Title, Subtitle, Language, GroupBy, LinkNotes, Cover, Brief, Toc, Indexes,
  TagIndex, AuthorIndex, QrCodes, Logo, CoverImage,
  Formats, Output, PdfStandard,
  Name, Select, Digests, Diagnostics,
};

struct OptionSpec {
  OptionId id = {};
  std::string_view flag = {};       // long option without the dashes; empty: postpress.yaml only
  char shortFlag = 0;               // -j for --jobs; 0: none
  std::string_view key = {};        // postpress.yaml key; empty: command line only
  std::string_view keyAlias = {};   // also accepted in postpress.yaml ("tag" for "tags")
  ConfigSection section = ConfigSection::None;
  OptionType type = OptionType::Text;
  unsigned commands = 0;            // Command bits that take `flag`
  std::string_view group = {};      // heading in --help and the manual ("" for the general options)
  std::string_view valueName = {};  // the value in --help and the manual: FILE, N, DATE
  std::string_view help = {};       // what the option does, without its choices, range or default
  int min = 0, max = 0;             // Integer: the accepted range
  std::span<const std::string_view> choices = {};  // Choice, Formats
  // The default as the option's own text ("200", "report", "true"); empty: unset (nothing
  // filtered, no override). When `styleKey` is set, this is the built-in style's value and a
  // style file may change it.
  std::string_view defaultValue = {};
  std::string_view defaultNote = {};  // a default that is not a value ("all cores", "the site title")
  std::string_view styleKey = {};     // the style key whose value the option overrides ("layout.dpi")
  bool flagValue = true;              // Flag: what giving the flag sets (false for --no-cover)
  bool overridesConfig = false;       // with -c, a given value replaces every digest's own
};

inline constexpr std::string_view kTagSources[] = {"auto", "tags", "categories", "both"};
inline constexpr std::string_view kGroupings[] = {"none", "month", "tag"};
inline constexpr std::string_view kLinkNoteModes[] = {"endnotes", "footnotes", "none"};
inline constexpr std::string_view kFormats[] = {"pdf", "epub"};
// ISO 14289-1 (tagged, accessible), ISO 19005-2 level B or U (archival), or neither.
inline constexpr std::string_view kPdfStandards[] = {"ua-1", "a-2b", "a-2u", "none"};
inline constexpr std::string_view kDiagnosticsFormats[] = {"text", "json", "github", "sarif"};

inline constexpr unsigned kSelecting = kList | kBuild | kCheck | kWatch;  // options that pick posts
inline constexpr unsigned kBuilding = kBuild | kCheck | kWatch;           // options of a build
inline constexpr unsigned kWriting = kBuild | kWatch;                     // options of a build that writes

// The table's rows name types and sections unqualified; their scope ends with the table.
namespace option_table {

using Id = OptionId;
using enum OptionType;
using enum ConfigSection;

inline constexpr OptionSpec kOptions[] = {
    // The general options.
    {.id = Id::Help, .flag = "help", .shortFlag = 'h', .type = Flag, .commands = kGlobal | kSelecting,
     .help = "Print this help message and exit"},
    {.id = Id::Version, .flag = "version", .type = Flag, .commands = kGlobal,
     .help = "Print the version of postpress and exit"},
    {.id = Id::Quiet, .flag = "quiet", .shortFlag = 'q', .type = Flag, .commands = kGlobal,
     .help = "No progress display, notes or summary (errors and warnings still print)"},
    {.id = Id::Json, .flag = "json", .type = Flag, .commands = kList,
     .help = "Print a JSON array (path, title, date, authors, tags, url, summary)"},

    // Site: where the posts come from.
    {.id = Id::Site, .flag = "site", .key = "site", .section = Digest, .type = Path, .commands = kSelecting,
     .group = "Site", .valueName = "DIR", .help = "Site root folder", .defaultValue = "."},
    {.id = Id::Posts, .flag = "posts", .key = "posts", .section = Digest, .type = Text, .commands = kSelecting,
     .group = "Site", .valueName = "GLOB", .help = "Glob of post files relative to the site root (overrides discovery)"},
    {.id = Id::TagSource, .flag = "tag-source", .key = "tag_source", .section = Digest, .type = Choice,
     .commands = kSelecting, .group = "Site", .valueName = "SOURCE", .help = "Where tags come from",
     .choices = kTagSources, .defaultValue = "auto"},
    {.id = Id::SiteDrafts, .key = "drafts", .section = Digest, .type = Flag, .group = "Site",
     .help = "Read Jekyll's _drafts/ folder too (select: drafts: true reads and keeps them)",
     .defaultValue = "false"},

    // Selection: which posts the digest takes (postpress.yaml: under select:).
    {.id = Id::Tags, .flag = "tag", .key = "tags", .keyAlias = "tag", .section = Select, .type = List,
     .commands = kSelecting, .group = "Selection", .valueName = "TAG",
     .help = "Keep posts with this tag (repeatable: any of)"},
    {.id = Id::ExcludeTags, .flag = "exclude-tag", .key = "exclude_tags", .keyAlias = "exclude_tag", .section = Select,
     .type = List, .commands = kSelecting, .group = "Selection", .valueName = "TAG",
     .help = "Drop posts with this tag (repeatable)"},
    {.id = Id::Authors, .flag = "author", .key = "authors", .keyAlias = "author", .section = Select, .type = List,
     .commands = kSelecting, .group = "Selection", .valueName = "AUTHOR",
     .help = "Keep posts by this author (repeatable: any of)"},
    {.id = Id::Since, .flag = "since", .key = "since", .section = Select, .type = Date, .commands = kSelecting,
     .group = "Selection", .valueName = "DATE", .help = "First day to include, YYYY-MM-DD (inclusive)"},
    {.id = Id::Until, .flag = "until", .key = "until", .section = Select, .type = Date, .commands = kSelecting,
     .group = "Selection", .valueName = "DATE", .help = "Last day to include, YYYY-MM-DD (inclusive)"},
    {.id = Id::Quarter, .flag = "quarter", .key = "quarter", .section = Select, .type = Quarter,
     .commands = kSelecting, .group = "Selection", .valueName = "QUARTER", .help = "A calendar quarter, e.g. 2025Q4"},
    {.id = Id::Year, .flag = "year", .key = "year", .section = Select, .type = Integer, .commands = kSelecting,
     .group = "Selection", .valueName = "YEAR", .help = "A calendar year, e.g. 2025", .min = 1900, .max = 9999},
    {.id = Id::Lang, .flag = "lang", .key = "lang", .keyAlias = "language", .section = Select, .type = Text,
     .commands = kSelecting, .group = "Selection", .valueName = "LANG",
     .help = "Keep posts in this language (front matter lang, Hugo content/<lang>/; en matches en-us)"},
    {.id = Id::Drafts, .flag = "drafts", .key = "drafts", .section = Select, .type = Flag, .commands = kSelecting,
     .group = "Selection", .help = "Include drafts and unpublished posts", .defaultValue = "false"},
    {.id = Id::Limit, .flag = "limit", .key = "limit", .section = Select, .type = Integer, .commands = kSelecting,
     .group = "Selection", .valueName = "N", .help = "Keep at most N posts, after ordering; 0 keeps all", .min = 0,
     .max = 1000000},
    {.id = Id::NewestFirst, .flag = "newest-first", .key = "newest_first", .section = Select, .type = Flag,
     .commands = kSelecting, .group = "Selection", .help = "Order newest first (default: oldest first)",
     .defaultValue = "false"},

    // Config: batch builds, reports and exit codes (command line only).
    {.id = Id::Config, .flag = "config", .shortFlag = 'c', .type = Path, .commands = kBuilding, .group = "Config",
     .valueName = "FILE", .help = "Build the digests described in this postpress.yaml"},
    {.id = Id::Digest, .flag = "digest", .type = Text, .commands = kBuilding, .group = "Config", .valueName = "NAME",
     .help = "With -c: only the digest of this name"},
    {.id = Id::Report, .flag = "report", .type = Path, .commands = kBuilding, .group = "Config", .valueName = "FILE",
     .help = "Write a JSON report (digests, posts, outputs, diagnostics) to FILE"},
    {.id = Id::Strict, .flag = "strict", .type = Flag, .commands = kBuilding, .group = "Config",
     .help = "Warnings count as errors for the exit code"},
    {.id = Id::Timings, .flag = "timings", .type = Flag, .commands = kBuilding, .group = "Config",
     .help = "Print how long each phase took (also in --report as \"phases\")"},
    {.id = Id::Jobs, .flag = "jobs", .shortFlag = 'j', .type = Integer, .commands = kBuilding, .group = "Config",
     .valueName = "N", .help = "Worker threads", .min = 0, .max = 1024, .defaultValue = "0",
     .defaultNote = "all cores"},
    {.id = Id::Watch, .flag = "watch", .type = Flag, .commands = kBuild, .group = "Config",
     .help = "After the build, build again whenever a post, an image, the config or a style changes (as `watch`)"},

    // Diagnostics: how they are printed, and which count (postpress.yaml: diagnostics:).
    {.id = Id::DiagnosticsFormat, .flag = "diagnostics-format", .type = Choice, .commands = kSelecting,
     .group = "Diagnostics", .valueName = "FORMAT",
     .help = "How diagnostics are printed: compiler-style lines, JSON Lines, GitHub workflow commands "
             "(annotations), or one SARIF 2.1.0 log at the end",
     .choices = kDiagnosticsFormats, .defaultValue = "text"},
    {.id = Id::Warn, .flag = "warning", .shortFlag = 'W', .type = List, .commands = kSelecting,
     .group = "Diagnostics", .valueName = "no-CODE",
     .help = "-W no-CODE silences the warnings and notes of CODE; -W CODE brings them back (repeatable)"},
    {.id = Id::Deny, .flag = "deny", .type = List, .commands = kSelecting,
     .group = "Diagnostics", .valueName = "CODE", .help = "Warnings of CODE are errors (repeatable)"},

    // Images.
    {.id = Id::Cache, .flag = "cache", .type = Path, .commands = kBuilding, .group = "Images", .valueName = "DIR",
     .help = "Cache folder: processed images, EPUB cover, PDF font subsets", .defaultNote = "~/.cache/postpress"},
    {.id = Id::FetchRemote, .flag = "fetch-remote", .type = Flag, .commands = kBuilding, .group = "Images",
     .help = "Download remote images (default: placeholder and warning), from public addresses only"},
    {.id = Id::FetchAllow, .flag = "fetch-allow", .type = List, .commands = kBuilding, .group = "Images",
     .valueName = "HOST",
     .help = "A host (and its subdomains) --fetch-remote may reach on a loopback, private or link-local "
             "address (repeatable)"},
    {.id = Id::Dpi, .flag = "dpi", .key = "dpi", .section = Digest, .type = Integer, .commands = kBuilding,
     .group = "Images", .valueName = "N", .help = "Image resolution for print", .min = 72, .max = 1200,
     .defaultValue = "200", .styleKey = "layout.dpi", .overridesConfig = true},
    {.id = Id::Grayscale, .flag = "grayscale", .key = "grayscale", .section = Digest, .type = Flag, .commands = kWriting,
     .group = "Images", .help = "Convert images to grayscale (black-and-white print)", .defaultValue = "false"},
    {.id = Id::EpubMaxSide, .flag = "epub-max-side", .key = "epub_max_side", .section = Digest, .type = Integer,
     .commands = kWriting, .group = "Images", .valueName = "PIXELS", .help = "Longest image side in the EPUB",
     .min = 64, .max = 10000, .defaultValue = "1600"},
    {.id = Id::JpegQuality, .flag = "jpeg-quality", .key = "jpeg_quality", .section = Digest, .type = Integer,
     .commands = kWriting, .group = "Images", .valueName = "N", .help = "JPEG quality for photographs", .min = 1,
     .max = 100, .defaultValue = "85"},

    // Look: the style and the parts of the book.
    {.id = Id::Style, .flag = "style", .key = "style", .section = Digest, .type = Style, .commands = kBuilding,
     .group = "Look", .valueName = "STYLE", .help = "Bundled style name (report, brief) or a style file",
     .defaultValue = "report", .overridesConfig = true},
    {.id = Id::Paper, .flag = "paper", .key = "paper", .section = Digest, .type = Paper, .commands = kBuilding,
     .group = "Look", .valueName = "PAPER", .help = "Paper size: letter, a4, a5, legal, or WxH with a unit, e.g. 6x9in or 210x297mm",
     .defaultValue = "letter", .styleKey = "page.paper", .overridesConfig = true},
    {.id = Id::Title, .flag = "title", .key = "title", .section = Digest, .type = Text, .commands = kWriting,
     .group = "Look", .valueName = "TEXT", .help = "Digest title", .defaultNote = "the site title"},
    {.id = Id::Subtitle, .flag = "subtitle", .key = "subtitle", .section = Digest, .type = Text, .commands = kWriting,
     .group = "Look", .valueName = "TEXT", .help = "Digest subtitle"},
    {.id = Id::Language, .flag = "language", .key = "language", .section = Digest, .type = Text, .commands = kWriting,
     .group = "Look", .valueName = "LANG", .help = "Language of the digest's labels, dates and numbers (lang/<tag>.yaml: de, fr, ja, ar...)", .defaultNote = "the language --lang keeps, else the site's, else en"},
    {.id = Id::GroupBy, .flag = "group-by", .key = "group_by", .section = Digest, .type = Choice, .commands = kWriting,
     .group = "Look", .valueName = "GROUPING", .help = "Group the contents", .choices = kGroupings,
     .defaultValue = "none"},
    {.id = Id::LinkNotes, .flag = "link-notes", .key = "link_notes", .section = Digest, .type = Choice,
     .commands = kWriting, .group = "Look", .valueName = "MODE", .help = "Printed link list",
     .choices = kLinkNoteModes, .defaultValue = "endnotes", .styleKey = "layout.link_notes"},
    {.id = Id::Cover, .flag = "no-cover", .key = "cover", .section = Digest, .type = Flag, .commands = kWriting,
     .group = "Look", .help = "Leave out the cover", .defaultValue = "true", .styleKey = "parts.cover",
     .flagValue = false},
    {.id = Id::Brief, .flag = "no-brief", .key = "brief", .section = Digest, .type = Flag, .commands = kWriting,
     .group = "Look", .help = "Leave out the at-a-glance brief", .defaultValue = "true", .styleKey = "parts.brief",
     .flagValue = false},
    {.id = Id::Toc, .flag = "no-toc", .key = "toc", .section = Digest, .type = Flag, .commands = kWriting,
     .group = "Look", .help = "Leave out the table of contents", .defaultValue = "true", .styleKey = "parts.toc",
     .flagValue = false},
    {.id = Id::Indexes, .flag = "no-indexes", .type = Flag, .commands = kWriting, .group = "Look",
     .help = "Leave out the tag and author indexes (postpress.yaml: tag_index, author_index)",
     .flagValue = false},
    {.id = Id::TagIndex, .key = "tag_index", .section = Digest, .type = Flag, .group = "Look",
     .help = "The index of tags", .defaultValue = "true", .styleKey = "parts.tag_index"},
    {.id = Id::AuthorIndex, .key = "author_index", .section = Digest, .type = Flag, .group = "Look",
     .help = "The index of authors", .defaultValue = "true", .styleKey = "parts.author_index"},
    {.id = Id::QrCodes, .flag = "no-qr", .key = "qr_codes", .section = Digest, .type = Flag, .commands = kWriting,
     .group = "Look", .help = "No QR codes", .defaultValue = "true", .styleKey = "layout.qr_codes",
     .flagValue = false},
    {.id = Id::Logo, .key = "logo", .section = Digest, .type = Path, .group = "Look", .valueName = "FILE",
     .help = "A logo for the cover"},
    {.id = Id::CoverImage, .key = "cover_image", .section = Digest, .type = Path, .group = "Look",
     .valueName = "FILE", .help = "A picture for the cover"},

    // Output.
    {.id = Id::Formats, .flag = "format", .key = "formats", .keyAlias = "format", .section = Digest, .type = Formats,
     .commands = kWriting, .group = "Output", .valueName = "FORMATS", .help = "Output formats",
     .choices = kFormats, .defaultValue = "pdf,epub"},
    {.id = Id::Output, .flag = "output", .shortFlag = 'o', .key = "output", .section = Digest, .type = Path,
     .commands = kWriting, .group = "Output", .valueName = "PATH",
     .help = "Output base path: out/digest writes out/digest.pdf and out/digest.epub; "
             "a path ending in .pdf or .epub implies that format",
     .defaultValue = "digest"},
    {.id = Id::PdfStandard, .flag = "pdf-standard", .key = "pdf_standard", .section = Digest, .type = Formats,
     .commands = kWriting, .group = "Output", .valueName = "STANDARDS",
     .help = "Standards the PDF meets and declares, combinable (ua-1,a-2u): PDF/UA-1 (tagged, accessible), "
             "PDF/A-2b or PDF/A-2u (archival, with an sRGB output intent), or none",
     .choices = kPdfStandards, .defaultValue = "ua-1"},

    // postpress.yaml's structure.
    {.id = Id::Name, .key = "name", .section = Entry, .type = Text, .group = "Output", .valueName = "NAME",
     .help = "The digest's name: --digest picks it, and its output is out/NAME unless `output` says otherwise"},
    {.id = Id::Select, .key = "select", .section = Digest, .type = Section, .group = "Selection",
     .help = "The selection: a mapping of the Selection keys"},
    {.id = Id::Digests, .key = "digests", .section = Top, .type = Section,
     .help = "A list of digests, each a mapping of keys; the top-level keys are their defaults"},
    {.id = Id::Diagnostics, .key = "diagnostics", .section = Top, .type = Section, .group = "Diagnostics",
     .help = "A mapping: ignore: codes whose warnings are silenced, deny: codes whose warnings are errors"},
};

}  // namespace option_table

using option_table::kOptions;

inline constexpr std::size_t kOptionCount = std::size(kOptions);

constexpr const OptionSpec& option(OptionId id) { return kOptions[static_cast<std::size_t>(id)]; }

// The option spelt --`flag` that `command` takes; nullptr when there is none.
constexpr const OptionSpec* findFlag(std::string_view flag, Command command) {
  for (const OptionSpec& o : kOptions)
    if (!o.flag.empty() && o.flag == flag && (o.commands & command)) return &o;
  return nullptr;
}

// The postpress.yaml key `key` (or its alias) of `section`; nullptr when there is none.
constexpr const OptionSpec* findConfigKey(ConfigSection section, std::string_view key) {
  for (const OptionSpec& o : kOptions)
    if (o.section == section && !key.empty() && (o.key == key || o.keyAlias == key)) return &o;
  return nullptr;
}

// The default of an Integer option, as a number.
constexpr int optionDefaultInt(OptionId id) {
  int n = 0;
  for (char c : option(id).defaultValue) n = n * 10 + (c - '0');
  return n;
}

// The default of a Flag option.
constexpr bool optionDefaultBool(OptionId id) { return option(id).defaultValue == "true"; }

namespace options_checks {

constexpr bool idsInOrder() {
  for (std::size_t i = 0; i < kOptionCount; ++i)
    if (static_cast<std::size_t>(kOptions[i].id) != i) return false;
  return true;
}

constexpr bool namesUnique() {
  for (std::size_t i = 0; i < kOptionCount; ++i)
    for (std::size_t j = i + 1; j < kOptionCount; ++j) {
      const OptionSpec &a = kOptions[i], &b = kOptions[j];
      if (!a.flag.empty() && a.flag == b.flag && (a.commands & b.commands)) return false;
      if (a.shortFlag && a.shortFlag == b.shortFlag && (a.commands & b.commands)) return false;
      if (a.section == b.section && a.section != ConfigSection::None) {
        for (std::string_view x : {a.key, a.keyAlias})
          if (!x.empty() && (x == b.key || x == b.keyAlias)) return false;
      }
    }
  return true;
}

constexpr bool isChoice(const OptionSpec& o, std::string_view value) {
  for (std::string_view c : o.choices)
    if (c == value) return true;
  return false;
}

constexpr bool isNumber(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// Every default fits its own option: a number in range, one of the choices, true or false.
constexpr bool defaultsFit() {
  for (const OptionSpec& o : kOptions) {
    const std::string_view d = o.defaultValue;
    if (o.type == OptionType::Integer && (o.min > o.max || (!d.empty() && (!isNumber(d) || optionDefaultInt(o.id) < o.min ||
                                                               optionDefaultInt(o.id) > o.max))))
      return false;
    if (o.type == OptionType::Choice && (o.choices.empty() || (!d.empty() && !isChoice(o, d)))) return false;
    if (o.type == OptionType::Flag && !d.empty() && d != "true" && d != "false") return false;
    if (!o.styleKey.empty() && d.empty()) return false;  // the built-in style needs the value
    if (o.commands == 0 && o.key.empty()) return false;  // taken nowhere
  }
  return true;
}

static_assert(idsInOrder(), "kOptions must list the options in the order of OptionId");
static_assert(namesUnique(), "two options share a flag, a short flag or a postpress.yaml key");
static_assert(defaultsFit(), "an option's default does not fit its type, range or choices");

}  // namespace options_checks

}  // namespace pp
