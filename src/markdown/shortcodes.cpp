// Hugo shortcodes, `{{< name params >}}` and `{{% name params %}}`, paired or not. Known ones
// become Document constructs (figures, bundle images, galleries, embeds, boxes, code, links);
// unknown ones are removed with a warning and their inner content kept.
#include <algorithm>
#include <map>
#include <system_error>

#include "markdown/code_regions.h"
#include "markdown/media.h"
#include "markdown/passes.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

struct Shortcode {
  std::size_t begin = 0, end = 0;  // whole `{{< ... >}}`
  bool closing = false;
  bool markdown = false;  // {{% %}} form
  std::string name;
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;

  std::string get(const char* key, std::size_t pos = SIZE_MAX) const {
    auto it = named.find(key);
    if (it != named.end()) return it->second;
    if (pos < positional.size()) return positional[pos];
    return "";
  }
};

// Parses the shortcode starting at `at` (which holds "{{<" or "{{%"). False if it is not one.
bool parseShortcode(std::string_view s, std::size_t at, Shortcode& sc) {
  char kind = s[at + 2];
  std::string closer = kind == '<' ? ">}}" : "%}}";
  std::size_t i = at + 3;
  auto ws = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  ws();
  if (i < s.size() && s[i] == '/') {
    if (i + 1 < s.size() && s[i + 1] == '*') return false;  // comment form, handled by the caller
    sc.closing = true;
    ++i;
    ws();
  }
  std::size_t n = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-' || s[i] == '/' || s[i] == '.'))
    ++i;
  if (i == n) return false;
  sc.name = std::string(s.substr(n, i - n));
  // Parameters until the closer.
  while (i < s.size()) {
    ws();
    if (s.compare(i, closer.size(), closer) == 0) {
      sc.end = i + closer.size();
      sc.begin = at;
      sc.markdown = kind == '%';
      return true;
    }
    if (s[i] == '/' && s.compare(i + 1, closer.size(), closer) == 0) {  // self-closing {{< x />}}
      sc.end = i + 1 + closer.size();
      sc.begin = at;
      sc.markdown = kind == '%';
      return true;
    }
    // A shortcode cannot contain another opening: stopping there keeps scanning linear.
    if (i - at > 20000 || s.compare(i, 2, "{{") == 0) return false;
    std::string key, value;
    std::size_t k = i;
    while (i < s.size() && s[i] != '=' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '"' && s[i] != '`' &&
           s.compare(i, closer.size(), closer) != 0)
      ++i;
    std::string word(s.substr(k, i - k));
    bool isNamed = i < s.size() && s[i] == '=';
    if (isNamed) {
      key = word;
      ++i;
    } else if (!word.empty()) {
      sc.positional.push_back(word);
      continue;
    }
    if (i >= s.size()) return false;
    if (s[i] == '"' || s[i] == '`') {
      char q = s[i];
      std::size_t end = i + 1;
      while (end < s.size() && s[end] != q && end - at < 20000) {
        if (q == '"' && s[end] == '\\') ++end;
        ++end;
      }
      if (end - at >= 20000) return false;
      if (end >= s.size()) return false;
      value = std::string(s.substr(i + 1, end - i - 1));
      if (q == '"') value = replaceAll(replaceAll(value, "\\\"", "\""), "\\\\", "\\");
      i = end + 1;
    } else {
      std::size_t v = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s.compare(i, closer.size(), closer) != 0) ++i;
      value = std::string(s.substr(v, i - v));
    }
    if (isNamed) sc.named[key] = value;
    else sc.positional.push_back(value);
  }
  return false;
}

bool isImageFile(const fs::path& p) {
  std::string ext = toLowerAscii(p.extension().string());
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".gif" || ext == ".webp" ||
         ext == ".svg" || ext == ".avif" || ext == ".bmp" || ext == ".tif" || ext == ".tiff";
}

// Glob over '/'-separated paths: * (no slash), ** (anything), ? and {a,b}.
bool globMatch(std::string_view pat, std::string_view str, int depth = 0) {
  if (depth > 32) return false;
  std::size_t p = 0, s = 0;
  while (p < pat.size()) {
    char c = pat[p];
    if (c == '*') {
      bool dbl = p + 1 < pat.size() && pat[p + 1] == '*';
      std::string_view rest = pat.substr(p + (dbl ? 2 : 1));
      for (std::size_t k = s; k <= str.size(); ++k) {
        if (globMatch(rest, str.substr(k), depth + 1)) return true;
        if (k < str.size() && !dbl && str[k] == '/') break;
      }
      return false;
    }
    if (c == '{') {
      auto close = pat.find('}', p);
      if (close == std::string_view::npos) return false;
      for (const auto& alt : split(pat.substr(p + 1, close - p - 1), ','))
        if (globMatch(std::string(alt) + std::string(pat.substr(close + 1)), str.substr(s), depth + 1)) return true;
      return false;
    }
    if (s >= str.size()) return false;
    if (c != '?' && std::tolower(static_cast<unsigned char>(c)) != std::tolower(static_cast<unsigned char>(str[s]))) return false;
    ++p;
    ++s;
  }
  return s == str.size();
}

class ShortcodePass {
 public:
  ShortcodePass(const Source& in, ParseContext& ctx) : in_(in), ctx_(ctx), out_(in) {}

  Source run() {
    const std::string& s = in_.text;
    CodeFences fences(s);
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t at = s.find("{{", i);
      if (at == std::string::npos || at + 2 >= s.size()) break;
      char k = s[at + 2];
      if (k != '<' && k != '%') {
        i = at + 2;
        continue;
      }
      // {{</* name */>}}: the author shows shortcode syntax; print it without the comment marks.
      std::size_t j = at + 3;
      while (j < s.size() && s[j] == ' ') ++j;
      if (j + 1 < s.size() && s[j] == '/' && s[j + 1] == '*') {
        std::string closer = k == '<' ? "*/>}}" : "*/%}}";
        std::size_t end = s.find(closer, j);
        if (end != std::string::npos) {
          out_.copy(copied_, at);
          out_.emit(std::string("{{") + k + s.substr(j + 2, end - j - 2) + (k == '<' ? ">}}" : "%}}"), at);
          copied_ = i = end + closer.size();
          continue;
        }
      }
      if (fences.inside(at)) {
        i = fences.skip(at);
        continue;
      }
      Shortcode sc;
      if (!parseShortcode(s, at, sc)) {
        i = at + 3;
        continue;
      }
      out_.copy(copied_, at);
      copied_ = sc.end;
      i = sc.end;
      handle(sc, i);
    }
    out_.copy(copied_, s.size());
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      ctx_.warn(line(it->at), "shortcode-unclosed", "{{< " + it->name + " >}} never closed");
      emitEnd(it->placeholder, s.size());
    }
    return out_.finish();
  }

 private:
  struct Open {
    std::string name;
    int placeholder = -1;  // -1: nothing to close (transparent)
    std::size_t at = 0;
  };

  int line(std::size_t at) const { return in_.bodyLineAt(at); }
  SourcePos pos(std::size_t at) const { return SourcePos{in_.bodyLineAt(at), in_.columnAt(at)}; }

  // The matching close of a paired shortcode, searched from `from`; npos when unpaired.
  std::size_t findClose(const std::string& name, std::size_t from, std::size_t* closeEnd) {
    const std::string& s = in_.text;
    std::size_t p = from;
    int depth = 0;
    while (true) {
      std::size_t at = s.find("{{", p);
      if (at == std::string::npos || at + 2 >= s.size()) return std::string::npos;
      if (s[at + 2] != '<' && s[at + 2] != '%') {
        p = at + 2;
        continue;
      }
      Shortcode sc;
      if (parseShortcode(s, at, sc) && sc.name == name) {
        if (!sc.closing) ++depth;
        else if (depth-- == 0) {
          *closeEnd = sc.end;
          return at;
        }
      }
      p = at + 3;
    }
  }

  bool hasClose(const std::string& name, std::size_t from) {
    auto key = name + "@" + std::to_string(from);
    std::size_t end = 0;
    // Cache per name: once a name has no close after some offset, it has none after later ones.
    auto it = noCloseFrom_.find(name);
    if (it != noCloseFrom_.end() && from >= it->second) return false;
    if (findClose(name, from, &end) != std::string::npos) return true;
    noCloseFrom_[name] = from;
    return false;
  }

  void emitBlockText(const std::string& text, std::size_t at) {
    out_.endLine(at);
    out_.emit("\n" + text + "\n\n", at);
  }

  void emitPlaceholder(Placeholder p, std::size_t at) { out_.emit(ctx_.add(std::move(p)), at); }

  void emitBegin(Block container, std::string title, std::size_t at, const std::string& name, const std::string& source) {
    Placeholder p;
    p.kind = Placeholder::Kind::Begin;
    p.container = std::move(container);
    p.titleMarkdown = std::move(title);
    p.source = source;
    int index = -1;
    std::string m = ctx_.add(std::move(p), &index);
    open_.push_back({name, index, at});
    emitBlockText(m, at);
  }

  void emitEnd(int placeholder, std::size_t at) {
    if (placeholder < 0) return;
    Placeholder p;
    p.kind = Placeholder::Kind::End;
    p.pair = placeholder;
    emitBlockText(ctx_.add(std::move(p)), at);
  }

  std::string source(const Shortcode& sc) const { return in_.text.substr(sc.begin, sc.end - sc.begin); }

  void handle(const Shortcode& sc, std::size_t& i) {
    const std::string& n = sc.name;
    if (sc.closing) {
      for (std::size_t k = open_.size(); k-- > 0;) {
        if (open_[k].name == n) {
          while (open_.size() > k) {
            emitEnd(open_.back().placeholder, sc.begin);
            open_.pop_back();
          }
          return;
        }
      }
      return;  // the close of a shortcode already reported or consumed
    }
    if (n == "figure" || n == "image" || n == "img") return figure(sc);
    if (n == "imgproc" || n == "imgproc-link") return imgproc(sc, i);
    if (n == "gallery") return gallery(sc);
    if (n == "youtube" || n == "vimeo" || n == "tweet" || n == "x" || n == "twitter" || n == "instagram" ||
        n == "gist" || n == "video" || n == "speakerdeck" || n == "slideshare" || n == "iframe")
      return media(sc, i);
    if (n == "ref" || n == "relref") {
      out_.emit(ref(sc), sc.begin);
      return;
    }
    if (n == "param") {
      std::string key = sc.get("name", 0);
      auto it = ctx_.post.params.find(key);
      std::string v = it != ctx_.post.params.end() ? it->second : "";
      if (v.empty()) {
        auto jt = ctx_.site.config.find("params." + key);
        if (jt != ctx_.site.config.end()) v = jt->second;
      }
      out_.emit(v, sc.begin);
      return;
    }
    if (n == "highlight" || n == "code" || n == "mermaid" || n == "katex" || n == "math") {
      std::size_t closeEnd = 0;
      std::size_t close = findClose(n, sc.end, &closeEnd);
      if (close == std::string::npos) {
        ctx_.warn(line(sc.begin), "shortcode-unclosed", "{{< " + n + " >}} without {{< /" + n + " >}}");
        return;
      }
      std::string body = in_.text.substr(sc.end, close - sc.end);
      while (!body.empty() && (body.front() == '\n')) body.erase(0, 1);
      while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
      std::string lang = n == "highlight" ? sc.get("lang", 0) : n == "mermaid" ? "mermaid" : n == "code" ? sc.get("lang", 0) : "math";
      std::size_t longest = 0, run = 0;
      for (char c : body) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
      }
      std::string fence(std::max<std::size_t>(3, longest + 1), '`');
      emitBlockText(fence + lang + "\n" + body + "\n" + fence, sc.begin);
      copied_ = i = closeEnd;
      return;
    }
    AdmonitionKind kind;
    bool box = admonitionKindFromWord(n, &kind) || n == "alert" || n == "pageinfo" || n == "callout" ||
               n == "notice" || n == "admonition" || n == "hint" || n == "expand" || n == "details" ||
               n == "spoiler" || n == "collapse";
    if (box && hasClose(n, sc.end)) {
      Block c;
      c.pos = pos(sc.begin);
      std::string title = sc.get("title");
      if (n == "details" || n == "expand" || n == "spoiler" || n == "collapse") {
        c.kind = BlockKind::Details;
        if (title.empty()) title = sc.get("summary", 0);
        if (title.empty()) title = "Details";
      } else {
        c.kind = BlockKind::Admonition;
        if (n == "alert" || n == "pageinfo" || n == "callout" || n == "notice" || n == "admonition" || n == "hint") {
          std::string color = sc.get("color");
          if (color.empty()) color = sc.get("type", 0);
          if (color.empty()) color = sc.get("kind");
          AdmonitionKind k2;
          if (admonitionKindFromWord(color, &k2)) kind = k2;
          else kind = admonitionKindFromColor(color);
          if (n == "pageinfo" && color.empty()) kind = AdmonitionKind::Info;
        }
        c.admonition = kind;
        if (title.empty() && !sc.positional.empty() && n != "alert" && n != "pageinfo" && n != "hint" &&
            n != "callout" && n != "notice" && n != "admonition")
          title = sc.positional[0];
      }
      emitBegin(std::move(c), title, sc.begin, n, source(sc));
      return;
    }
    if (n == "tabs" || n == "tabpane" || n == "center" || n == "rawhtml" || n == "html" || n == "columns" ||
        n == "column" || n == "row" || n == "card" || n == "blockquote" || n == "quote") {
      if (hasClose(n, sc.end)) open_.push_back({n, -1, sc.begin});
      return;
    }
    if (n == "tab") {
      std::string label = sc.get("name", 0);
      if (label.empty()) label = sc.get("header");
      if (label.empty()) label = sc.get("title");
      if (!label.empty()) emitBlockText("**" + label + "**", sc.begin);
      if (hasClose(n, sc.end)) open_.push_back({n, -1, sc.begin});
      return;
    }
    if (n == "toc" || n == "readmore" || n == "comments" || n == "br" || n == "clear") return;
    bool paired = hasClose(n, sc.end);
    ctx_.warn(line(sc.begin), "shortcode-unknown",
              "unknown Hugo shortcode '" + n + "' removed" + (paired ? ", inner content kept" : ""),
              in_.columnAt(sc.begin));
    if (paired) open_.push_back({n, -1, sc.begin});
  }

  void figure(const Shortcode& sc) {
    std::string src = sc.get("src", 0);
    if (src.empty()) {
      ctx_.warn(line(sc.begin), "shortcode-figure", "{{< " + sc.name + " >}} without src removed");
      return;
    }
    Placeholder p;
    p.kind = Placeholder::Kind::Blocks;
    ImageRef ref;
    ref.src = src;
    ref.alt = sc.get("alt");
    ref.title = sc.get("title");
    ref.pos = pos(sc.begin);
    const std::string w = sc.get("width");
    ref.widthHint = widthHint(&w, nullptr);
    Block f;
    f.kind = BlockKind::Figure;
    f.image = ref;
    f.pos = ref.pos;
    f.link.url = sc.get("link");
    p.blocks.push_back(f);
    std::string title = sc.get("title"), caption = sc.get("caption");
    p.titleMarkdown = !title.empty() && !caption.empty() ? title + ": " + caption : !caption.empty() ? caption : title;
    if (p.titleMarkdown.empty() && !ref.alt.empty()) p.titleMarkdown = ref.alt;
    p.source = source(sc);
    emitPlaceholder(std::move(p), sc.begin);
  }

  static int widthHint(const std::string* w, const std::string*) {
    if (!w || w->empty()) return 0;
    try {
      std::size_t used = 0;
      int v = std::stoi(*w, &used);
      std::string unit = w->substr(used);
      return (unit.empty() || unit == "px") && v > 0 && v < 20000 ? v : 0;
    } catch (...) {
      return 0;
    }
  }

  fs::path bundleDir() const {
    const Post& post = ctx_.post;
    if (!post.bundleDir.empty()) return post.bundleDir;
    return post.file.parent_path();
  }

  // Image files of the bundle, relative to it, sorted; bounded so a huge folder costs little.
  const std::vector<std::string>& bundleImages() {
    if (bundleListed_) return bundleImages_;
    bundleListed_ = true;
    fs::path dir = bundleDir();
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return bundleImages_;
    // A single-file post in a section folder has no bundle of its own (Hugo: leaf bundles only).
    bool bundle = !ctx_.post.bundleDir.empty() || ctx_.post.file.stem() == "index";
    if (!bundle) return bundleImages_;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    std::size_t seen = 0;
    for (; !ec && it != end && seen < 5000; it.increment(ec), ++seen) {
      if (it.depth() > 4) {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec) || !isImageFile(it->path())) continue;
      bundleImages_.push_back(relativeTo(dir, it->path()));
    }
    std::sort(bundleImages_.begin(), bundleImages_.end());
    return bundleImages_;
  }

  // ImageRef::src for a bundle file: relative to the post's folder, as the asset stage expects.
  std::string srcFor(const std::string& bundleRel) const {
    fs::path abs = bundleDir() / bundleRel;
    std::string rel = relativeTo(ctx_.post.file.parent_path(), abs);
    return rel;
  }

  void imgproc(const Shortcode& sc, std::size_t& i) {
    std::string name = sc.get("src", 0);
    std::size_t closeEnd = 0;
    std::size_t close = findClose(sc.name, sc.end, &closeEnd);
    std::string caption;
    if (close != std::string::npos) {
      caption = std::string(trim(std::string_view(in_.text).substr(sc.end, close - sc.end)));
      copied_ = i = closeEnd;
    }
    // Docsy: .Resources.GetMatch "**<name>*": the name anywhere in the last path segment.
    const auto& images = bundleImages();
    std::string found;
    for (int pass = 0; pass < 2 && found.empty() && !name.empty(); ++pass) {
      for (const auto& rel : images) {
        std::string base = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
        bool match = pass == 0 ? startsWith(toLowerAscii(base), toLowerAscii(name))
                               : globMatch("**" + name + "*", rel);
        if (match) {
          found = rel;
          break;
        }
      }
    }
    Placeholder p;
    p.kind = Placeholder::Kind::Blocks;
    ImageRef ref;
    ref.pos = pos(sc.begin);
    if (found.empty()) {
      ctx_.warn(line(sc.begin), "shortcode-imgproc",
                "{{< imgproc " + name + " >}}: no image of the page bundle matches '" + name + "'");
      ref.src = name;  // the asset stage reports it missing, with the name the author wrote
    } else {
      ref.src = srcFor(found);
    }
    ref.alt = caption.empty() ? name : caption;
    std::string opts = sc.positional.size() > 2 ? sc.positional[2] : "";
    if (!opts.empty() && std::isdigit(static_cast<unsigned char>(opts[0]))) ref.widthHint = widthHint(&opts, nullptr) ? widthHint(&opts, nullptr) : std::atoi(opts.c_str());
    Block f;
    f.kind = BlockKind::Figure;
    f.image = ref;
    f.pos = ref.pos;
    p.blocks.push_back(f);
    p.titleMarkdown = caption;
    p.source = source(sc);
    emitPlaceholder(std::move(p), sc.begin);
  }

  void gallery(const Shortcode& sc) {
    std::string match = sc.get("match", 0);
    if (match.empty()) match = "*";
    std::vector<std::string> files;
    for (const auto& rel : bundleImages())
      if (globMatch(match, rel)) files.push_back(rel);
    if (toLowerAscii(sc.get("sortOrder")) == "desc") std::reverse(files.begin(), files.end());
    if (files.empty()) {
      ctx_.warn(line(sc.begin), "shortcode-gallery", "{{< gallery match=\"" + match + "\" >}}: no image of the page bundle matches");
      return;
    }
    Placeholder p;
    p.kind = Placeholder::Kind::Blocks;
    for (const auto& rel : files) {
      ImageRef ref;
      ref.src = srcFor(rel);
      ref.pos = pos(sc.begin);
      Block f;
      f.kind = BlockKind::Figure;
      f.image = ref;
      f.pos = ref.pos;
      p.blocks.push_back(f);
    }
    p.source = source(sc);
    emitPlaceholder(std::move(p), sc.begin);
  }

  void media(const Shortcode& sc, std::size_t& i) {
    const std::string& n = sc.name;
    std::string url;
    std::string title = sc.get("title");
    if (n == "youtube") {
      std::string id = sc.get("id", 0);
      url = youtubeId(id).empty() ? youtubeWatchUrl(id) : id;
      if (id.empty()) url.clear();
    } else if (n == "vimeo") {
      std::string id = sc.get("id", 0);
      if (!id.empty()) url = "https://vimeo.com/" + id;
    } else if (n == "tweet" || n == "x" || n == "twitter") {
      std::string user = sc.get("user"), id = sc.get("id");
      if (id.empty() && !sc.positional.empty()) {
        id = sc.positional.back();
        if (sc.positional.size() > 1) user = sc.positional[0];
      }
      if (!id.empty()) url = "https://twitter.com/" + (user.empty() ? std::string("i") : user) + "/status/" + id;
      if (title.empty() && !user.empty()) title = "Tweet by @" + user;
    } else if (n == "instagram") {
      std::string id = sc.get("id", 0);
      if (!id.empty()) url = "https://www.instagram.com/p/" + id + "/";
    } else if (n == "gist") {
      std::string user = sc.get("user", 0), id = sc.get("id", 1);
      if (!user.empty() && !id.empty()) url = "https://gist.github.com/" + user + "/" + id;
    } else if (n == "speakerdeck") {
      std::string id = sc.get("id", 0);
      if (!id.empty()) url = "https://speakerdeck.com/player/" + id;
    } else {
      url = sc.get("src", 0);
      if (url.empty()) url = sc.get("url");
    }
    // A paired form ({{< video >}}caption{{< /video >}}) consumes its inner text as the title.
    std::size_t closeEnd = 0;
    if (hasClose(n, sc.end)) {
      std::size_t close = findClose(n, sc.end, &closeEnd);
      if (close != std::string::npos) {
        std::string inner(trim(std::string_view(in_.text).substr(sc.end, close - sc.end)));
        if (title.empty()) title = inner;
        copied_ = i = closeEnd;
      }
    }
    if (url.empty()) {
      ctx_.warn(line(sc.begin), "shortcode-embed", "{{< " + n + " >}} without an id or address removed");
      return;
    }
    Placeholder p;
    p.kind = Placeholder::Kind::Blocks;
    p.blocks.push_back(embedBlock(url, title, pos(sc.begin)));
    p.source = source(sc);
    emitPlaceholder(std::move(p), sc.begin);
  }

  // ref / relref: the target post's URL (resolveCrossLinks turns it into an internal link).
  std::string ref(const Shortcode& sc) {
    std::string target = sc.get("path", 0);
    std::string anchor;
    if (auto h = target.find('#'); h != std::string::npos) {
      anchor = target.substr(h);
      target = target.substr(0, h);
    }
    if (target.empty()) return anchor;
    std::string want = target;
    while (startsWith(want, "./")) want = want.substr(2);
    const Post* best = nullptr;
    fs::path here = ctx_.post.file.parent_path();
    for (const auto& p : ctx_.site.posts) {
      std::string rel = relativeTo(ctx_.site.contentDir.empty() ? ctx_.site.root : ctx_.site.contentDir, p.file);
      std::string relNoLang = rel;
      // content/<lang>/... : refs are written without the language folder
      if (auto slash = rel.find('/'); slash != std::string::npos && slash <= 3) relNoLang = rel.substr(slash + 1);
      std::string w = startsWith(want, "/") ? want.substr(1) : want;
      auto same = [&](const std::string& a) {
        return a == w || a == w + ".md" || a == w + "/index.md" || a == w + "/_index.md" ||
               endsWith(a, "/" + w) || endsWith(a, "/" + w + ".md") || endsWith(a, "/" + w + "/index.md");
      };
      bool relative = !startsWith(want, "/") && isInside(here, clampUnder(here, want)) &&
                      (clampUnder(here, want) == p.file || clampUnder(here, want) / "index.md" == p.file ||
                       clampUnder(here, want + ".md") == p.file);
      if (relative || same(rel) || same(relNoLang) || p.file.stem() == w ||
          (p.file.stem() == "index" && p.file.parent_path().filename() == w)) {
        best = &p;
        break;
      }
    }
    if (!best) {
      ctx_.warn(line(sc.begin), "shortcode-ref", "{{< " + sc.name + " \"" + target + "\" >}}: no such page");
      return target + anchor;
    }
    return best->permalinkPath + anchor;
  }

  const Source& in_;
  ParseContext& ctx_;
  TextBuilder out_;
  std::size_t copied_ = 0;
  std::vector<Open> open_;
  std::map<std::string, std::size_t> noCloseFrom_;
  bool bundleListed_ = false;
  std::vector<std::string> bundleImages_;
};

}  // namespace

Source runShortcodes(const Source& in, ParseContext& ctx) {
  if (in.text.find("{{<") == std::string::npos && in.text.find("{{%") == std::string::npos &&
      in.text.find("{{ <") == std::string::npos)
    return in;
  return ShortcodePass(in, ctx).run();
}

}  // namespace pp::markdown
