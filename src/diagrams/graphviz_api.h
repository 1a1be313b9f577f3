// Graphviz's functions, from libgvc and its plugins opened on first use (dlopen): with pango,
// cairo and GLib they are some forty shared libraries, and most runs draw no diagram.
#pragma once

#include <graphviz/gvc.h>

#include <string>

#include "postpress/support/lazy_library.h"

extern "C" {
extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;
}

namespace pp::diagrams {

// libgvc's and libcgraph's functions (cgraph is found through libgvc, which depends on it).
#define PP_GRAPHVIZ_FUNCTIONS(X)               \
  X(contextPlugins, gvContextPlugins)          \
  X(freeContext, gvFreeContext)                \
  X(layout, gvLayout)                          \
  X(freeLayout, gvFreeLayout)                  \
  X(renderData, gvRenderData)                  \
  X(freeRenderData, gvFreeRenderData)          \
  X(memread, agmemread)                        \
  X(close, agclose)                            \
  X(seterrf, agseterrf)                        \
  X(seterr, agseterr)                          \
  X(reseterrors, agreseterrors)                \
  X(errors, agerrors)                          \
  X(readline, agreadline)                      \
  X(nnodes, agnnodes)                          \
  X(nedges, agnedges)                          \
  X(fstsubg, agfstsubg)                        \
  X(nxtsubg, agnxtsubg)                        \
  X(nameof, agnameof)                          \
  X(nxtattr, agnxtattr)                        \
  X(attr, agattr)                              \
  X(safeset, agsafeset)                        \
  X(get, agget)                                \
  X(fstnode, agfstnode)                        \
  X(nxtnode, agnxtnode)                        \
  X(htmlstr, aghtmlstr)                        \
  X(fstout, agfstout)                          \
  X(nxtout, agnxtout)

struct GraphvizApi {
  PP_GRAPHVIZ_FUNCTIONS(PP_LAZY_FUNCTION)
  // The plugins' tables, handed to gvContextPlugins: core (dot input, SVG), dot and neato
  // layouts, pango (text measured and drawn by pango, SVG through cairo).
  lt_symlist_t builtins[5] = {};
};

// nullptr, with *error saying why, when a library or one of its symbols is missing.
const GraphvizApi* graphvizApi(std::string* error);

}  // namespace pp::diagrams
