#include "pdf/xmp.h"

#include "postpress/support/text.h"

namespace pp::pdf {

namespace {

// The namespaces, bound to the prefixes the standards name (PDF/A and PDF/UA readers look the
// identification up by these prefixes, not only by URI).
constexpr const char* kNamespaces =
    "   xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "   xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
    "   xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";

// pdfuaid is not among the schemas ISO 19005-2 predefines: a PDF/A file that uses it must
// describe it (6.6.2.3.1), as the PDF/UA-1 specification's own example does.
constexpr const char* kPdfuaExtension =
    "  <rdf:Description rdf:about=\"\"\n"
    "   xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "   xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "   xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas>\n"
    "    <rdf:Bag>\n"
    "     <rdf:li rdf:parseType=\"Resource\">\n"
    "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "      <pdfaSchema:property>\n"
    "       <rdf:Seq>\n"
    "        <rdf:li rdf:parseType=\"Resource\">\n"
    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
    "        </rdf:li>\n"
    "       </rdf:Seq>\n"
    "      </pdfaSchema:property>\n"
    "     </rdf:li>\n"
    "    </rdf:Bag>\n"
    "   </pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

void simple(std::string& o, const char* name, const std::string& value) {
  if (value.empty()) return;
  o += "   <" + std::string(name) + ">" + xmlEscape(value) + "</" + name + ">\n";
}

// A language alternative with only the default item (the digest's texts are in one language).
void alternative(std::string& o, const char* name, const std::string& value) {
  if (value.empty()) return;
  o += "   <" + std::string(name) + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(value) +
       "</rdf:li></rdf:Alt></" + name + ">\n";
}

void array(std::string& o, const char* name, const char* kind, const std::vector<std::string>& values) {
  if (values.empty()) return;
  o += "   <" + std::string(name) + "><rdf:" + kind + ">";
  for (const std::string& v : values) o += "<rdf:li>" + xmlEscape(v) + "</rdf:li>";
  o += "</rdf:" + std::string(kind) + "></" + name + ">\n";
}

}  // namespace

std::string xmpPacket(const XmpFields& f) {
  // The begin attribute is the byte order mark, as ISO 16684-1 7.3.2 asks.
  std::string o = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  o += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  o += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  o += "  <rdf:Description rdf:about=\"\"\n" + std::string(kNamespaces) + ">\n";
  alternative(o, "dc:title", f.title);
  array(o, "dc:creator", "Seq", f.creators);
  alternative(o, "dc:description", f.description);
  if (!f.language.empty()) array(o, "dc:language", "Bag", {f.language});
  simple(o, "pdf:Keywords", f.keywords);
  simple(o, "pdf:Producer", f.producer);
  simple(o, "xmp:CreatorTool", f.creatorTool);
  for (const char* date : {"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"}) simple(o, date, f.date);
  o += "  </rdf:Description>\n";
  if (f.pdfua) {
    o += "  <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
    o += "   <pdfuaid:part>1</pdfuaid:part>\n";
    o += "  </rdf:Description>\n";
  }
  if (f.pdfaLevel) {
    o += "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
    o += "   <pdfaid:part>2</pdfaid:part>\n";
    o += std::string("   <pdfaid:conformance>") + f.pdfaLevel + "</pdfaid:conformance>\n";
    o += "  </rdf:Description>\n";
    if (f.pdfua) o += kPdfuaExtension;
  }
  o += " </rdf:RDF>\n</x:xmpmeta>\n";
  o += "<?xpacket end=\"w\"?>";
  return o;
}

}  // namespace pp::pdf
