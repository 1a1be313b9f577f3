// Summary markers and kramdown attribute lists.
#include <algorithm>

#include "markdown/code_regions.h"
#include "markdown/line_scan.h"
#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

bool isSummaryLine(std::string_view t) {
  // Asked of every line of every post: a line that cannot be a marker is told by its first
  // character, and a marker's letters (spaces aside) are at most 15.
  const std::size_t first = t.find_first_not_of(" \t");
  if (first == std::string_view::npos || (t[first] != '<' && t[first] != '{')) return false;
  std::string s;
  for (char c : t.substr(first)) {
    if (c == ' ' || c == '\t') continue;
    if (s.size() == 15) return false;
    s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s == "<!--more-->" || s == "<!--truncate-->" || s == "{/*truncate*/}" ||
         s == "<!--excerpt-->" || s == "<!--break-->";
}

// `{: .class}`, `{:toc}`, `{::options /}`: kramdown block attribute lists on a line of their own.
bool isKramdownAttrLine(std::string_view t) {
  t = trim(t);
  return t.size() >= 3 && startsWith(t, "{:") && t.back() == '}' &&
         t.find('\n') == std::string_view::npos;
}

bool isTocListLine(std::string_view t) {
  t = trim(t);
  return t == "* TOC" || t == "- TOC" || t == "1. TOC" || t == "+ TOC" || t == "* toc" || t == "- toc";
}

}  // namespace

namespace {

// Raw-text HTML elements (<pre>, <script>, <style>, <textarea>) opened anywhere on a line: a
// blank line inside would end cmark's HTML block and spill code or JavaScript into paragraphs,
// which no browser shows. Their blank lines are filled with an empty comment.
std::vector<std::pair<std::size_t, std::size_t>> rawTextRegions(const std::string& s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  CodeFences fences(s);
  std::vector<std::string> unclosed;  // tags with no close after some point: none later either
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string::npos) {
    if (std::size_t f = fences.skip(i); f != i) {
      i = f;
      continue;
    }
    std::string tag;
    for (std::string_view t : {"pre", "script", "style", "textarea"}) {
      if (i + 1 + t.size() < s.size() && iequals(std::string_view(s).substr(i + 1, t.size()), t) &&
          (s[i + 1 + t.size()] == '>' || s[i + 1 + t.size()] == ' ' || s[i + 1 + t.size()] == '\n')) {
        tag = std::string(t);
        break;
      }
    }
    if (tag.empty() || std::find(unclosed.begin(), unclosed.end(), tag) != unclosed.end()) {
      ++i;
      continue;
    }
    std::string close = "</" + tag;
    std::size_t end = i;
    bool found = false;
    while ((end = s.find("</", end + 1)) != std::string::npos) {
      if (iequals(std::string_view(s).substr(end, close.size()), close)) {
        found = true;
        break;
      }
    }
    if (!found) {  // unclosed: left to cmark
      unclosed.push_back(tag);
      ++i;
      continue;
    }
    std::string_view inside = std::string_view(s).substr(i, end - i);
    bool hasBlank = false;
    for (std::size_t nl = inside.find('\n'); nl != std::string_view::npos && !hasBlank;
         nl = inside.find('\n', nl + 1)) {
      std::size_t j = nl + 1;
      while (j < inside.size() && (inside[j] == ' ' || inside[j] == '\t')) ++j;
      hasBlank = j < inside.size() && inside[j] == '\n';
    }
    if (hasBlank) out.emplace_back(i, end);
    i = end + close.size();
  }
  return out;
}

bool blankText(std::string_view t) { return trim(t).empty(); }

// cmark-gfm's table extension is quadratic in the number of columns (bench/results.md, "Markdown:
// wide GFM tables"). Rows wider than kMaxTableColumns keep their first columns; the rest of a
// row joins its last cell (escaped pipes), and a delimiter row is cut, so the table stays whole
// and cheap.

bool tooManyPipes(std::string_view t) {
  std::size_t n = 0;
  for (char c : t)
    if (c == '|' && ++n > kMaxTableColumns + 1) return true;
  return false;
}

std::string narrowTableRow(std::string_view t) {
  bool delimiter = t.find_first_not_of("|-: \t") == std::string_view::npos;
  std::string out;
  out.reserve(t.size() + t.size() / 4);
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\\' && i + 1 < t.size()) {
      out += c;
      out += t[++i];
      continue;
    }
    if (c == '|') {
      ++pipes;
      if (pipes > kMaxTableColumns + 1 || (pipes == kMaxTableColumns + 1 && t.find('|', i + 1) != std::string_view::npos)) {
        if (delimiter) {
          out += '|';
          break;
        }
        out += "\\|";
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

Source runMarkers(const Source& in, ParseContext& ctx, bool kramdown) {
  std::string separator;
  for (const auto* m : {&ctx.post.params, &ctx.site.config}) {
    auto it = m->find("excerpt_separator");
    if (it != m->end() && !trim(it->second).empty()) {
      separator = std::string(trim(it->second));
      break;
    }
  }
  TextBuilder out(in);
  LineScanner lines(in);
  Line line;
  bool summarySeen = false;
  bool wideWarned = false;
  std::size_t copied = 0;
  std::vector<Line> all;
  while (lines.next(line)) all.push_back(line);
  auto summary = [&](std::size_t at) {
    out.endLine(at);
    if (!summarySeen) {
      Placeholder p;
      p.kind = Placeholder::Kind::Summary;
      out.emit("\n" + ctx.add(std::move(p)) + "\n\n", at);
      summarySeen = true;
    } else {
      out.emit("\n", at);
    }
  };
  auto regions = rawTextRegions(in.text);
  std::size_t region = 0;
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Line& l = all[k];
    if (l.code) continue;
    while (region < regions.size() && regions[region].second <= l.start) ++region;
    if (region < regions.size() && regions[region].first < l.start && blankText(l.text)) {
      out.copy(copied, l.start);
      out.emit("<!-- -->", l.start);
      copied = l.end;
      continue;
    }
    if (tooManyPipes(l.text)) {
      out.copy(copied, l.start);
      out.emit(narrowTableRow(l.text), l.start);
      copied = l.end;
      if (!wideWarned) {
        ctx.warn(in.bodyLineAt(l.start), "table-too-wide",
                 "table wider than " + std::to_string(kMaxTableColumns) +
                     " columns: the extra cells are joined into the last one");
        wideWarned = true;
      }
      continue;
    }
    if (isSummaryLine(l.text)) {
      out.copy(copied, l.start);
      summary(l.start);
      copied = l.next;
      continue;
    }
    if (!separator.empty()) {
      auto at = l.text.find(separator);
      if (at != std::string_view::npos) {
        out.copy(copied, l.start + at);
        summary(l.start + at);
        std::size_t rest = l.start + at + separator.size();
        out.copy(rest, l.next);
        copied = l.next;
        continue;
      }
    }
    if (kramdown && isKramdownAttrLine(l.text)) {
      out.copy(copied, l.start);
      out.emit("\n", l.start);
      copied = l.next;
      continue;
    }
    // `* TOC` + `{:toc}`: kramdown's generated table of contents; a digest has its own.
    if (kramdown && isTocListLine(l.text) && k + 1 < all.size() && trim(all[k + 1].text) == "{:toc}") {
      out.copy(copied, l.start);
      out.emit("\n", l.start);
      copied = l.next;
      continue;
    }
    if (kramdown) {
      // Inline attribute lists right after an image or link: `![x](y){: width="50%"}`.
      auto at = l.text.find("){:");
      if (at != std::string_view::npos) {
        auto close = l.text.find('}', at + 3);
        if (close != std::string_view::npos) {
          out.copy(copied, l.start + at + 1);
          copied = l.start + close + 1;
        }
      }
    }
  }
  out.copy(copied, in.text.size());
  return out.finish();
}

}  // namespace pp::markdown
