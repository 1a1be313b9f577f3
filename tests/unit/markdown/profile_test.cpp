// PP_PROFILE=file: parses one file as a Plain post (a profiling aid; skipped when unset).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "helpers.h"

TEST_CASE("profile (PP_PROFILE=file)") {
  const char* f = std::getenv("PP_PROFILE");
  if (!f) return;
  std::ifstream in(f);
  std::stringstream ss;
  ss << in.rdbuf();
  pp::DiagnosticSink d;
  pp::Document doc = pptest::parse(ss.str(), d, pp::Generator::Jekyll);
  MESSAGE(doc.blocks.size() << " blocks, " << d.count() << " diagnostics");
}
