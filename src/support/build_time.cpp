#include "postpress/support/build_time.h"

#include <cerrno>
#include <cstdlib>
#include <ctime>

namespace pp {

namespace {
constexpr long long kYear10000 = 253402300800LL;  // PDF and ISO dates have four-digit years
}

std::optional<long long> sourceDateEpoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v, &end, 10);
  if (errno != 0 || !end || *end != '\0' || n < 0 || n >= kYear10000) return std::nullopt;
  return n;
}

long long buildEpoch() {
  if (auto fixed = sourceDateEpoch()) return *fixed;
  return static_cast<long long>(std::time(nullptr));
}

}  // namespace pp
