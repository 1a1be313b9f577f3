// diagrams_bench: what a diagram costs (src/diagrams/, Graphviz).
//
//   diagrams_bench [CORPUS_DIR...]
//
// 1. The first diagram of a process: Graphviz, its plugins, pango, cairo and fontconfig are
//    opened and initialised then.
// 2. Each further diagram, by kind: a small dot graph, every ```mermaid flowchart found in the
//    corpora given (the real ones), and random graphs at the budget's limits (150 nodes,
//    200 edges; and 100 nodes, 200 edges, denser), which is what a hostile diagram can cost
//    at most (a post's diagrams share 600 edges: three such diagrams).
// CPU time of the process: the machine these figures come from is shared.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "postpress/diagrams.h"

using namespace pp;
namespace fs = std::filesystem;

namespace {

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Every ```mermaid block of the Markdown files under `root`.
std::vector<std::string> mermaidBlocks(const fs::path& root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string ext = it->path().extension().string();
    if (ext != ".md" && ext != ".mdx" && ext != ".markdown") continue;
    std::ifstream in(it->path());
    std::string line, block;
    bool inside = false;
    while (std::getline(in, line)) {
      const auto first = line.find_first_not_of(" \t");
      const std::string t = first == std::string::npos ? "" : line.substr(first);
      if (!inside && t.rfind("```mermaid", 0) == 0) {
        inside = true;
        block.clear();
      } else if (inside && t.rfind("```", 0) == 0) {
        inside = false;
        out.push_back(block);
      } else if (inside) {
        block += line + "\n";
      }
    }
  }
  return out;
}

std::string randomGraph(int nodes, int edges, bool directed = true) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> pick(0, nodes - 1);
  std::ostringstream s;
  s << (directed ? "digraph hostile {\n" : "graph hostile {\n  layout=neato;\n");
  for (int k = 0; k < nodes; ++k) s << "  n" << k << " [label=\"node number " << k << "\"];\n";
  for (int k = 0; k < edges; ++k) s << "  n" << pick(rng) << (directed ? " -> n" : " -- n") << pick(rng) << ";\n";
  s << "}\n";
  return s.str();
}

// The costliest shape found: a chain as deep as the node limit, and the remaining edges from
// its first nodes to its last, each crossing every rank (dot adds a virtual node per rank).
std::string longEdges(int nodes, int edges) {
  std::ostringstream s;
  s << "digraph deep {\n";
  for (int k = 1; k < nodes; ++k) s << "  n" << k - 1 << " -> n" << k << ";\n";
  for (int k = 0; k < edges - (nodes - 1); ++k) s << "  n" << k % 10 << " -> n" << nodes - 1 - k % 10 << ";\n";
  s << "}\n";
  return s.str();
}

struct Timing {
  int drawn = 0, total = 0;
  double seconds = 0;
};

Timing timeAll(DiagramLanguage language, const std::vector<std::string>& sources, int rounds) {
  Timing t;
  const double start = cpuSeconds();
  for (int r = 0; r < rounds; ++r)
    for (const std::string& s : sources) {
      const DiagramResult d = renderDiagram(language, s, DiagramOptions{});
      t.drawn += d.status == DiagramResult::Status::Drawn;
      ++t.total;
    }
  t.seconds = cpuSeconds() - start;
  return t;
}

void row(const char* what, const Timing& t) {
  std::printf("| %-48s | %5d | %5d | %11.1f |\n", what, t.total, t.drawn, t.total ? t.seconds * 1000 / t.total : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string small = "digraph { rankdir=LR; checkout -> compile -> test -> publish; compile -> lint; }";
  std::vector<std::string> flowcharts;
  for (int k = 1; k < argc; ++k)
    for (std::string& b : mermaidBlocks(argv[k]))
      if (b.find("sequenceDiagram") == std::string::npos) flowcharts.push_back(std::move(b));

  std::printf("| diagram                                          | count | drawn | cpu ms each |\n");
  std::printf("|--------------------------------------------------|-------|-------|-------------|\n");
  row("first in the process (libraries loaded)", timeAll(DiagramLanguage::Dot, {small}, 1));
  row("small dot graph (5 nodes)", timeAll(DiagramLanguage::Dot, {small}, 20));
  if (!flowcharts.empty()) row("corpus mermaid blocks (flowcharts)", timeAll(DiagramLanguage::Mermaid, flowcharts, 3));
  row("random dot at the limits (150 nodes, 200 edges)", timeAll(DiagramLanguage::Dot, {randomGraph(150, 200)}, 3));
  row("random dot, 100 nodes, 200 edges", timeAll(DiagramLanguage::Dot, {randomGraph(100, 200)}, 3));
  row("random graph at the limits, neato", timeAll(DiagramLanguage::Dot, {randomGraph(150, 200, false)}, 3));
  row("150-rank chain and 51 edges across it", timeAll(DiagramLanguage::Dot, {longEdges(150, 200)}, 1));
  row("30 nodes, 200 edges (dense)", timeAll(DiagramLanguage::Dot, {randomGraph(30, 200)}, 1));
  return 0;
}
