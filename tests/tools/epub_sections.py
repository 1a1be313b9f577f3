"""The post chapters of a digest's EPUB, in spine order: what the PDF's reading order is
checked against (story_order.py, struct_text_order.py)."""
import re
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"


def post_sections(path):
    """[(title, <section class="post"> element)] for every post, in spine order."""
    with zipfile.ZipFile(path) as z:
        opf_path = re.search(rb'full-path="([^"]+)"', z.read("META-INF/container.xml")).group(1).decode()
        opf = ET.fromstring(z.read(opf_path))
        ns = {"opf": "http://www.idpf.org/2007/opf"}
        base = opf_path.rsplit("/", 1)[0] + "/" if "/" in opf_path else ""
        items = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:manifest/opf:item", ns)}
        posts = []
        for ref in opf.iterfind(".//opf:spine/opf:itemref", ns):
            root = ET.fromstring(z.read(base + items.get(ref.get("idref"), "")))
            for section in root.iter(f"{XHTML}section"):
                if "post" not in (section.get("class") or "").split():
                    continue
                title_el = next((e for e in section.iter(f"{XHTML}h1")), None)
                title = "".join(title_el.itertext()) if title_el is not None else ""
                posts.append((title, section))
        return posts
