#include "assets/fetch.h"

#include <curl/curl.h>

#include <memory>

namespace pp::assets {

namespace {

struct Download {
  std::string body;
  std::uint64_t limit = 0;
  bool overLimit = false;
};

std::size_t receive(char* data, std::size_t size, std::size_t count, void* user) {
  auto* d = static_cast<Download*>(user);
  const std::size_t n = size * count;
  if (d->body.size() + n > d->limit) {
    d->overLimit = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  d->body.append(data, n);
  return n;
}

struct CurlCleanup {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

}  // namespace

std::optional<std::string> fetchUrl(const std::string& url, const FetchLimits& limits, std::string* error) {
  std::unique_ptr<CURL, CurlCleanup> curl(curl_easy_init());
  if (!curl) {
    if (error) *error = "cannot start libcurl";
    return std::nullopt;
  }
  Download d;
  d.limit = limits.maxBytes;
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, limits.timeoutSeconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, std::min(limits.timeoutSeconds, 10L));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
  curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.maxBytes));
  curl_easy_setopt(c, CURLOPT_USERAGENT, "postpress (image fetch)");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, receive);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &d);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    if (error) {
      if (d.overLimit || rc == CURLE_FILESIZE_EXCEEDED)
        *error = "larger than the limit of " + std::to_string(limits.maxBytes) + " bytes";
      else
        *error = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    }
    return std::nullopt;
  }
  return std::move(d.body);
}

}  // namespace pp::assets
