// Downloading a remote image (only with --fetch-remote): http and https only, redirects
// followed within those, a timeout, and a size limit enforced while receiving.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pp::assets {

struct FetchLimits {
  long timeoutSeconds = 20;
  std::uint64_t maxBytes = 16ull << 20;
};

// The body of a successful (2xx) response, or nullopt with *error.
std::optional<std::string> fetchUrl(const std::string& url, const FetchLimits& limits, std::string* error);

}  // namespace pp::assets
