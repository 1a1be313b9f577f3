// Jekyll's Liquid, run on the post body before Markdown (as Jekyll does): outputs with filters,
// raw/comment, highlight, include (boxes, embeds, figures, Markdown files, other templates),
// post_url/link, if/unless/case/for/assign/capture, fastpages fn, octicon. Unknown tags are
// removed with a warning and their inner text kept.
#include <cstring>
#include <ctime>
#include <map>

#include "markdown/code_regions.h"
#include "markdown/liquid_eval.h"
#include "markdown/media.h"
#include "markdown/passes.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::markdown {

using liquid::Value;

namespace {

constexpr int kMaxNesting = 32;
constexpr int kMaxIncludeDepth = 5;
constexpr std::size_t kMaxOutput = 64u << 20;  // a runaway loop stops here

struct Node {
  enum class Kind { Text, Output, Tag };
  Kind kind = Kind::Text;
  std::size_t begin = 0, end = 0;  // Text: copied span; Output/Tag: markup span
  std::string name;                // Tag name
  std::string markup;              // Output expression / Tag arguments
  std::size_t bodyBegin = 0, bodyEnd = 0;  // raw / highlight: literal body
  // Block tags: one body per branch; branch conditions in `conds` ("" = else).
  std::vector<std::vector<Node>> bodies;
  std::vector<std::string> conds;
};

bool isBlockTag(const std::string& n) {
  return n == "if" || n == "unless" || n == "case" || n == "for" || n == "capture" || n == "tablerow";
}

// ---------------------------------------------------------------------------------------------
// Lexing and parsing

class Parser {
 public:
  Parser(std::string_view text, ParseContext& ctx, const Source* src)
      : s_(text), ctx_(ctx), src_(src), fences_(text) {}

  std::vector<Node> parse() {
    std::vector<Node> root;
    stack_.push_back({&root, nullptr});
    std::size_t i = 0, textStart = 0;
    bool trimNext = false;
    while (i < s_.size()) {
      std::size_t open = s_.find('{', i);
      if (open == std::string_view::npos || open + 1 >= s_.size()) break;
      char k = s_[open + 1];
      if (k != '{' && k != '%') {
        i = open + 1;
        continue;
      }
      bool inCode = fences_.inside(open);
      std::string_view closer = k == '{' ? "}}" : "%}";
      if (noClose_[k == '{'] <= open) {
        i = open + 2;
        continue;
      }
      std::size_t close = s_.find(closer, open + 2);
      if (close == std::string_view::npos) {
        noClose_[k == '{'] = open;
        warnAt(open, "liquid-unclosed", std::string("'") + (k == '{' ? "{{" : "{%") + "' never closed: kept as text");
        i = open + 2;
        continue;
      }
      std::string_view inner = s_.substr(open + 2, close - open - 2);
      bool trimBefore = !inner.empty() && inner.front() == '-';
      bool trimAfter = !inner.empty() && inner.back() == '-';
      if (trimBefore) inner.remove_prefix(1);
      if (trimAfter && !inner.empty()) inner.remove_suffix(1);
      inner = trim(inner);
      std::size_t after = close + 2;

      std::string name;
      std::string_view args;
      if (k == '%') {
        std::size_t e = 0;
        while (e < inner.size() && !std::isspace(static_cast<unsigned char>(inner[e]))) ++e;
        name = std::string(inner.substr(0, e));
        args = trim(inner.substr(e));
      }
      if (inCode && !(k == '%' && (name == "raw" || name == "endraw"))) {
        i = after;  // Liquid shown in a code block is left as written
        continue;
      }
      // Text before the markup.
      std::size_t textEnd = open;
      if (trimBefore)
        while (textEnd > textStart && std::isspace(static_cast<unsigned char>(s_[textEnd - 1]))) --textEnd;
      std::size_t ts = textStart;
      if (trimNext)
        while (ts < textEnd && std::isspace(static_cast<unsigned char>(s_[ts]))) ++ts;
      addText(ts, textEnd);
      trimNext = trimAfter;

      if (k == '{') {
        Node n;
        n.kind = Node::Kind::Output;
        n.begin = open;
        n.end = after;
        n.markup = std::string(inner);
        add(std::move(n));
        i = textStart = after;
        continue;
      }
      if (name == "raw" || name == "comment" || name == "highlight") {
        std::string endName = "end" + name;
        std::size_t bodyEnd = 0, endAfter = 0;
        if (!findEnd(after, endName, bodyEnd, endAfter)) {
          if (name == "raw" && inCode) {  // a lone raw marker in code: just drop it
            i = textStart = after;
            continue;
          }
          warnAt(open, "liquid-unclosed", "{% " + name + " %} without {% " + endName + " %}");
          bodyEnd = endAfter = s_.size();
        }
        Node n;
        n.kind = Node::Kind::Tag;
        n.name = name;
        n.markup = std::string(args);
        n.begin = open;
        n.end = endAfter;
        n.bodyBegin = after;
        n.bodyEnd = bodyEnd;
        add(std::move(n));
        i = textStart = endAfter;
        continue;
      }
      tag(name, args, open, after);
      i = textStart = after;
    }
    std::size_t ts = textStart;
    if (trimNext)
      while (ts < s_.size() && std::isspace(static_cast<unsigned char>(s_[ts]))) ++ts;
    addText(ts, s_.size());
    for (std::size_t k = stack_.size(); k-- > 1;)
      warnAt(stack_[k].node->begin, "liquid-unclosed", "{% " + stack_[k].node->name + " %} never closed");
    return root;
  }

 private:
  struct Frame {
    std::vector<Node>* body;
    Node* node;
  };

  void warnAt(std::size_t offset, std::string code, std::string msg) {
    int line = src_ ? src_->bodyLineAt(offset) : 0;
    ctx_.warn(line, std::move(code), std::move(msg), src_ ? src_->columnAt(offset) : 0);
  }

  void addText(std::size_t from, std::size_t to) {
    if (to <= from) return;
    Node n;
    n.kind = Node::Kind::Text;
    n.begin = from;
    n.end = to;
    add(std::move(n));
  }
  void add(Node n) { stack_.back().body->push_back(std::move(n)); }

  // Finds `{% endName %}` (with optional whitespace control) after `from`.
  bool findEnd(std::size_t from, const std::string& endName, std::size_t& bodyEnd, std::size_t& after) {
    std::size_t p = from;
    while (true) {
      std::size_t o = s_.find("{%", p);
      if (o == std::string_view::npos) return false;
      std::size_t c = s_.find("%}", o + 2);
      if (c == std::string_view::npos) return false;
      std::string_view in = s_.substr(o + 2, c - o - 2);
      if (!in.empty() && in.front() == '-') in.remove_prefix(1);
      if (!in.empty() && in.back() == '-') in.remove_suffix(1);
      if (trim(in) == endName) {
        bodyEnd = o;
        after = c + 2;
        return true;
      }
      p = o + 2;
    }
  }

  void tag(const std::string& name, std::string_view args, std::size_t open, std::size_t after) {
    Node* top = stack_.back().node;
    if (isBlockTag(name)) {
      if (stack_.size() > static_cast<std::size_t>(kMaxNesting)) {
        warnAt(open, "liquid-nesting", "Liquid blocks nested too deep: {% " + name + " %} ignored");
        return;
      }
      Node n;
      n.kind = Node::Kind::Tag;
      n.name = name;
      n.markup = std::string(args);
      n.begin = open;
      n.end = after;
      n.bodies.emplace_back();
      n.conds.push_back(std::string(args));
      add(std::move(n));
      Node* added = &stack_.back().body->back();
      stack_.push_back({&added->bodies.back(), added});
      return;
    }
    if ((name == "elsif" || name == "else" || name == "when") && top &&
        (top->name == "if" || top->name == "unless" || top->name == "case" || top->name == "for")) {
      top->bodies.emplace_back();
      top->conds.push_back(name == "else" ? std::string("\x01else") : std::string(args));
      stack_.back().body = &top->bodies.back();
      return;
    }
    if (startsWith(name, "end") && name.size() > 3) {
      std::string opened = name.substr(3);
      for (std::size_t k = stack_.size(); k-- > 1;) {
        if (stack_[k].node->name == opened) {
          stack_.resize(k);
          return;
        }
      }
      if (opened != "raw")
        warnAt(open, "liquid-tag-unknown", "{% " + name + " %} closes nothing: removed");
      return;
    }
    Node n;
    n.kind = Node::Kind::Tag;
    n.name = name;
    n.markup = std::string(args);
    n.begin = open;
    n.end = after;
    add(std::move(n));
  }

  std::string_view s_;
  ParseContext& ctx_;
  const Source* src_;
  CodeFences fences_;
  std::vector<Frame> stack_;
  std::size_t noClose_[2] = {std::string_view::npos, std::string_view::npos};
};

// ---------------------------------------------------------------------------------------------
// Rendering

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
  void emitBlock(std::string_view s, std::size_t at) {
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
};

std::string firstParam(const std::map<std::string, Value>& params, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = params.find(k);
    if (it != params.end() && !it->second.toString().empty()) return it->second.toString();
  }
  return "";
}

// `<a href="URL">text</a>` -> URL; anything else as is.
std::string hrefOrText(const std::string& s) {
  auto at = s.find("href=");
  if (at == std::string::npos) return std::string(trim(s));
  std::size_t q = at + 5;
  if (q >= s.size()) return std::string(trim(s));
  char quote = s[q];
  if (quote != '"' && quote != '\'') return std::string(trim(s));
  auto end = s.find(quote, q + 1);
  return s.substr(q + 1, end == std::string::npos ? std::string::npos : end - q - 1);
}

class Renderer {
 public:
  Renderer(const Source& in, ParseContext& ctx) : in_(in), ctx_(ctx) {}

  void renderTop(const std::vector<Node>& nodes, TextBuilder& tb) {
    Sink sink;
    sink.tb = &tb;
    sink.input = in_.text;
    render(nodes, sink, 0, true);
  }

 private:
  int lineOf(std::size_t offset) const { return atTop_ ? in_.bodyLineAt(offset) : includeLine_; }
  void warnAt(std::size_t offset, std::string code, std::string msg) {
    ctx_.warn(lineOf(offset), std::move(code), std::move(msg), atTop_ ? in_.columnAt(offset) : 0);
  }

  liquid::Env env(std::size_t at) {
    liquid::Env e;
    e.lookup = [this](const std::vector<std::string>& path) { return lookup(path); };
    e.warn = [this, at](const std::string& code, const std::string& msg) { warnAt(at, code, msg); };
    e.siteFilter = [this](const std::string& name, Value& v, const std::vector<Value>& args) {
      return siteFilter(name, v, args);
    };
    return e;
  }

  static Value fromMap(const std::map<std::string, std::string>& m, const std::string& key) {
    auto it = m.find(key);
    if (it != m.end()) return Value::str(it->second);
    // A list flattened as key.0, key.1, ...
    Value arr;
    arr.type = Value::Type::Array;
    for (int k = 0; k < 10000; ++k) {
      auto e = m.find(key + "." + std::to_string(k));
      if (e == m.end()) break;
      arr.a.push_back(Value::str(e->second));
    }
    if (!arr.a.empty()) return arr;
    return Value::nil();
  }

  static std::string join(const std::vector<std::string>& path, std::size_t from) {
    std::string out;
    for (std::size_t k = from; k < path.size(); ++k) out += (k > from ? "." : "") + path[k];
    return out;
  }

  static Value member(Value v, const std::vector<std::string>& path, std::size_t from) {
    for (std::size_t k = from; k < path.size(); ++k) {
      const std::string& p = path[k];
      if (p == "size") {
        v = Value::num(static_cast<double>(v.type == Value::Type::Array ? v.a.size() : utf8Length(v.toString())));
        continue;
      }
      if (v.type == Value::Type::Array) {
        if (p == "first") v = v.a.empty() ? Value::nil() : v.a.front();
        else if (p == "last") v = v.a.empty() ? Value::nil() : v.a.back();
        else {
          std::size_t idx = 0;
          bool ok = !p.empty() && p.find_first_not_of("0123456789") == std::string::npos;
          if (ok) idx = static_cast<std::size_t>(std::stoul(p.substr(0, 9)));
          v = ok && idx < v.a.size() ? v.a[idx] : Value::nil();
        }
        continue;
      }
      return Value::nil();
    }
    return v;
  }

  static std::string sourceDate() {
    std::time_t t = std::time(nullptr);
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) {
      char* end = nullptr;
      long long v = std::strtoll(e, &end, 10);
      if (end && *end == '\0') t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
  }

  Value lookup(const std::vector<std::string>& path) {
    if (path.empty()) return Value::nil();
    const std::string& head = path[0];
    std::string dotted = join(path, 0);
    if (auto it = locals_.find(dotted); it != locals_.end()) return it->second;
    if (auto it = locals_.find(head); it != locals_.end()) return member(it->second, path, 1);
    if (head == "include") {
      if (includeParams_.empty() || path.size() < 2) return Value::nil();
      auto it = includeParams_.back().find(path[1]);
      return it == includeParams_.back().end() ? Value::nil() : member(it->second, path, 2);
    }
    const Site& site = ctx_.site;
    const Post& post = ctx_.post;
    if (head == "site") {
      if (path.size() == 1) return Value::nil();
      std::string key = join(path, 1);
      if (key == "url") return Value::str(site.url);
      if (key == "baseurl") return Value::str(site.baseurl);
      if (key == "title" && !site.title.empty()) return Value::str(site.title);
      if (key == "description" && !site.description.empty()) return Value::str(site.description);
      if (key == "time") return Value::str(sourceDate());
      if (key == "lang") return Value::str(site.language);
      Value v = fromMap(site.config, key);
      if (v.type == Value::Type::Nil && path.size() > 2) {
        // site.x.size, site.list.first
        v = member(fromMap(site.config, join({path.begin(), path.end() - 1}, 1)), path, path.size() - 1);
      }
      return v;
    }
    if (head == "page" || head == "post") {
      if (path.size() == 1) return Value::nil();
      std::string key = join(path, 1);
      if (key == "title") return Value::str(post.title);
      if (key == "url") return Value::str(post.permalinkPath);
      if (key == "date" && post.date.valid()) return Value::str(post.date.isoDate() + (post.date.hasTime ? " " + post.date.isoDateTime().substr(11, 8) : ""));
      if (key == "path") return Value::str(post.path);
      if (key == "slug") return Value::str(post.slug);
      if (key == "description" || key == "excerpt") {
        if (!post.summary.empty()) return Value::str(post.summary);
      }
      if (key == "tags") {
        Value arr;
        arr.type = Value::Type::Array;
        for (const auto& t : post.tags) arr.a.push_back(Value::str(t));
        return arr;
      }
      Value v = fromMap(post.params, key);
      if (v.type == Value::Type::Nil && path.size() > 2)
        v = member(fromMap(post.params, join({path.begin(), path.end() - 1}, 1)), path, path.size() - 1);
      return v;
    }
    return Value::nil();
  }

  bool siteFilter(const std::string& name, Value& v, const std::vector<Value>& args) {
    const Site& site = ctx_.site;
    if (name == "relative_url" || name == "absolute_url") {
      std::string s = v.toString();
      bool remote = s.find("://") != std::string::npos || startsWith(s, "//") || startsWith(s, "mailto:");
      if (!remote) {
        std::string base = site.baseurl;
        if (!s.empty() && s[0] != '/') s = "/" + s;
        if (!base.empty() && !startsWith(s, base + "/") && s != base) s = base + s;
        if (name == "absolute_url") s = site.url + s;
      }
      v = Value::str(s);
      return true;
    }
    if (name == "markdownify") {
      v = Value::str(v.toString());
      v.block = true;
      return true;
    }
    if (name == "fndetail") {  // fastpages: {{ 'text' | fndetail: 1 }}
      std::string n = args.empty() ? "" : args[0].toString();
      v = Value::str("<sup>" + n + "</sup> " + v.toString());
      v.block = true;
      return true;
    }
    return false;
  }

  void render(const std::vector<Node>& nodes, Sink& out, int depth, bool top) {
    for (const auto& n : nodes) {
      if (out.size() > kMaxOutput) {
        if (!overflowWarned_) warnAt(n.begin, "liquid-output", "Liquid output too large: truncated");
        overflowWarned_ = true;
        return;
      }
      switch (n.kind) {
        case Node::Kind::Text: out.copy(n.begin, n.end); break;
        case Node::Kind::Output: {
          Value v = liquid::evalOutput(n.markup, env(n.begin));
          if (v.block) out.emitBlock(v.toString(), n.begin);
          else out.emit(v.toString(), n.begin);
          break;
        }
        case Node::Kind::Tag: tag(n, out, depth);
      }
    }
    (void)top;
  }

  void tag(const Node& n, Sink& out, int depth) {
    const std::string& name = n.name;
    std::string_view args = n.markup;
    if (name == "raw") {
      out.copy(n.bodyBegin, n.bodyEnd);
    } else if (name == "comment") {
    } else if (name == "highlight") {
      std::string lang;
      for (char c : args) {
        if (std::isspace(static_cast<unsigned char>(c))) break;
        lang += c;
      }
      std::string body(out.input.substr(n.bodyBegin, n.bodyEnd - n.bodyBegin));
      body = replaceAll(replaceAll(body, "{% raw %}", ""), "{% endraw %}", "");
      while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) body.erase(0, 1);
      while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
      std::size_t longest = 0, run = 0;
      for (char c : body) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
      std::string fence(std::max<std::size_t>(3, longest + 1), '`');
      if (out.tb) out.tb->endLine(n.begin);
      out.emit(fence + lang + "\n" + body + "\n" + fence + "\n", n.begin);
    } else if (name == "assign") {
      auto eq = args.find('=');
      if (eq == std::string_view::npos) return;
      std::string var(trim(args.substr(0, eq)));
      locals_[var] = liquid::evalOutput(args.substr(eq + 1), env(n.begin));
    } else if (name == "capture") {
      std::string buf;
      Sink s;
      s.str = &buf;
      s.input = out.input;
      render(n.bodies.front(), s, depth + 1, false);
      Value v = Value::str(buf);
      locals_[std::string(trim(args))] = v;
    } else if (name == "if" || name == "unless") {
      for (std::size_t k = 0; k < n.bodies.size(); ++k) {
        const std::string& cond = n.conds[k];
        bool take = cond == "\x01else" || liquid::evalCondition(cond, env(n.begin));
        if (k == 0 && name == "unless") take = !take;
        if (take) {
          render(n.bodies[k], out, depth + 1, false);
          break;
        }
      }
    } else if (name == "case") {
      Value subject = liquid::evalOutput(n.conds[0], env(n.begin));
      for (std::size_t k = 1; k < n.bodies.size(); ++k) {
        bool take = n.conds[k] == "\x01else";
        if (!take)
          for (const auto& alt : split(replaceAll(n.conds[k], " or ", ","), ','))
            if (liquid::evalCondition(std::string(trim(alt)) + " == " + "__case_subject__", envWith(n.begin, subject)))
              take = true;
        if (take) {
          render(n.bodies[k], out, depth + 1, false);
          break;
        }
      }
    } else if (name == "for" || name == "tablerow") {
      forLoop(n, out, depth);
    } else if (name == "include" || name == "include_relative") {
      include(n, out, name == "include_relative");
    } else if (name == "post_url") {
      out.emit(postUrl(std::string(trim(args)), n.begin), n.begin);
    } else if (name == "link") {
      out.emit(linkTag(std::string(trim(args)), n.begin), n.begin);
    } else if (name == "fn") {
      out.emit("<sup>" + std::string(trim(args)) + "</sup>", n.begin);
    } else if (name == "octicon" || name == "seo" || name == "feed_meta" || name == "endraw" ||
               name == "raw" || name == "google_analytics" || name == "toc_only") {
      // icons and page furniture: nothing to print
    } else if (name == "twitter" || name == "tweet" || name == "youtube" || name == "vimeo" ||
               name == "gist" || name == "instagram" || name == "video") {
      std::string arg = liquidArg(args, n.begin);
      std::string url = arg;
      if (name == "youtube" && youtubeId(arg).empty()) url = youtubeWatchUrl(arg);
      else if (name == "vimeo" && arg.find("://") == std::string::npos) url = "https://vimeo.com/" + arg;
      else if (name == "gist" && arg.find("://") == std::string::npos) url = "https://gist.github.com/" + arg;
      else if (name == "instagram" && arg.find("://") == std::string::npos) url = "https://www.instagram.com/p/" + arg + "/";
      embed(url, "", n, out);
    } else {
      warnAt(n.begin, "liquid-tag-unknown", "unknown Liquid tag {% " + name + " %} removed");
      if (!n.bodies.empty()) render(n.bodies.front(), out, depth + 1, false);
    }
  }

  liquid::Env envWith(std::size_t at, const Value& subject) {
    liquid::Env e = env(at);
    auto base = e.lookup;
    e.lookup = [base, subject](const std::vector<std::string>& path) {
      if (path.size() == 1 && path[0] == "__case_subject__") return subject;
      return base(path);
    };
    return e;
  }

  // The first argument of a plugin tag: a quoted string, a URL, or a variable holding one.
  std::string liquidArg(std::string_view args, std::size_t at) {
    args = trim(args);
    if (args.empty()) return "";
    std::size_t e = 0;
    if (args[0] == '"' || args[0] == '\'') {
      auto end = args.find(args[0], 1);
      return std::string(args.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
    }
    while (e < args.size() && !std::isspace(static_cast<unsigned char>(args[e]))) ++e;
    std::string word(args.substr(0, e));
    if (word.find("://") == std::string::npos && word.find('.') != std::string::npos) {
      Value v = liquid::evalOperand(word, env(at));
      if (v.type == Value::Type::String) return v.s;
    }
    if (locals_.count(word)) return locals_[word].toString();
    return word;
  }

  void embed(const std::string& url, const std::string& title, const Node& n, Sink& out) {
    if (url.empty()) {
      warnAt(n.begin, "liquid-embed", "{% " + n.name + " %} without a media address removed");
      return;
    }
    Placeholder p;
    p.kind = Placeholder::Kind::Blocks;
    p.blocks.push_back(embedBlock(url, title, SourcePos{lineOf(n.begin), 0}));
    p.source = std::string(out.input.substr(n.begin, n.end - n.begin));
    out.emit(ctx_.add(std::move(p)), n.begin);
  }

  void forLoop(const Node& n, Sink& out, int depth) {
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
    Value coll = liquid::evalOperand(rest.substr(0, e), env(n.begin));
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
      Value v = liquid::evalOperand(std::string_view(mods).substr(at + std::strlen(key)), env(n.begin));
      return v.type == Value::Type::Number ? static_cast<long long>(v.n) : def;
    };
    long long offset = std::max(0LL, modNum("offset:", 0));
    long long limit = modNum("limit:", static_cast<long long>(items.size()));
    if (offset > static_cast<long long>(items.size())) offset = static_cast<long long>(items.size());
    items.erase(items.begin(), items.begin() + offset);
    if (limit >= 0 && limit < static_cast<long long>(items.size())) items.resize(static_cast<std::size_t>(limit));
    if (mods.find("reversed") != std::string::npos) std::reverse(items.begin(), items.end());
    if (items.empty()) {
      if (n.bodies.size() > 1) render(n.bodies[1], out, depth + 1, false);
      return;
    }
    if (items.size() > 1000) items.resize(1000);
    Value saved = locals_.count(var) ? locals_[var] : Value::nil();
    for (std::size_t k = 0; k < items.size(); ++k) {
      locals_[var] = items[k];
      locals_["forloop.index"] = Value::num(static_cast<double>(k + 1));
      locals_["forloop.index0"] = Value::num(static_cast<double>(k));
      locals_["forloop.first"] = Value::boolean(k == 0);
      locals_["forloop.last"] = Value::boolean(k + 1 == items.size());
      locals_["forloop.length"] = Value::num(static_cast<double>(items.size()));
      render(n.bodies.front(), out, depth + 1, false);
      if (out.size() > kMaxOutput) break;
    }
    locals_[var] = saved;
  }

  const Post* findPostByStem(const std::string& name) const {
    std::string stem = name;
    auto slash = stem.rfind('/');
    if (slash != std::string::npos) stem = stem.substr(slash + 1);
    for (const auto& p : ctx_.site.posts)
      if (p.file.stem().string() == stem) return &p;
    return nullptr;
  }

  std::string postUrl(const std::string& name, std::size_t at) {
    if (const Post* p = findPostByStem(name)) return p->permalinkPath;
    warnAt(at, "liquid-post-url", "{% post_url " + name + " %}: no such post");
    return "#";
  }

  std::string linkTag(std::string path, std::size_t at) {
    if (!path.empty() && (path[0] == '"' || path[0] == '\'')) path = path.substr(1, path.size() >= 2 ? path.size() - 2 : 0);
    if (path.find("{{") != std::string::npos) path = liquid::evalOutput(path.substr(2, path.find("}}") - 2), env(at)).toString();
    std::string rel = startsWith(path, "/") ? path.substr(1) : path;
    for (const auto& p : ctx_.site.posts)
      if (p.path == rel) return p.permalinkPath;
    for (std::string ext : {".md", ".markdown", ".html"})
      if (endsWith(rel, ext)) return "/" + rel.substr(0, rel.size() - ext.size()) + ".html";
    return "/" + rel;
  }

  // include params: key="v" key='v' key=variable
  std::map<std::string, Value> includeParams(std::string_view s, std::size_t at) {
    std::map<std::string, Value> params;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      std::size_t k = i;
      while (i < s.size() && s[i] != '=' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      std::string key(s.substr(k, i - k));
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size() || s[i] != '=') {
        if (i == k) ++i;
        continue;
      }
      ++i;
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (i >= s.size()) break;
      if (s[i] == '"' || s[i] == '\'') {
        char q = s[i];
        auto end = s.find(q, i + 1);
        if (end == std::string_view::npos) end = s.size();
        params[key] = Value::str(std::string(s.substr(i + 1, end - i - 1)));
        i = end + 1;
      } else {
        std::size_t v = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        params[key] = liquid::evalOutput(s.substr(v, i - v), env(at));
      }
    }
    return params;
  }

  void include(const Node& n, Sink& out, bool relative) {
    std::string_view args = trim(n.markup);
    std::string file;
    std::size_t e = 0;
    if (startsWith(args, "{{")) {
      auto close = args.find("}}");
      std::string_view expr = args.substr(2, close == std::string_view::npos ? std::string_view::npos : close - 2);
      file = liquid::evalOutput(expr, env(n.begin)).toString();
      e = close == std::string_view::npos ? args.size() : close + 2;
    } else {
      while (e < args.size() && !std::isspace(static_cast<unsigned char>(args[e]))) ++e;
      file = std::string(args.substr(0, e));
      if (!file.empty() && (file[0] == '"' || file[0] == '\'')) file = file.substr(1, file.size() >= 2 ? file.size() - 2 : 0);
    }
    auto params = includeParams(args.substr(e), n.begin);
    std::string base = file;
    if (auto slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
    std::string stem = toLowerAscii(base.substr(0, base.rfind('.')));
    std::string ext = base.rfind('.') == std::string::npos ? "" : toLowerAscii(base.substr(base.rfind('.')));
    std::string source(out.input.substr(n.begin, n.end - n.begin));
    SourcePos pos{lineOf(n.begin), 0};

    // Boxes: note, tip, warning, important, alert, info, danger...
    AdmonitionKind kind;
    std::string word = stem;
    for (std::string_view prefix : {"alert-", "callout-", "admonition-", "box-"})
      if (startsWith(word, prefix)) word = word.substr(prefix.size());
    bool isBox = admonitionKindFromWord(word, &kind) || word == "alert" || word == "callout" || word == "notice";
    if (isBox && (ext == ".html" || ext.empty())) {
      if (word == "alert") {
        kind = AdmonitionKind::Warning;
        std::string type = firstParam(params, {"type", "kind", "class", "style"});
        if (!type.empty()) kind = admonitionKindFromColor(type);
      } else if (word == "callout" || word == "notice") {
        kind = AdmonitionKind::Note;
      }
      Placeholder p;
      p.kind = Placeholder::Kind::Blocks;
      Block box;
      box.kind = BlockKind::Admonition;
      box.admonition = kind;
      box.pos = pos;
      p.blocks.push_back(box);
      p.titleMarkdown = firstParam(params, {"title", "heading"});
      p.bodyMarkdown = firstParam(params, {"content", "text", "body", "message", "msg", "note"});
      p.source = source;
      out.emit(ctx_.add(std::move(p)), n.begin);
      return;
    }
    if (stem == "youtube" || stem == "yt" || stem == "video" || stem == "youtube-embed" || stem == "youtubeplayer") {
      std::string v = hrefOrText(firstParam(params, {"id", "url", "content", "src", "video_id", "video"}));
      std::string url = youtubeId(v).empty() && v.find("://") == std::string::npos ? youtubeWatchUrl(v) : v;
      embed(url, firstParam(params, {"title", "caption"}), n, out);
      return;
    }
    if (stem == "twitter" || stem == "tweet") {
      embed(hrefOrText(firstParam(params, {"content", "url", "tweet", "id"})), "", n, out);
      return;
    }
    if (stem == "image" || stem == "figure" || stem == "img" || stem == "picture" || stem == "fig" ||
        stem == "image.html" || stem == "responsive-image") {
      std::string src = firstParam(params, {"url", "src", "file", "image", "path", "name", "img"});
      if (src.empty()) {
        warnAt(n.begin, "liquid-include", "{% include " + file + " %} without an image source removed");
        return;
      }
      Placeholder p;
      p.kind = Placeholder::Kind::Blocks;
      ImageRef ref;
      ref.src = src;
      ref.alt = firstParam(params, {"alt", "description", "title"});
      ref.title = firstParam(params, {"title"});
      ref.pos = pos;
      try {
        ref.widthHint = std::stoi(firstParam(params, {"width"}));
      } catch (...) {
      }
      p.blocks.push_back(Block{});
      p.blocks.back().kind = BlockKind::Figure;
      p.blocks.back().image = ref;
      p.blocks.back().pos = pos;
      p.titleMarkdown = firstParam(params, {"caption", "description", "title"});
      p.source = source;
      out.emit(ctx_.add(std::move(p)), n.begin);
      return;
    }
    // A file: Markdown is inserted as Markdown, other templates are rendered.
    const Site& site = ctx_.site;
    fs::path dir = relative ? ctx_.post.file.parent_path() : site.includesDir;
    if (dir.empty() || includeDepth_ >= kMaxIncludeDepth) {
      warnAt(n.begin, "liquid-include", "{% include " + file + " %} cannot be read here: removed");
      return;
    }
    fs::path target = clampUnder(dir, file);
    fs::path confine = relative ? site.root : dir;
    std::string err;
    std::optional<std::string> text;
    if (!site.root.empty() && isInside(confine, target)) text = readFile(target, &err, 4u << 20);
    if (!text) {
      warnAt(n.begin, "liquid-include-missing", "{% include " + file + " %}: file not found, removed");
      return;
    }
    std::string body = sanitizeUtf8(*text);
    body = replaceAll(body, "\r\n", "\n");
    // Front matter of an included page is not content.
    if (startsWith(body, "---\n")) {
      auto end = body.find("\n---", 4);
      if (end != std::string::npos) body = body.substr(body.find('\n', end + 1) == std::string::npos ? body.size() : body.find('\n', end + 1) + 1);
    }
    std::string rendered;
    {
      ++includeDepth_;
      bool savedTop = atTop_;
      int savedLine = includeLine_;
      includeLine_ = lineOf(n.begin);
      atTop_ = false;
      includeParams_.push_back(params);
      Parser parser(body, ctx_, nullptr);
      std::vector<Node> nodes = parser.parse();
      Sink s;
      s.str = &rendered;
      s.input = body;
      render(nodes, s, 0, false);
      includeParams_.pop_back();
      atTop_ = savedTop;
      includeLine_ = savedLine;
      --includeDepth_;
    }
    if (ext == ".md" || ext == ".markdown" || ext == ".mdown") out.emitBlock(rendered, n.begin);
    else out.emit(rendered, n.begin);
  }

  const Source& in_;
  ParseContext& ctx_;
  std::map<std::string, Value> locals_;
  std::vector<std::map<std::string, Value>> includeParams_;
  int includeDepth_ = 0;
  bool atTop_ = true;
  int includeLine_ = 0;
  bool overflowWarned_ = false;
};

}  // namespace

Source runLiquid(const Source& in, ParseContext& ctx) {
  if (in.text.find("{{") == std::string::npos && in.text.find("{%") == std::string::npos) return in;
  Parser parser(in.text, ctx, &in);
  std::vector<Node> nodes = parser.parse();
  TextBuilder out(in);
  Renderer r(in, ctx);
  r.renderTop(nodes, out);
  return out.finish();
}

}  // namespace pp::markdown
