// `:::kind Title` ... `:::` fences (Docusaurus, VuePress, markdown-it-container, pandoc divs)
// become admonition placeholders around their Markdown body.
#include <vector>

#include "markdown/line_scan.h"
#include "markdown/media.h"
#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

struct FenceOpen {
  std::size_t colons = 0;
  std::string word;
  std::string title;
};

// Parses `:::note Title`, `:::tip[Title]`, `::: warning`, `:::info{title="T"}`, `::: {.note}`.
bool parseOpening(std::string_view t, FenceOpen& f) {
  t = trim(t);
  std::size_t n = 0;
  while (n < t.size() && t[n] == ':') ++n;
  if (n < 3) return false;
  std::string_view rest = trim(t.substr(n));
  if (rest.empty()) return false;
  if (rest[0] == '{') {  // pandoc: ::: {.note title="x"}
    auto dot = rest.find('.');
    if (dot == std::string_view::npos) return false;
    std::size_t e = dot + 1;
    while (e < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[e])) || rest[e] == '-')) ++e;
    f.word = std::string(rest.substr(dot + 1, e - dot - 1));
  } else {
    std::size_t e = 0;
    while (e < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[e])) || rest[e] == '-' || rest[e] == '_')) ++e;
    if (e == 0) return false;
    f.word = std::string(rest.substr(0, e));
    rest = trim(rest.substr(e));
    if (startsWith(rest, "[")) {
      auto close = rest.rfind(']');
      f.title = std::string(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    } else if (startsWith(rest, "{")) {
      auto at = rest.find("title=");
      if (at != std::string_view::npos) {
        std::string_view v = rest.substr(at + 6);
        char q = v.empty() ? 0 : v[0];
        if (q == '"' || q == '\'') {
          auto end = v.find(q, 1);
          f.title = std::string(v.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1));
        }
      }
    } else {
      f.title = std::string(rest);
    }
  }
  f.colons = n;
  return true;
}

bool isClosing(std::string_view t) {
  t = trim(t);
  return t.size() >= 3 && t.find_first_not_of(':') == std::string_view::npos;
}

}  // namespace

Source runAdmonitionFences(const Source& in, ParseContext& ctx) {
  if (in.text.find(":::") == std::string::npos) return in;
  TextBuilder out(in);
  LineScanner lines(in);
  Line l;
  std::size_t copied = 0;
  std::vector<int> open;  // placeholder indices of open Begins
  while (lines.next(l)) {
    if (l.code) continue;
    std::string_view t = trim(l.text);
    if (!startsWith(t, ":::")) continue;
    std::string indent(leadingSpace(l.text));
    int line = in.bodyLineAt(l.start);
    FenceOpen f;
    if (isClosing(t)) {
      out.copy(copied, l.start);
      copied = l.next;
      if (open.empty()) {
        ctx.warn(line, "admonition-stray", "':::' closes no admonition: removed");
        out.emit("\n", l.start);
        continue;
      }
      int pair = open.back();
      open.pop_back();
      out.endLine(l.start);
      if (pair < 0) {  // its opening was left out (too many constructs)
        out.emit("\n", l.start);
        continue;
      }
      Placeholder end;
      end.kind = Placeholder::Kind::End;
      end.pair = pair;
      end.source = std::string(l.text);
      out.emit("\n" + indent + ctx.add(std::move(end)) + "\n\n", l.start);
      continue;
    }
    if (!parseOpening(t, f)) continue;
    out.copy(copied, l.start);
    copied = l.next;
    Placeholder begin;
    begin.kind = Placeholder::Kind::Begin;
    begin.source = std::string(l.text);
    Block& c = begin.container;
    c.pos = SourcePos{line, static_cast<int>(indent.size()) + 1};
    std::string word = toLowerAscii(f.word);
    if (word == "details" || word == "spoiler" || word == "collapse") {
      c.kind = BlockKind::Details;
      begin.titleMarkdown = f.title.empty() ? "Details" : f.title;
    } else {
      c.kind = BlockKind::Admonition;
      if (!admonitionKindFromWord(word, &c.admonition)) {
        c.admonition = AdmonitionKind::Note;
        ctx.warn(line, "admonition-unknown",
                 "unknown admonition type '" + f.word + "' shown as a note");
      }
      begin.titleMarkdown = f.title;
    }
    out.endLine(l.start);
    int index = -1;
    out.emit("\n" + indent + ctx.add(std::move(begin), &index) + "\n\n", l.start);
    open.push_back(index);
  }
  out.copy(copied, in.text.size());
  if (!open.empty() && open.front() >= 0)
    ctx.warn(ctx.placeholders[static_cast<std::size_t>(open.front())].container.pos.line,
             "admonition-unclosed", "admonition never closed with ':::': it runs to the end of the post");
  while (!open.empty()) {
    if (open.back() < 0) {
      open.pop_back();
      continue;
    }
    Placeholder end;
    end.kind = Placeholder::Kind::End;
    end.pair = open.back();
    open.pop_back();
    out.emit("\n\n" + ctx.add(std::move(end)) + "\n", in.text.size());
  }
  return out.finish();
}

}  // namespace pp::markdown
