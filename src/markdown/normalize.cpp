// Normalisation of the raw body: whatever the site reader already did is repeated here so that
// parsePost is safe on any bytes (tests and fuzzers call it directly).
#include <algorithm>

#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

int lineOfOffset(std::string_view s, std::size_t offset) {
  offset = std::min(offset, s.size());
  return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace

Source normalizeBody(std::string_view body, ParseContext& ctx) {
  if (startsWith(body, "\xEF\xBB\xBF")) body.remove_prefix(3);

  std::string text;
  text.reserve(body.size());
  bool lineStart = true;
  for (std::size_t i = 0; i < body.size(); ++i) {
    // Inside a line, a stretch of ordinary bytes (no line end, control or tab) is copied at once.
    if (!lineStart) {
      std::size_t j = i;
      while (j < body.size() && static_cast<unsigned char>(body[j]) >= 0x20 && body[j] != 0x7F) ++j;
      text.append(body, i, j - i);
      i = j;
      if (i == body.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n') continue;
      text += '\n';
      lineStart = true;
      continue;
    }
    if (c == '\n') {
      text += '\n';
      lineStart = true;
      continue;
    }
    // Control characters are invisible and make no sense in Markdown; \x01 is also reserved
    // for our placeholders. Form feed and vertical tab are whitespace: keep them as spaces.
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      if (c == '\f' || c == '\v') text += ' ';
      continue;
    }
    // A non-breaking space used to indent a line would hide list and code indentation.
    if (lineStart && c == 0xC2 && i + 1 < body.size() &&
        static_cast<unsigned char>(body[i + 1]) == 0xA0) {
      text += ' ';
      ++i;
      continue;
    }
    if (c != ' ' && c != '\t') lineStart = false;
    text += static_cast<char>(c);
  }

  if (!isValidUtf8(text)) {
    std::size_t replaced = 0, first = 0;
    std::string clean = sanitizeUtf8(text, &replaced, &first);
    ctx.warn(lineOfOffset(text, first), "utf8-invalid",
             "invalid UTF-8 (" + std::to_string(replaced) +
                 (replaced == 1 ? " sequence" : " sequences") + ") replaced by U+FFFD");
    text = std::move(clean);
  }
  return Source::identity(std::move(text));
}

}  // namespace pp::markdown
