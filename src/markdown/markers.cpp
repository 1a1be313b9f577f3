// Summary markers and kramdown attribute lists.
#include "markdown/line_scan.h"
#include "markdown/passes.h"
#include "postpress/text.h"

namespace pp::md {

namespace {

bool isSummaryLine(std::string_view t) {
  std::string s;
  for (char c : t)
    if (c != ' ' && c != '\t') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Line& l = all[k];
    if (l.code) continue;
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

}  // namespace pp::md
