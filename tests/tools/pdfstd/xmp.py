"""The document's XMP metadata packet as the checks read it: the xpacket header, whether it is
well-formed RDF/XML, its top-level properties, the namespace prefixes it declares and the PDF/A
extension schemas it carries (ISO 19005-2 6.6.2)."""
import re
import xml.etree.ElementTree as ElementTree

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XML_NS = "http://www.w3.org/XML/1998/namespace"
DC = "http://purl.org/dc/elements/1.1/"
XMP_BASIC = "http://ns.adobe.com/xap/1.0/"
PDF_NS = "http://ns.adobe.com/pdf/1.3/"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PROPERTY = "http://www.aiim.org/pdfa/ns/property#"

# The schemas the XMP Specification (2005) and ISO 19005 predefine: properties in any other
# namespace need a PDF/A extension schema (ISO 19005-2 6.6.2.3.1). pdfuaid is not among them.
PREDEFINED = {
    DC, XMP_BASIC, PDF_NS, PDFAID, EXTENSION,
    "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/tiff/1.0/",
    "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
    "http://ns.adobe.com/xmp/Identifier/qual/1.0/",
}
_HEADER = re.compile(rb"<\?xpacket\s+begin=([\"'])(.*?)\1(.*?)\?>", re.S)
_ATTR = re.compile(rb"(\w+)=([\"'])(.*?)\2", re.S)
_XMLNS = re.compile(rb"xmlns:([\w.-]+)\s*=\s*([\"'])(.*?)\2")


def _local(tag):
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def _ns(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


class Xmp:
    def __init__(self, data: bytes):
        self.data = data
        self.error = ""
        self.header = None  # xpacket header attributes (None: no header)
        m = _HEADER.search(data)
        if m:
            self.header = {k.decode("latin-1"): v.decode("utf-8", "replace")
                           for k, _, v in _ATTR.findall(m.group(3))}
        self.prefixes = {}
        for prefix, _, uri in _XMLNS.findall(data):
            self.prefixes.setdefault(uri.decode("utf-8", "replace"), set()).add(prefix.decode("utf-8", "replace"))
        self.props = []  # (namespace, name, element or attribute string)
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as e:
            self.error = f"not well-formed XML ({e})"
            return
        rdf = root if root.tag == f"{{{RDF}}}RDF" else root.find(f".//{{{RDF}}}RDF")
        if rdf is None:
            self.error = "no rdf:RDF element"
            return
        for desc in rdf.findall(f"{{{RDF}}}Description"):
            for key, value in desc.attrib.items():
                if _ns(key) not in ("", RDF, XML_NS):
                    self.props.append((_ns(key), _local(key), value))
            for child in desc:
                self.props.append((_ns(child.tag), _local(child.tag), child))

    def _find(self, ns, name):
        return [v for n, k, v in self.props if n == ns and k == name]

    def values(self, ns, name):
        """The texts of a property: a simple value, or the items of its Alt/Seq/Bag (the
        x-default item first)."""
        out = []
        for v in self._find(ns, name):
            if isinstance(v, str):
                out.append(v)
                continue
            items = v.findall(f"./*/{{{RDF}}}li")
            if not items:
                out.append((v.text or "").strip())
                continue
            items.sort(key=lambda li: li.get(f"{{{XML_NS}}}lang") != "x-default")
            out.extend((li.text or "").strip() for li in items)
        return out

    def value(self, ns, name):
        values = self.values(ns, name)
        return values[0] if values else None

    def has(self, ns, name):
        return bool(self._find(ns, name))

    def extension_properties(self):
        """{namespace URI: {property names}} declared in pdfaExtension:schemas."""
        declared = {}
        for v in self._find(EXTENSION, "schemas"):
            if isinstance(v, str):
                continue
            for schema in v.iter(f"{{{RDF}}}li"):
                uri = schema.find(f"{{{SCHEMA}}}namespaceURI")
                if uri is None:
                    uri_text = schema.get(f"{{{SCHEMA}}}namespaceURI")
                else:
                    uri_text = uri.text
                if not uri_text:
                    continue
                names = declared.setdefault(uri_text.strip(), set())
                prop = schema.find(f"{{{SCHEMA}}}property")
                if prop is None:
                    continue
                for item in prop.iter(f"{{{RDF}}}li"):
                    name = item.find(f"{{{PROPERTY}}}name")
                    text = name.text if name is not None else item.get(f"{{{PROPERTY}}}name")
                    if text:
                        names.add(text.strip())
        return declared


def identification_problems(xmp, ns, prefix, part, standard):
    """What is wrong with a standard's identification in the XMP (pdfuaid, pdfaid): a readable
    packet, the part number, and the schema bound to its required prefix."""
    if xmp is None or xmp.error:
        return [f"no readable XMP, so no {standard} identification"]
    value, out = xmp.value(ns, "part"), []
    if value != part:
        out.append(f"{prefix}:part is {value!r}, not {part!r}" if value is not None else f"no {prefix}:part")
    if value is not None and prefix not in xmp.prefixes.get(ns, set()):
        out.append(f"the {standard} identification schema is not bound to the prefix {prefix}")
    return out
