// Liquid alone, under a small budget: the template engine must finish every input within its
// budget (steps, output, value size, include depth, time) and never grow memory beyond it.
// libFuzzer's -timeout and -rss_limit_mb catch a budget that does not hold; the budget here is
// a hundredth of the build's so that a loop past it shows at once.
#include <chrono>
#include <cstdlib>

#include "fuzz_support.h"
#include "markdown/context.h"
#include "markdown/liquid_parse.h"
#include "markdown/liquid_render.h"
#include "markdown/passes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = ppfuzz::asText(data, size);
  const ppfuzz::FuzzSite& fz = ppfuzz::fuzzSite();
  const pp::Site site = fz.site(pp::Generator::Jekyll);
  pp::DiagnosticSink diags;
  auto post = pp::readPostText(site, fz.postFile(pp::Generator::Jekyll), text, diags);
  if (!post) return 0;
  pp::markdown::ParseContext ctx(site, *post, diags);
  pp::markdown::Source in = pp::markdown::normalizeBody(post->body, ctx);
  pp::markdown::liquid::Budget budget;
  budget.steps = 10'000;
  budget.outputBytes = 256u << 10;
  budget.stringBytes = 64u << 10;
  budget.time = std::chrono::milliseconds(200);
  const auto start = std::chrono::steady_clock::now();
  std::vector<pp::markdown::liquid::Node> nodes = pp::markdown::liquid::parse(in.text, ctx, &in);
  pp::markdown::TextBuilder out(in);
  pp::markdown::liquid::Renderer(in, ctx, budget).renderTop(nodes, out);
  const pp::markdown::Source rendered = out.finish();
  // The budget holds: no more than its time (with room for a slow sanitized build) and no
  // output beyond the input, the budget and what one value may add.
  if (std::chrono::steady_clock::now() - start > std::chrono::seconds(5)) std::abort();
  if (rendered.text.size() > in.text.size() + 4 * (budget.outputBytes + budget.stringBytes) + (1u << 20)) std::abort();
  return 0;
}
