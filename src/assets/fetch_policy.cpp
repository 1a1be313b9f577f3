#include "assets/fetch_policy.h"

#include <netinet/in.h>

#include <cctype>
#include <cstdint>
#include <cstring>

namespace pp::assets {

namespace {

bool publicV4(std::uint32_t a) {  // host byte order
  auto in = [a](std::uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  return !(in(0x00000000, 8) ||    // 0.0.0.0/8 "this network"
           in(0x0A000000, 8) ||    // 10/8
           in(0x64400000, 10) ||   // 100.64/10 shared (carrier NAT; Alibaba's metadata)
           in(0x7F000000, 8) ||    // 127/8 loopback
           in(0xA9FE0000, 16) ||   // 169.254/16 link-local (cloud metadata 169.254.169.254)
           in(0xAC100000, 12) ||   // 172.16/12
           in(0xC0000000, 24) ||   // 192.0.0/24 protocol assignments (Oracle's metadata)
           in(0xC0000200, 24) ||   // 192.0.2/24 documentation
           in(0xC0A80000, 16) ||   // 192.168/16
           in(0xC6120000, 15) ||   // 198.18/15 benchmarking
           in(0xC6336400, 24) ||   // 198.51.100/24 documentation
           in(0xCB007100, 24) ||   // 203.0.113/24 documentation
           in(0xE0000000, 4) ||    // 224/4 multicast
           in(0xF0000000, 4));     // 240/4 reserved, broadcast
}

std::uint32_t v4At(const unsigned char* b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
}

bool publicV6(const unsigned char* b) {
  static const unsigned char kZero[16] = {};
  if (std::memcmp(b, kZero, 15) == 0 && b[15] <= 1) return false;  // :: and ::1
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMapped, 12) == 0) return publicV4(v4At(b + 12));       // ::ffff:a.b.c.d
  if (std::memcmp(b, kZero, 12) == 0) return publicV4(v4At(b + 12));         // ::a.b.c.d
  static const unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kNat64, 12) == 0) return publicV4(v4At(b + 12));        // 64:ff9b::/96
  if (b[0] == 0x20 && b[1] == 0x02) return publicV4(v4At(b + 2));            // 2002::/16 6to4
  if ((b[0] & 0xfe) == 0xfc) return false;                                   // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;                   // fe80::/10 link-local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;                   // fec0::/10 site-local
  if (b[0] == 0xff) return false;                                            // multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // documentation
  return true;
}

}  // namespace

bool isPublicAddress(const sockaddr* address) {
  if (!address) return false;
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    return publicV4(ntohl(in->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(address);
    return publicV6(in->sin6_addr.s6_addr);
  }
  return false;  // a Unix socket or anything else: never
}

std::string webHostOf(std::string_view url) {
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return {};
  std::string scheme;
  for (char c : url.substr(0, colon)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(colon + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {
    rest = rest.substr(1, rest.find(']') == std::string_view::npos ? std::string_view::npos : rest.find(']') - 1);
  } else if (auto port = rest.rfind(':'); port != std::string_view::npos) {
    rest = rest.substr(0, port);
  }
  std::string host;
  for (char c : rest) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!host.empty() && host.back() == '.') host.pop_back();  // "example.org." is example.org
  return host;
}

bool hostAllowed(std::string_view host, const std::vector<std::string>& allowed) {
  if (host.empty()) return false;
  for (std::string entry : allowed) {
    for (char& c : entry) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!entry.empty() && (entry.front() == '.' || entry.front() == '*')) entry.erase(0, 1);
    if (entry.empty()) continue;
    if (host == entry) return true;
    if (host.size() > entry.size() && host.substr(host.size() - entry.size()) == entry &&
        host[host.size() - entry.size() - 1] == '.')
      return true;
  }
  return false;
}

}  // namespace pp::assets
