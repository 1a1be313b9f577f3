// Ids of the book: unique across every content document (prefixed by the post's anchor), and
// the placeholders that stand for a link target until the file holding it is known (posts are
// split after they are rendered, so a target's file is only known at the end).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace pp::epub {

class IdSet {
 public:
  // Returns `base`, or base-2, base-3... when taken, and marks it used.
  std::string claim(const std::string& base);

 private:
  std::set<std::string> used_;
};

struct HeadingInfo {
  std::string id;    // final id
  std::string text;  // plain text, for the navigation
  int level = 1;     // as in the Document (1..6)
};

// The ids of one post, assigned before any post is rendered so that links can point forward.
struct PostIds {
  std::string start;                         // id of the post's opening section
  std::map<std::string, std::string> byRaw;  // heading id as in the Document -> final id
  std::vector<HeadingInfo> headings;         // in document order
};

// A link to a target id whose file is not known yet.
std::string placeholder(const std::string& targetId);

// Replaces every placeholder in `xhtml` by "file#id" ("#id" within `currentFile`). Targets
// without a file fall back to `fallbackFile`.
void resolvePlaceholders(std::string& xhtml, const std::map<std::string, std::string>& idToFile,
                         const std::string& currentFile, const std::string& fallbackFile);

}  // namespace pp::epub
