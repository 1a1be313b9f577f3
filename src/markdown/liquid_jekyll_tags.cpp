// Jekyll's tags on top of Liquid: highlight, include and include_relative (boxes, embeds and
// figures from the includes themes ship, else the file itself, Markdown inserted as Markdown),
// post_url, link, fastpages' fn, and the embed tags of common plugins (twitter, youtube, vimeo,
// gist, instagram, video). Page furniture (seo, feed_meta, octicon...) prints nothing.
#include <cctype>

#include "markdown/code_regions.h"
#include "markdown/liquid_render.h"
#include "markdown/media.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::markdown::liquid {

namespace {

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

}  // namespace

bool Renderer::jekyllTag(const Node& n, Sink& out) {
  const std::string& name = n.name;
  std::string_view args = n.markup;
  if (name == "highlight") {
    highlight(n, out);
  } else if (name == "include" || name == "include_relative") {
    include(n, out, name == "include_relative");
  } else if (name == "post_url") {
    out.emit(postUrl(std::string(trim(args)), n.begin), n.begin);
  } else if (name == "link") {
    out.emit(linkTag(std::string(trim(args)), n.begin), n.begin);
  } else if (name == "fn") {
    out.emit("<sup>" + std::string(trim(args)) + "</sup>", n.begin);
  } else if (name == "octicon" || name == "seo" || name == "feed_meta" || name == "endraw" ||
             name == "google_analytics" || name == "toc_only") {
    // icons and page furniture: nothing to print
  } else if (name == "twitter" || name == "tweet" || name == "youtube" || name == "vimeo" ||
             name == "gist" || name == "instagram" || name == "video") {
    pluginEmbed(n, out);
  } else {
    return false;
  }
  return true;
}

// {% highlight lang %}...{% endhighlight %}: a fenced code block.
void Renderer::highlight(const Node& n, Sink& out) {
  std::string lang;
  for (char c : n.markup) {
    if (std::isspace(static_cast<unsigned char>(c))) break;
    lang += c;
  }
  std::string body(out.input.substr(n.bodyBegin, n.bodyEnd - n.bodyBegin));
  body = replaceAll(replaceAll(body, "{% raw %}", ""), "{% endraw %}", "");
  while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) body.erase(0, 1);
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
  std::string fence = codeFenceFor(body);
  if (out.tb) out.tb->endLine(n.begin);
  out.emit(fence + lang + "\n" + body + "\n" + fence + "\n", n.begin);
}

void Renderer::pluginEmbed(const Node& n, Sink& out) {
  const std::string& name = n.name;
  std::string arg = liquidArg(n.markup, n.begin);
  std::string url = arg;
  if (name == "youtube" && youtubeId(arg).empty()) url = youtubeWatchUrl(arg);
  else if (name == "vimeo" && arg.find("://") == std::string::npos) url = "https://vimeo.com/" + arg;
  else if (name == "gist" && arg.find("://") == std::string::npos) url = "https://gist.github.com/" + arg;
  else if (name == "instagram" && arg.find("://") == std::string::npos) url = "https://www.instagram.com/p/" + arg + "/";
  embed(url, "", n, out);
}

// The first argument of a plugin tag: a quoted string, a URL, or a variable holding one.
std::string Renderer::liquidArg(std::string_view args, std::size_t at) {
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
    Value v = evalOperand(word, env(at));
    if (v.type == Value::Type::String) return v.s;
  }
  if (locals_.count(word)) return locals_[word].toString();
  return word;
}

void Renderer::embed(const std::string& url, const std::string& title, const Node& n, Sink& out) {
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

const Post* Renderer::findPostByStem(const std::string& name) const {
  std::string stem = name;
  auto slash = stem.rfind('/');
  if (slash != std::string::npos) stem = stem.substr(slash + 1);
  for (const auto& p : ctx_.site.posts)
    if (p.file.stem().string() == stem) return &p;
  return nullptr;
}

std::string Renderer::postUrl(const std::string& name, std::size_t at) {
  if (const Post* p = findPostByStem(name)) return p->permalinkPath;
  warnAt(at, "liquid-post-url", "{% post_url " + name + " %}: no such post");
  return "#";
}

std::string Renderer::linkTag(std::string path, std::size_t at) {
  if (!path.empty() && (path[0] == '"' || path[0] == '\'')) path = path.substr(1, path.size() >= 2 ? path.size() - 2 : 0);
  if (path.find("{{") != std::string::npos) path = evalOutput(path.substr(2, path.find("}}") - 2), env(at)).toString();
  std::string rel = startsWith(path, "/") ? path.substr(1) : path;
  for (const auto& p : ctx_.site.posts)
    if (p.path == rel) return p.permalinkPath;
  for (std::string ext : {".md", ".markdown", ".html"})
    if (endsWith(rel, ext)) return "/" + rel.substr(0, rel.size() - ext.size()) + ".html";
  return "/" + rel;
}

// include params: key="v" key='v' key=variable
std::map<std::string, Value> Renderer::includeParams(std::string_view s, std::size_t at) {
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
      params[key] = evalOutput(s.substr(v, i - v), env(at));
    }
  }
  return params;
}


void Renderer::include(const Node& n, Sink& out, bool relative) {
  std::string_view args = trim(n.markup);
  std::string file;
  std::size_t e = 0;
  if (startsWith(args, "{{")) {
    auto close = args.find("}}");
    std::string_view expr = args.substr(2, close == std::string_view::npos ? std::string_view::npos : close - 2);
    file = evalOutput(expr, env(n.begin)).toString();
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
  if (includeBox(n, out, stem, ext, params) || includeMedia(n, out, file, stem, params)) return;
  includeFile(n, out, file, ext, relative, std::move(params));
}

// Boxes: note, tip, warning, important, alert, info, danger...
bool Renderer::includeBox(const Node& n, Sink& out, const std::string& stem, const std::string& ext,
                          const std::map<std::string, Value>& params) {
  AdmonitionKind kind;
  std::string word = stem;
  for (std::string_view prefix : {"alert-", "callout-", "admonition-", "box-"})
    if (startsWith(word, prefix)) word = word.substr(prefix.size());
  bool isBox = admonitionKindFromWord(word, &kind) || word == "alert" || word == "callout" || word == "notice";
  if (!isBox || !(ext == ".html" || ext.empty())) return false;
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
  box.pos = SourcePos{lineOf(n.begin), 0};
  p.blocks.push_back(box);
  p.titleMarkdown = firstParam(params, {"title", "heading"});
  p.bodyMarkdown = firstParam(params, {"content", "text", "body", "message", "msg", "note"});
  p.source = std::string(out.input.substr(n.begin, n.end - n.begin));
  out.emit(ctx_.add(std::move(p)), n.begin);
  return true;
}

// The video, tweet and image includes themes ship.
bool Renderer::includeMedia(const Node& n, Sink& out, const std::string& file, const std::string& stem,
                            const std::map<std::string, Value>& params) {
  if (stem == "youtube" || stem == "yt" || stem == "video" || stem == "youtube-embed" || stem == "youtubeplayer") {
    std::string v = hrefOrText(firstParam(params, {"id", "url", "content", "src", "video_id", "video"}));
    std::string url = youtubeId(v).empty() && v.find("://") == std::string::npos ? youtubeWatchUrl(v) : v;
    embed(url, firstParam(params, {"title", "caption"}), n, out);
    return true;
  }
  if (stem == "twitter" || stem == "tweet") {
    embed(hrefOrText(firstParam(params, {"content", "url", "tweet", "id"})), "", n, out);
    return true;
  }
  if (!(stem == "image" || stem == "figure" || stem == "img" || stem == "picture" || stem == "fig" ||
        stem == "image.html" || stem == "responsive-image"))
    return false;
  std::string src = firstParam(params, {"url", "src", "file", "image", "path", "name", "img"});
  if (src.empty()) {
    warnAt(n.begin, "liquid-include", "{% include " + file + " %} without an image source removed");
    return true;
  }
  SourcePos pos{lineOf(n.begin), 0};
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
  p.source = std::string(out.input.substr(n.begin, n.end - n.begin));
  out.emit(ctx_.add(std::move(p)), n.begin);
  return true;
}

// A file: Markdown is inserted as Markdown, other templates are rendered.
void Renderer::includeFile(const Node& n, Sink& out, const std::string& file, const std::string& ext,
                           bool relative, std::map<std::string, Value> params) {
  const Site& site = ctx_.site;
  fs::path dir = relative ? ctx_.post.file.parent_path() : site.includesDir;
  if (dir.empty() || includeDepth_ >= budget_.includeDepth) {
    warnAt(n.begin, "liquid-include", "{% include " + file + " %} cannot be read here: removed");
    return;
  }
  fs::path target = clampUnder(dir, file);
  std::string err;
  std::optional<std::string> text;
  // The site root confines every include, wherever the configuration puts the folder.
  if (!site.root.empty()) text = readConfined(site.root, target, &err, 4u << 20);
  if (!text) {
    warnAt(n.begin, "liquid-include-missing", "{% include " + file + " %}: " + err + ", removed");
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
    includeParams_.push_back(std::move(params));
    std::vector<Node> nodes = parse(body, ctx_, nullptr);
    Sink s;
    s.str = &rendered;
    s.input = body;
    render(nodes, s, 0);
    includeParams_.pop_back();
    atTop_ = savedTop;
    includeLine_ = savedLine;
    --includeDepth_;
  }
  if (ext == ".md" || ext == ".markdown" || ext == ".mdown") out.emitBlock(rendered, n.begin);
  else out.emit(rendered, n.begin);
}

}  // namespace pp::markdown::liquid
