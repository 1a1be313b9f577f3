#include "postpress/support/lazy_library.h"

#include <dlfcn.h>

namespace pp {

SharedLibrary::SharedLibrary(const char* soname) : soname_(soname) {
  handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    const char* why = dlerror();
    error_ = std::string("cannot load ") + soname + (why ? std::string(": ") + why : std::string());
  }
}

void* SharedLibrary::find(const char* name) {
  void* fn = handle_ ? dlsym(handle_, name) : nullptr;
  if (!fn && error_.empty()) error_ = soname_ + " has no function " + name;
  return fn;
}

}  // namespace pp
