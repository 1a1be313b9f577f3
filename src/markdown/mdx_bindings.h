// Images an MDX post imports (`import cover from './cover.png'`): a component's `src={cover}`,
// `image={cover}` or `images={[{ src: cover, alt: '...' }]}` names the file through the binding,
// as the bundler (webpack, Vite) resolves it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pp::markdown {

struct BoundImage {
  std::string src, alt;
};

class ImageBindings {
 public:
  // Records the binding of an import statement whose source is an image file; others are ignored.
  void addImport(std::string_view statement);
  // The file an attribute expression (without its braces) names: a bound identifier; "" else.
  std::string resolve(std::string_view expression) const;
  // The images of an array expression of objects with `src` (bound or quoted) and `alt`.
  std::vector<BoundImage> gallery(std::string_view expression) const;
  bool empty() const { return names_.empty(); }

 private:
  std::map<std::string, std::string, std::less<>> names_;
};

}  // namespace pp::markdown
