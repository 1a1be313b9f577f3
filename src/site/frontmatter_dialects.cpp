// What each generator's front matter means, brought to the keys the metadata rules read
// (metadata.cpp): Zola's [taxonomies], MkDocs' date map, Pelican's Status and `;` lists,
// Eleventy's collection tags and date keywords, Quarto's US dates. Also the folder data every
// post of a folder inherits (Eleventy directory data, Quarto _metadata.yml, MkDocs .meta.yml).
#include <set>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

namespace {

Meta scalar(std::string text) {
  Meta m;
  m.kind = Meta::Kind::Scalar;
  m.text = std::move(text);
  return m;
}

Meta list(const std::vector<std::string>& items) {
  Meta m;
  m.kind = Meta::Kind::List;
  for (const std::string& item : items) m.values.push_back(scalar(item));
  return m;
}

// Replaces a key's value, keeping where it was written (diagnostics point at the key).
void replace(Meta& fm, std::string_view key, Meta value) {
  int i = fm.indexOf(key);
  if (i < 0) {
    fm.set(std::string(key), std::move(value));
    return;
  }
  value.line = fm.values[static_cast<std::size_t>(i)].line;
  value.col = fm.values[static_cast<std::size_t>(i)].col;
  fm.values[static_cast<std::size_t>(i)] = std::move(value);
}

void remove(Meta& fm, std::string_view key) {
  int i = fm.indexOf(key);
  if (i < 0) return;
  auto at = static_cast<std::size_t>(i);
  fm.keys.erase(fm.keys.begin() + static_cast<long>(at));
  fm.values.erase(fm.values.begin() + static_cast<long>(at));
  if (at < fm.keyLines.size()) fm.keyLines.erase(fm.keyLines.begin() + static_cast<long>(at));
  if (at < fm.keyCols.size()) fm.keyCols.erase(fm.keyCols.begin() + static_cast<long>(at));
}

// `tags = ["a"]` under [taxonomies] (Zola), lifted to the top when the page has none there.
void liftTaxonomies(Meta& fm) {
  const Meta* tax = fm.find("taxonomies");
  if (!tax || !tax->isMap()) return;
  Meta copy = *tax;
  for (const char* key : {"tags", "categories", "authors"}) {
    if (const Meta* v = copy.find(key); v && !fm.find(key)) fm.set(key, *v);
  }
}

// Pelican and Python-Markdown metadata are strings: `Tags: a, b` or, with semicolons,
// `Tags: python; tools, build` (a tag may then hold a comma).
void splitPelicanList(Meta& fm, const char* key) {
  const Meta* v = fm.find(key);
  if (!v || !v->isScalar()) return;
  std::string text = v->text;
  char sep = text.find(';') != std::string::npos ? ';' : ',';
  std::vector<std::string> items;
  for (const std::string& part : split(text, sep)) {
    if (!trim(part).empty()) items.emplace_back(trim(part));
  }
  replace(fm, key, list(items));
}

// The dynamic date keywords of Eleventy ("Last Modified", "git Created") and Quarto
// ("today", "last-modified"): no date the source holds.
bool isDateKeyword(std::string_view value) {
  std::string v = toLowerAscii(trim(value));
  for (std::string_view k : {"last modified", "created", "git last modified", "git created", "today", "now",
                             "last-modified"}) {
    if (v == k) return true;
  }
  return false;
}

}  // namespace

void adaptFrontMatter(const Site& site, const SiteRules& rules, const PostContext& ctx, Meta& fm) {
  switch (site.generator) {
    case Generator::Zola: liftTaxonomies(fm); break;
    case Generator::MkDocs:
      // `date: {created: …, updated: …}`: the post's date is its creation.
      if (const Meta* d = fm.find("date"); d && d->isMap()) {
        std::string created = scalarAt(*d, "created");
        if (created.empty() && !d->values.empty()) created = d->values.front().scalar();
        replace(fm, "date", scalar(created));
      }
      break;
    case Generator::Pelican: {
      splitPelicanList(fm, "tags");
      if (const Meta* v = fm.find("status"); v && v->isScalar()) {
        std::string status = toLowerAscii(trim(v->text));
        if (status == "draft" || status == "hidden" || status == "skip") fm.set("draft", scalar("true"));
      }
      // The folder a file sits in is its category, unless its metadata names one.
      if (rules.folderIsCategory && !fm.find("category") && !fm.find("categories")) {
        std::string folder = ctx.contentRel.substr(0, ctx.contentRel.rfind('/') == std::string::npos
                                                          ? 0
                                                          : ctx.contentRel.rfind('/'));
        if (!folder.empty()) fm.set("category", scalar(folder.substr(folder.rfind('/') + 1)));
      }
      break;
    }
    case Generator::Eleventy:
      if (const Meta* d = fm.find("date"); d && d->isScalar() && isDateKeyword(d->text)) remove(fm, "date");
      // Collection tags put a template in a list; they are not a subject.
      if (const Meta* t = fm.find("tags")) {
        std::vector<std::string> kept;
        for (const std::string& tag : stringList(t)) {
          std::string k = toLowerAscii(tag);
          if (k != "posts" && k != "post" && k != "all" && k != "nav" && k != "blog") kept.push_back(tag);
        }
        replace(fm, "tags", list(kept));
      }
      break;
    case Generator::Quarto:
      if (const Meta* d = fm.find("date"); d && d->isScalar()) {
        if (isDateKeyword(d->text)) {
          remove(fm, "date");
        } else if (!parseDateTime(d->text)) {
          if (auto us = parseUsDate(d->text)) replace(fm, "date", scalar(us->isoDate()));
        }
      }
      break;
    case Generator::Astro:
      // AstroPaper's keys.
      if (!fm.find("date") && fm.find("pubDatetime")) fm.set("date", *fm.find("pubDatetime"));
      break;
    default: break;
  }
}

namespace {

// The data files that give every post of `dir` defaults, nearest last.
std::vector<fs::path> folderDataFiles(const Site& site, const fs::path& dir) {
  std::string name = dir.filename().string();
  switch (site.generator) {
    case Generator::Eleventy: return {dir / (name + ".11tydata.json"), dir / (name + ".json")};
    case Generator::Quarto: return {dir / "_metadata.yml", dir / "_metadata.yaml"};
    case Generator::MkDocs: return {dir / ".meta.yml", dir / ".meta.yaml"};
    default: return {};
  }
}

}  // namespace

void applyFolderData(const Site& site, const fs::path& file, Meta& fm) {
  if (site.generator != Generator::Eleventy && site.generator != Generator::Quarto &&
      site.generator != Generator::MkDocs)
    return;
  // Folders from the post's own up to the site root; the nearest wins.
  std::vector<fs::path> folders;
  for (fs::path dir = file.parent_path(); isInside(site.root, dir); dir = dir.parent_path()) {
    folders.push_back(dir);
    if (dir == site.root || folders.size() > 32) break;
  }
  std::set<std::string> tagsSeen;
  for (const std::string& t : stringList(fm.find("tags"))) tagsSeen.insert(t);
  std::vector<std::string> mergedTags(tagsSeen.begin(), tagsSeen.end());
  bool tagsMerged = false;
  for (const fs::path& dir : folders) {
    for (const fs::path& data : folderDataFiles(site, dir)) {
      if (!isRegularFile(data)) continue;
      Meta values;
      DiagnosticSink quiet;  // a broken data file costs its defaults, once per post: not told each time
      if (!readConfigFile(site.root, data, relativeTo(site.root, data), values, quiet)) continue;
      for (std::size_t i = 0; i < values.keys.size(); ++i) {
        const std::string& key = values.keys[i];
        // Eleventy's data cascade merges tags from every level.
        if (site.generator == Generator::Eleventy && iequals(key, "tags")) {
          for (const std::string& t : stringList(&values.values[i])) {
            if (tagsSeen.insert(t).second) mergedTags.push_back(t);
          }
          tagsMerged = true;
          continue;
        }
        if (!fm.find(key)) fm.set(key, values.values[i]);
      }
    }
  }
  if (tagsMerged) replace(fm, "tags", list(mergedTags));
}

}  // namespace pp::site
