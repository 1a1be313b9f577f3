// Author and tag label files: Docusaurus blog/authors.yml and blog/tags.yml, Jekyll
// _data/authors.yml, Hugo data/authors.* and data/authors/<key>.*, MkDocs .authors.yml.
#include <algorithm>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

// One author entry: `key: {name, title, url, image, affiliation}` or `key: Display Name`.
Author authorEntry(const std::string& key, const Meta& entry) {
  Author a;
  a.key = key;
  if (entry.isMap()) {
    for (const char* k : {"name", "display_name", "full_name"}) {
      if (a.name.empty()) a.name = scalarAt(entry, k);
    }
    for (const char* k : {"title", "role", "description", "bio"}) {
      if (a.title.empty()) a.title = scalarAt(entry, k);
    }
    for (const char* k : {"url", "website", "homepage", "page", "link"}) {
      if (a.url.empty()) a.url = scalarAt(entry, k);
    }
    for (const char* k : {"image_url", "imageURL", "image", "avatar", "photo"}) {
      if (a.image.empty()) a.image = scalarAt(entry, k);
    }
    for (const char* k : {"affiliation", "organization", "organisation", "company", "org", "employer"}) {
      if (a.affiliation.empty()) a.affiliation = scalarAt(entry, k);
    }
  } else if (entry.isScalar()) {
    a.name = std::string(trim(entry.text));
  }
  if (a.name.empty()) a.name = key;
  return a;
}

namespace {

// Calls use(key, value) for each entry of a data file's top-level map (or of the map its only
// key holds, when that key is `nest`: MkDocs Material's `authors:`).
template <class Use>
void forEachEntry(const fs::path& root, const fs::path& file, const std::string& displayPath, const char* nest,
                  DiagnosticSink& diags, Use use) {
  Meta data;
  if (!readConfigFile(root, file, displayPath, data, diags)) return;
  const Meta* map = &data;
  if (const Meta* nested = nest ? data.find(nest) : nullptr; nested && nested->isMap() && data.keys.size() == 1) {
    map = nested;
  }
  for (std::size_t i = 0; i < map->keys.size(); ++i) use(map->keys[i], map->values[i]);
}

}  // namespace

void readAuthorsFile(const fs::path& root, const fs::path& file, const std::string& displayPath,
                     std::map<std::string, Author>& authors, DiagnosticSink& diags) {
  forEachEntry(root, file, displayPath, "authors", diags,
               [&](const std::string& key, const Meta& entry) { authors[key] = authorEntry(key, entry); });
}

void readAuthorsFolder(const fs::path& dir, Site& site, DiagnosticSink& diags) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (isConfigName(entry.path().filename().string()) && entry.is_regular_file(ec)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    Meta data;
    if (!readConfigFile(site.root, file, relativeTo(site.root, file), data, diags)) continue;
    std::string key = stemOf(file.filename().string());
    if (!site.authors.count(key)) site.authors[key] = authorEntry(key, data);
  }
}

void readTagsFile(const fs::path& file, const std::string& displayPath, Site& site,
                  DiagnosticSink& diags) {
  forEachEntry(site.root, file, displayPath, nullptr, diags, [&](const std::string& key, const Meta& entry) {
    std::string label;
    if (entry.isMap()) label = scalarAt(entry, "label");
    if (entry.isScalar()) label = std::string(trim(entry.text));
    // Docusaurus: a tag declared without a label is shown as its key.
    site.tagLabels[key] = label.empty() ? key : label;
  });
}

}  // namespace pp::site
