#include "postpress/support/media_types.h"

#include "postpress/support/text.h"

namespace pp {

namespace {

struct SiteDomain {
  std::string_view domain;
  MediaSite site;
};

constexpr SiteDomain kSiteDomains[] = {
    {"youtube.com", MediaSite::YouTube},      {"youtu.be", MediaSite::YouTube},
    {"youtube-nocookie.com", MediaSite::YouTube}, {"vimeo.com", MediaSite::Vimeo},
    {"twitter.com", MediaSite::Twitter},      {"x.com", MediaSite::Twitter},
    {"gist.github.com", MediaSite::Gist},     {"instagram.com", MediaSite::Instagram},
    {"speakerdeck.com", MediaSite::Slides},   {"slideshare.net", MediaSite::Slides},
    {"docs.google.com", MediaSite::Slides},   {"twitch.tv", MediaSite::Twitch},
    {"loom.com", MediaSite::Loom},            {"wistia.com", MediaSite::Wistia},
    {"sched.com", MediaSite::Sched},          {"sched.co", MediaSite::Sched},
};

}  // namespace

bool hasImageExtension(std::string_view name) {
  std::string lower = toLowerAscii(name);
  for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff"})
    if (endsWith(lower, ext)) return true;
  return false;
}

std::string_view withoutQueryOrFragment(std::string_view url) {
  return url.substr(0, url.find_first_of("?#"));
}

std::string urlHost(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    if (!startsWith(url, "//")) return "";
    url.remove_prefix(2);
  } else {
    url.remove_prefix(scheme + 3);
  }
  std::string host = toLowerAscii(url.substr(0, url.find_first_of("/?#:")));
  if (startsWith(host, "www.")) host.erase(0, 4);
  return host;
}

MediaSite mediaSiteOf(std::string_view url) {
  std::string host = urlHost(url);
  for (const auto& [domain, site] : kSiteDomains)
    if (host == domain || (host.size() > domain.size() && endsWith(host, domain) &&
                           host[host.size() - domain.size() - 1] == '.'))
      return site;
  return MediaSite::None;
}

}  // namespace pp
