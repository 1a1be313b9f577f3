// Eleventy: eleventy.config.{js,mjs,cjs} or .eleventy.js. Templates live in the input folder
// (`dir.input`, default the project root); posts are the ones the posts collection holds, which
// real blogs (and the official base blog) fill with a directory data file tagging a folder's
// templates `posts`. Site data, when there is any, is in _data/metadata.json or site.json.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/js_config.h"
#include "site/util.h"

namespace pp::site {

namespace {

std::string cleanFolder(std::string dir) {
  while (startsWith(dir, "./")) dir.erase(0, 2);
  while (!dir.empty() && dir.back() == '/') dir.pop_back();
  return dir == "." ? std::string() : dir;
}

// Site metadata from the global data folder: title, url, language, description, author.
void readSiteData(Site& site, SiteRules& rules, const fs::path& dataDir, DiagnosticSink& diags) {
  for (const char* name : {"metadata.json", "site.json", "metadata.yaml", "metadata.yml", "site.yaml", "site.yml"}) {
    fs::path file = dataDir / name;
    if (!isRegularFile(file)) continue;
    Meta data;
    if (!readConfigFile(site.root, file, relativeTo(site.root, file), data, diags)) continue;
    flatten(data, "", site.config);
    site.title = scalarAt(data, "title");
    site.description = scalarAt(data, "description");
    std::string path;
    splitBaseUrl(scalarAt(data, "url"), site.url, path);
    if (!path.empty()) site.baseurl = path;
    for (const char* key : {"language", "lang", "locale"}) {
      if (std::string lang = scalarAt(data, key); !lang.empty() && site.language == "en") site.language = lang;
    }
    rules.siteAuthor = singleSiteAuthor(data);
    return;
  }
}

}  // namespace

void readEleventyConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  std::string text = readJsConfig(site, diags);
  std::string_view dir = jsObjectProperty(text, "dir");
  std::string input = cleanFolder(dir.empty() ? std::string() : jsStringProperty(dir, "input"));
  std::string data = dir.empty() ? std::string() : jsStringProperty(dir, "data");
  fs::path inputDir = configFolder(site, "dir.input", input, "", diags).lexically_normal();
  if (!isDirectory(inputDir)) inputDir = site.root;
  site.contentDir = inputDir;
  addContentRoot(rules, inputDir, "");
  // The data folder is relative to the input folder (`../_data` reaches the project root).
  fs::path dataDir = (inputDir / (data.empty() ? std::string("_data") : data)).lexically_normal();
  readSiteData(site, rules, dataDir, diags);
  if (std::string prefix = jsStringProperty(text, "pathPrefix"); !prefix.empty()) {
    site.baseurl = normaliseBasePath(prefix);
  }
  // Passthrough copies put folders at the site root: the input folder's, public/'s, the root's.
  site.staticRoots = {inputDir, site.root / "public", site.root};
  site.permalink = "/:path/";
  site.math = text.find("katex") != std::string::npos || text.find("mathjax") != std::string::npos;
}

}  // namespace pp::site
