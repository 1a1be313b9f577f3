// $...$, $$...$$, \(...\) and \[...\] math (or \\( and \\[ where the generator unescapes
// them: Features::MathBackslash), where the site or post enables it: display math alone on its
// lines becomes a fenced block cmark leaves alone; inline math a placeholder, so `*` and `_`
// inside TeX never turn into emphasis.
#include "markdown/code_regions.h"
#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

constexpr std::size_t kMaxInlineMath = 4000;

bool blankLineAt(const std::string& s, std::size_t nl) {
  std::size_t j = nl + 1;
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
  return j >= s.size() || s[j] == '\n';
}

}  // namespace

Source runMath(const Source& in, ParseContext& ctx, Features::MathBackslash backslash) {
  const std::string& s = in.text;
  if (s.find('$') == std::string::npos && (backslash == Features::MathBackslash::None || s.find('\\') == std::string::npos))
    return in;
  CodeSkipper code(s);
  CodeSpans& spans = code.spans();
  TextBuilder out(in);
  std::size_t copied = 0;
  std::size_t i = 0;
  auto inlineMath = [&](std::size_t from, std::size_t to, std::string tex) {
    out.copy(copied, from);
    Placeholder p;
    p.kind = Placeholder::Kind::Inline;
    p.inl.kind = InlineKind::Math;
    p.inl.text = std::string(trim(tex));
    p.inl.pos = SourcePos{in.bodyLineAt(from), in.columnAt(from)};
    p.source = s.substr(from, to - from);
    out.emit(ctx.add(std::move(p)), from);
    copied = to;
  };
  // TeX from `begin` to `end`, delimited from `from` to `to`: a display block when alone on
  // its lines, else inline.
  auto formula = [&](std::size_t from, std::size_t begin, std::size_t end, std::size_t to) {
    std::string tex(trim(std::string_view(s).substr(begin, end - begin)));
    if (tex.empty()) return;
    std::size_t lineStart = from == 0 ? 0 : s.rfind('\n', from - 1);
    lineStart = lineStart == std::string::npos || from == 0 ? 0 : lineStart + 1;
    std::string_view before = std::string_view(s).substr(lineStart, from - lineStart);
    std::size_t afterEnd = s.find('\n', to);
    std::string_view after = std::string_view(s).substr(to, (afterEnd == std::string::npos ? s.size() : afterEnd) - to);
    if (trim(before).empty() && trim(after).empty()) {
      out.copy(copied, from);
      std::string indent(before);
      std::string fence = codeFenceFor(tex);
      std::string block = fence + "pp-math\n";
      for (const auto& part : split(tex, '\n')) block += indent + part + "\n";
      block += indent + fence;
      out.emit(block, from);
      copied = to;
      return;
    }
    inlineMath(from, to, tex);
  };
  // \( ... \) and \[ ... \] (or with doubled backslashes): the closing delimiter on the same
  // paragraph, within the inline size limit. Where a search found no closer, a later opener
  // before that point gives up at once: hostile text full of openers stays linear.
  std::size_t noCloser[2] = {0, 0};  // for ) and ]
  auto backslashed = [&](std::size_t at) -> std::size_t {
    const bool doubled = backslash == Features::MathBackslash::Double;
    if (backslash == Features::MathBackslash::None) return 0;
    const std::size_t n = doubled ? 2 : 1;
    if (at + n >= s.size() || (doubled && s[at + 1] != '\\') || (s[at + n] != '(' && s[at + n] != '[')) return 0;
    const bool paren = s[at + n] == '(';
    std::size_t& failed = noCloser[paren ? 0 : 1];
    if (at < failed) return 0;
    const std::string closer = std::string(n, '\\') + (paren ? ')' : ']');
    std::size_t k = at + n + 1;
    for (; k < s.size() && k - at < kMaxInlineMath; ++k) {
      if (s[k] == '\n' && blankLineAt(s, k)) break;
      if (s.compare(k, closer.size(), closer) == 0) {
        formula(at, at + n + 1, k, k + closer.size());
        return k + closer.size();
      }
    }
    failed = k;
    return 0;
  };
  while (i < s.size()) {
    if (std::size_t past = code.skip(i); past != i) {
      i = past;
      continue;
    }
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      if (std::size_t past = backslashed(i)) {
        i = past;
        continue;
      }
      i += 2;  // \$ is a dollar sign
      continue;
    }
    if (c != '$') {
      ++i;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '$') {
      // $$ ... $$ : display math, possibly over several lines (not across a blank line).
      std::size_t close = std::string::npos;
      std::size_t k = i + 2;
      for (; k + 1 < s.size(); ++k) {
        if (s[k] == '\n' && blankLineAt(s, k)) break;
        if (s[k] == '$' && s[k + 1] == '$') {
          close = k;
          break;
        }
        if (k - i > 100000) break;
      }
      if (close == std::string::npos) {
        // No later opener before k could close either: skipping there keeps this linear.
        i = std::max(k, i + 2);
        continue;
      }
      formula(i, i + 2, close, close + 2);
      i = close + 2;
      continue;
    }
    // $...$ inline: no space inside the delimiters, no digit right after the closing one
    // (so "$5 and $10" stays money).
    if (i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\n') {
      ++i;
      continue;
    }
    // GitHub's $`...`$ form.
    if (s[i + 1] == '`') {
      std::size_t end = spans.spanEnd(i + 1);
      if (end != std::string::npos && end < s.size() && s[end] == '$') {
        std::size_t n = spans.runLength(i + 1);
        inlineMath(i, end + 1, s.substr(i + 1 + n, end - n - i - 1 - n));
        i = end + 1;
        continue;
      }
    }
    std::size_t close = std::string::npos;
    std::size_t k = i + 1;
    for (; k < s.size() && k - i < kMaxInlineMath; ++k) {
      if (s[k] == '\\') {
        ++k;
        continue;
      }
      if (s[k] == '\n' && blankLineAt(s, k)) break;
      if (s[k] != '$') continue;
      if (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n') continue;
      if (k + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[k + 1]))) continue;
      if (k + 1 < s.size() && s[k + 1] == '$') break;
      close = k;
      break;
    }
    if (close == std::string::npos) {
      // Closing candidates are judged without regard to the opener: a later opener before k
      // would fail the same way.
      i = std::max(k, i + 1);
      continue;
    }
    inlineMath(i, close + 1, s.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  out.copy(copied, s.size());
  return out.finish();
}

}  // namespace pp::markdown
