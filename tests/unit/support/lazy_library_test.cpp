// Libraries opened on first use: the functions listed once are bound and callable; a missing
// library or function leaves no API, and says which.
#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

#include "postpress/support/lazy_library.h"

namespace {

#define PP_TEST_ZLIB_FUNCTIONS(X) \
  X(crc, crc32)                   \
  X(adler, adler32)

struct ZlibApi {
  PP_TEST_ZLIB_FUNCTIONS(PP_LAZY_FUNCTION)
};

#define PP_TEST_MISSING_FUNCTIONS(X) \
  X(crc, crc32)                      \
  X(absent, pp_no_such_function)

extern "C" void pp_no_such_function();  // declared for its type only: never defined
struct MissingApi {
  PP_TEST_MISSING_FUNCTIONS(PP_LAZY_FUNCTION)
};

}  // namespace

TEST_CASE("a library's listed functions are bound and callable") {
  const pp::LazyLibrary<ZlibApi> zlib("libz.so.1", [](ZlibApi& api, pp::SharedLibrary& library) {
    PP_TEST_ZLIB_FUNCTIONS(PP_LAZY_BIND)
  });
  std::string error;
  const ZlibApi* api = zlib.api(&error);
  REQUIRE(api);
  CHECK(error.empty());
  const Bytef text[] = "postpress";
  CHECK(api->crc(0, text, 9) == crc32(0, text, 9));
  CHECK(api->adler(1, text, 9) == adler32(1, text, 9));
}

TEST_CASE("a missing library or function gives no API and says which") {
  const pp::LazyLibrary<ZlibApi> absent("libpp-no-such-library.so.9", [](ZlibApi& api, pp::SharedLibrary& library) {
    PP_TEST_ZLIB_FUNCTIONS(PP_LAZY_BIND)
  });
  std::string error;
  CHECK(absent.api(&error) == nullptr);
  CHECK(error.find("cannot load libpp-no-such-library.so.9") == 0);

  const pp::LazyLibrary<MissingApi> partial("libz.so.1", [](MissingApi& api, pp::SharedLibrary& library) {
    PP_TEST_MISSING_FUNCTIONS(PP_LAZY_BIND)
  });
  CHECK(partial.api(&error) == nullptr);
  CHECK(error == "libz.so.1 has no function pp_no_such_function");
}
