// $...$ and $$...$$ math, where the site or post enables it: display math becomes a fenced
// block cmark leaves alone; inline math a placeholder, so `*` and `_` inside TeX never turn
// into emphasis.
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

Source runMath(const Source& in, ParseContext& ctx) {
  const std::string& s = in.text;
  if (s.find('$') == std::string::npos) return in;
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
  while (i < s.size()) {
    if (std::size_t past = code.skip(i); past != i) {
      i = past;
      continue;
    }
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
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
      std::string tex(trim(std::string_view(s).substr(i + 2, close - i - 2)));
      std::size_t lineStart = s.rfind('\n', i == 0 ? 0 : i - 1);
      lineStart = lineStart == std::string::npos || i == 0 ? 0 : lineStart + 1;
      if (i == 0) lineStart = 0;
      std::string_view before = std::string_view(s).substr(lineStart, i - lineStart);
      std::size_t afterEnd = s.find('\n', close + 2);
      std::string_view after = std::string_view(s).substr(
          close + 2, (afterEnd == std::string::npos ? s.size() : afterEnd) - close - 2);
      bool alone = trim(before).empty() && trim(after).empty();
      if (alone && !tex.empty()) {
        out.copy(copied, i);
        std::string indent(before);
        std::string fence = codeFenceFor(tex);
        std::string block = fence + "pp-math\n";
        for (const auto& part : split(tex, '\n')) block += indent + part + "\n";
        block += indent + fence;
        out.emit(block, i);
        copied = close + 2;
        i = close + 2;
        continue;
      }
      if (!tex.empty()) inlineMath(i, close + 2, tex);
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
