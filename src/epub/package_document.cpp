#include "epub/package_document.h"

#include "epub/xml_text.h"

namespace pp::epub {

namespace {

// `<dc:NAME>text</dc:NAME>`, or nothing when the text is empty once what XML cannot carry is
// dropped (a tag made of control characters): EPUBCheck refuses an empty dc element.
std::string dcElement(const char* name, std::string_view value, const std::string& attributes = "") {
  const std::string t = text(value);
  if (t.find_first_not_of(" \t\r\n") == std::string::npos) return "";
  return std::string(" <dc:") + name + attributes + ">" + t + "</dc:" + name + ">\n";
}

}  // namespace

std::string packageDocument(const PackageMetadata& m, const std::vector<ManifestItem>& manifest,
                            const std::vector<std::string>& spine) {
  std::string o = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o += "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"" +
       attr(m.language) + "\">\n";
  o += "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  o += " <dc:identifier id=\"pub-id\">" + text(m.identifier) + "</dc:identifier>\n";
  // A title is required: one that sanitises to nothing is replaced by a neutral one.
  const std::string title = dcElement("title", m.title, " id=\"title\"");
  o += title.empty() ? " <dc:title id=\"title\">Digest</dc:title>\n" : title;
  o += " <meta refines=\"#title\" property=\"title-type\">main</meta>\n";
  if (const std::string subtitle = dcElement("title", m.subtitle, " id=\"subtitle\""); !subtitle.empty()) {
    o += subtitle;
    o += " <meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n";
  }
  for (std::size_t i = 0; i < m.creators.size(); ++i) {
    std::string id = "creator" + std::to_string(i + 1);
    const std::string creator = dcElement("creator", m.creators[i], " id=\"" + id + "\"");
    if (creator.empty()) continue;
    o += creator;
    o += " <meta refines=\"#" + id + "\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n";
  }
  o += " <dc:language>" + text(m.language) + "</dc:language>\n";
  if (!m.date.empty()) o += " <dc:date>" + text(m.date) + "</dc:date>\n";
  for (const auto& s : m.subjects) o += dcElement("subject", s);
  o += dcElement("description", m.description);
  o += dcElement("publisher", m.publisher);
  o += dcElement("source", m.source);
  o += " <meta property=\"dcterms:modified\">" + text(m.modified) + "</meta>\n";

  o += " <meta property=\"schema:accessMode\">textual</meta>\n";
  if (m.hasImages) o += " <meta property=\"schema:accessMode\">visual</meta>\n";
  if (!m.hasImages || m.allImagesHaveAlt)
    o += " <meta property=\"schema:accessModeSufficient\">textual</meta>\n";
  if (m.hasImages) o += " <meta property=\"schema:accessModeSufficient\">textual,visual</meta>\n";
  o += " <meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n";
  if (m.hasToc) o += " <meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n";
  o += " <meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n";
  if (m.hasImages && m.allImagesHaveAlt)
    o += " <meta property=\"schema:accessibilityFeature\">alternativeText</meta>\n";
  o += " <meta property=\"schema:accessibilityHazard\">none</meta>\n";
  o += " <meta property=\"schema:accessibilitySummary\">" + text(m.accessibilitySummary) + "</meta>\n";
  if (m.conformsToWcagAA) {
    o += " <meta property=\"dcterms:conformsTo\" id=\"conformance\">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>\n";
    o += " <meta property=\"a11y:certifiedBy\" refines=\"#conformance\">postpress (automated checks)</meta>\n";
  }
  if (!m.coverImageId.empty()) o += " <meta name=\"cover\" content=\"" + attr(m.coverImageId) + "\"/>\n";
  o += "</metadata>\n<manifest>\n";
  for (const auto& it : manifest) {
    o += " <item id=\"" + attr(it.id) + "\" href=\"" + attr(it.href) + "\" media-type=\"" +
         attr(it.mediaType) + "\"";
    if (!it.properties.empty()) o += " properties=\"" + attr(it.properties) + "\"";
    o += "/>\n";
  }
  o += std::string("</manifest>\n<spine toc=\"ncx\"") + (m.rightToLeft ? " page-progression-direction=\"rtl\"" : "") + ">\n";
  for (const auto& id : spine) o += " <itemref idref=\"" + attr(id) + "\"/>\n";
  o += "</spine>\n</package>\n";
  return o;
}

std::string containerXml(const std::string& opfPath) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         " <rootfiles>\n"
         "  <rootfile full-path=\"" + attr(opfPath) + "\" media-type=\"application/oebps-package+xml\"/>\n"
         " </rootfiles>\n"
         "</container>\n";
}

}  // namespace pp::epub
