// The painter: draws a Layout's pages into a PDF. It decides nothing about where things go;
// it converts coordinates (the layout's y grows downwards, PDF's upwards) and writes each
// page's content itself (content_stream.h); libharu loads each font and image once, holds the
// document's objects and writes links, destinations, the outline, page labels and info.
#include "pdf/painter.h"
#include "pdf/content_stream.h"
#include "pdf/derived_font_cache.h"
#include "pdf/page_streams.h"
#include "postpress/ordered_ahead.h"

#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>
#include <string>

#include "layout/fonts.h"
#include "pdf/font_streams.h"
#include "pdf/font_subset.h"
#include "pdf/images.h"
#include "postpress/deflate.h"
#include "postpress/files.h"
#include "postpress/parallel.h"
#include "postpress/text.h"

namespace pp::pdf {

namespace {

// Coordinates a reader can take: a word or shape anywhere else is left out.
bool sane(float v) { return std::isfinite(v) && std::fabs(v) <= 1e7f; }

// A text run or image a reader can take (the same test decides whether the page registers
// its font or image and whether its content draws it).
bool drawable(const TextRun& r, float pageHeight) {
  return !r.text.empty() && r.size > 0 && sane(r.x) && sane(pageHeight - r.y);
}
bool drawable(const ImageBox& im, float pageHeight) {
  return im.width > 0 && im.height > 0 && sane(im.x) && sane(pageHeight - im.y - im.height) && sane(im.width) &&
         sane(im.height);
}

// The names a page's content calls its fonts and images by. Registering them touches
// libharu's objects, so it happens on one thread, page after page; the content itself can then
// be written on any thread.
struct PageResources {
  std::vector<std::string> fontNames;   // by font id; empty: the font cannot be used
  std::vector<std::string> imageNames;  // by PageBox::images index; empty: draw an empty frame
  bool operator==(const PageResources&) const = default;
};

PageResources registerResources(HpdfDoc& doc, HPDF_Page page, const PageBox& box, const std::vector<HPDF_Font>& fonts,
                                ImageCache& images) {
  PageResources res;
  res.imageNames.assign(box.images.size(), {});
  for (std::size_t i = 0; i < box.images.size(); ++i) {
    const ImageBox& im = box.images[i];
    if (!drawable(im, box.height)) continue;
    HPDF_Image img = images.get(im.asset);
    const char* name = img ? HPDF_Page_GetXObjectName(page, img) : nullptr;
    if (name && !doc.failed()) res.imageNames[i] = name;
    doc.reset();
  }
  // Fonts in the order the text first uses them, as the resource dictionary lists them.
  res.fontNames.assign(fonts.size(), {});
  std::vector<char> seen(fonts.size(), 0);
  for (const auto& r : box.runs) {
    if (r.font >= fonts.size() || seen[r.font] || !fonts[r.font] || !drawable(r, box.height)) continue;
    seen[r.font] = 1;
    const char* name = HPDF_Page_GetLocalFontName(page, fonts[r.font]);
    if (name && !doc.failed()) res.fontNames[r.font] = name;
    doc.reset();
  }
  return res;
}

// The names registerResources will give when every font and image loads, known before any is
// loaded: libharu names a page's images X1, X2... and its fonts F1, F2... in the order they are
// first registered on it, one name per object (an image drawn twice has one name).
PageResources expectedResources(const PageBox& box, std::size_t fontCount) {
  PageResources res;
  res.imageNames.assign(box.images.size(), {});
  std::map<int, std::string> byAsset;
  for (std::size_t i = 0; i < box.images.size(); ++i) {
    const ImageBox& im = box.images[i];
    if (!drawable(im, box.height)) continue;
    auto [it, fresh] = byAsset.try_emplace(im.asset);
    if (fresh) it->second = "X" + std::to_string(byAsset.size());
    res.imageNames[i] = it->second;
  }
  res.fontNames.assign(fontCount, {});
  int named = 0;
  for (const auto& r : box.runs) {
    if (r.font >= fontCount || !res.fontNames[r.font].empty() || !drawable(r, box.height)) continue;
    res.fontNames[r.font] = "F" + std::to_string(++named);
  }
  return res;
}

// Writes one page's content stream from its boxes and the names registered for it.
class PagePainter {
 public:
  PagePainter(const PageBox& box, const Layout& layout, const PageResources& res)
      : box_(box), layout_(layout), res_(res), h_(box.height) {}

  std::string paint() {
    rects();
    imagesLayer();
    lines();
    text();
    glyphs();
    return cs_.take();
  }

 private:
  const PageBox& box_;
  const Layout& layout_;
  const PageResources& res_;
  float h_;
  ContentStream cs_;

  void setStroke(const Color& c, float width) {
    cs_.strokeColor(c);
    cs_.lineWidth(width);
  }

  // Each rectangle keeps its own fill: one path of many would be filled the same by the
  // nonzero rule, but viewers snap a lone rectangle to the pixel grid and not a path of
  // several, so small dots (QR modules, dot leaders) would render differently on screen.
  void rects() {
    for (const auto& r : box_.rects) {
      if (!(r.width > 0 && r.height > 0)) continue;
      const bool stroke = r.strokeWidth > 0;
      if (!r.fill && !stroke) continue;
      const float y = h_ - r.y - r.height;
      if (!sane(r.x) || !sane(y) || !sane(r.width) || !sane(r.height)) continue;
      if (r.fill) cs_.fillColor(r.fillColor);
      if (stroke) setStroke(r.strokeColor, r.strokeWidth);
      cs_.rect(r.x, y, r.width, r.height);
      if (r.fill && stroke) cs_.fillStroke();
      else if (r.fill) cs_.fill();
      else cs_.stroke();
    }
  }

  void imagesLayer() {
    for (std::size_t i = 0; i < box_.images.size(); ++i) {
      const ImageBox& im = box_.images[i];
      if (!drawable(im, h_)) continue;
      const float y = h_ - im.y - im.height;
      if (const std::string& name = res_.imageNames[i]; !name.empty()) {
        cs_.image(name.c_str(), im.x, y, im.width, im.height);
      } else {
        // The layout thought the image usable; the file let us down: a visible empty frame.
        setStroke(Color{0.6f, 0.6f, 0.6f}, 0.5f);
        cs_.rect(im.x, y, im.width, im.height);
        cs_.stroke();
      }
    }
  }

  void lines() {
    for (const auto& l : box_.lines) {
      if (!(l.width > 0)) continue;
      if (!sane(l.x1) || !sane(l.x2) || !sane(h_ - l.y1) || !sane(h_ - l.y2)) continue;
      setStroke(l.color, l.width);
      cs_.moveTo(l.x1, h_ - l.y1);
      cs_.lineTo(l.x2, h_ - l.y2);
      cs_.stroke();
    }
  }

  void text() {
    if (box_.runs.empty()) return;
    cs_.beginText();
    const std::string* current = nullptr;  // one string per font id: compared by address
    float currentSize = -1, currentSpacing = 0;
    for (const auto& r : box_.runs) {
      if (!drawable(r, h_) || r.font >= res_.fontNames.size()) continue;
      const std::string* name = &res_.fontNames[r.font];
      if (name->empty()) continue;
      if (name != current || r.size != currentSize) {
        cs_.font(name->c_str(), r.size);
        current = name;
        currentSize = r.size;
      }
      if (r.charSpacing != currentSpacing) {
        cs_.charSpacing(r.charSpacing);
        currentSpacing = r.charSpacing;
      }
      cs_.fillColor(r.color);
      // Absolute placement of every word: justification is ours, not the PDF's.
      cs_.word(r.x, h_ - r.y, r.text);
    }
    cs_.endText();
  }

  void glyphs() {
    for (const auto& g : box_.glyphs) {
      if (g.outline < 0 || static_cast<std::size_t>(g.outline) >= layout_.outlines.size()) continue;
      const GlyphOutline& o = layout_.outlines[static_cast<std::size_t>(g.outline)];
      if (o.cmds.empty()) continue;
      cs_.fillColor(g.color);
      const float s = g.size, ox = g.x, oy = h_ - g.y;
      float cx = 0, cy = 0;  // current point, em units
      bool open = false;
      for (const auto& c : o.cmds) {
        switch (c.op) {
          case GlyphOutline::Op::Move:
            cs_.moveTo(ox + c.x * s, oy + c.y * s);
            open = true;
            break;
          case GlyphOutline::Op::Line: cs_.lineTo(ox + c.x * s, oy + c.y * s); break;
          case GlyphOutline::Op::Quad: {
            // A quadratic Bezier as the cubic PDF draws: control points 2/3 of the way.
            const float c1x = cx + (c.cx - cx) * 2 / 3, c1y = cy + (c.cy - cy) * 2 / 3;
            const float c2x = c.x + (c.cx - c.x) * 2 / 3, c2y = c.y + (c.cy - c.y) * 2 / 3;
            cs_.curveTo(ox + c1x * s, oy + c1y * s, ox + c2x * s, oy + c2y * s, ox + c.x * s, oy + c.y * s);
            break;
          }
          case GlyphOutline::Op::Close: cs_.closePath(); break;
        }
        if (c.op != GlyphOutline::Op::Close) {
          cx = c.x;
          cy = c.y;
        }
      }
      if (open) cs_.fill();
    }
  }
};

// A page's content, written and deflated (on a worker thread: touches no libharu object) with
// the names it was written with. `raw` is kept only when deflating failed.
struct PaintedPage {
  PageResources resources;
  std::string raw;
  std::optional<std::string> deflated;
};

PaintedPage paintPage(const PageBox& box, const Layout& layout, PageResources res) {
  PaintedPage out;
  out.raw = PagePainter(box, layout, res).paint();
  out.deflated = deflatePageContent(out.raw);
  if (out.deflated) std::string().swap(out.raw);
  out.resources = std::move(res);
  return out;
}

// Loads every font the layout used, each as a derived font holding exactly the glyphs drawn
// (see font_subset.h for why), whose program and CIDToGIDMap we embed ourselves (`programs`,
// by font id; see font_streams.h); the original file, embedded by libharu, when a derived one
// cannot be made.
std::vector<HPDF_Font> loadFonts(const Layout& layout, HpdfDoc& doc, TempFontDir& dir, std::vector<int>& loadOrder,
                                 std::vector<FontProgram>& programs, const fs::path& cacheDir, DiagnosticSink& diags,
                                 int jobs) {
  // Which characters each font draws: a flag per BMP character (the text is all BMP, see
  // ContentStream::word; sorting every character drawn was a twentieth of the painting).
  std::vector<std::vector<char>> drawn(layout.fonts.size());
  for (const auto& page : layout.pages)
    for (const auto& r : page.runs) {
      if (r.font >= drawn.size()) continue;
      auto& d = drawn[r.font];
      if (d.empty()) d.assign(0x10000, 0);
      for (std::size_t i = 0; i < r.text.size();)
        if (const char32_t c = nextCodepoint(r.text, i); c <= 0xFFFF) d[c] = 1;
    }
  struct Derived {
    std::vector<char32_t> chars;  // drawn, in code order
    std::string bytes;            // the derived font; empty: embed the file as it is
    FontProgram program;          // it and its CIDToGIDMap, deflated
    std::string error;
  };
  std::vector<Derived> derived(layout.fonts.size());
  for (std::size_t id = 0; id < layout.fonts.size(); ++id)
    for (std::size_t c = 0; c < drawn[id].size(); ++c)
      if (drawn[id][c]) derived[id].chars.push_back(static_cast<char32_t>(c));
  drawn.clear();
  // Derived fonts are made side by side (reading a font and writing its subset touch nothing
  // shared), or read back from the cache; libharu then loads them one after another.
  parallelFor(layout.fonts.size(), jobs, [&](std::size_t id) {
    Derived& d = derived[id];
    if (d.chars.empty()) return;
    std::unique_ptr<typeset::FontFile> read;  // only when the layout did not read it
    const typeset::FontFile* src = layout.fonts[id].loaded.get();
    if (!src && (read = typeset::FontFile::load(layout.fonts[id].file, &d.error))) src = read.get();
    if (src) {
      std::vector<GlyphCode> codes;
      for (char32_t c : d.chars) {
        auto it = layout.privateUse.find(c);
        codes.push_back({c, it == layout.privateUse.end() ? c : it->second});
      }
      const std::string key = cacheDir.empty() ? std::string() : derivedFontKey(*src, codes);
      if (auto cached = key.empty() ? std::nullopt : loadDerivedFont(cacheDir, key)) {
        d.bytes = std::move(cached->bytes);
        d.program = std::move(cached->program);
        return;
      }
      DerivedFont made;
      made.bytes = buildSubsetFont(*src, std::move(codes), &d.error, &made.glyphCodes);
      auto program = made.bytes.empty() ? std::nullopt : zlibCompress(made.bytes);
      auto map = program ? zlibCompress(cidToGidMap(made.glyphCodes)) : std::nullopt;
      if (program && map) made.program = FontProgram{std::move(*program), made.bytes.size(), std::move(*map)};
      if (!key.empty()) saveDerivedFont(cacheDir, key, made);
      d.bytes = std::move(made.bytes);
      d.program = std::move(made.program);
    }
  });
  programs.assign(layout.fonts.size(), FontProgram{});
  std::vector<HPDF_Font> fonts(layout.fonts.size(), nullptr);
  for (std::size_t id = 0; id < layout.fonts.size(); ++id) {
    const std::vector<char32_t>& u = derived[id].chars;
    if (u.empty()) continue;
    const std::string original = layout.fonts[id].file.string();
    std::string path = original;
    const std::string& err = derived[id].error;
    bool ours = false;  // a derived font whose program we embed
    if (!derived[id].bytes.empty()) {
      const fs::path p = dir.write(derived[id].bytes);
      if (!p.empty()) path = p.string();
      std::string().swap(derived[id].bytes);
      ours = !p.empty() && !derived[id].program.fontFile.empty();
    }
    if (path == original && !err.empty())
      diags.reportOnce("pdf-font-subset:" + original,
                       {Severity::Note, {original, 0, 0}, "pdf-font-subset",
                        "embedding the font as it is (" + err + "); composite glyphs may lose parts"});
    doc.reset();
    loadOrder.push_back(static_cast<int>(id));
    const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), ours ? HPDF_FALSE : HPDF_TRUE);
    if (name && ours) name = tagAsSubset(doc, name);
    HPDF_Font f = name ? HPDF_GetFont(doc.get(), name, "UTF-8") : nullptr;
    if (!f || doc.failed()) {
      diags.reportOnce("pdf-font:" + original, {Severity::Error, {original, 0, 0}, "pdf-font",
                                                "libharu cannot load this font (" + doc.lastError() + ")"});
      f = nullptr;
      doc.reset();
    }
    if (f && ours) programs[id] = std::move(derived[id].program);
    if (f && !ours) {
      // libharu embeds only the glyphs it has measured, and ContentStream::word measures nothing:
      // measuring every character drawn once marks them all.
      std::string all;
      for (char32_t c : u) appendUtf8(all, c);
      HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(all.data()), static_cast<HPDF_UINT>(all.size()));
      if (doc.failed()) doc.reset();
    }
    fonts[id] = f;
  }
  return fonts;
}

// libharu turns characters above U+FFFF into garbage in outlines and info strings: leave
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

HPDF_Date dateFromEpoch(long long epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = std::min(tm.tm_sec, 59);
  d.ind = 'Z';
  return d;
}

// SOURCE_DATE_EPOCH when set and sane; else 1980-01-01 (never the clock: identical input must
// give identical bytes).
long long buildEpoch() {
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
    char* end = nullptr;
    long long v = std::strtoll(env, &end, 10);
    if (end && *end == '\0' && v >= 0 && v < 253402300800LL) return v;
  }
  return 315532800;  // 1980-01-01T00:00:00Z
}

std::string joinUnique(const std::vector<std::string>& items, std::size_t maxChars) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto& s : items) {
    if (s.empty()) continue;
    const std::string key = matchKey(s);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    std::string next = out.empty() ? s : out + ", " + s;
    if (next.size() > maxChars) break;
    out = std::move(next);
  }
  return out;
}

// Frees what only painting reads.
void releaseDrawing(PageBox& box) {
  std::vector<FillRect>().swap(box.rects);
  std::vector<ImageBox>().swap(box.images);
  std::vector<RuleLine>().swap(box.lines);
  std::vector<TextRun>().swap(box.runs);
  std::vector<VectorGlyph>().swap(box.glyphs);
}

}  // namespace

bool paint(Layout& layout, const Publication& pub, HpdfDoc& doc, TempFontDir& fontDir,
           PaintResult& result, DiagnosticSink& diags, int jobs) {
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
  const std::size_t fontCount = layout.fonts.size();
  OrderedAhead<PaintedPage> painted(layout.pages.size(), jobs, [&layout, fontCount](std::size_t i) {
    const PageBox& box = layout.pages[i];
    return paintPage(box, layout, expectedResources(box, fontCount));
  });
  std::vector<FontProgram> programs;
  // Derived fonts are cached beside the images (empty: no cache, as in tests without assets).
  const fs::path cacheDir = pub.assets ? pub.assets->options().cacheDir : fs::path();
  const std::vector<HPDF_Font> fonts =
      loadFonts(layout, doc, fontDir, result.fontLoadOrder, programs, cacheDir, diags, jobs);
  embedFontStreams(doc, fonts, programs, jobs);
  const std::string cmap = toUnicodeCMap(layout.privateUse);
  for (HPDF_Font f : fonts)
    if (f && !replaceToUnicode(doc, f, cmap))
      diags.reportOnce("pdf-tounicode", {Severity::Warning, {}, "pdf-tounicode",
                                         "a font's text cannot be mapped to Unicode: copying text may fail"});
  ImageCache images(doc, pub.assets, diags);

  std::vector<HPDF_Page> pages;
  pages.reserve(layout.pages.size());
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
    const PageResources res = registerResources(doc, page, box, fonts, images);
    PaintedPage content = painted.take(i);
    if (content.resources != res) {
      // A font or an image did not load: the page is written again with the names it has.
      content = paintPage(box, layout, res);
      ++result.pagesRepainted;
    }
    releaseDrawing(box);  // what only painting reads, freed as soon as the content exists
    attached = attachPageContent(doc, page, std::move(content.raw), std::move(content.deflated)) && attached;
  }
  if (!attached) diags.warning({}, "pdf-draw", "libharu refused a compressed page; some pages may be blank");

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

  // Links.
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    const PageBox& box = layout.pages[i];
    for (const auto& l : box.links) {
      HPDF_Rect rect{l.x, box.height - l.y - l.height, l.x + l.width, box.height - l.y};
      HPDF_Annotation a = nullptr;
      if (!l.uri.empty()) {
        if (!isValidUtf8(l.uri)) continue;
        a = HPDF_Page_CreateURILinkAnnot(pages[i], rect, l.uri.c_str());
      } else if (!l.dest.empty()) {
        if (HPDF_Destination d = destFor(l.dest)) a = HPDF_Page_CreateLinkAnnot(pages[i], rect, d);
      }
      if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);  // no black frame around links
      if (doc.failed()) doc.reset();
    }
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

  // Document info (UTF-16 in the file because the UTF-8 encoder is current).
  std::vector<std::string> authors, tags;
  for (const auto& p : pub.posts) {
    if (!p.post) continue;
    authors.insert(authors.end(), p.post->authors.begin(), p.post->authors.end());
    tags.insert(tags.end(), p.post->tags.begin(), p.post->tags.end());
  }
  auto setInfo = [&](HPDF_InfoType type, const std::string& raw) {
    const std::string value = bmpOnly(raw);
    if (value.empty()) return;
    HPDF_SetInfoAttr(pdf, type, value.c_str());
    if (doc.failed()) doc.reset();
  };
  setInfo(HPDF_INFO_TITLE, pub.title.empty() ? std::string("Digest") : pub.title);
  setInfo(HPDF_INFO_AUTHOR, joinUnique(authors, 400));
  setInfo(HPDF_INFO_SUBJECT, pub.period);
  setInfo(HPDF_INFO_KEYWORDS, joinUnique(tags, 1000));
  setInfo(HPDF_INFO_CREATOR, std::string("postpress ") + versionString());
  const HPDF_Date date = dateFromEpoch(buildEpoch());
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  if (doc.failed()) doc.reset();
  return true;
}

}  // namespace pp::pdf
