// A post's authors: which front matter key names them, how a value (string, list, map) turns
// into people, and the site's author data those people may refer to by key.
#include <set>

#include "postpress/support/text.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp {

std::string Author::byline() const {
  if (affiliation.empty()) return name;
  return name + " (" + affiliation + ")";
}

}  // namespace pp

namespace pp::site {

namespace {

const Author* findIn(const std::map<std::string, Author>& authors, const std::string& key) {
  if (key.empty() || authors.empty()) return nullptr;
  if (auto it = authors.find(key); it != authors.end()) return &it->second;
  std::string k = matchKey(key);
  for (const auto& [name, author] : authors) {
    if (matchKey(name) == k) return &author;
  }
  return nullptr;
}

// The site's author data as a post sees it: its language's own entries first.
struct AuthorData {
  const Site& site;
  const std::map<std::string, Author>* language = nullptr;

  const Author* find(const std::string& key) const {
    if (language) {
      if (const Author* a = findIn(*language, key)) return a;
    }
    return findIn(site.authors, key);
  }
};

class AuthorList {
 public:
  explicit AuthorList(Post& post) : post_(post) {}

  void add(Author a) {
    a.name = std::string(trim(a.name));
    if (a.name.empty()) return;
    if (!seen_.insert(matchKey(a.name)).second) return;
    post_.authors.push_back(a.name);
    post_.authorDetails.push_back(std::move(a));
  }
  bool empty() const { return post_.authors.empty(); }

 private:
  Post& post_;
  std::set<std::string> seen_;
};

// A person written inline, completed by the site's data when its name is one of its keys.
Author withSiteData(const AuthorData& site, Author a) {
  if (!a.url.empty() || !a.affiliation.empty()) return a;
  if (const Author* known = site.find(a.name)) return *known;
  return a;
}

// Quarto and CSL write a name as `{given: Jane, family: Doe}` or `{literal: …}`.
std::string personName(const Meta& v) {
  if (v.isScalar()) return stripHtml(v.text);
  if (!v.isMap()) return {};
  for (const char* key : {"literal", "name", "display_name", "full_name"}) {
    if (std::string s = scalarAt(v, key); !s.empty()) return stripHtml(s);
  }
  std::string given = scalarAt(v, "given"), family = scalarAt(v, "family");
  return std::string(trim(given + " " + family));
}

// `affiliation: Acme`, `affiliations: [Acme, {name: Initech}]`.
std::string affiliationOf(const Meta& v) {
  std::string out;
  for (const char* key : {"affiliation", "affiliations", "organization", "organisation", "company", "org"}) {
    const Meta* a = v.find(key);
    if (!a) continue;
    std::vector<const Meta*> items;
    if (a->isList()) {
      for (const Meta& item : a->values) items.push_back(&item);
    } else {
      items.push_back(a);
    }
    for (const Meta* item : items) {
      std::string name = item->isMap() ? personName(*item) : stripHtml(item->scalar());
      if (!name.empty()) out += (out.empty() ? "" : ", ") + name;
    }
    if (!out.empty()) break;
  }
  return out;
}

void addValue(const AuthorData& site, const Meta& v, bool inList, AuthorList& out) {
  if (v.isScalar()) {
    std::string s(trim(v.text));
    if (const Author* known = site.find(s)) {
      out.add(*known);
      return;
    }
    for (Author& a : parseAuthorText(s, inList)) out.add(withSiteData(site, std::move(a)));
  } else if (v.isMap()) {
    Author a;
    const Meta* name = v.find("name");
    a.name = name ? personName(*name) : personName(v);
    std::string key = scalarAt(v, "key");
    if (a.name.empty() && !key.empty()) {
      if (const Author* known = site.find(key)) a = *known;
    }
    if (std::string url = scalarAt(v, "url"); !url.empty()) a.url = url;
    if (std::string aff = affiliationOf(v); !aff.empty()) a.affiliation = aff;
    if (a.title.empty()) a.title = scalarAt(v, "title");
    if (a.name.find('[') != std::string::npos || a.name.find('(') != std::string::npos) {
      // `name: "[Jane](…) (Acme)"`: the same syntax as a string.
      std::vector<Author> parsed = parseAuthorText(a.name, true);
      if (parsed.size() == 1) {
        if (a.url.empty()) a.url = parsed[0].url;
        if (a.affiliation.empty()) a.affiliation = parsed[0].affiliation;
        a.name = parsed[0].name;
      }
    }
    out.add(std::move(a));
  } else if (v.isList()) {
    for (const Meta& item : v.values) addValue(site, item, true, out);
  }
}

}  // namespace

void readAuthors(const Site& site, const SiteRules& rules, const Meta& fm, Post& post) {
  AuthorList list(post);
  AuthorData data{site};
  if (auto it = rules.authorsByLanguage.find(post.language); it != rules.authorsByLanguage.end()) {
    data.language = &it->second;
  }
  for (const char* key : {"authors", "author", "params.authors", "params.author", "extra.authors",
                          "extra.author"}) {
    const Meta* v = fm.path(key);
    if (!v || (v->isScalar() && trim(v->text).empty()) || ((v->isList() || v->isMap()) && v->values.empty()))
      continue;
    addValue(data, *v, false, list);
    if (!list.empty()) break;
  }
  // A site that names one author in its config (`author: Yuan Tang`) is a personal blog:
  // its posts without an author are that person's. A list or an empty name is no such
  // convention, and Docusaurus has none.
  if (list.empty() && !rules.siteAuthor.empty() && site.generator != Generator::Docusaurus) {
    for (Author& a : parseAuthorText(rules.siteAuthor, true)) list.add(withSiteData(data, std::move(a)));
  }
}

}  // namespace pp::site
