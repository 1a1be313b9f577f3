#include "assets/lazy_libraries.h"

#include <dlfcn.h>

#include <type_traits>

namespace pp::assets {

namespace {

// Opens `soname` and binds every function `bindAll` names; the handle is never closed (code
// of the library may still run at exit: GLib's and curl's own exit handlers).
template <typename Api, typename BindAll>
struct Loaded {
  Api api;
  std::string error;
  bool ok = false;

  Loaded(const char* soname, BindAll bindAll) {
    void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      error = std::string("cannot load ") + soname + (why ? std::string(": ") + why : std::string());
      return;
    }
    std::string missing;
    auto bind = [&](auto& fn, const char* name) {
      // dlsym searches the library and the libraries it depends on (cairo, GLib for librsvg).
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(handle, name));
      if (!fn && missing.empty()) missing = name;
    };
    bindAll(api, bind);
    if (!missing.empty()) {
      error = std::string(soname) + " has no function " + missing;
      return;
    }
    ok = true;
  }
};

template <typename Api, typename BindAll>
const Api* result(const Loaded<Api, BindAll>& l, std::string* error) {
  if (l.ok) return &l.api;
  if (error) *error = l.error;
  return nullptr;
}

}  // namespace

const RsvgApi* rsvgApi(std::string* error) {
  auto bindAll = [](RsvgApi& a, auto& bind) {
    bind(a.memoryInputStreamNew, "g_memory_input_stream_new_from_data");
    bind(a.objectUnref, "g_object_unref");
    bind(a.errorFree, "g_error_free");
    bind(a.handleNewFromStream, "rsvg_handle_new_from_stream_sync");
    bind(a.setDpi, "rsvg_handle_set_dpi");
    bind(a.intrinsicSizeInPixels, "rsvg_handle_get_intrinsic_size_in_pixels");
    bind(a.intrinsicDimensions, "rsvg_handle_get_intrinsic_dimensions");
    bind(a.renderDocument, "rsvg_handle_render_document");
    bind(a.imageSurfaceCreate, "cairo_image_surface_create");
    bind(a.surfaceDestroy, "cairo_surface_destroy");
    bind(a.surfaceStatus, "cairo_surface_status");
    bind(a.create, "cairo_create");
    bind(a.destroy, "cairo_destroy");
    bind(a.surfaceFlush, "cairo_surface_flush");
    bind(a.imageSurfaceData, "cairo_image_surface_get_data");
    bind(a.imageSurfaceStride, "cairo_image_surface_get_stride");
  };
  // Process-wide, like the dynamic loader's own table: initialised once (thread-safe), then
  // only read.
  static const Loaded<RsvgApi, decltype(bindAll)> loaded("librsvg-2.so.2", bindAll);
  return result(loaded, error);
}

const CurlApi* curlApi(std::string* error) {
  auto bindAll = [](CurlApi& a, auto& bind) {
    bind(a.init, "curl_easy_init");
    bind(a.setopt, "curl_easy_setopt");
    bind(a.perform, "curl_easy_perform");
    bind(a.cleanup, "curl_easy_cleanup");
    bind(a.strerror, "curl_easy_strerror");
  };
  static const Loaded<CurlApi, decltype(bindAll)> loaded("libcurl.so.4", bindAll);
  return result(loaded, error);
}

}  // namespace pp::assets
