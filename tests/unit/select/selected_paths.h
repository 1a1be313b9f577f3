// The paths of the posts a selection kept, in its order: what the selection tests compare.
#pragma once

#include <string>
#include <vector>

#include "postpress/select.h"

namespace pptest {

inline std::vector<std::string> selectedPaths(const pp::SelectionResult& r) {
  std::vector<std::string> out;
  for (const pp::Post* p : r.posts) out.push_back(p->path);
  return out;
}

}  // namespace pptest
