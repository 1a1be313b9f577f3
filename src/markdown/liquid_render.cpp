// The Liquid pass: parse, then render with Liquid's control flow (assign, capture, if/unless,
// case, for/tablerow with limit, offset and reversed). Jekyll's tags are in
// liquid_jekyll_tags.cpp; an unknown tag is removed with a warning and its inner text kept.
#include "markdown/liquid_render.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace liquid {

namespace {

constexpr std::size_t kMaxOutput = 64u << 20;  // a runaway loop stops here
constexpr std::size_t kMaxIterations = 1000;   // per for loop

}  // namespace

void Sink::emitBlock(std::string_view s, std::size_t at) {
  if (tb) {
    tb->endLine(at);
    tb->emit("\n", at);
    tb->emit(s, at);
    tb->emit("\n\n", at);
  } else {
    str->append("\n\n");
    str->append(s);
    str->append("\n\n");
  }
}

void Renderer::renderTop(const std::vector<Node>& nodes, TextBuilder& tb) {
  Sink sink;
  sink.tb = &tb;
  sink.input = in_.text;
  deadline_ = std::chrono::steady_clock::now() + budget_.time;
  render(nodes, sink, 0);
}

bool Renderer::step(std::size_t at) {
  if (budgetWarned_) return false;
  const char* spent = nullptr;
  if (++steps_ > budget_.steps) spent = "steps";
  else if (emitted_ > budget_.outputBytes) spent = "output size";
  else if (overBudget_) spent = "string size";
  // The clock every few steps: each step is bounded, so the deadline is not overrun by much.
  else if (steps_ % 256 == 0 && std::chrono::steady_clock::now() > deadline_) spent = "time";
  if (!spent) return true;
  budgetWarned_ = true;
  const std::string limit = std::string(spent) == "steps"         ? std::to_string(budget_.steps) + " steps"
                            : std::string(spent) == "output size" ? std::to_string(budget_.outputBytes) + " bytes of output"
                            : std::string(spent) == "string size" ? std::to_string(budget_.stringBytes) + " bytes in one value"
                                                                  : std::to_string(budget_.time.count()) + " ms";
  warnAt(at, "liquid-budget", "Liquid templates of this post exceed their budget (" + limit +
                                  "): rendering stopped here, the rest of the post's templates are dropped");
  return false;
}

void Renderer::warnAt(std::size_t offset, std::string code, std::string msg) {
  ctx_.warn(lineOf(offset), std::move(code), std::move(msg), atTop_ ? in_.columnAt(offset) : 0);
}

Env Renderer::env(std::size_t at) {
  Env e;
  e.lookup = [this](const std::vector<std::string>& path) { return lookup(path); };
  e.warn = [this, at](const std::string& code, const std::string& msg) { warnAt(at, code, msg); };
  e.siteFilter = [this](const std::string& name, Value& v, const std::vector<Value>& args) {
    return siteFilter(name, v, args);
  };
  e.maxString = budget_.stringBytes;
  e.overBudget = &overBudget_;
  return e;
}

// The environment of a `when` comparison: the case subject under a name no post can write.
Env Renderer::envWith(std::size_t at, const Value& subject) {
  Env e = env(at);
  auto base = e.lookup;
  e.lookup = [base, subject](const std::vector<std::string>& path) {
    if (path.size() == 1 && path[0] == "__case_subject__") return subject;
    return base(path);
  };
  return e;
}

void Renderer::render(const std::vector<Node>& nodes, Sink& out, int depth) {
  for (const auto& n : nodes) {
    if (out.size() > kMaxOutput) {
      if (!overflowWarned_) warnAt(n.begin, "liquid-output", "Liquid output too large: truncated");
      overflowWarned_ = true;
      return;
    }
    if (!step(n.begin)) return;
    const std::size_t before = out.size();
    switch (n.kind) {
      case Node::Kind::Text:
        out.copy(n.begin, n.end);
        emitted_ += out.size() - before;
        break;
      case Node::Kind::Output: {
        Value v = evalOutput(n.markup, env(n.begin));
        if (!step(n.begin)) return;  // the value may be what ran over
        if (v.block) out.emitBlock(v.toString(), n.begin);
        else out.emit(v.toString(), n.begin);
        emitted_ += out.size() - before;
        break;
      }
      case Node::Kind::Tag: tag(n, out, depth);
    }
  }
}

void Renderer::tag(const Node& n, Sink& out, int depth) {
  const std::string& name = n.name;
  std::string_view args = n.markup;
  if (name == "raw") {
    out.copy(n.bodyBegin, n.bodyEnd);
  } else if (name == "comment") {
  } else if (name == "assign") {
    auto eq = args.find('=');
    if (eq == std::string_view::npos) return;
    std::string var(trim(args.substr(0, eq)));
    locals_[var] = evalOutput(args.substr(eq + 1), env(n.begin));
  } else if (name == "capture") {
    std::string buf;
    Sink s;
    s.str = &buf;
    s.input = out.input;
    render(n.bodies.front(), s, depth + 1);
    locals_[std::string(trim(args))] = Value::str(buf);
  } else if (name == "if" || name == "unless") {
    for (std::size_t k = 0; k < n.bodies.size(); ++k) {
      const std::string& cond = n.conds[k];
      bool take = cond == kElseBranch || evalCondition(cond, env(n.begin));
      if (k == 0 && name == "unless") take = !take;
      if (take) {
        render(n.bodies[k], out, depth + 1);
        break;
      }
    }
  } else if (name == "case") {
    Value subject = evalOutput(n.conds[0], env(n.begin));
    for (std::size_t k = 1; k < n.bodies.size(); ++k) {
      bool take = n.conds[k] == kElseBranch;
      if (!take)
        for (const auto& alt : split(replaceAll(n.conds[k], " or ", ","), ','))
          if (evalCondition(std::string(trim(alt)) + " == " + "__case_subject__", envWith(n.begin, subject)))
            take = true;
      if (take) {
        render(n.bodies[k], out, depth + 1);
        break;
      }
    }
  } else if (name == "for" || name == "tablerow") {
    forLoop(n, out, depth);
  } else if (!jekyllTag(n, out)) {
    warnAt(n.begin, "liquid-tag-unknown", "unknown Liquid tag {% " + name + " %} removed");
    if (!n.bodies.empty()) render(n.bodies.front(), out, depth + 1);
  }
}

void Renderer::forLoop(const Node& n, Sink& out, int depth) {
  std::string_view spec = n.conds[0];
  auto in = spec.find(" in ");
  if (in == std::string_view::npos) {
    warnAt(n.begin, "liquid-tag-unknown", "{% for " + std::string(spec) + " %} not understood: removed");
    return;
  }
  std::string var(trim(spec.substr(0, in)));
  std::string_view rest = trim(spec.substr(in + 4));
  // collection then modifiers (limit:n offset:n reversed)
  std::size_t e = 0;
  int paren = 0;
  while (e < rest.size() && (paren > 0 || !std::isspace(static_cast<unsigned char>(rest[e])))) {
    if (rest[e] == '(') ++paren;
    if (rest[e] == ')') --paren;
    ++e;
  }
  Value coll = evalOperand(rest.substr(0, e), env(n.begin));
  std::string mods(rest.substr(e));
  if (coll.type == Value::Type::String) {
    Value arr;
    arr.type = Value::Type::Array;
    arr.a.push_back(coll);
    coll = arr;
  }
  std::vector<Value> items = coll.type == Value::Type::Array ? coll.a : std::vector<Value>{};
  auto modNum = [&](const char* key, long long def) {
    auto at = mods.find(key);
    if (at == std::string::npos) return def;
    Value v = evalOperand(std::string_view(mods).substr(at + std::strlen(key)), env(n.begin));
    return v.type == Value::Type::Number ? static_cast<long long>(v.n) : def;
  };
  long long offset = std::max(0LL, modNum("offset:", 0));
  long long limit = modNum("limit:", static_cast<long long>(items.size()));
  if (offset > static_cast<long long>(items.size())) offset = static_cast<long long>(items.size());
  items.erase(items.begin(), items.begin() + offset);
  if (limit >= 0 && limit < static_cast<long long>(items.size())) items.resize(static_cast<std::size_t>(limit));
  if (mods.find("reversed") != std::string::npos) std::reverse(items.begin(), items.end());
  if (items.empty()) {
    if (n.bodies.size() > 1) render(n.bodies[1], out, depth + 1);
    return;
  }
  if (items.size() > kMaxIterations) items.resize(kMaxIterations);
  Value saved = locals_.count(var) ? locals_[var] : Value::nil();
  for (std::size_t k = 0; k < items.size(); ++k) {
    locals_[var] = items[k];
    locals_["forloop.index"] = Value::num(static_cast<double>(k + 1));
    locals_["forloop.index0"] = Value::num(static_cast<double>(k));
    locals_["forloop.first"] = Value::boolean(k == 0);
    locals_["forloop.last"] = Value::boolean(k + 1 == items.size());
    locals_["forloop.length"] = Value::num(static_cast<double>(items.size()));
    if (!step(n.begin)) break;
    render(n.bodies.front(), out, depth + 1);
    if (out.size() > kMaxOutput) break;
  }
  locals_[var] = saved;
}

}  // namespace liquid

Source runLiquid(const Source& in, ParseContext& ctx) {
  if (in.text.find("{{") == std::string::npos && in.text.find("{%") == std::string::npos) return in;
  std::vector<liquid::Node> nodes = liquid::parse(in.text, ctx, &in);
  TextBuilder out(in);
  liquid::Renderer r(in, ctx);
  r.renderTop(nodes, out);
  return out.finish();
}

}  // namespace pp::markdown
