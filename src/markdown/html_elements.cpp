#include "markdown/html_elements.h"

#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

bool isBlockTag(std::string_view t) {
  return oneOf(t, {"p", "div", "center", "section", "article", "header", "footer", "main", "aside",
                   "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                   "table", "figure", "details", "hr", "dl", "dt", "dd", "body", "html", "form",
                   "fieldset", "address", "iframe", "video", "audio", "figcaption", "summary",
                   "hgroup", "picture"});
}

bool isDroppedTag(std::string_view t) {
  return oneOf(t, {"script", "style", "form", "select", "button", "input", "textarea", "option",
                   "svg", "canvas", "template", "noscript", "head", "meta", "link", "base",
                   "label", "fieldset", "map", "area", "dialog", "object", "param"});
}

bool isContainerTag(std::string_view t) {
  return oneOf(t, {"div", "center", "section", "article", "header", "footer", "main", "aside",
                   "nav", "body", "html", "hgroup", "span", "font", "picture", "li", "dd"});
}

bool hasBlockChild(const HtmlNode& n) {
  for (const auto& c : n.children)
    if (c.type == HtmlNode::Type::Element && isBlockTag(c.tag)) return true;
  return false;
}

void textContent(const HtmlNode& n, std::string& out, int depth) {
  for (const auto& c : n.children) {
    if (c.type == HtmlNode::Type::Text) out += c.text;
    else if (c.type == HtmlNode::Type::Element) {
      if (c.tag == "br") out += '\n';
      else if (!isDroppedTag(c.tag) && depth < kMaxHtmlDepth) textContent(c, out, depth + 1);
    }
  }
}

std::string codeLanguage(const HtmlNode& n) {
  const std::string* cls = n.attr("class");
  if (!cls) return "";
  for (const auto& w : split(*cls, ' ')) {
    std::string lw = toLowerAscii(w);
    for (std::string_view prefix : {"language-", "lang-", "highlight-source-", "highlight-", "hl-"}) {
      if (startsWith(lw, prefix) && lw.size() > prefix.size()) {
        std::string lang = lw.substr(prefix.size());
        if (startsWith(lang, "ipython")) return "python";
        return lang;
      }
    }
  }
  return "";
}

bool admonitionDiv(const HtmlNode& n, AdmonitionKind* kind) {
  const std::string* cls = n.attr("class");
  if (!cls) return false;
  bool boxy = false;
  bool kindFound = false;
  for (const auto& w : split(toLowerAscii(*cls), ' ')) {
    std::string word = w;
    for (std::string_view prefix : {"alert-", "flash-", "callout-", "admonition-", "notice-", "is-"})
      if (startsWith(word, prefix)) word = word.substr(prefix.size());
    if (word == "admonition" || word == "alert" || word == "callout" || word == "flash" ||
        word == "notice" || word == "warn") {
      boxy = true;
      if (word == "warn") {
        *kind = AdmonitionKind::Warning;
        kindFound = true;
      }
      continue;
    }
    AdmonitionKind k;
    if (!kindFound && admonitionKindFromWord(word, &k)) {
      *kind = k;
      kindFound = true;
      boxy = true;
    } else if (!kindFound && (word == "primary" || word == "secondary")) {
      *kind = AdmonitionKind::Info;
    }
  }
  if (boxy && !kindFound) *kind = AdmonitionKind::Note;
  return boxy;
}

}  // namespace pp::markdown
