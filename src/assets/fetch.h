// Downloading a remote image (only with --fetch-remote). The policy, for builds that run on
// content written by strangers (a pull request in CI): http and https only; every connection,
// each redirect's included, goes only to a public address, checked on the address actually
// connected to (so a name that resolves to 127.0.0.1, or changes its answer between lookups,
// gains nothing); hosts the user allows (--fetch-allow) are exempt from the address check;
// redirects are followed one by one, each checked, at most kMaxRedirects; a size limit
// enforced while receiving; a time limit per image; and a time budget for the whole build
// that every fetch draws from. Proxies named in the environment are not used.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pp::assets {

struct FetchLimits {
  long timeoutSeconds = 20;
  std::uint64_t maxBytes = 16ull << 20;
  // When the build's fetching must be over (the whole-build budget); no limit by default.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::vector<std::string> allowHosts;  // hosts (and their subdomains) exempt from the address check
};

inline constexpr int kMaxRedirects = 5;

// The body of a successful (2xx) response, or nullopt with *error.
std::optional<std::string> fetchUrl(const std::string& url, const FetchLimits& limits, std::string* error);

}  // namespace pp::assets
