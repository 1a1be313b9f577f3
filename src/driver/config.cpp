// postpress.yaml: one digest, or a list of digests under `digests:` whose entries inherit the
// top-level keys. Every unknown key and bad value is an error at its line and column.
#include <yaml-cpp/yaml.h>

#include <set>

#include "postpress/driver.h"
#include "postpress/style.h"
#include "postpress/support/text.h"

namespace pp::driver {

namespace {

struct ConfigReader {
  fs::path file;
  fs::path folder;
  DiagnosticSink& diags;
  bool failed = false;

  SourceLoc at(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    return {file.string(), m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
  }
  void error(const YAML::Node& node, const std::string& message) {
    diags.error(at(node), "config", message);
    failed = true;
  }

  bool scalar(const YAML::Node& v, const std::string& key, std::string& out) {
    if (!v.IsScalar()) {
      error(v, "'" + key + "' must be a single value");
      return false;
    }
    out = v.Scalar();
    return true;
  }

  bool boolean(const YAML::Node& v, const std::string& key, bool& out) {
    std::string s;
    if (!scalar(v, key, s)) return false;
    std::string l = toLowerAscii(s);
    if (l == "true" || l == "yes" || l == "on") out = true;
    else if (l == "false" || l == "no" || l == "off") out = false;
    else {
      error(v, "'" + key + "' must be true or false, not '" + s + "'");
      return false;
    }
    return true;
  }

  bool integer(const YAML::Node& v, const std::string& key, int lo, int hi, int& out) {
    std::string s;
    if (!scalar(v, key, s)) return false;
    try {
      std::size_t used = 0;
      long n = std::stol(s, &used);
      if (used != s.size() || n < lo || n > hi) throw std::out_of_range(s);
      out = static_cast<int>(n);
      return true;
    } catch (const std::exception&) {
      error(v, "'" + key + "' must be a whole number from " + std::to_string(lo) + " to " +
                   std::to_string(hi) + ", not '" + s + "'");
      return false;
    }
  }

  bool stringList(const YAML::Node& v, const std::string& key, std::vector<std::string>& out) {
    out.clear();
    if (v.IsScalar()) {
      // "a, b" as well as a single value, as people write on the command line.
      for (auto& part : split(v.Scalar(), ','))
        if (!trim(part).empty()) out.emplace_back(trim(part));
      return true;
    }
    if (!v.IsSequence()) {
      error(v, "'" + key + "' must be a value or a list of values");
      return false;
    }
    for (const auto& item : v) {
      std::string s;
      if (!scalar(item, key, s)) return false;
      out.push_back(s);
    }
    return true;
  }

  bool oneOf(const YAML::Node& v, const std::string& key, std::initializer_list<const char*> allowed,
             std::string& out) {
    std::string s;
    if (!scalar(v, key, s)) return false;
    for (const char* a : allowed)
      if (s == a) {
        out = s;
        return true;
      }
    std::string list;
    for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
    error(v, "'" + key + "' must be one of " + list + ", not '" + s + "'");
    return false;
  }

  fs::path path(const std::string& value) const {
    fs::path p(value);
    return p.is_absolute() ? p : folder / p;
  }

  void date(const YAML::Node& v, const std::string& key, std::optional<DateTime>& out) {
    std::string s;
    if (!scalar(v, key, s)) return;
    auto d = parseDateTime(s);
    if (!d) {
      error(v, "'" + key + "' must be a date like 2025-11-30, not '" + s + "'");
      return;
    }
    out = d;
  }

  void selection(const YAML::Node& node, Selection& sel) {
    if (!node.IsMap()) {
      error(node, "'select' must be a mapping of filters (tags, since, until, quarter, ...)");
      return;
    }
    for (const auto& kv : node) {
      std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "tags" || key == "tag") stringList(v, key, sel.tags);
      else if (key == "exclude_tags" || key == "exclude_tag") stringList(v, key, sel.excludeTags);
      else if (key == "authors" || key == "author") stringList(v, key, sel.authors);
      else if (key == "since") date(v, key, sel.since);
      else if (key == "until") date(v, key, sel.until);
      else if (key == "quarter") {
        std::string s;
        int y = 0, q = 0;
        if (scalar(v, key, s)) {
          if (parseQuarter(s, y, q)) sel.quarter = s;
          else error(v, "'quarter' must look like 2025Q4, not '" + s + "'");
        }
      } else if (key == "year") integer(v, key, 1900, 9999, sel.year);
      else if (key == "lang" || key == "language") scalar(v, key, sel.language);
      else if (key == "drafts") boolean(v, key, sel.drafts);
      else if (key == "limit") integer(v, key, 0, 1000000, sel.limit);
      else if (key == "newest_first") boolean(v, key, sel.newestFirst);
      else error(kv.first, "unknown selection key '" + key +
                               "' (known: tags, exclude_tags, authors, since, until, quarter, year, "
                               "lang, drafts, limit, newest_first)");
    }
  }

  void part(const YAML::Node& v, const std::string& key, int& out) {
    bool b = false;
    if (boolean(v, key, b)) out = b ? 1 : 0;
  }

  // Applies one mapping's keys onto spec. `top` allows `digests`, entries allow `name`.
  void digestKeys(const YAML::Node& node, DigestSpec& spec, bool top, bool& outputSet, bool& formatsSet) {
    for (const auto& kv : node) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const YAML::Node& v = kv.second;
      std::string s;
      if (key == "digests" && top) continue;  // read by the caller
      if (key == "name" && !top) scalar(v, key, spec.name);
      else if (key == "site") {
        if (scalar(v, key, s)) spec.site.root = path(s);
      } else if (key == "posts") scalar(v, key, spec.site.postsGlob);
      else if (key == "tag_source") oneOf(v, key, {"auto", "tags", "categories", "both"}, spec.site.tagSource);
      else if (key == "select") selection(v, spec.selection);
      else if (key == "title") scalar(v, key, spec.publication.title);
      else if (key == "subtitle") scalar(v, key, spec.publication.subtitle);
      else if (key == "language") scalar(v, key, spec.publication.language);
      else if (key == "group_by") oneOf(v, key, {"none", "month", "tag"}, spec.publication.groupBy);
      else if (key == "link_notes") oneOf(v, key, {"endnotes", "footnotes", "none"}, spec.publication.linkNotes);
      else if (key == "cover") part(v, key, spec.publication.cover);
      else if (key == "brief") part(v, key, spec.publication.brief);
      else if (key == "toc") part(v, key, spec.publication.toc);
      else if (key == "tag_index") part(v, key, spec.publication.tagIndex);
      else if (key == "author_index") part(v, key, spec.publication.authorIndex);
      else if (key == "qr_codes") part(v, key, spec.publication.qrCodes);
      else if (key == "logo") {
        if (scalar(v, key, s)) spec.publication.logo = path(s).string();
      } else if (key == "cover_image") {
        if (scalar(v, key, s)) spec.publication.coverImage = path(s).string();
      } else if (key == "style") {
        if (scalar(v, key, s)) {
          bool isFile = s.find('/') != std::string::npos || endsWith(s, ".yaml") || endsWith(s, ".yml");
          spec.style = isFile ? path(s).string() : s;
        }
      } else if (key == "paper") {
        float w = 0, h = 0;
        if (scalar(v, key, s)) {
          if (parsePaper(s, w, h)) spec.paper = s;
          else error(v, "'paper' must be letter, a4, a5, legal or a size like 6x9in, not '" + s + "'");
        }
      } else if (key == "formats" || key == "format") {
        std::vector<std::string> formats;
        if (stringList(v, key, formats)) {
          bool good = !formats.empty();
          for (const auto& f : formats)
            if (f != "pdf" && f != "epub") good = false;
          if (good) {
            spec.formats = formats;
            formatsSet = true;
          } else {
            error(v, "'" + key + "' must list pdf and/or epub");
          }
        }
      } else if (key == "output") {
        if (scalar(v, key, s)) {
          spec.output = path(s);
          outputSet = true;
        }
      } else if (key == "dpi") integer(v, key, 72, 1200, spec.dpi);
      else if (key == "epub_max_side") integer(v, key, 64, 10000, spec.epubMaxSide);
      else if (key == "jpeg_quality") integer(v, key, 1, 100, spec.jpegQuality);
      else if (key == "grayscale") boolean(v, key, spec.grayscale);
      else if (key == "drafts") boolean(v, key, spec.site.drafts);
      else
        error(kv.first, "unknown key '" + key + "'" +
                            (key == "name" && top ? " at the top level (names belong to entries under digests:)" : ""));
    }
  }
};

// An output naming a format's extension implies that format when none is listed.
void finishSpec(DigestSpec& spec, bool outputSet, bool formatsSet, const fs::path& folder) {
  if (!outputSet) spec.output = folder / "out" / (spec.name.empty() ? "digest" : spec.name);
  std::string ext = spec.output.extension().string();
  if (!formatsSet && (ext == ".pdf" || ext == ".epub")) spec.formats = {ext.substr(1)};
}

}  // namespace
}  // namespace pp::driver

namespace pp {

// The stage's own helpers above; the stage's contract (postpress/driver.h) below.
using namespace driver;

std::vector<DigestSpec> loadConfig(const fs::path& file, const std::string& only, DiagnosticSink& diags) {
  std::vector<DigestSpec> specs;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    diags.error({file.string(), 0, 0}, "config", "cannot read the configuration file");
    return specs;
  } catch (const YAML::ParserException& e) {
    diags.error({file.string(), e.mark.line + 1, e.mark.column + 1}, "config", "YAML syntax error: " + e.msg);
    return specs;
  }
  if (!root.IsMap()) {
    diags.error({file.string(), 1, 1}, "config", "the configuration must be a mapping of keys");
    return specs;
  }
  fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  ConfigReader reader{file, folder, diags};

  DigestSpec base;
  base.site.root = folder;
  base.where = {file.string(), 1, 1};
  bool baseOutput = false, baseFormats = false;
  reader.digestKeys(root, base, true, baseOutput, baseFormats);

  const YAML::Node list = root["digests"];
  if (!list) {
    finishSpec(base, baseOutput, baseFormats, folder);
    specs.push_back(base);
  } else if (!list.IsSequence()) {
    reader.error(list, "'digests' must be a list of digests");
  } else {
    std::set<std::string> names;
    for (const auto& entry : list) {
      if (!entry.IsMap()) {
        reader.error(entry, "each digest must be a mapping of keys");
        continue;
      }
      DigestSpec spec = base;
      spec.where = reader.at(entry);
      bool outputSet = false, formatsSet = baseFormats;
      reader.digestKeys(entry, spec, false, outputSet, formatsSet);
      if (spec.name.empty()) spec.name = "digest-" + std::to_string(specs.size() + 1);
      if (!names.insert(spec.name).second)
        reader.error(entry, "two digests are named '" + spec.name + "'");
      // A top-level output is a folder for the entries (they cannot all write one file).
      if (!outputSet && baseOutput) {
        spec.output = base.output / spec.name;
        outputSet = true;
      }
      finishSpec(spec, outputSet, formatsSet, folder);
      specs.push_back(std::move(spec));
    }
  }
  if (reader.failed) return {};

  if (!only.empty()) {
    std::vector<DigestSpec> kept;
    std::string available;
    for (auto& s : specs) {
      if (s.name == only) kept.push_back(s);
      available += (available.empty() ? "" : ", ") + s.name;
    }
    if (kept.empty())
      diags.error({file.string(), 0, 0}, "config", "no digest named '" + only + "' (available: " + available + ")");
    return kept;
  }
  return specs;
}

}  // namespace pp
