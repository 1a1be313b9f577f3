// Graphviz's drawing of a laid-out graph (the xdot operations it attaches to the graph, its
// clusters, nodes and edges) as a Drawing: the vector figure the PDF paints.
#pragma once

#include <graphviz/gvc.h>

#include <memory>

#include "diagrams/graphviz_api.h"
#include "postpress/drawing.h"

namespace pp::diagrams {

// Renders `g` (laid out by `gvc`) to xdot and reads the operations back; nullptr when
// Graphviz's xdot library is missing or gives nothing. Call with Graphviz's lock held.
// `grayscale`: every colour becomes its gray of the same luminance.
std::shared_ptr<Drawing> xdotDrawing(const GraphvizApi& gv, GVC_t* gvc, Agraph_t* g, bool grayscale);

}  // namespace pp::diagrams
