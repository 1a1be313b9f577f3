#include "assets/fetch.h"

#include <curl/curl.h>

#include <memory>

#include "postpress/support/lazy_library.h"

namespace pp::assets {

namespace {

// libcurl, opened the first time an image is fetched: it brings some thirty shared libraries
// (GnuTLS, Kerberos, LDAP...), and most runs fetch nothing.
#define PP_CURL_FUNCTIONS(X)        \
  X(init, curl_easy_init)           \
  X(setopt, curl_easy_setopt)       \
  X(perform, curl_easy_perform)     \
  X(cleanup, curl_easy_cleanup)     \
  X(strerror, curl_easy_strerror)

struct CurlApi {
  PP_CURL_FUNCTIONS(PP_LAZY_FUNCTION)
};

const CurlApi* curlApi(std::string* error) {
  static const LazyLibrary<CurlApi> curl("libcurl.so.4", [](CurlApi& api, SharedLibrary& library) {
    PP_CURL_FUNCTIONS(PP_LAZY_BIND)
  });
  return curl.api(error);
}

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
  const CurlApi* api;
  void operator()(CURL* c) const { api->cleanup(c); }
};

}  // namespace

std::optional<std::string> fetchUrl(const std::string& url, const FetchLimits& limits, std::string* error) {
  std::string why;
  const CurlApi* api = curlApi(&why);
  if (!api) {
    if (error) *error = "cannot fetch (" + why + ")";
    return std::nullopt;
  }
  std::unique_ptr<CURL, CurlCleanup> curl(api->init(), CurlCleanup{api});
  if (!curl) {
    if (error) *error = "cannot start libcurl";
    return std::nullopt;
  }
  Download d;
  d.limit = limits.maxBytes;
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  api->setopt(c, CURLOPT_URL, url.c_str());
  api->setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  api->setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  api->setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  api->setopt(c, CURLOPT_MAXREDIRS, 5L);
  api->setopt(c, CURLOPT_TIMEOUT, limits.timeoutSeconds);
  api->setopt(c, CURLOPT_CONNECTTIMEOUT, std::min(limits.timeoutSeconds, 10L));
  api->setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
  api->setopt(c, CURLOPT_FAILONERROR, 1L);
  api->setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.maxBytes));
  api->setopt(c, CURLOPT_USERAGENT, "postpress (image fetch)");
  api->setopt(c, CURLOPT_WRITEFUNCTION, receive);
  api->setopt(c, CURLOPT_WRITEDATA, &d);
  api->setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = api->perform(c);
  if (rc != CURLE_OK) {
    if (error) {
      if (d.overLimit || rc == CURLE_FILESIZE_EXCEEDED)
        *error = "larger than the limit of " + std::to_string(limits.maxBytes) + " bytes";
      else
        *error = errbuf[0] ? errbuf : api->strerror(rc);
    }
    return std::nullopt;
  }
  return std::move(d.body);
}

}  // namespace pp::assets
