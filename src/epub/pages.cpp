#include "epub/pages.h"

#include "epub/xml_text.h"

namespace pp::epub {

std::string xhtmlDocument(const Page& page, const std::string& bookLang) {
  const std::string& lang = page.lang.empty() ? bookLang : page.lang;
  std::string title = page.title.empty() ? std::string("Untitled") : page.title;
  std::string out;
  out.reserve(page.body.size() + 600);
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
  out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"";
  out += " xml:lang=\"" + attr(lang) + "\" lang=\"" + attr(lang) + "\">\n";
  out += "<head>\n<meta charset=\"UTF-8\"/>\n<title>" + text(title) + "</title>\n";
  out += "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n";
  out += "<body";
  if (!page.bodyType.empty()) out += " epub:type=\"" + page.bodyType + "\"";
  out += ">\n" + page.body + "</body>\n</html>\n";
  return out;
}

std::string longDate(const DateTime& d) {
  static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
  if (!d.valid() || d.month < 1 || d.month > 12) return "";
  return std::to_string(d.day) + " " + months[d.month - 1] + " " + std::to_string(d.year);
}

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string postByline(const Post& post) {
  if (post.authorDetails.size() != post.authors.size()) return joinNames(post.authors);
  std::vector<std::string> names;
  for (const Author& a : post.authorDetails) names.push_back(a.byline());
  return joinNames(names);
}

std::string countLabel(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace pp::epub
