// Helpers shared by the print parts: wrapping and fitting text in boxes they draw themselves,
// derived looks, and the short labels (post meta, counts, hosts) the parts print.
#include <algorithm>

#include "postpress/support/line_breaks.h"
#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

// The baseline of a line set from `top` in a role's look: the line box is the leading, the
// glyphs (cap height about 0.7 em) centred in it.
float firstBaseline(const TextStyle& s, float top) { return top + s.leading * 0.5f + s.size * 0.35f; }

std::vector<std::string> splitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\t') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// The number of characters of chars[from...] that fit in `width` (at least one): a binary search
// over prefix widths, bounded by the most characters a line can hold (none is narrower than a
// tenth of an em), so that a hostile 10 MB "word" costs a few measures per line, not one per
// character.
std::size_t fittingPrefix(Composer& c, const std::u32string& chars, std::size_t from, const TextStyle& s,
                          float width) {
  const std::size_t left = chars.size() - from;
  const float em = s.size > 0 ? s.size : 10.0f;
  std::size_t hi = std::min<std::size_t>(left, static_cast<std::size_t>(width / (0.1f * em)) + 1);
  std::size_t lo = 1;  // always take one character, even one wider than the line
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    if (c.textWidth(toUtf8(chars.substr(from, mid)), s) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// A word wider than a line, cut into pieces that fit: where UAX #14 allows a break beside CJK
// or Thai text (as the body's lines break: never inside a Latin word in it), else by characters.
std::vector<std::string> cutWord(Composer& c, const std::string& word, const TextStyle& s, float width) {
  std::vector<std::string> out;
  const std::u32string chars = toUtf32(word);
  std::vector<std::size_t> breaks;
  if (std::any_of(chars.begin(), chars.end(), needsUax14)) {
    LineBreaker breaker;
    for (std::size_t i : breaker.opportunities(chars))
      if (needsUax14(chars[i - 1]) || needsUax14(chars[i])) breaks.push_back(i);
  }
  for (std::size_t at = 0; at < chars.size();) {
    std::size_t n = fittingPrefix(c, chars, at, s, width);
    if (at + n < chars.size()) {
      auto b = std::upper_bound(breaks.begin(), breaks.end(), at + n);
      if (b != breaks.begin() && *(b - 1) > at) n = *(b - 1) - at;
    }
    out.push_back(toUtf8(chars.substr(at, n)));
    at += n;
  }
  return out;
}

}  // namespace

std::vector<std::string> wrapText(Composer& c, const std::string& text, const TextStyle& style, float width) {
  const std::vector<std::string> words = splitWords(text);
  std::vector<std::string> lines;
  std::string line;  // the line so far: empty, or the last piece of a word cut to fit
  auto withWords = [&](std::size_t from, std::size_t count) {
    std::string s = line;
    for (std::size_t k = from; k < from + count; ++k) {
      if (!s.empty()) s += ' ';
      s += words[k];
    }
    return s;
  };
  std::size_t i = 0;
  while (i < words.size()) {
    // The most of the next words that fit after the line. A line only widens as words join
    // it, so the count is found by bisection: measuring the line at every word made long
    // summaries cost the square of their length.
    std::size_t fits = 0, tooMany = words.size() - i + 1;
    for (std::size_t step = 1; fits + step < tooMany; step *= 2) {
      if (c.textWidth(withWords(i, fits + step), style) > width) {
        tooMany = fits + step;
        break;
      }
      fits += step;
    }
    while (fits + 1 < tooMany) {
      const std::size_t mid = fits + (tooMany - fits) / 2;
      if (c.textWidth(withWords(i, mid), style) <= width) fits = mid;
      else tooMany = mid;
    }
    // A line ending where a space was keeps it (drawn as nothing; read as the space between
    // the line's last word and the next line's first). A piece of a cut word keeps none.
    if (fits > 0) {
      line = withWords(i, fits);
      i += fits;
      if (i < words.size()) {
        lines.push_back(std::move(line) + ' ');
        line.clear();
      }
      continue;
    }
    if (!line.empty()) {  // not even one more word: it starts the next line
      lines.push_back(std::move(line) + ' ');
      line.clear();
      continue;
    }
    // A word wider than the line on its own: cut, its last piece starting the next line.
    std::vector<std::string> pieces = cutWord(c, words[i], style, width);
    line = pieces.back();
    pieces.pop_back();
    for (auto& p : pieces) lines.push_back(std::move(p));
    ++i;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string fitText(Composer& c, const std::string& text, const TextStyle& style, float width) {
  // No line holds more characters than this (none is narrower than a tenth of an em): words
  // past it are dropped at once, not one measure at a time.
  const std::size_t most = static_cast<std::size_t>(width / (0.1f * (style.size > 0 ? style.size : 10.0f))) + 1;
  if (text.size() <= 4 * most && c.textWidth(text, style) <= width) return text;
  const std::u32string all = toUtf32(text);
  std::string cut = all.size() > most ? toUtf8(all.substr(0, most)) : text;
  while (true) {
    const std::size_t sp = cut.find_last_of(' ');
    if (sp == std::string::npos || sp == 0) break;
    cut.resize(sp);
    while (!cut.empty() && (cut.back() == ',' || cut.back() == ' ' || cut.back() == ':')) cut.pop_back();
    if (c.textWidth(cut + "\u2026", style) <= width) return cut + "\u2026";
  }
  // One word too long for the line: as many characters as fit beside the ellipsis.
  const std::u32string& chars = all;
  const float ellipsis = c.textWidth("\u2026", style);
  if (ellipsis > width) return "";
  const std::size_t n = fittingPrefix(c, chars, 0, style, width - ellipsis);
  return toUtf8(chars.substr(0, n)) + "\u2026";
}

TextStyle resized(const TextStyle& style, float size) {
  TextStyle t = style;
  if (style.size > 0) t.leading = style.leading * size / style.size;
  t.size = size;
  return t;
}

TextStyle recolored(const TextStyle& style, Color color) {
  TextStyle t = style;
  t.color = color;
  t.colorRef.clear();
  return t;
}

TextStyle label(const TextStyle& style, float size, Color color) {
  TextStyle t = recolored(resized(style, size), color);
  t.uppercase = true;
  t.bold = true;
  t.italic = false;
  t.letterSpacing = size * 0.06f;
  return t;
}

Color mix(Color a, Color b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) {
    const std::string t(trim(i));
    if (t.empty()) continue;
    if (!out.empty()) out += sep;
    out += t;
  }
  return out;
}

std::string isolated(const Locale& locale, const std::string& text) {
  return locale.rightToLeft() && !text.empty() ? "\u2068" + text + "\u2069" : text;
}

std::string postMeta(const Locale& locale, const PostEntry& e, bool longDate) {
  std::vector<std::string> parts;
  if (e.post) parts.push_back(postDateLabel(locale, e.post->date, longDate ? DateForm::Long : DateForm::Short));
  if (e.post) parts.push_back(isolated(locale, joined(e.post->authors, ", ")));
  parts.push_back(readingTimeLabel(locale, e));
  return joined(parts, "  \u00B7  ");
}

std::string postTitle(const Locale& locale, const Post& post) {
  return post.title.empty() ? locale.label("untitled") : post.title;
}

std::string digestTitle(const Publication& pub) {
  return trim(pub.title).empty() ? pub.locale->label("digest") : std::string(trim(pub.title));
}

bool isWebUrl(const std::string& url) {
  const std::string lower = toLowerAscii(url.substr(0, 8));
  return (startsWith(lower, "http://") && url.size() > 7) || (startsWith(lower, "https://") && url.size() > 8);
}

std::string hostOf(const std::string& url) {
  std::size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  std::size_t end = url.find_first_of("/?#:", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  return toLowerAscii(host);
}

std::string shortUrl(const std::string& url) {
  std::string s = url;
  for (const char* scheme : {"https://", "http://"})
    if (startsWith(toLowerAscii(s.substr(0, 8)), scheme)) {
      s = s.substr(std::string(scheme).size());
      break;
    }
  if (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

float drawLines(Canvas& cv, const std::vector<std::string>& lines, const TextStyle& style, float x, float top) {
  float y = top;
  for (const auto& l : lines) {
    cv.text(l, style, x, firstBaseline(style, y));
    y += style.leading;
  }
  return y;
}

void sectionHead(Composer& c, const std::string& title, const std::string& intro) {
  const Style& st = c.style();
  c.box(5, [color = st.accent](Canvas& cv) {
    FillRect bar;
    bar.width = 40;
    bar.height = 4;
    bar.fillColor = color;
    cv.rect(bar);
  });
  c.space(10);
  TextStyle head = resized(st.postTitle, st.postTitle.size * 0.9f);
  ParagraphOptions o;
  o.align = ParagraphOptions::Align::Left;
  o.hyphenate = false;
  o.keepWithNext = true;
  ParagraphOptions titleOptions = o;
  titleOptions.role = StructType::H1;
  c.paragraph({Inline::makeText(title)}, head, titleOptions);
  if (!intro.empty()) {
    c.space(2);
    c.paragraph({Inline::makeText(intro)}, recolored(st.byline, st.muted), o);
  }
  c.space(std::max(14.0f, st.byline.spaceAfter));
}

void groupLabel(Composer& c, const std::string& text, float keep, StructType role) {
  const Style& st = c.style();
  const TextStyle look = label(st.byline, std::max(8.0f, st.byline.size), st.accent);
  c.needSpace(look.leading + 8 + keep);
  c.space(5);
  const float h = look.leading + 4;
  // Drawn at once: its node takes its place among the nodes set around it.
  c.drawnBox(h, [=, rule = st.rule](Canvas& cv) {
    {
      const TagScope tag(cv, cv.node(StructNode(role)));
      drawLines(cv, {text}, look, 0, 0);
    }
    cv.line({0, h - 1, cv.width(), h - 1, 0.6f, rule});
  });
  c.space(5);
}

std::int32_t nodeBelow(Canvas& cv, StructType type, std::int32_t parent, std::string alt) {
  StructNode n(type, std::move(alt));
  n.parent = parent;
  return cv.node(std::move(n));
}

}  // namespace pp::book
