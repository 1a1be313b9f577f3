// Shared libraries opened the first time they are needed rather than linked (dlopen): a library
// that brings dozens of others with it costs every run their loading and relocation, and most
// runs never call it. Only its headers are used at build time, for the functions' types.
//
// A library's functions are listed once, as X(field, symbol) pairs; the list makes both the
// struct of function pointers and the binding, so the two cannot disagree:
//
//   #define PP_ZLIB_FUNCTIONS(X) X(crc, crc32) X(adler, adler32)
//   struct ZlibApi { PP_ZLIB_FUNCTIONS(PP_LAZY_FUNCTION) };
//   const ZlibApi* zlibApi(std::string* error) {
//     static const pp::LazyLibrary<ZlibApi> zlib("libz.so.1", [](ZlibApi& api, pp::SharedLibrary& library) {
//       PP_ZLIB_FUNCTIONS(PP_LAZY_BIND)
//     });
//     return zlib.api(error);
//   }
#pragma once

#include <string>

namespace pp {

// One library, opened with dlopen and never closed: its code may still run at exit (GLib's and
// curl's own exit handlers).
class SharedLibrary {
 public:
  explicit SharedLibrary(const char* soname);
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // Sets `fn` to the function `name`, looked up in the library and in those it depends on
  // (cairo and GLib for librsvg). A missing function makes the library unusable (error()).
  template <typename Fn>
  void bind(Fn*& fn, const char* name) {
    fn = reinterpret_cast<Fn*>(find(name));
  }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  void* find(const char* name);

  std::string soname_;
  void* handle_ = nullptr;
  std::string error_;
};

// `Api`, a struct of function pointers, filled from one library by `bindAll(api, library)`.
// Meant as a function-local static: made once per process on the first call from any thread,
// as the dynamic loader's own table is, then only read.
template <typename Api>
class LazyLibrary {
 public:
  template <typename BindAll>
  LazyLibrary(const char* soname, BindAll bindAll) : library_(soname) {
    if (library_.ok()) bindAll(api_, library_);
  }
  // nullptr, with *error saying why, when the library or one of its functions is missing.
  const Api* api(std::string* error) const {
    if (library_.ok()) return &api_;
    if (error) *error = library_.error();
    return nullptr;
  }

 private:
  SharedLibrary library_;
  Api api_{};
};

}  // namespace pp

// A member of the struct of function pointers, typed after the library's own declaration.
#define PP_LAZY_FUNCTION(field, symbol) decltype(&symbol) field = nullptr;
// The binding of that member, inside bindAll(Api& api, pp::SharedLibrary& library).
#define PP_LAZY_BIND(field, symbol) library.bind(api.field, #symbol);
