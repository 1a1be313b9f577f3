#include "cli/args.h"

#include <cstdio>
#include <cstdlib>

#include "postpress/support/build_time.h"

namespace pp::cli {


void GivenOptions::addTo(CLI::App& app, Command command) {
  for (const OptionSpec& o : kOptions) {
    if (!(o.commands & command) || o.id == OptionId::Help || o.id == OptionId::Version) continue;
    Slot& s = slots_[static_cast<std::size_t>(o.id)];
    std::string names = "--" + std::string(o.flag);
    if (o.shortFlag) names = std::string{'-', o.shortFlag, ','} + names;
    const std::string help = helpLine(o);
    if (o.type == OptionType::Flag) s.option = app.add_flag(names, s.flag, help);
    else if (o.type == OptionType::List) s.option = app.add_option(names, s.list, help);
    else s.option = app.add_option(names, s.text, help);
    if (!o.valueName.empty()) s.option->type_name(std::string(o.valueName));
    if (!o.group.empty()) s.option->group(std::string(o.group));  // an empty group would hide it
  }
}

std::optional<std::string> GivenOptions::read() {
  for (const OptionSpec& o : kOptions) {
    Slot& s = slots_[static_cast<std::size_t>(o.id)];
    if (!s.option || s.option->count() == 0) continue;
    std::vector<std::string> texts = o.type == OptionType::Flag ? std::vector<std::string>{o.flagValue ? "true" : "false"}
                                     : o.type == OptionType::List ? s.list
                                                                  : std::vector<std::string>{s.text};
    if (auto problem = readOptionValue(o, std::move(texts), s.value)) return spelling(o) + " " + *problem;
    s.given = true;
  }
  return std::nullopt;
}

std::vector<OptionId> GivenOptions::ids() const {
  std::vector<OptionId> ids;
  for (const OptionSpec& o : kOptions)
    if (has(o.id)) ids.push_back(o.id);
  return ids;
}

bool GivenOptions::on(OptionId id) const { return has(id) ? slot(id).value.on : optionDefaultBool(id); }

std::string spelling(const OptionSpec& o) {
  const std::string name = "--" + std::string(o.flag);
  return o.shortFlag ? std::string{'-', o.shortFlag, '/'} + name : name;
}

std::optional<std::string> toDigestSpec(const GivenOptions& given, DigestSpec& spec) {
  for (OptionId id : given.ids()) setDigestOption(spec, id, given[id], {});
  std::error_code ec;
  if (!fs::is_directory(spec.site.root, ec)) return "--site: '" + spec.site.root.string() + "' is not a folder";
  const Selection& sel = spec.selection;
  if (sel.since && sel.until && sel.until->compareDay(*sel.since) < 0)
    return "--until " + given[OptionId::Until].text() + " is before --since " + given[OptionId::Since].text();
  spec.publication.buildEpoch = buildEpoch();
  return settleFormats(spec, given.has(OptionId::Formats));
}

bool anySelectionGiven(const GivenOptions& given) {
  // The options `list` takes that postpress.yaml also has pick posts; a config picks its own.
  for (OptionId id : given.ids())
    if ((option(id).commands & kList) && !option(id).key.empty()) return true;
  return false;
}

int usageError(const std::string& message) {
  std::fprintf(stderr, "postpress: error: %s\nRun with --help for usage.\n", message.c_str());
  return kExitUsage;
}


}  // namespace pp::cli
