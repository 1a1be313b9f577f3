// The built-in style: what styles/report.yaml starts from. It is already a complete, good-looking
// print report, so a user file with only `paper: a4` in it still gives a designed document.
#include "postpress/support/files.h"
#include "postpress/style.h"

namespace pp {

namespace {

TextStyle role(const char* family, float size, float leading, bool bold = false,
               bool italic = false, const char* colorRef = "text") {
  TextStyle t;
  t.family = family;
  t.size = size;
  t.leading = leading;
  t.bold = bold;
  t.italic = italic;
  t.colorRef = colorRef;
  return t;
}

TextStyle spaced(TextStyle t, float before, float after) {
  t.spaceBefore = before;
  t.spaceAfter = after;
  return t;
}

FontFamily family(const fs::path& dir, const char* name, const char* stem) {
  FontFamily f;
  f.name = name;
  std::string s = stem;
  f.regular = dir / (s + "-Regular.ttf");
  f.bold = dir / (s + "-Bold.ttf");
  f.italic = dir / (s + "-Italic.ttf");
  f.boldItalic = dir / (s + "-BoldItalic.ttf");
  return f;
}

}  // namespace

// Resolves every TextStyle::colorRef against the style's named colours.
void resolveColorRefs(Style& s);

Style defaultStyle() {
  Style s;
  s.name = "default";
  const fs::path fonts = dataDir() / "fonts";
  s.families["text"] = family(fonts, "Charis SIL", "CharisSIL");
  s.families["text"].serif = true;  // its CJK from Noto Serif CJK
  s.families["heading"] = family(fonts, "Noto Sans", "NotoSans");
  s.families["mono"] = family(fonts, "JetBrains Mono", "JetBrainsMono");
  // Formulas (src/math): one face with an OpenType MATH table, serif like the text.
  FontFamily math;
  math.name = "DejaVu Math TeX Gyre";
  math.regular = math.bold = math.italic = math.boldItalic = fonts / "DejaVuMathTeXGyre.ttf";
  math.serif = true;
  s.families["math"] = math;
  // Tried in order for characters the role's own face lacks (styles/report.yaml says which
  // font covers what): known file paths, the same on every machine.
  s.fallbacks = {fonts / "DejaVuSans.ttf",
                 "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansTelugu-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansKannada-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansMalayalam-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansGujarati-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansOriya-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansSinhala-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansKhmer-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansMyanmar-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansArmenian-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansGeorgian-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf",
                 "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                 "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
                 "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                 "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
                 "/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoSansMath-Regular.ttf",
                 "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
                 "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"};

  parsePaper(s.paper, s.pageWidth, s.pageHeight);  // the option table's default paper
  // A measure of about 75 characters of 10.5 pt Charis: the comfortable upper end for a report.
  s.marginTop = 80;
  s.marginBottom = 80;
  s.marginInner = 96;
  s.marginOuter = 96;
  s.headerGap = 26;

  s.text = Color{0.11f, 0.11f, 0.12f};
  s.accent = Color{0.267f, 0.376f, 0.494f};  // #44607e, a muted steel blue
  s.link = Color{0.165f, 0.365f, 0.561f};    // #2a5d8f
  s.muted = Color{0.42f, 0.43f, 0.45f};
  s.rule = Color{0.80f, 0.81f, 0.83f};
  s.codeBackground = Color{0.961f, 0.965f, 0.969f};
  s.quoteBar = Color{0.75f, 0.78f, 0.82f};
  s.tableHeaderBackground = Color{0.925f, 0.937f, 0.953f};
  s.tableRule = Color{0.72f, 0.74f, 0.77f};
  s.admonitionColors = {
      {"note", Color{0.267f, 0.376f, 0.494f}},   {"info", Color{0.2f, 0.45f, 0.65f}},
      {"tip", Color{0.18f, 0.49f, 0.32f}},       {"important", Color{0.45f, 0.3f, 0.6f}},
      {"warning", Color{0.75f, 0.5f, 0.05f}},    {"caution", Color{0.8f, 0.4f, 0.1f}},
      {"danger", Color{0.7f, 0.15f, 0.15f}},
  };

  s.body = role("text", 10.5f, 14.5f);
  s.headings[0] = spaced(role("heading", 15.5f, 19.5f, true, false, "accent"), 20, 7);
  s.headings[1] = spaced(role("heading", 12.5f, 16.5f, true, false, "accent"), 16, 5);
  s.headings[2] = spaced(role("heading", 11, 14.5f, true), 13, 4);
  s.headings[3] = spaced(role("heading", 10, 14, true), 11, 3);
  s.headings[4] = spaced(role("heading", 10, 14, true, true, "muted"), 10, 2);
  s.headings[5] = spaced(role("heading", 8.5f, 13, true, false, "muted"), 10, 2);
  s.headings[5].uppercase = true;
  s.headings[5].letterSpacing = 0.6f;
  s.code = role("mono", 8.4f, 11.6f);
  s.caption = role("text", 9, 12, false, true, "muted");
  s.footnote = role("text", 8.5f, 11);
  s.quote = role("text", 10.5f, 14.5f, false, true);
  s.table = role("heading", 8.5f, 11.5f);
  s.runningHeader = role("heading", 7.5f, 10, false, false, "muted");
  s.runningHeader.letterSpacing = 0.3f;
  s.postTitle = spaced(role("heading", 22, 27, true), 0, 6);
  s.postSubtitle = spaced(role("heading", 12.5f, 16.5f, false, false, "muted"), 0, 8);
  s.byline = spaced(role("heading", 8.5f, 12, false, false, "muted"), 0, 18);
  s.coverTitle = role("heading", 32, 38, true);
  s.coverSubtitle = role("heading", 15, 20, false, false, "muted");
  s.tocEntry = role("text", 10.5f, 16);

  s.justify = true;
  s.hyphenate = true;
  s.paragraphSpacing = 0;
  s.paragraphIndent = 14;
  s.listIndent = 18;
  s.blockSpacing = 9;
  resolveColorRefs(s);
  return s;
}

}  // namespace pp
