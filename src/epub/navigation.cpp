#include "epub/navigation.h"

#include <algorithm>
#include <map>

#include "epub/pages.h"
#include "epub/xml_text.h"
#include "postpress/support/text.h"

namespace pp::epub {

namespace {

std::string label(const NavNode& n) {
  std::string l(trim(n.label));
  return l.empty() ? "Untitled" : l;
}

void navList(const std::vector<NavNode>& nodes, const std::string& docLang, std::string& out, int depth) {
  std::string indent(static_cast<std::size_t>(depth), ' ');
  out += indent + "<ol>\n";
  for (const NavNode& n : nodes) {
    // A post's entry and its sections are in the post's language.
    const std::string lang = langAttributes(n.lang, docLang);
    out += indent + (n.cssClass.empty() ? " <li" + lang + ">" : " <li class=\"" + n.cssClass + "\"" + lang + ">");
    if (n.href.empty()) out += "<span>" + text(label(n)) + "</span>";
    else out += "<a href=\"" + attr(n.href) + "\">" + text(label(n)) + "</a>";
    if (!n.children.empty()) {
      out += "\n";
      navList(n.children, n.lang.empty() ? docLang : n.lang, out, depth + 2);
      out += indent + " ";
    }
    out += "</li>\n";
  }
  out += indent + "</ol>\n";
}

std::string firstHref(const NavNode& n) {
  if (!n.href.empty()) return n.href;
  for (const NavNode& c : n.children)
    if (auto h = firstHref(c); !h.empty()) return h;
  return "";
}

int depthOf(const std::vector<NavNode>& nodes) {
  int d = 0;
  for (const NavNode& n : nodes) d = std::max(d, 1 + depthOf(n.children));
  return d;
}

struct NcxState {
  int nextId = 1;
  int nextOrder = 1;
  std::map<std::string, int> orderByTarget;  // one playOrder per target, as EPUBCheck wants
};

void ncxPoints(const std::vector<NavNode>& nodes, const std::string& docLang, std::string& out, NcxState& st,
               int depth) {
  std::string indent(static_cast<std::size_t>(depth), ' ');
  for (const NavNode& n : nodes) {
    std::string href = firstHref(n);
    if (href.empty()) continue;
    auto [it, inserted] = st.orderByTarget.emplace(href, st.nextOrder);
    if (inserted) ++st.nextOrder;
    out += indent + "<navPoint id=\"nav-" + std::to_string(st.nextId++) + "\" playOrder=\"" +
           std::to_string(it->second) + "\">\n";
    const bool otherLang = !n.lang.empty() && n.lang != docLang;
    out += indent + (otherLang ? " <navLabel xml:lang=\"" + attr(n.lang) + "\">" : std::string(" <navLabel>")) +
           "<text>" + text(label(n)) + "</text></navLabel>\n";
    out += indent + " <content src=\"" + attr(href) + "\"/>\n";
    ncxPoints(n.children, docLang, out, st, depth + 1);
    out += indent + "</navPoint>\n";
  }
}

}  // namespace

std::string navDocument(const std::vector<NavNode>& toc, const std::vector<Landmark>& landmarks,
                        const std::string& lang, const std::string& heading) {
  Page page;
  page.file = "nav.xhtml";
  page.title = heading;
  page.bodyType = "frontmatter";
  std::string& b = page.body;
  b += "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\" class=\"toc\">\n<h1>" + text(heading) + "</h1>\n";
  if (toc.empty()) b += "<ol>\n <li><a href=\"title.xhtml\">" + text(heading) + "</a></li>\n</ol>\n";
  else navList(toc, lang, b, 0);
  b += "</nav>\n";
  if (!landmarks.empty()) {
    b += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Guide</h2>\n<ol>\n";
    for (const Landmark& l : landmarks)
      b += " <li><a epub:type=\"" + l.type + "\" href=\"" + attr(l.href) + "\">" + text(l.label) +
           "</a></li>\n";
    b += "</ol>\n</nav>\n";
  }
  return xhtmlDocument(page, lang);
}

std::string ncxDocument(const std::vector<NavNode>& toc, const std::string& uid,
                        const std::string& title, const std::string& lang) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"" +
         attr(lang) + "\">\n<head>\n";
  out += " <meta name=\"dtb:uid\" content=\"" + attr(uid) + "\"/>\n";
  out += " <meta name=\"dtb:depth\" content=\"" + std::to_string(std::max(1, depthOf(toc))) + "\"/>\n";
  out += " <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n";
  out += " <meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n";
  out += "<docTitle><text>" + text(title) + "</text></docTitle>\n<navMap>\n";
  NcxState st;
  ncxPoints(toc, lang, out, st, 1);
  if (st.nextId == 1)
    out += " <navPoint id=\"nav-1\" playOrder=\"1\"><navLabel><text>" + text(title) +
           "</text></navLabel><content src=\"title.xhtml\"/></navPoint>\n";
  out += "</navMap>\n</ncx>\n";
  return out;
}

}  // namespace pp::epub
