// librsvg (with cairo and GLib) and libcurl, opened the first time an SVG is drawn or an image
// fetched instead of linked: together they pull in some 80 shared libraries (pango, X11,
// GnuTLS, Kerberos, LDAP...) whose loading and relocation took 17 ms of every run, and most runs
// draw no SVG and fetch nothing. Only their headers are used at build time.
#pragma once

#include <cairo.h>
#include <curl/curl.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <string>

namespace pp::assets {

// The librsvg, cairo and GLib functions the SVG renderer calls (svg.cpp).
struct RsvgApi {
  decltype(&g_memory_input_stream_new_from_data) memoryInputStreamNew = nullptr;
  decltype(&g_object_unref) objectUnref = nullptr;
  decltype(&g_error_free) errorFree = nullptr;
  decltype(&rsvg_handle_new_from_stream_sync) handleNewFromStream = nullptr;
  decltype(&rsvg_handle_set_dpi) setDpi = nullptr;
  decltype(&rsvg_handle_get_intrinsic_size_in_pixels) intrinsicSizeInPixels = nullptr;
  decltype(&rsvg_handle_get_intrinsic_dimensions) intrinsicDimensions = nullptr;
  decltype(&rsvg_handle_render_document) renderDocument = nullptr;
  decltype(&cairo_image_surface_create) imageSurfaceCreate = nullptr;
  decltype(&cairo_surface_destroy) surfaceDestroy = nullptr;
  decltype(&cairo_surface_status) surfaceStatus = nullptr;
  decltype(&cairo_create) create = nullptr;
  decltype(&cairo_destroy) destroy = nullptr;
  decltype(&cairo_surface_flush) surfaceFlush = nullptr;
  decltype(&cairo_image_surface_get_data) imageSurfaceData = nullptr;
  decltype(&cairo_image_surface_get_stride) imageSurfaceStride = nullptr;
};

// The libcurl functions the image fetcher calls (fetch.cpp).
struct CurlApi {
  decltype(&curl_easy_init) init = nullptr;
  decltype(&curl_easy_setopt) setopt = nullptr;
  decltype(&curl_easy_perform) perform = nullptr;
  decltype(&curl_easy_cleanup) cleanup = nullptr;
  decltype(&curl_easy_strerror) strerror = nullptr;
};

// Loaded once per process, on first call from any thread, and kept loaded until exit as a
// linked library would be; nullptr (with *error saying why) when the library or one of its
// functions is missing.
const RsvgApi* rsvgApi(std::string* error);
const CurlApi* curlApi(std::string* error);

}  // namespace pp::assets
