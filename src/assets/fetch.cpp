#include "assets/fetch.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <memory>

#include "assets/fetch_policy.h"

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
  X(strerror, curl_easy_strerror)   \
  X(getinfo, curl_easy_getinfo)

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

// Where a connection may go: the address curl is about to connect to (after every lookup, for
// every connection of every hop), checked before the socket exists.
struct Gate {
  bool trustedHost = false;  // the hop's host is on the allow-list
  bool refused = false;
};

curl_socket_t openCheckedSocket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* gate = static_cast<Gate*>(user);
  if (!gate->trustedHost && !isPublicAddress(&address->addr)) {
    gate->refused = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
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
  auto fail = [&](std::string message) {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  const auto perImage = std::chrono::steady_clock::now() + std::chrono::seconds(limits.timeoutSeconds);
  const auto deadline = std::min(perImage, limits.deadline);
  std::string hop = url;
  for (int redirects = 0;; ++redirects) {
    const std::string host = webHostOf(hop);
    if (host.empty()) return fail("only http and https URLs are fetched, not '" + hop.substr(0, 80) + "'");
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return fail(limits.deadline <= perImage ? "the build's time budget for fetching is spent"
                                              : "timed out after " + std::to_string(limits.timeoutSeconds) + " s");
    std::unique_ptr<CURL, CurlCleanup> curl(api->init(), CurlCleanup{api});
    if (!curl) return fail("cannot start libcurl");
    Download d;
    d.limit = limits.maxBytes;
    Gate gate;
    gate.trustedHost = hostAllowed(host, limits.allowHosts);
    char errbuf[CURL_ERROR_SIZE] = {0};
    CURL* c = curl.get();
    api->setopt(c, CURLOPT_URL, hop.c_str());
    api->setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    api->setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // followed here, hop by hop, each one checked
    api->setopt(c, CURLOPT_NOPROXY, "*");        // a proxy would connect for us, unchecked
    api->setopt(c, CURLOPT_OPENSOCKETFUNCTION, openCheckedSocket);
    api->setopt(c, CURLOPT_OPENSOCKETDATA, &gate);
    api->setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(left.count()));
    api->setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<long long>(left.count(), 10000)));
    api->setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    api->setopt(c, CURLOPT_FAILONERROR, 1L);
    api->setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.maxBytes));
    api->setopt(c, CURLOPT_USERAGENT, "postpress (image fetch)");
    api->setopt(c, CURLOPT_WRITEFUNCTION, receive);
    api->setopt(c, CURLOPT_WRITEDATA, &d);
    api->setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    const CURLcode rc = api->perform(c);
    if (gate.refused)
      return fail("refused: " + host + " is not on a public address (loopback, private, link-local or "
                  "metadata addresses are never fetched; --fetch-allow names hosts that may be)");
    if (rc != CURLE_OK) {
      if (d.overLimit || rc == CURLE_FILESIZE_EXCEEDED)
        return fail("larger than the limit of " + std::to_string(limits.maxBytes) + " bytes");
      return fail(errbuf[0] ? errbuf : api->strerror(rc));
    }
    long status = 0;
    api->getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status < 300 || status >= 400) return std::move(d.body);
    char* next = nullptr;
    api->getinfo(c, CURLINFO_REDIRECT_URL, &next);
    if (!next || !*next) return fail("redirect without a location");
    if (redirects >= kMaxRedirects) return fail("more than " + std::to_string(kMaxRedirects) + " redirects");
    hop = next;
  }
}

}  // namespace pp::assets
