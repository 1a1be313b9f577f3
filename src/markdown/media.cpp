#include "markdown/media.h"

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

std::string hostOf(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    if (!startsWith(url, "//")) return "";
    scheme = 0;
    url.remove_prefix(2);
  } else {
    url.remove_prefix(scheme + 3);
  }
  auto end = url.find_first_of("/?#:");
  std::string host = toLowerAscii(url.substr(0, end));
  if (startsWith(host, "www.")) host.erase(0, 4);
  return host;
}

}  // namespace

std::string youtubeId(std::string_view url) {
  std::string host = hostOf(url);
  if (host.find("youtube") == std::string::npos && host != "youtu.be") return "";
  if (host == "youtu.be") {
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
  std::string host = hostOf(url);
  std::string provider;
  std::string defaultTitle;
  if (std::string id = youtubeId(url); !id.empty()) {
    url = youtubeWatchUrl(id);
    provider = "YouTube";
    defaultTitle = "YouTube video";
  } else if (host.find("vimeo.com") != std::string::npos) {
    auto p = url.find("/video/");
    if (p != std::string::npos) url = "https://vimeo.com/" + takeId(std::string_view(url).substr(p + 7));
    provider = "Vimeo";
    defaultTitle = "Vimeo video";
  } else if (host == "twitter.com" || host == "x.com" || host == "mobile.twitter.com") {
    provider = "Twitter";
    defaultTitle = "Tweet";
  } else if (host.find("gist.github.com") != std::string::npos) {
    provider = "GitHub Gist";
    defaultTitle = "Gist";
  } else if (host.find("instagram.com") != std::string::npos) {
    provider = "Instagram";
    defaultTitle = "Instagram post";
  } else if (host.find("speakerdeck.com") != std::string::npos ||
             host.find("slideshare.net") != std::string::npos ||
             host.find("docs.google.com") != std::string::npos) {
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
