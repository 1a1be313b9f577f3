#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "postpress/support/build_time.h"

namespace {
// Sets SOURCE_DATE_EPOCH (or unsets it, for nullopt) for one test and puts the old value back.
class EpochVariable {
 public:
  explicit EpochVariable(std::optional<std::string> value) {
    if (const char* old = std::getenv(kName)) old_ = old;
    if (value) setenv(kName, value->c_str(), 1);
    else unsetenv(kName);
  }
  ~EpochVariable() {
    if (old_) setenv(kName, old_->c_str(), 1);
    else unsetenv(kName);
  }

 private:
  static constexpr const char* kName = "SOURCE_DATE_EPOCH";
  std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("SOURCE_DATE_EPOCH fixes the build date; without it the build is dated now") {
  {
    EpochVariable set("1764460800");
    CHECK(pp::sourceDateEpoch() == 1764460800);
    CHECK(pp::buildEpoch() == 1764460800);
  }
  for (const char* bad : {"", "12abc", "-5", "99999999999999999999", "253402300800"}) {
    EpochVariable set{std::string(bad)};
    CHECK_FALSE(pp::sourceDateEpoch().has_value());
  }
  EpochVariable unset{std::nullopt};
  CHECK_FALSE(pp::sourceDateEpoch().has_value());
  const long long before = static_cast<long long>(std::time(nullptr));
  const long long at = pp::buildEpoch();
  CHECK(at >= before);
  CHECK(at <= static_cast<long long>(std::time(nullptr)));
  CHECK(at > 315532800);  // never the 1980 stand-in
}
