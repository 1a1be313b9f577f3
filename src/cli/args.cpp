#include "cli/args.h"

#include <cstdlib>

#include "postpress/style.h"
#include "postpress/support/text.h"

namespace pp::cli {

namespace {

// Accepts "pdf,epub", "pdf epub", "epub".
std::vector<std::string> splitFormats(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text + ",") {
    if (c == ',' || c == ' ') {
      if (!cur.empty()) out.push_back(toLowerAscii(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// How often an option was given; 0 for options this subcommand does not have (check has no
// --format), where CLI11's count() would throw.
std::size_t given(const CLI::App& cmd, const std::string& name) {
  const CLI::Option* opt = cmd.get_option_no_throw(name);
  return opt ? opt->count() : 0;
}

}  // namespace

void addSelectionOptions(CLI::App& cmd, SelectionArgs& a) {
  cmd.add_option("--site", a.site, "Site root folder (default: .)")->group("Site");
  cmd.add_option("--posts", a.postsGlob, "Glob of post files relative to the site root (overrides discovery)")
      ->group("Site");
  cmd.add_option("--tag-source", a.tagSource, "Where tags come from: auto, tags, categories, both")
      ->check(CLI::IsMember({"auto", "tags", "categories", "both"}))
      ->group("Site");
  cmd.add_option("--tag", a.tags, "Keep posts with this tag (repeatable: any of)")->group("Selection");
  cmd.add_option("--exclude-tag", a.excludeTags, "Drop posts with this tag (repeatable)")->group("Selection");
  cmd.add_option("--author", a.authors, "Keep posts by this author (repeatable: any of)")->group("Selection");
  cmd.add_option("--since", a.since, "First day to include, YYYY-MM-DD (inclusive)")->group("Selection");
  cmd.add_option("--until", a.until, "Last day to include, YYYY-MM-DD (inclusive)")->group("Selection");
  cmd.add_option("--quarter", a.quarter, "A calendar quarter, e.g. 2025Q4")->group("Selection");
  cmd.add_option("--year", a.year, "A calendar year, e.g. 2025")->group("Selection");
  cmd.add_option("--lang", a.lang,
                 "Keep posts in this language (front matter lang, Hugo content/<lang>/; en matches en-us)")
      ->group("Selection");
  cmd.add_flag("--drafts", a.drafts, "Include drafts and unpublished posts")->group("Selection");
  cmd.add_option("--limit", a.limit, "Keep at most N posts (after ordering)")
      ->check(CLI::NonNegativeNumber)
      ->group("Selection");
  cmd.add_flag("--newest-first", a.newestFirst, "Order newest first (default: oldest first)")->group("Selection");
}

void addBuildOptions(CLI::App& cmd, BuildArgs& a, bool check) {
  cmd.add_option("-c,--config", a.config, "Build the digests described in this postpress.yaml")->group("Config");
  cmd.add_option("--digest", a.digest, "With -c: only the digest of this name")->group("Config");
  cmd.add_option("--report", a.report, "Write a JSON report (digests, posts, outputs, diagnostics) to FILE")
      ->group("Config");
  cmd.add_flag("--strict", a.strict, "Warnings count as errors for the exit code")->group("Config");
  cmd.add_flag("--timings", a.timings, "Print how long each phase took (also in --report as \"phases\")")
      ->group("Config");
  cmd.add_option("-j,--jobs", a.jobs, "Worker threads (default: all cores)")->check(CLI::NonNegativeNumber)
      ->group("Config");
  cmd.add_option("--cache", a.cache, "Cache folder: processed images, EPUB cover, PDF font subsets (default: ~/.cache/postpress)")->group("Images");
  cmd.add_flag("--fetch-remote", a.fetchRemote, "Download remote images (default: placeholder and warning)")
      ->group("Images");
  cmd.add_option("--style", a.style, "Bundled style name (report, brief) or a style file")->group("Look");
  cmd.add_option("--paper", a.paper, "letter, a4, a5, legal or WxH with unit (6x9in, 210x297mm)")->group("Look");
  cmd.add_option("--dpi", a.dpi, "Image resolution for print (default: the style's, 200)")
      ->check(CLI::Range(72, 1200))
      ->group("Images");
  if (check) return;
  cmd.add_option("--format", a.formats, "Output formats: pdf,epub (default: both)")->group("Output");
  cmd.add_option("-o,--output", a.output,
                 "Output base path: out/digest writes out/digest.pdf and out/digest.epub; "
                 "a path ending in .pdf or .epub implies that format")
      ->group("Output");
  cmd.add_option("--title", a.title, "Digest title (default: the site title)")->group("Look");
  cmd.add_option("--subtitle", a.subtitle, "Digest subtitle")->group("Look");
  cmd.add_option("--language", a.language, "Language of the digest (default: the site's, else en)")->group("Look");
  cmd.add_option("--group-by", a.groupBy, "Group the contents: none, month, tag")
      ->check(CLI::IsMember({"none", "month", "tag"}))
      ->group("Look");
  cmd.add_option("--link-notes", a.linkNotes, "Printed link list: endnotes, footnotes, none")
      ->check(CLI::IsMember({"endnotes", "footnotes", "none"}))
      ->group("Look");
  cmd.add_flag("--no-cover", a.noCover, "Leave out the cover")->group("Look");
  cmd.add_flag("--no-brief", a.noBrief, "Leave out the at-a-glance brief")->group("Look");
  cmd.add_flag("--no-toc", a.noToc, "Leave out the table of contents")->group("Look");
  cmd.add_flag("--no-indexes", a.noIndexes, "Leave out the tag and author indexes")->group("Look");
  cmd.add_flag("--no-qr", a.noQr, "No QR codes")->group("Look");
  cmd.add_flag("--grayscale", a.grayscale, "Convert images to grayscale (black-and-white print)")->group("Images");
  cmd.add_option("--epub-max-side", a.epubMaxSide, "Longest image side in the EPUB, pixels (default 1600)")
      ->check(CLI::Range(64, 10000))
      ->group("Images");
  cmd.add_option("--jpeg-quality", a.jpegQuality, "JPEG quality for photographs (default 85)")
      ->check(CLI::Range(1, 100))
      ->group("Images");
}

std::optional<std::string> toSelection(const SelectionArgs& a, SiteOptions& site, Selection& sel) {
  site.root = a.site;
  site.postsGlob = a.postsGlob;
  site.drafts = a.drafts;
  site.tagSource = a.tagSource;
  std::error_code ec;
  if (!fs::is_directory(site.root, ec)) return "--site: '" + a.site + "' is not a folder";
  sel.tags = a.tags;
  sel.excludeTags = a.excludeTags;
  sel.authors = a.authors;
  sel.drafts = a.drafts;
  sel.limit = a.limit;
  sel.newestFirst = a.newestFirst;
  sel.language = a.lang;
  sel.year = a.year;
  if (a.year != 0 && (a.year < 1900 || a.year > 9999)) return "--year: '" + std::to_string(a.year) + "' is not a year";
  if (!a.since.empty()) {
    sel.since = parseDateTime(a.since);
    if (!sel.since) return "--since: '" + a.since + "' is not a date (YYYY-MM-DD)";
  }
  if (!a.until.empty()) {
    sel.until = parseDateTime(a.until);
    if (!sel.until) return "--until: '" + a.until + "' is not a date (YYYY-MM-DD)";
  }
  if (sel.since && sel.until && sel.until->compareDay(*sel.since) < 0)
    return "--until " + a.until + " is before --since " + a.since;
  if (!a.quarter.empty()) {
    int y = 0, q = 0;
    if (!parseQuarter(a.quarter, y, q)) return "--quarter: '" + a.quarter + "' is not a quarter (e.g. 2025Q4)";
    sel.quarter = a.quarter;
  }
  return std::nullopt;
}

bool anySelectionFlag(const CLI::App& cmd) {
  for (const char* name : {"--site", "--posts", "--tag", "--exclude-tag", "--author", "--since", "--until",
                           "--quarter", "--year", "--lang", "--limit", "--newest-first", "--tag-source"})
    if (given(cmd, name) > 0) return true;
  return false;
}

std::optional<std::string> toDigestSpec(const CLI::App& cmd, const SelectionArgs& sel, const BuildArgs& a,
                                        DigestSpec& spec) {
  if (auto err = toSelection(sel, spec.site, spec.selection)) return err;
  spec.style = a.style;
  spec.paper = a.paper;
  if (!a.paper.empty()) {
    float w = 0, h = 0;
    if (!parsePaper(a.paper, w, h)) return "--paper: '" + a.paper + "' is not a paper size (letter, a4, 6x9in, ...)";
  }
  spec.dpi = a.dpi;
  spec.epubMaxSide = a.epubMaxSide;
  spec.jpegQuality = a.jpegQuality;
  spec.grayscale = a.grayscale;
  spec.publication.title = a.title;
  spec.publication.subtitle = a.subtitle;
  spec.publication.language = a.language;
  if (!a.groupBy.empty()) spec.publication.groupBy = a.groupBy;
  spec.publication.linkNotes = a.linkNotes;
  if (a.noCover) spec.publication.cover = 0;
  if (a.noBrief) spec.publication.brief = 0;
  if (a.noToc) spec.publication.toc = 0;
  if (a.noIndexes) spec.publication.tagIndex = spec.publication.authorIndex = 0;
  if (a.noQr) spec.publication.qrCodes = 0;
  spec.publication.sourceDateEpoch = sourceDateEpoch();

  spec.output = a.output.empty() ? fs::path("digest") : fs::path(a.output);
  std::string ext = spec.output.extension().string();
  bool namedFormat = ext == ".pdf" || ext == ".epub";
  if (given(cmd, "--format") > 0) {
    spec.formats = splitFormats(a.formats);
    if (spec.formats.empty()) return "--format: give pdf, epub or pdf,epub";
    for (const auto& f : spec.formats)
      if (f != "pdf" && f != "epub") return "--format: unknown format '" + f + "' (pdf, epub)";
    if (namedFormat && (spec.formats.size() != 1 || "." + spec.formats[0] != ext))
      return "-o " + a.output + " names a ." + ext.substr(1) + " file but --format asks for " + a.formats;
  } else if (namedFormat) {
    spec.formats = {ext.substr(1)};
  }
  return std::nullopt;
}

long long sourceDateEpoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return 0;
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  return (end && *end == '\0' && n > 0) ? n : 0;
}

}  // namespace pp::cli
