// The painter: draws a Layout's pages into a PDF. It decides nothing about where things go;
// it converts coordinates (the layout's y grows downwards, PDF's upwards) and writes each
// page's content itself (content_stream.h); libharu loads each font and image once, holds the
// document's objects and writes links, destinations, the outline and page labels.
#include "pdf/painter.h"
#include "pdf/page_painter.h"
#include "pdf/page_streams.h"
#include "pdf/ordered_ahead.h"

#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

#include "pdf/color_glyphs.h"
#include "pdf/glyph_fonts.h"
#include "pdf/images.h"
#include "pdf/link_annotations.h"
#include "pdf/structure_tree.h"
#include "postpress/fonts.h"
#include "postpress/support/files.h"
#include "postpress/support/parallel.h"
#include "postpress/support/text.h"

namespace pp::pdf {

namespace {

// Adds `object` to the page's fonts (`font`) or images (XObjects) under `name`, made beforehand
// by expectedResources; true when it is there. libharu names a page's resources
// itself (F1, F2... as they are added): the first goes through its call, which makes the
// dictionary; the rest are added by their names, so that a substitute used twice on a page (the
// font in place of one that did not load, and itself) still gets the name written for each.
bool addResource(HPDF_Page page, HPDF_Dict object, const std::string& name, bool font) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Dict& dict = font ? attr->fonts : attr->xobjects;
  if (!dict) {
    const char* given = font ? HPDF_Page_GetLocalFontName(page, object) : HPDF_Page_GetXObjectName(page, object);
    return given && name == given;
  }
  if (HPDF_Dict_GetItem(dict, name.c_str(), HPDF_OCLASS_DICT)) return false;  // taken: not ours
  return HPDF_Dict_Add(dict, name.c_str(), object) == HPDF_OK;
}

// Registers what a page uses under the names its content was written with. An image that did
// not load is stood in for (a grey box): the names then always match, even for a page whose
// drawing is already gone. A name left empty could not be given at all.
PageResources registerResources(HpdfDoc& doc, HPDF_Page page, const ResourceUse& use, const PageResources& expected,
                                GlyphFonts& fonts, ImageCache& images, ColorGlyphPictures& pictures) {
  PageResources res;
  res.images.assign(use.images.size(), {});
  for (std::size_t i = 0; i < use.images.size(); ++i) {
    if (use.images[i].asset < 0 || expected.images[i].empty()) continue;
    HPDF_Image img = images.get(use.images[i]);
    if (!img) img = images.placeholder();
    // An image drawn twice is registered once: its name is there already.
    const bool again = std::find(res.images.begin(), res.images.begin() + static_cast<std::ptrdiff_t>(i),
                                 expected.images[i]) != res.images.begin() + static_cast<std::ptrdiff_t>(i);
    if (img && (again || addResource(page, img, expected.images[i], false)) && !doc.failed())
      res.images[i] = expected.images[i];
    doc.reset();
  }
  res.pictures.assign(use.pictures.size(), {});
  for (std::size_t k = 0; k < use.pictures.size() && k < expected.pictures.size(); ++k) {
    HPDF_Dict form = pictures.get(use.pictures[k]);
    if (form && addResource(page, form, expected.pictures[k], false) && !doc.failed()) res.pictures[k] = expected.pictures[k];
    doc.reset();
  }
  res.fonts.assign(use.fonts.size(), {});
  for (std::size_t k = 0; k < use.fonts.size(); ++k) {
    HPDF_Dict f = fonts.font(use.fonts[k]);
    if (f && addResource(page, f, expected.fonts[k], true) && !doc.failed()) res.fonts[k] = expected.fonts[k];
    doc.reset();
  }
  return res;
}

// libharu turns characters above U+FFFF into garbage in outlines: leave
// them out (and any space they leave doubled), and repair invalid UTF-8 first.
std::string bmpOnly(const std::string& in) {
  const std::string s = isValidUtf8(in) ? in : sanitizeUtf8(in);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = nextCodepoint(s, i);
    if (c > 0xFFFF || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D) continue;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    appendUtf8(out, c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Frees what only painting reads.
void releaseDrawing(PageBox& box) {
  std::vector<FillRect>().swap(box.rects);
  std::vector<ImageBox>().swap(box.images);
  std::vector<PathBox>().swap(box.paths);
  std::vector<RuleLine>().swap(box.lines);
  std::vector<TextRun>().swap(box.runs);
}

}  // namespace

bool paint(Layout& layout, const Publication& pub, HpdfDoc& doc, PaintResult& result, DiagnosticSink& diags, int jobs,
           StreamedPages* streamed, PageContentCache* kept) {
  HPDF_Doc pdf = doc.get();
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  if (doc.failed()) {
    diags.error({}, "pdf-init", "cannot set up the PDF: " + doc.lastError());
    return false;
  }
  // Every page's content is written and deflated on the workers from here on, with the names
  // libharu is expected to give its fonts and images, while this thread loads the fonts (a
  // tenth of a warm build, on one thread: libharu is not thread-safe) and registers the pages.
  // Body pages the layout handed to `streamed` were painted as they were finished.
  const bool tagged = !layout.structure.empty();
  auto streamedPage = [&](std::size_t i) -> StreamedPages::Page* {
    const std::size_t front = static_cast<std::size_t>(layout.frontPages);
    return streamed && i >= front ? streamed->find(i - front) : nullptr;
  };
  // What each page not painted during the layout draws with (its fonts, images and pictures),
  // worked out once: for painting it ahead, for preparing its pictures, for registering it.
  std::vector<ResourceUse> ownUse(layout.pages.size());
  for (std::size_t i = 0; i < layout.pages.size(); ++i)
    if (!streamedPage(i)) ownUse[i] = resourceUse(layout.pages[i], pub.assets);
  OrderedAhead<PaintedPage> painted(layout.pages.size(), jobs, [&](std::size_t i) {
    if (streamedPage(i)) return PaintedPage{};
    return paintPage(layout.pages[i], ownUse[i], expectedResources(ownUse[i]), tagged, kept);
  });
  // Subsets are cached beside the images (empty: no cache, as in tests without assets).
  const fs::path cacheDir = pub.assets ? pub.assets->options().cacheDir : fs::path();
  GlyphFonts fonts(doc, layout.fonts);
  DrawnGlyphs drawn;
  ImageCache images(doc, pub.assets, diags);
  ColorGlyphPictures pictures(doc, layout.fonts, cacheDir);
  {
    // The colour glyph pictures the pages draw are decoded, scaled and deflated side by side
    // first; the loop below only makes their objects.
    std::vector<PictureKey> keys;
    for (std::size_t i = 0; i < layout.pages.size(); ++i) {
      const StreamedPages::Page* ready = streamedPage(i);
      const std::vector<PictureKey>& drawn = ready ? ready->use.pictures : ownUse[i].pictures;
      keys.insert(keys.end(), drawn.begin(), drawn.end());
    }
    pictures.prepare(keys, jobs);
  }

  std::vector<HPDF_Page> pages;
  pages.reserve(layout.pages.size());
  std::vector<std::vector<std::int32_t>> mcidLeaf(layout.pages.size());  // per page: each MCID's node
  bool attached = true;
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    PageBox& box = layout.pages[i];
    HPDF_Page page = HPDF_AddPage(pdf);
    if (!page || doc.failed()) {
      diags.error({}, "pdf-page", "cannot add a page: " + doc.lastError());
      return false;
    }
    HPDF_Page_SetWidth(page, box.width);
    HPDF_Page_SetHeight(page, box.height);
    if (doc.failed()) {
      diags.warning({}, "pdf-draw", "a drawing operation failed on page " + box.label + ": " + doc.lastError());
      doc.reset();
    }
    pages.push_back(page);
    StreamedPages::Page* ready = streamedPage(i);
    PaintedPage ahead = painted.take(i);  // taken in order, empty for a streamed page
    // Taken only now: the worker painting page i reads its use until take(i) returns.
    const ResourceUse use = ready ? std::move(ready->use) : std::move(ownUse[i]);
    PaintedPage content = ready ? std::move(ready->content) : std::move(ahead);
    const PageResources res = registerResources(doc, page, use, content.resources, fonts, images, pictures);
    if (content.resources != res) {
      // A name could not be given at all (no font loaded; libharu failed): the page is written
      // again with the names it has, or, when its drawing is gone, left blank.
      content = ready ? PaintedPage{} : paintPage(box, use, res, tagged, kept);
      ++result.pagesRepainted;
      if (ready)
        diags.warning({}, "pdf-draw", "page " + box.label + " could not be drawn: its fonts or images cannot be used");
    }
    drawn.merge(content.glyphs);
    mcidLeaf[i] = std::move(content.mcidLeaf);
    releaseDrawing(box);  // what only painting reads, freed as soon as the content exists
    attached = attachPageContent(doc, page, std::move(content.raw), std::move(content.deflated)) && attached;
  }
  if (!attached) diags.warning({}, "pdf-draw", "libharu refused a compressed page; some pages may be blank");
  if (streamed) drawn.merge(streamed->drawn());
  fonts.finish(drawn, cacheDir, diags, jobs);

  // Destinations (after all pages exist: links point forwards too).
  std::map<std::string, HPDF_Destination> dests;
  auto destFor = [&](const std::string& name) -> HPDF_Destination {
    auto it = dests.find(name);
    if (it != dests.end()) return it->second;
    HPDF_Destination d = nullptr;
    if (const AnchorPos* a = layout.find(name); a && a->page >= 0 && static_cast<std::size_t>(a->page) < pages.size()) {
      const PageBox& box = layout.pages[static_cast<std::size_t>(a->page)];
      d = HPDF_Page_CreateDestination(pages[static_cast<std::size_t>(a->page)]);
      // Fit the width with the anchor a little below the window's top.
      if (d) HPDF_Destination_SetFitH(d, std::min(box.height, box.height - a->y + 12));
      if (doc.failed()) {
        d = nullptr;
        doc.reset();
      }
    }
    dests[name] = d;
    return d;
  };

  // Links: those of Link nodes get their ParentTree keys after the pages' (structure_tree.h).
  std::vector<TaggedAnnotation> taggedLinks;
  std::vector<HPDF_Dict> linkAnnots;
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    const PageBox& box = layout.pages[i];
    for (const auto& l : box.links) {
      HPDF_Rect rect{l.x, box.height - l.y - l.height, l.x + l.width, box.height - l.y};
      const bool ofNode = l.tag >= 0 && static_cast<std::size_t>(l.tag) < layout.structure.size();
      LinkTagging tagging;
      if (ofNode) {
        tagging.structParent = static_cast<int>(pages.size() + taggedLinks.size());
        tagging.contents = layout.structure[static_cast<std::size_t>(l.tag)].alt;
      }
      if (tagging.contents.empty()) tagging.contents = !l.uri.empty() && isValidUtf8(l.uri) ? l.uri : l.dest;
      HPDF_Dict annot = nullptr;
      if (!l.uri.empty()) {
        if (!isValidUtf8(l.uri)) continue;
        annot = addUriLink(doc, pages[i], rect, l.uri, std::move(tagging));
      } else if (!l.dest.empty()) {
        if (HPDF_Destination d = destFor(l.dest)) annot = addDestLink(doc, pages[i], rect, d, std::move(tagging));
      }
      if (doc.failed()) doc.reset();
      if (ofNode && annot) {
        taggedLinks.push_back({i, l.tag});
        linkAnnots.push_back(annot);
      }
    }
  }
  // The structure tree (tagged PDF), once every page and link exists.
  if (!layout.structure.empty()) {
    StructurePlan plan = planStructure(layout.structure, mcidLeaf, taggedLinks);
    if (!writeStructureTree(doc, layout.structure, std::move(plan), pages, linkAnnots))
      diags.warning({}, "pdf-structure", "the PDF's structure tree could not be written: " + doc.lastError());
    if (doc.failed()) doc.reset();
  }

  // Outline: posts and sections at the top, their headings nested by level.
  if (!layout.outline.empty()) {
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    (void)utf8;
    std::vector<std::pair<int, HPDF_Outline>> stack;
    for (const auto& e : layout.outline) {
      const std::string title = bmpOnly(e.title);
      if (title.empty()) continue;
      HPDF_Destination d = destFor(e.dest);
      if (!d) continue;
      while (!stack.empty() && stack.back().first >= e.level) stack.pop_back();
      HPDF_Outline parent = stack.empty() ? nullptr : stack.back().second;
      HPDF_Outline o = HPDF_CreateOutline(pdf, parent, title.c_str(), utf8);
      if (!o || doc.failed()) {
        doc.reset();
        continue;
      }
      HPDF_Outline_SetDestination(o, d);
      HPDF_Outline_SetOpened(o, e.level == 0 ? HPDF_TRUE : HPDF_FALSE);
      stack.push_back({e.level, o});
    }
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    if (doc.failed()) doc.reset();
  }

  // Page labels: i, ii, iii... for the front matter, then 1, 2, 3...
  if (layout.frontPages > 0) HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, "");
  if (static_cast<std::size_t>(layout.frontPages) < layout.pages.size())
    HPDF_AddPageLabel(pdf, static_cast<HPDF_UINT>(layout.frontPages), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
  if (doc.failed()) doc.reset();
  return true;
}

}  // namespace pp::pdf
