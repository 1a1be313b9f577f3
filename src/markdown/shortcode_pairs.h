// Which close ends each paired shortcode, found in one pass over the post.
//
// A shortcode pass asks, for each opening it meets, where its close is (to keep or drop what
// is inside). Searching forward from every opening costs the square of the nesting, which a
// hostile post makes deep (bad/nesting.sh). Matching every opening with its close once, by
// name, as a stack would, gives the same answers in one pass.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pp::markdown {

class ShortcodePairs {
 public:
  explicit ShortcodePairs(std::string_view text);

  struct Close {
    std::size_t begin = std::string_view::npos;  // npos: no close
    std::size_t end = std::string_view::npos;
  };
  // The close of the shortcode named `name` whose opening ends at `openingEnd`: the first
  // close of that name after it not taken by an opening of that name after it. With no such
  // opening there, the first close of that name after `openingEnd` not taken by an opening
  // after it, as a search forward would find.
  Close closeOf(const std::string& name, std::size_t openingEnd) const;

 private:
  struct Token {
    std::size_t begin = 0, end = 0;
    int name = 0;        // index into names_
    bool closing = false;
    int match = -1;      // opening: its close's token; closing: its opening's token
  };
  std::vector<std::string> names_;
  std::vector<Token> tokens_;                                // in text order
  std::unordered_map<std::size_t, std::size_t> openingByEnd_;  // an opening's end -> its token
};

}  // namespace pp::markdown
