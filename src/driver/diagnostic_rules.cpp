// A digest's diagnostics as the user reads them: filtered by the rules of postpress.yaml and
// the command line, with the site's files named from the current folder.
#include <system_error>

#include "postpress/driver.h"

namespace pp {

namespace {

// "_posts/x.md" of a site in "blog/" is "blog/_posts/x.md" from where postpress runs. A path
// that already names a file from here (an output, a config as given) is left as it is, and so
// is one that names no file under the site either.
void rebaseOnSite(SourceLoc& loc, const fs::path& root) {
  if (loc.path.empty() || root.empty() || root == ".") return;
  const fs::path given(loc.path);
  std::error_code ec;
  if (given.is_absolute() || fs::exists(given, ec)) return;
  const fs::path onSite = root / given;
  if (!fs::exists(onSite, ec)) return;
  fs::path shown = onSite.lexically_normal();
  if (shown.is_absolute()) {
    // From the current folder when the site is below it; else the absolute path.
    const fs::path here = fs::current_path(ec);
    if (!ec) {
      const fs::path relative = shown.lexically_relative(here);
      if (!relative.empty() && *relative.begin() != "..") shown = relative;
    }
  }
  loc.path = shown.string();
}

}  // namespace

void applyDiagnosticRules(DiagnosticSink& diags, const DigestSpec& spec, const DiagnosticPolicy& commandLine) {
  DiagnosticPolicy policy = spec.diagnostics;
  policy.mergeFrom(commandLine);
  diags.setFilter([policy = std::move(policy), root = spec.site.root](Diagnostic& d) {
    rebaseOnSite(d.loc, root);
    return policy.apply(d);
  });
}

}  // namespace pp
