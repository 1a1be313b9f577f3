// postpress.yaml: one digest, or a list of digests under `digests:` whose entries inherit the
// top-level keys. The keys and their values are the option table's (include/postpress/options.h),
// read by the same rules as the command line's. Every unknown key and bad value is an error at
// its line and column.
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "driver/outputs.h"
#include "postpress/driver.h"
#include "postpress/support/text.h"

namespace pp::driver {

namespace {

// Which of a digest's keys were given, for what their absence means.
struct GivenKeys {
  bool output = false;   // else out/NAME beside the config
  bool formats = false;  // else the output's extension may choose
};

std::string knownKeys(ConfigSection section) {
  std::string known;
  for (const OptionSpec& o : kOptions)
    if (o.section == section) known += (known.empty() ? "" : ", ") + std::string(o.key);
  return known;
}

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

  // A key's value as texts: one scalar, or for a list a sequence of them or "a, b".
  bool texts(const YAML::Node& v, const std::string& key, const OptionSpec& o, std::vector<std::string>& out) {
    const bool listed = o.type == OptionType::List || o.type == OptionType::Formats;
    if (listed && v.IsSequence()) {
      for (const auto& item : v) {
        if (!item.IsScalar()) {
          error(item, "'" + key + "' must be a single value");
          return false;
        }
        out.push_back(item.Scalar());
      }
      return true;
    }
    if (!v.IsScalar()) {
      error(v, "'" + key + (listed ? "' must be a value or a list of values" : "' must be a single value"));
      return false;
    }
    if (o.type != OptionType::List) {
      out.push_back(v.Scalar());
      return true;
    }
    // "a, b" as well as a single value, as people write on the command line.
    for (auto& part : split(v.Scalar(), ','))
      if (!trim(part).empty()) out.emplace_back(trim(part));
    return true;
  }

  // One key, read and checked by the option table's rules, onto the digest.
  void read(const YAML::Node& v, const std::string& key, const OptionSpec& o, DigestSpec& spec, GivenKeys& given) {
    std::vector<std::string> t;
    if (!texts(v, key, o, t)) return;
    OptionValue value;
    if (auto problem = readOptionValue(o, std::move(t), value)) {
      error(v, "'" + key + "' " + *problem);
      return;
    }
    setDigestOption(spec, o.id, value, folder);
    if (o.id == OptionId::Output) given.output = true;
    if (o.id == OptionId::Formats) given.formats = true;
  }

  void selection(const YAML::Node& node, DigestSpec& spec, GivenKeys& given) {
    if (!node.IsMap()) {
      error(node, "'select' must be a mapping of filters (tags, since, until, quarter, ...)");
      return;
    }
    for (const auto& kv : node) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (const OptionSpec* o = findConfigKey(ConfigSection::Select, key))
        read(kv.second, key, *o, spec, given);
      else
        error(kv.first, "unknown selection key '" + key + "' (known: " + knownKeys(ConfigSection::Select) + ")");
    }
  }

  // Applies one mapping's keys onto spec: the top level's (`top`) or an entry's under digests:.
  void digestKeys(const YAML::Node& node, DigestSpec& spec, bool top, GivenKeys& given) {
    const ConfigSection own = top ? ConfigSection::Top : ConfigSection::Entry;
    const ConfigSection other = top ? ConfigSection::Entry : ConfigSection::Top;
    for (const auto& kv : node) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      const OptionSpec* o = findConfigKey(ConfigSection::Digest, key);
      if (!o) o = findConfigKey(own, key);
      if (!o) {
        const char* elsewhere = !findConfigKey(other, key) ? ""
                                : top ? " at the top level (it belongs to entries under digests:)"
                                      : " in a digest (it belongs at the top level)";
        error(kv.first, "unknown key '" + key + "'" + elsewhere);
      } else if (o->id == OptionId::Select) {
        selection(kv.second, spec, given);
      } else if (o->id == OptionId::Diagnostics) {
        diagnosticRules(kv.second, spec.diagnostics);
      } else if (o->id != OptionId::Digests) {  // digests: is read by loadConfig
        read(kv.second, key, *o, spec, given);
      }
    }
  }

  // diagnostics: {ignore: [codes], deny: [codes]}: the config's own -W no-CODE and --deny.
  void diagnosticRules(const YAML::Node& node, DiagnosticPolicy& policy) {
    if (!node.IsMap()) {
      error(node, "'diagnostics' must be a mapping: ignore: [codes], deny: [codes]");
      return;
    }
    for (const auto& kv : node) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      if (key != "ignore" && key != "deny") {
        error(kv.first, "unknown key '" + key + "' in diagnostics (known: ignore, deny)");
        continue;
      }
      std::vector<std::string> codes;
      if (!texts(kv.second, key, option(OptionId::Deny), codes)) continue;
      for (std::string& text : codes)
        for (std::string& code : splitListText(text)) {
          if (code.empty()) continue;
          (key == "ignore" ? policy.silenced : policy.denied).insert(code);
        }
    }
  }

  void finish(DigestSpec& spec, const GivenKeys& given, const YAML::Node& node) {
    const bool named = given.output;
    if (!given.output) {
      spec.output = folder / "out" / fs::path(spec.name.empty() ? option(OptionId::Output).defaultValue : spec.name);
      spec.outputRoot = folder;
    }
    if (auto problem = settleFormats(spec, given.formats, named)) error(node, *problem);
  }
};

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
  GivenKeys baseGiven;
  reader.digestKeys(root, base, true, baseGiven);

  const YAML::Node list = root["digests"];
  if (!list) {
    reader.finish(base, baseGiven, root);
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
      GivenKeys given{.output = false, .formats = baseGiven.formats};
      reader.digestKeys(entry, spec, false, given);
      if (spec.name.empty()) spec.name = "digest-" + std::to_string(specs.size() + 1);
      if (!names.insert(spec.name).second)
        reader.error(entry, "two digests are named '" + spec.name + "'");
      // A top-level output is a folder for the entries (they cannot all write one file).
      if (!given.output && baseGiven.output) {
        spec.output = base.output / spec.name;
        given.output = true;
      }
      reader.finish(spec, given, entry);
      specs.push_back(std::move(spec));
    }
  }
  // Two digests writing one file would each replace the other's: refused before anything is
  // built (after an error above, two digests of one name already said it).
  std::map<fs::path, const DigestSpec*> writers;
  for (const DigestSpec& s : reader.failed ? std::vector<DigestSpec>{} : specs)
    for (const std::string& format : s.formats) {
      std::error_code ec;
      const fs::path target = fs::weakly_canonical(outputPathFor(s.output, format), ec);
      auto [it, fresh] = writers.emplace(target, &s);
      if (!fresh && it->second != &s) {
        diags.error(s.where, "config", "digests '" + it->second->name + "' and '" + s.name + "' both write " +
                                           outputPathFor(s.output, format).string());
        reader.failed = true;
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
