// A digest's diagnostics as the user reads them: filtered by the rules of postpress.yaml and
// the command line, with the site's files named from the current folder.
#include <string>
#include <system_error>
#include <unordered_map>

#include "postpress/driver.h"

namespace pp {

namespace {

// "_posts/x.md" of a site in "blog/" is "blog/_posts/x.md" from where postpress runs. A path
// that already names a file from here (an output, a config as given) is left as it is, and so
// is one that names no file under the site either.
std::string rebasedOnSite(const std::string& path, const fs::path& root) {
  const fs::path given(path);
  std::error_code ec;
  if (given.is_absolute() || fs::exists(given, ec)) return path;
  const fs::path onSite = root / given;
  if (!fs::exists(onSite, ec)) return path;
  fs::path shown = onSite.lexically_normal();
  if (shown.is_absolute()) {
    // From the current folder when the site is below it; else the absolute path.
    const fs::path here = fs::current_path(ec);
    if (!ec) {
      const fs::path relative = shown.lexically_relative(here);
      if (!relative.empty() && *relative.begin() != "..") shown = relative;
    }
  }
  return shown.string();
}

// rebasedOnSite once per path: a noisy blog's thousands of warnings name a few hundred files,
// and each answer costs two file-system lookups. The sink calls its filter under its own lock,
// so the memo needs none.
class SitePaths {
 public:
  explicit SitePaths(fs::path root) : root_(std::move(root)) {}
  void rebase(SourceLoc& loc) {
    if (loc.path.empty() || root_.empty() || root_ == ".") return;
    auto [at, added] = shown_.try_emplace(loc.path);
    if (added) at->second = rebasedOnSite(loc.path, root_);
    loc.path = at->second;
  }

 private:
  fs::path root_;
  std::unordered_map<std::string, std::string> shown_;
};

}  // namespace

void applyDiagnosticRules(DiagnosticSink& diags, const DigestSpec& spec, const DiagnosticPolicy& commandLine) {
  DiagnosticPolicy policy = spec.diagnostics;
  policy.mergeFrom(commandLine);
  diags.setFilter([policy = std::move(policy), paths = SitePaths(spec.site.root)](Diagnostic& d) mutable {
    paths.rebase(d.loc);
    return policy.apply(d);
  });
}

}  // namespace pp
