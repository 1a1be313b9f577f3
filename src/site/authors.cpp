// Authors and tag label files: Docusaurus blog/authors.yml and blog/tags.yml, Jekyll
// _data/authors.yml.
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

void readAuthorsFile(const fs::path& file, const std::string& displayPath, Site& site,
                     DiagnosticSink& diags) {
  Meta data;
  if (!readConfigFile(site.root, file, displayPath, data, diags)) return;
  for (std::size_t i = 0; i < data.keys.size(); ++i) {
    const Meta& entry = data.values[i];
    Author a;
    a.key = data.keys[i];
    if (entry.isMap()) {
      for (const char* key : {"name", "display_name", "full_name"}) {
        if (a.name.empty()) a.name = scalarAt(entry, key);
      }
      a.title = scalarAt(entry, "title");
      a.url = scalarAt(entry, "url");
      for (const char* key : {"image_url", "imageURL", "image", "avatar"}) {
        if (a.image.empty()) a.image = scalarAt(entry, key);
      }
    } else if (entry.isScalar()) {
      a.name = std::string(trim(entry.text));  // `key: Display Name`
    }
    if (a.name.empty()) a.name = a.key;
    site.authors[a.key] = std::move(a);
  }
}

void readTagsFile(const fs::path& file, const std::string& displayPath, Site& site,
                  DiagnosticSink& diags) {
  Meta data;
  if (!readConfigFile(site.root, file, displayPath, data, diags)) return;
  for (std::size_t i = 0; i < data.keys.size(); ++i) {
    const Meta& entry = data.values[i];
    std::string label;
    if (entry.isMap()) label = scalarAt(entry, "label");
    if (entry.isScalar()) label = std::string(trim(entry.text));
    // Docusaurus: a tag declared without a label is shown as its key.
    site.tagLabels[data.keys[i]] = label.empty() ? data.keys[i] : label;
  }
}

}  // namespace pp::site
