#include "epub/pages.h"

#include "epub/xml_text.h"
#include "postpress/support/text.h"

namespace pp::epub {

std::string xhtmlDocument(const Page& page, const std::string& bookLang) {
  const std::string& lang = page.lang.empty() ? bookLang : page.lang;
  std::string title = page.title;  // never empty: every page is named (numberedPostTitle)
  std::string out;
  out.reserve(page.body.size() + 600);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
  out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"";
  out += " xml:lang=\"" + attr(lang) + "\" lang=\"" + attr(lang) + "\"";
  if (isRightToLeft(lang)) out += " dir=\"rtl\"";
  out += ">\n";
  out += "<head>\n<meta charset=\"UTF-8\"/>\n<title>" + text(title) + "</title>\n";
  out += "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n";
  out += "<body";
  if (!page.bodyType.empty()) out += " epub:type=\"" + page.bodyType + "\"";
  out += ">\n" + page.body + "</body>\n</html>\n";
  return out;
}

std::string langAttributes(const std::string& lang, const std::string& around) {
  if (lang.empty() || lang == around) return {};
  std::string out = " lang=\"" + attr(lang) + "\" xml:lang=\"" + attr(lang) + "\"";
  const bool rtl = isRightToLeft(lang);
  if (rtl != isRightToLeft(around)) out += rtl ? " dir=\"rtl\"" : " dir=\"ltr\"";
  return out;
}

std::string postByline(const Locale& locale, const Post& post) {
  if (post.authorDetails.size() != post.authors.size()) return locale.list(post.authors);
  std::vector<std::string> names;
  for (const Author& a : post.authorDetails) names.push_back(a.byline());
  return locale.list(names);
}

std::string numberedPostTitle(const Locale& locale, const PostEntry& e, int post) {
  std::string t = e.post ? std::string(trim(e.post->title)) : std::string();
  return t.empty() ? locale.label("post_number", {{"n", locale.numeral(post + 1)}}) : t;
}

}  // namespace pp::epub
