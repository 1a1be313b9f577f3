// The navigation document (EPUB 3 nav: contents and landmarks) and the EPUB 2 NCX, both made
// from one tree so they always agree.
#pragma once

#include <string>
#include <vector>

namespace pp::epub {

struct NavNode {
  std::string label;
  std::string href;  // empty for a group label (the NCX points it at its first child)
  std::vector<NavNode> children;
  std::string cssClass;  // nav.xhtml only: "toc-group", "toc-post"
  // The label's language (a post's title, its sections'); "" = the document's. The NCX has no
  // inheritance between entries, so children carry it too.
  std::string lang;
};

struct Landmark {
  std::string type;  // epub:type: cover, titlepage, toc, bodymatter, index...
  std::string href;
  std::string label;
};

std::string navDocument(const std::vector<NavNode>& toc, const std::vector<Landmark>& landmarks,
                        const std::string& lang, const std::string& heading);

std::string ncxDocument(const std::vector<NavNode>& toc, const std::string& uid,
                        const std::string& title, const std::string& lang);

}  // namespace pp::epub
