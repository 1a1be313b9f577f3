#include "markdown/shortcode_pass.h"

#include "markdown/code_regions.h"
#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

Source ShortcodePass::run() {
  const std::string& s = in_.text;
  CodeFences fences(s);
  std::size_t i = 0;
  while ((i = nextShortcodeOpening(s, i)) != std::string::npos) {
    std::size_t at = i;
    char k = s[at + 2];
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
    if (sc.closing) close(sc);
    else handle(sc, i);
  }
  out_.copy(copied_, s.size());
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    ctx_.warn(line(it->at), "shortcode-unclosed", "{{< " + it->name + " >}} never closed");
    emitEnd(it->placeholder, s.size());
  }
  return out_.finish();
}

std::size_t ShortcodePass::findClose(const std::string& name, std::size_t from, std::size_t* closeEnd) {
  if (!pairs_) pairs_.emplace(in_.text);
  ShortcodePairs::Close close = pairs_->closeOf(name, from);
  if (close.begin != std::string::npos) *closeEnd = close.end;
  return close.begin;
}

bool ShortcodePass::hasClose(const std::string& name, std::size_t from) {
  std::size_t end = 0;
  return findClose(name, from, &end) != std::string::npos;
}

std::string ShortcodePass::takeInner(const Shortcode& sc, std::size_t& i) {
  std::size_t closeEnd = 0;
  std::size_t close = findClose(sc.name, sc.end, &closeEnd);
  if (close == std::string::npos) return "";
  copied_ = i = closeEnd;
  return std::string(trim(std::string_view(in_.text).substr(sc.end, close - sc.end)));
}

// A close ends every shortcode opened after its opening; the close of a shortcode already
// reported or consumed does nothing.
void ShortcodePass::close(const Shortcode& sc) {
  for (std::size_t k = open_.size(); k-- > 0;) {
    if (open_[k].name == sc.name) {
      while (open_.size() > k) {
        emitEnd(open_.back().placeholder, sc.begin);
        open_.pop_back();
      }
      return;
    }
  }
}

void ShortcodePass::emitBlockText(const std::string& text, std::size_t at) {
  out_.endLine(at);
  out_.emit("\n" + text + "\n\n", at);
}

void ShortcodePass::emitBegin(Block container, std::string title, std::size_t at, const std::string& name,
                              const std::string& source) {
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

void ShortcodePass::emitEnd(int placeholder, std::size_t at) {
  if (placeholder < 0) return;
  Placeholder p;
  p.kind = Placeholder::Kind::End;
  p.pair = placeholder;
  emitBlockText(ctx_.add(std::move(p)), at);
}

Source runShortcodes(const Source& in, ParseContext& ctx) {
  if (in.text.find("{{<") == std::string::npos && in.text.find("{{%") == std::string::npos &&
      in.text.find("{{ <") == std::string::npos)
    return in;
  return ShortcodePass(in, ctx).run();
}

}  // namespace pp::markdown
