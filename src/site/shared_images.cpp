// Pictures every post shows: a theme's default banner or the site's social card reaches posts
// through front matter defaults or a copy-pasted `image:` line. Printed under every title, it
// tells the reader nothing about any post, so it is nobody's hero image.
#include <map>

#include "postpress/support/text.h"
#include "site/post_reader.h"

namespace pp::site {

namespace {

// Posts sharing a hero image before it counts as the site's rather than theirs: two posts of a
// series may share a picture, three of a handful of posts no longer say which one is which.
constexpr std::size_t kSharedByAtLeast = 3;

// Which file a hero image names, as far as it can be told without the assets stage: an
// address or a site-absolute path as written, a relative path joined to the post's folder.
std::string imageKey(const Post& post, const std::string& image) {
  std::string s(trim(image));
  while (startsWith(s, "./")) s.erase(0, 2);
  if (s.empty() || s[0] == '/' || s.find("://") != std::string::npos) return s;
  std::string folder = post.path.substr(0, post.path.rfind('/') == std::string::npos ? 0 : post.path.rfind('/'));
  return folder + "/" + s;
}

}  // namespace

void dropSiteWideHeroImages(Site& site) {
  std::string social = site.socialImage.empty() ? std::string() : std::string(trim(site.socialImage));
  while (startsWith(social, "./")) social.erase(0, 2);
  std::map<std::string, std::size_t> uses;
  std::size_t withHero = 0;
  for (const Post& p : site.posts) {
    if (p.heroImage.empty()) continue;
    ++withHero;
    ++uses[imageKey(p, p.heroImage)];
  }
  for (Post& p : site.posts) {
    if (p.heroImage.empty()) continue;
    std::string key = imageKey(p, p.heroImage);
    std::string written(trim(p.heroImage));
    bool isSocialCard = !social.empty() && (written == social || key == social || key == "/" + social);
    std::size_t n = uses[key];
    // Shared by at least three posts and by at least half of those that have a picture.
    bool everywhere = n >= kSharedByAtLeast && 2 * n >= withHero;
    if (isSocialCard || everywhere) {
      if (site.socialImage.empty()) site.socialImage = p.heroImage;
      p.heroImage.clear();
    }
  }
}

}  // namespace pp::site
