// Rendering of a parsed Liquid tree: outputs evaluated (liquid_eval.h), control flow run
// (liquid_render.cpp), variables looked up in the site and post (liquid_variables.cpp), Jekyll's
// own tags carried out (liquid_jekyll_tags.cpp): include, highlight, post_url, link, embeds.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/context.h"
#include "markdown/liquid_eval.h"
#include "markdown/liquid_parse.h"
#include "markdown/source.h"

namespace pp::markdown::liquid {

// Where rendered text goes: the pass's TextBuilder (keeping lines) or a string (captures,
// included files).
struct Sink {
  TextBuilder* tb = nullptr;
  std::string* str = nullptr;
  std::string_view input;  // the text that Text nodes index into

  std::size_t size() const { return tb ? tb->size() : str->size(); }
  void copy(std::size_t a, std::size_t b) {
    if (tb) tb->copy(a, b);
    else str->append(input.substr(a, b - a));
  }
  void emit(std::string_view s, std::size_t at) {
    if (tb) tb->emit(s, at);
    else str->append(s);
  }
  // Markdown that must stand as blocks of its own (included files, markdownify).
  void emitBlock(std::string_view s, std::size_t at);
};

// What one post's Liquid may cost. Past any of these the post's rendering ends with a
// [liquid-budget] warning, keeping what was rendered so far: loops nested three deep run a
// billion empty turns, `assign a = a | append: a` doubles a string forty times, and neither
// may hang or exhaust the build. Generous for real templates (the corpora's busiest post
// takes a few thousand steps).
struct Budget {
  std::size_t steps = 1'000'000;        // text pieces, outputs, tags and loop turns
  std::size_t outputBytes = 32u << 20;  // text rendered, into captures and includes too
  std::size_t stringBytes = 8u << 20;   // any one value a filter makes
  int includeDepth = 5;
  std::chrono::milliseconds time{3000};
};

class Renderer {
 public:
  Renderer(const Source& in, ParseContext& ctx, const Budget& budget = {}) : in_(in), ctx_(ctx), budget_(budget) {}

  void renderTop(const std::vector<Node>& nodes, TextBuilder& tb);

 private:
  // liquid_render.cpp: control flow
  int lineOf(std::size_t offset) const { return atTop_ ? in_.bodyLineAt(offset) : includeLine_; }
  void warnAt(std::size_t offset, std::string code, std::string msg);
  Env env(std::size_t at);
  Env envWith(std::size_t at, const Value& subject);
  void render(const std::vector<Node>& nodes, Sink& out, int depth);
  // One more step of the budget at `at`; false (after one warning) once any budget is spent.
  bool step(std::size_t at);
  void tag(const Node& n, Sink& out, int depth);
  void forLoop(const Node& n, Sink& out, int depth);

  // liquid_variables.cpp: site., page., include. and local variables; filters needing the site
  Value lookup(const std::vector<std::string>& path);
  bool siteFilter(const std::string& name, Value& v, const std::vector<Value>& args);

  // liquid_jekyll_tags.cpp
  bool jekyllTag(const Node& n, Sink& out);
  void highlight(const Node& n, Sink& out);
  void pluginEmbed(const Node& n, Sink& out);
  std::string liquidArg(std::string_view args, std::size_t at);
  void embed(const std::string& url, const std::string& title, const Node& n, Sink& out);
  const Post* findPostByStem(const std::string& name) const;
  std::string postUrl(const std::string& name, std::size_t at);
  std::string linkTag(std::string path, std::size_t at);
  std::map<std::string, Value> includeParams(std::string_view s, std::size_t at);
  void include(const Node& n, Sink& out, bool relative);
  bool includeBox(const Node& n, Sink& out, const std::string& stem, const std::string& ext,
                  const std::map<std::string, Value>& params);
  bool includeMedia(const Node& n, Sink& out, const std::string& file, const std::string& stem,
                    const std::map<std::string, Value>& params);
  void includeFile(const Node& n, Sink& out, const std::string& file, const std::string& ext,
                   bool relative, std::map<std::string, Value> params);

  const Source& in_;
  ParseContext& ctx_;
  std::map<std::string, Value> locals_;
  std::vector<std::map<std::string, Value>> includeParams_;
  int includeDepth_ = 0;
  Budget budget_;
  std::chrono::steady_clock::time_point deadline_;
  std::size_t steps_ = 0, emitted_ = 0;
  bool overBudget_ = false;   // set by expression evaluation (Env::overBudget) too
  bool budgetWarned_ = false;
  bool atTop_ = true;
  int includeLine_ = 0;
  bool overflowWarned_ = false;
};

}  // namespace pp::markdown::liquid
