#include "postpress/typeset.h"

namespace pp {

const AnchorPos* Layout::find(const std::string& anchor) const {
  auto it = anchors.find(anchor);
  return it == anchors.end() ? nullptr : &it->second;
}

std::string Layout::pageLabel(const std::string& anchor) const {
  const AnchorPos* a = find(anchor);
  if (!a || a->page < 0 || static_cast<std::size_t>(a->page) >= pages.size()) return "";
  return pages[static_cast<std::size_t>(a->page)].label;
}

}  // namespace pp
