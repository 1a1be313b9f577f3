#include "markdown/shortcode_pairs.h"

#include <algorithm>

#include "markdown/shortcode_syntax.h"

namespace pp::markdown {

ShortcodePairs::ShortcodePairs(std::string_view text) {
  std::unordered_map<std::string, int> nameIds;
  std::vector<std::vector<std::size_t>> open;  // per name: openings not yet closed
  for (std::size_t p = 0; (p = nextShortcodeOpening(text, p)) != std::string_view::npos; p += 3) {
    Shortcode sc;
    if (!parseShortcode(text, p, sc)) continue;
    auto [it, added] = nameIds.try_emplace(sc.name, static_cast<int>(names_.size()));
    if (added) {
      names_.push_back(sc.name);
      open.emplace_back();
    }
    Token t;
    t.begin = p;
    t.end = sc.end;
    t.name = it->second;
    t.closing = sc.closing;
    std::size_t index = tokens_.size();
    std::vector<std::size_t>& stack = open[static_cast<std::size_t>(t.name)];
    if (!t.closing) {
      stack.push_back(index);
      openingByEnd_[t.end] = index;
    } else if (!stack.empty()) {
      t.match = static_cast<int>(stack.back());
      tokens_[stack.back()].match = static_cast<int>(index);
      stack.pop_back();
    }
    tokens_.push_back(t);
  }
}

ShortcodePairs::Close ShortcodePairs::closeOf(const std::string& name, std::size_t openingEnd) const {
  auto toClose = [this](std::size_t k) { return Close{tokens_[k].begin, tokens_[k].end}; };
  auto opening = openingByEnd_.find(openingEnd);
  if (opening != openingByEnd_.end() && names_[static_cast<std::size_t>(tokens_[opening->second].name)] == name) {
    int match = tokens_[opening->second].match;
    return match < 0 ? Close{} : toClose(static_cast<std::size_t>(match));
  }
  // Not an opening of that name: the first close of that name after `openingEnd` whose
  // opening (if any) is before it.
  auto id = std::find(names_.begin(), names_.end(), name);
  if (id == names_.end()) return {};
  int nameId = static_cast<int>(id - names_.begin());
  auto first = std::lower_bound(tokens_.begin(), tokens_.end(), openingEnd,
                                [](const Token& t, std::size_t at) { return t.begin < at; });
  for (auto t = first; t != tokens_.end(); ++t) {
    if (t->name != nameId || !t->closing) continue;
    if (t->match < 0 || tokens_[static_cast<std::size_t>(t->match)].begin < openingEnd)
      return toClose(static_cast<std::size_t>(t - tokens_.begin()));
  }
  return {};
}

}  // namespace pp::markdown
