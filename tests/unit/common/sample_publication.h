// Hand-built Publications for the layout and PDF tests: no site, markdown or asset stage
// needed. The SamplePublication owns everything the Publication points at.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "postpress/assets.h"
#include "postpress/document.h"
#include "postpress/publication.h"
#include "postpress/site.h"

namespace pp::testing {

inline Inline text(std::string s) { return Inline::makeText(std::move(s)); }
inline Inline wrap(InlineKind k, std::vector<Inline> children) {
  Inline i;
  i.kind = k;
  i.children = std::move(children);
  return i;
}
inline Inline code(std::string s) {
  Inline i;
  i.kind = InlineKind::Code;
  i.text = std::move(s);
  return i;
}
inline Inline hyperlink(std::string url, std::string label, int post = -1, std::string anchor = "") {
  Inline i;
  i.kind = InlineKind::Link;
  i.link.url = std::move(url);
  i.link.post = post;
  i.link.anchor = std::move(anchor);
  i.children.push_back(text(std::move(label)));
  return i;
}
inline Inline footnoteRef(int index) {
  Inline i;
  i.kind = InlineKind::FootnoteRef;
  i.footnote = index;
  return i;
}

inline Block para(std::vector<Inline> inlines, int line = 0) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.inlines = std::move(inlines);
  b.pos.line = line;
  return b;
}
inline Block para(const std::string& s, int line = 0) { return para(std::vector<Inline>{text(s)}, line); }
inline Block heading(int level, const std::string& s, const std::string& id) {
  Block b;
  b.kind = BlockKind::Heading;
  b.level = level;
  b.id = id;
  b.inlines = {text(s)};
  return b;
}
inline Block codeBlock(const std::string& s, const std::string& lang = "") {
  Block b;
  b.kind = BlockKind::Code;
  b.text = s;
  b.info = lang;
  return b;
}
inline Block list(bool ordered, std::vector<std::vector<Block>> items, bool tight = true) {
  Block b;
  b.kind = ordered ? BlockKind::OrderedList : BlockKind::BulletList;
  b.tight = tight;
  for (auto& it : items) {
    Block li;
    li.kind = BlockKind::ListItem;
    li.children = std::move(it);
    b.children.push_back(std::move(li));
  }
  return b;
}
inline Block table(std::vector<std::vector<std::string>> rows, bool header = true) {
  Block b;
  b.kind = BlockKind::Table;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    TableRow row;
    row.header = header && r == 0;
    for (auto& c : rows[r]) row.cells.push_back({{text(c)}});
    b.rows.push_back(std::move(row));
  }
  if (!rows.empty()) b.aligns.assign(rows[0].size(), Align::None);
  return b;
}
inline Block quote(std::vector<Block> children) {
  Block b;
  b.kind = BlockKind::Quote;
  b.children = std::move(children);
  return b;
}
inline Block figure(int asset, const std::string& alt, const std::string& src = "img.png") {
  Block b;
  b.kind = BlockKind::Figure;
  b.image.asset = asset;
  b.image.alt = alt;
  b.image.src = src;
  return b;
}

// Deterministic filler prose: real English words (so hyphenation has something to do), in
// sentences of varied length.
inline std::string prose(int words, unsigned seed) {
  static const char* const kWords[] = {
      "the", "model", "serving", "platform", "scales", "inference", "across", "clusters",
      "with", "predictable", "latency", "and", "operators", "configure", "autoscaling",
      "through", "declarative", "resources", "while", "engineers", "measure", "throughput",
      "of", "distributed", "accelerators", "community", "contributors", "maintained",
      "comprehensive", "documentation", "for", "production", "deployments", "a",
      "reliable", "observability", "pipeline", "collects", "metrics", "from", "every",
      "component", "in", "real", "time", "organizations", "adopted", "standardized",
      "interfaces", "to", "simplify", "integration", "between", "heterogeneous", "systems",
      "is", "notably", "faster", "than", "previous", "generations", "on", "benchmarks"};
  constexpr std::size_t n = sizeof(kWords) / sizeof(kWords[0]);
  std::string out;
  unsigned s = seed * 2654435761u + 17;
  bool capital = true;
  int sinceStop = 0;
  for (int i = 0; i < words; ++i) {
    s = s * 1103515245u + 12345u;
    std::string w = kWords[(s >> 8) % n];
    if (capital) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    capital = false;
    if (!out.empty()) out += ' ';
    out += w;
    ++sinceStop;
    if (sinceStop > 6 && ((s >> 20) % 7 == 0 || sinceStop > 22)) {
      out += (s >> 4) % 5 == 0 ? "," : ".";
      capital = out.back() == '.';
      sinceStop = 0;
    }
  }
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

struct SamplePublication {
  Site site;
  std::deque<Post> posts;  // stable addresses
  Publication pub{std::make_shared<const Locale>("en")};

  SamplePublication() {
    site.title = "Sample Site";
    pub.site = &site;
    pub.title = "Engineering Digest";
    pub.period = "Q4 2025";
  }

  PostEntry& addPost(const std::string& title, Document doc, std::vector<std::string> tags = {"Kubernetes"}) {
    Post p;
    p.title = title;
    p.path = "_posts/" + std::to_string(posts.size() + 1) + ".md";
    p.date = DateTime{2025, 11, static_cast<int>(posts.size() % 28) + 1};
    p.authors = {"Ada Lovelace"};
    p.tags = std::move(tags);
    posts.push_back(std::move(p));
    PostEntry e;
    e.post = &posts.back();
    e.doc = std::move(doc);
    e.anchor = "p" + std::to_string(pub.posts.size() + 1);
    e.readingMinutes = 3;
    pub.posts.push_back(std::move(e));
    if (pub.groups.empty()) pub.groups.push_back({});
    pub.groups[0].posts.push_back(static_cast<int>(pub.posts.size() - 1));
    return pub.posts.back();
  }
};

}  // namespace pp::testing
