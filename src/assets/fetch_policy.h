// What --fetch-remote may reach: the addresses a connection may go to and the hosts the user
// trusts beyond them. Kept apart from the transfer (fetch.cpp) so that it can be tested alone.
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>
#include <vector>

namespace pp::assets {

// True for an address on the public internet. False for loopback, "this network", private
// (RFC 1918, unique local fc00::/7), shared (100.64/10), link-local (169.254/16, fe80::/10,
// where cloud metadata services answer), benchmarking, documentation, multicast and reserved
// ranges, and for IPv6 forms that embed such an IPv4 address (mapped, NAT64, 6to4).
bool isPublicAddress(const sockaddr* address);

// The host of an http(s) URL, lower-case, without brackets or port; empty when the URL is not
// http or https or has no host.
std::string webHostOf(std::string_view url);

// True when `host` is one of `allowed` or a subdomain of one (`img.corp.example` under
// `corp.example`).
bool hostAllowed(std::string_view host, const std::vector<std::string>& allowed);

}  // namespace pp::assets
