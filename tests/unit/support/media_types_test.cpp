#include <doctest/doctest.h>

#include "postpress/support/media_types.h"

using namespace pp;

TEST_CASE("hasImageExtension: the one list of image file extensions, in any case") {
  for (const char* name : {"a.png", "A.PNG", "photo.jpg", "photo.JPEG", "x.gif", "x.webp", "d.svg",
                           "n.avif", "old.bmp", "scan.tif", "scan.TIFF", "dir/sub/img.Png"})
    CHECK(hasImageExtension(name));
  for (const char* name : {"", "png", "notes.md", "a.png.html", "video.mp4", "a.pngx", "archive.tar"})
    CHECK_FALSE(hasImageExtension(name));
  // A URL's query or fragment is not part of the name until taken off.
  CHECK_FALSE(hasImageExtension("/img/a.png?raw=true"));
  CHECK(hasImageExtension(withoutQueryOrFragment("/img/a.png?raw=true")));
  CHECK(hasImageExtension(withoutQueryOrFragment("https://x.org/a.svg#layer")));
  CHECK(withoutQueryOrFragment("a/b") == "a/b");
}

TEST_CASE("urlHost: lower-case, without www, for absolute and scheme-relative URLs only") {
  CHECK(urlHost("https://www.YouTube.com/watch?v=x") == "youtube.com");
  CHECK(urlHost("//player.vimeo.com/video/1") == "player.vimeo.com");
  CHECK(urlHost("http://example.org:8080/a") == "example.org");
  CHECK(urlHost("https://example.org?q=1") == "example.org");
  CHECK(urlHost("/relative/path") == "");
  CHECK(urlHost("example.org/a") == "");
}

TEST_CASE("mediaSiteOf: a site's domains and their subdomains, nothing that merely ends alike") {
  CHECK(mediaSiteOf("https://www.youtube.com/watch?v=abc") == MediaSite::YouTube);
  CHECK(mediaSiteOf("https://m.youtube.com/watch?v=abc") == MediaSite::YouTube);
  CHECK(mediaSiteOf("https://youtu.be/abc") == MediaSite::YouTube);
  CHECK(mediaSiteOf("https://www.youtube-nocookie.com/embed/abc") == MediaSite::YouTube);
  CHECK(mediaSiteOf("https://player.vimeo.com/video/1") == MediaSite::Vimeo);
  CHECK(mediaSiteOf("https://x.com/user/status/1") == MediaSite::Twitter);
  CHECK(mediaSiteOf("https://mobile.twitter.com/user/status/1") == MediaSite::Twitter);
  CHECK(mediaSiteOf("https://gist.github.com/u/1") == MediaSite::Gist);
  CHECK(mediaSiteOf("https://github.com/u/r") == MediaSite::None);
  CHECK(mediaSiteOf("https://gist.githubusercontent.com/u/1/raw") == MediaSite::None);
  CHECK(mediaSiteOf("https://speakerdeck.com/u/talk") == MediaSite::Slides);
  CHECK(mediaSiteOf("https://docs.google.com/presentation/d/1") == MediaSite::Slides);
  CHECK(mediaSiteOf("https://kccncna2025.sched.com/event/27Fc") == MediaSite::Sched);
  CHECK(mediaSiteOf("https://www.loom.com/share/abc") == MediaSite::Loom);
  CHECK(mediaSiteOf("https://fast.wistia.com/embed/abc") == MediaSite::Wistia);
  CHECK(mediaSiteOf("https://www.twitch.tv/videos/1") == MediaSite::Twitch);
  CHECK(mediaSiteOf("https://notvimeo.com/1") == MediaSite::None);
  CHECK(mediaSiteOf("https://box.com") == MediaSite::None);  // ends like x.com, is not a subdomain
  CHECK(mediaSiteOf("/videos/local.mp4") == MediaSite::None);
}
