#include "driver/outputs.h"

#include <set>
#include <system_error>

#include "postpress/support/files.h"
#include "postpress/style.h"

namespace pp::driver {

fs::path outputPathFor(const fs::path& base, const std::string& format) {
  if (base == fs::path(kStandardOutput)) return base;
  std::string ext = "." + format;
  if (base.extension() == ext) return base;
  fs::path p = base;
  p += ext;
  return p;
}

bool ensureParentFolder(const fs::path& file, DiagnosticSink& diags) {
  fs::path parent = file.parent_path();
  if (parent.empty()) return true;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec || !fs::is_directory(parent)) {
    diags.error({file.string(), 0, 0}, "output-folder",
                "cannot create the output folder '" + parent.string() + "': " + ec.message());
    return false;
  }
  return true;
}

std::vector<fs::path> digestInputs(const DigestSpec& spec, const Site& site, const AssetStore* assets) {
  std::vector<fs::path> in;
  for (const Post& p : site.posts) in.push_back(p.file);
  if (!site.configPath.empty()) in.push_back(site.root / site.configPath);
  if (!spec.where.path.empty()) in.push_back(spec.where.path);
  if (isStyleFile(spec.style)) in.push_back(spec.style);
  for (const std::string& f : {spec.publication.logo, spec.publication.coverImage})
    if (!f.empty()) in.emplace_back(f);
  for (std::size_t i = 0; assets && i < assets->size(); ++i)
    if (!assets->at(static_cast<int>(i)).file.empty()) in.push_back(assets->at(static_cast<int>(i)).file);
  return in;
}

}  // namespace pp::driver

namespace pp {

std::optional<std::string> outputProblem(const fs::path& target, const fs::path& outputRoot,
                                         const std::vector<fs::path>& inputs) {
  if (target == fs::path(kStandardOutput)) return std::nullopt;  // replaces no file
  const fs::path real = followOutputLinks(target);
  if (!outputRoot.empty() && !isInside(outputRoot, real))
    return "the output is outside the folder of the configuration that names it (" + outputRoot.string() +
           "); give it with -o to write there";
  const auto id = fileIdentity(real);
  if (!id) return std::nullopt;  // a new file replaces nothing
  for (const fs::path& p : inputs)
    if (fileIdentity(p) == id) return "the output would replace '" + p.string() + "', which the build reads";
  return std::nullopt;
}

}  // namespace pp

namespace pp::driver {

void replayNamingTarget(const DiagnosticSink& from, DiagnosticSink& to, const fs::path& staged, const fs::path& target) {
  const std::string s = staged.string(), t = target.string();
  from.replayInto(to, [&](Diagnostic& d) {
    if (s.empty() || s == t) return;
    if (d.loc.path == s) d.loc.path = t;
    for (std::size_t at = d.message.find(s); at != std::string::npos; at = d.message.find(s, at + t.size()))
      d.message.replace(at, s.size(), t);
  });
}

}  // namespace pp::driver
