// What a file name or a URL points at, told without fetching it: an image by its extension, a
// media site (video, social, slides, schedule) by its host. One list of each, for the stages
// that decide from a name alone (Markdown: figures, captions, embeds; publication: which links
// get a QR code; site: a bundle's featured image).
#pragma once

#include <string>
#include <string_view>

namespace pp {

// True when `name` ends with an image file extension, in any case: .png .jpg .jpeg .gif .webp
// .svg .avif .bmp .tif .tiff. The whole string is the name: for a URL, take off its query and
// fragment first (withoutQueryOrFragment).
bool hasImageExtension(std::string_view name);

// "a/b.png" from "a/b.png?raw=true#top".
std::string_view withoutQueryOrFragment(std::string_view url);

// The host of an absolute ("https://...") or scheme-relative ("//...") URL, lower-case, without
// a leading "www."; "" for a relative reference.
std::string urlHost(std::string_view url);

// Sites whose pages are media rather than text.
enum class MediaSite {
  None,
  YouTube,    // youtube.com, youtu.be, youtube-nocookie.com
  Vimeo,      // vimeo.com
  Twitter,    // twitter.com, x.com
  Gist,       // gist.github.com
  Instagram,  // instagram.com
  Slides,     // speakerdeck.com, slideshare.net, docs.google.com
  Twitch,     // twitch.tv
  Loom,       // loom.com
  Wistia,     // wistia.com
  Sched,      // sched.com and its short links, sched.co (conference schedules)
};

// The media site whose domain the URL's host is, or a subdomain of (player.vimeo.com,
// m.youtube.com, kccncna2025.sched.com); MediaSite::None for any other URL.
MediaSite mediaSiteOf(std::string_view url);

}  // namespace pp
