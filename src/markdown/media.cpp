#include "markdown/media.h"

#include "postpress/support/media_types.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

bool idChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string takeId(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && idChar(s[n])) ++n;
  return std::string(s.substr(0, n));
}

}  // namespace

std::string youtubeId(std::string_view url) {
  if (mediaSiteOf(url) != MediaSite::YouTube) return "";
  if (urlHost(url) == "youtu.be") {
    auto p = url.find("youtu.be/");
    return p == std::string_view::npos ? "" : takeId(url.substr(p + 9));
  }
  for (std::string_view key : {"/embed/", "/shorts/", "/v/", "/live/"}) {
    auto p = url.find(key);
    if (p != std::string_view::npos) return takeId(url.substr(p + key.size()));
  }
  for (std::string_view key : {"?v=", "&v="}) {
    auto p = url.find(key);
    if (p != std::string_view::npos) return takeId(url.substr(p + key.size()));
  }
  return "";
}

std::string youtubeWatchUrl(std::string_view id) {
  return "https://www.youtube.com/watch?v=" + std::string(id);
}

Block embedBlock(const std::string& rawUrl, const std::string& title, SourcePos pos) {
  Block e;
  e.kind = BlockKind::Embed;
  e.pos = pos;
  std::string url(trim(rawUrl));
  if (startsWith(url, "//")) url = "https:" + url;
  std::string host = urlHost(url);
  MediaSite site = mediaSiteOf(url);
  std::string provider;
  std::string defaultTitle;
  if (std::string id = site == MediaSite::YouTube ? youtubeId(url) : ""; !id.empty()) {
    url = youtubeWatchUrl(id);
    provider = "YouTube";
    defaultTitle = "YouTube video";
  } else if (site == MediaSite::Vimeo) {
    auto p = url.find("/video/");
    if (p != std::string::npos) url = "https://vimeo.com/" + takeId(std::string_view(url).substr(p + 7));
    provider = "Vimeo";
    defaultTitle = "Vimeo video";
  } else if (site == MediaSite::Twitter) {
    provider = "Twitter";
    defaultTitle = "Tweet";
  } else if (site == MediaSite::Gist) {
    provider = "GitHub Gist";
    defaultTitle = "Gist";
  } else if (site == MediaSite::Instagram) {
    provider = "Instagram";
    defaultTitle = "Instagram post";
  } else if (site == MediaSite::Slides) {
    provider = host;
    defaultTitle = "Slides";
  } else {
    std::string lower = toLowerAscii(url);
    bool video = false;
    for (auto ext : {".mp4", ".webm", ".mov", ".m4v", ".ogv"})
      if (lower.find(ext) != std::string::npos) video = true;
    provider = video ? "video" : (host.empty() ? "media" : host);
    defaultTitle = video ? "Video" : (host.empty() ? "Embedded media" : "Embedded content from " + host);
  }
  e.link.url = url;
  e.text = provider;
  std::string t(trim(title));
  e.inlines.push_back(Inline::makeText(t.empty() ? defaultTitle : t, pos));
  return e;
}

namespace {

struct AlertKind {
  std::string_view word;
  AdmonitionKind kind;
};
constexpr AlertKind kAlerts[] = {
    {"note", AdmonitionKind::Note},           {"tip", AdmonitionKind::Tip},
    {"important", AdmonitionKind::Important}, {"warning", AdmonitionKind::Warning},
    {"caution", AdmonitionKind::Caution},     {"info", AdmonitionKind::Info},
    {"danger", AdmonitionKind::Danger},       {"hint", AdmonitionKind::Tip},
    {"success", AdmonitionKind::Tip},         {"error", AdmonitionKind::Danger},
    {"abstract", AdmonitionKind::Note},       {"summary", AdmonitionKind::Note},
    {"question", AdmonitionKind::Info},       {"example", AdmonitionKind::Note},
    {"bug", AdmonitionKind::Danger},          {"failure", AdmonitionKind::Danger},
    {"attention", AdmonitionKind::Warning},   {"todo", AdmonitionKind::Info},
    {"quote", AdmonitionKind::Note},
};

}  // namespace

bool admonitionKindFromWord(std::string_view word, AdmonitionKind* kind) {
  std::string w = toLowerAscii(trim(word));
  for (const auto& a : kAlerts)
    if (w == a.word) {
      *kind = a.kind;
      return true;
    }
  return false;
}

AdmonitionKind admonitionKindFromColor(std::string_view color) {
  std::string c = toLowerAscii(trim(color));
  if (c == "warning" || c == "warn" || c == "yellow" || c == "orange") return AdmonitionKind::Warning;
  if (c == "danger" || c == "error" || c == "red") return AdmonitionKind::Danger;
  if (c == "success" || c == "green") return AdmonitionKind::Tip;
  if (c == "info" || c == "primary" || c == "blue") return AdmonitionKind::Info;
  return AdmonitionKind::Note;
}

}  // namespace pp::markdown
