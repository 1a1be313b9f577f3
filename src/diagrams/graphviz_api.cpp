#include "diagrams/graphviz_api.h"

#include "postpress/support/lazy_library.h"

namespace pp::diagrams {

namespace {

// The plugins by path, not through Graphviz's plugin configuration file: a build draws the
// same way whatever else is installed, and the plugins that read image files never load.
#define PP_GRAPHVIZ_PLUGINS(X)                                   \
  X(core, gvplugin_core_LTX_library, "libgvplugin_core.so.6")    \
  X(dot, gvplugin_dot_layout_LTX_library, "libgvplugin_dot_layout.so.6") \
  X(neato, gvplugin_neato_layout_LTX_library, "libgvplugin_neato_layout.so.6") \
  X(pango, gvplugin_pango_LTX_library, "libgvplugin_pango.so.6")

struct Loaded {
  SharedLibrary gvc{"libgvc.so.6"};
#define PP_PLUGIN_LIBRARY(name, symbol, file) SharedLibrary name{POSTPRESS_GRAPHVIZ_PLUGIN_DIR "/" file};
  PP_GRAPHVIZ_PLUGINS(PP_PLUGIN_LIBRARY)
#undef PP_PLUGIN_LIBRARY
  GraphvizApi api;
  std::string error;

  Loaded() {
    SharedLibrary& library = gvc;
    PP_GRAPHVIZ_FUNCTIONS(PP_LAZY_BIND)
    int k = 0;
#define PP_PLUGIN_BIND(name, symbol, file)                                       \
  {                                                                              \
    gvplugin_library_t* table = nullptr;                                         \
    name.bind(table, #symbol);                                                   \
    api.builtins[k++] = {#symbol, table};                                        \
  }
    PP_GRAPHVIZ_PLUGINS(PP_PLUGIN_BIND)
#undef PP_PLUGIN_BIND
    for (const SharedLibrary* l : {&gvc, &core, &dot, &neato, &pango})
      if (!l->ok() && error.empty()) error = l->error();
  }
};

}  // namespace

const GraphvizApi* graphvizApi(std::string* error) {
  static const Loaded loaded;  // like the dynamic loader's own tables: made once, then read
  if (loaded.error.empty()) return &loaded.api;
  if (error) *error = loaded.error;
  return nullptr;
}

}  // namespace pp::diagrams
