// Style: everything about how a digest looks, shared by the PDF layout and the EPUB CSS.
// Loaded from styles/<name>.yaml (bundled) or a user file; a user file overrides only what it
// sets, on top of the style it names in `base:` (default: "report"). Stage home: src/style/.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/document.h"
#include "postpress/options.h"
#include "postpress/support/diagnostics.h"

namespace pp {

namespace fs = std::filesystem;

struct Color {
  float r = 0, g = 0, b = 0;  // 0..1
  std::string hex() const;    // "#rrggbb"
  static std::optional<Color> parse(const std::string& text);  // "#rgb", "#rrggbb"
};

// A font family: four TrueType files (glyf outlines). Paths are absolute after loading
// (relative names are looked up in the style file's folder, then in dataDir()/fonts).
struct FontFamily {
  std::string name;
  fs::path regular, bold, italic, boldItalic;
  // A serif design: CJK text set in it comes from a serif CJK collection among the fallbacks
  // (Noto Serif CJK) rather than a sans one (FontSet::resolve). Style key `serif: true`.
  bool serif = false;
};

// A text role's look. `family` names an entry of Style::families ("text", "heading", "mono").
struct TextStyle {
  std::string family = "text";
  float size = 10.5f;        // pt
  float leading = 14.5f;     // baseline-to-baseline, pt
  bool bold = false;
  bool italic = false;
  Color color;
  float spaceBefore = 0;     // pt
  float spaceAfter = 0;      // pt
  bool uppercase = false;
  float letterSpacing = 0;   // pt added after each character (headings in caps)
  // A named colour of the Style ("text", "accent", "link", "muted", "rule") that `color`
  // follows; empty when `color` was given as a value. Resolved by loadStyle(), so that a file
  // changing `accent` also recolours every role that follows the accent.
  std::string colorRef;
};

// Syntax highlighting theme: the look of each token class of highlighted code (TokenClass,
// document.h), from the style's `highlight:` block. Classes are meant to differ in weight and
// slant as well as colour, so that they stay apart in grayscale print.
struct TokenStyle {
  std::optional<Color> color;  // none: the code role's colour
  bool bold = false;
  bool italic = false;
};
struct HighlightTheme {
  bool enabled = true;  // false: every code block prints plain
  TokenStyle tokens[kTokenClassCount];
  const TokenStyle& operator[](TokenClass t) const { return tokens[static_cast<std::size_t>(t)]; }
  TokenStyle& operator[](TokenClass t) { return tokens[static_cast<std::size_t>(t)]; }
};

struct Style {
  std::string name;      // "report", "brief", or the user file's name
  fs::path file;         // where it was loaded from (empty for built-in defaults)

  // Page
  // A paper name, or "custom" when the size was given in numbers. Where an option of the
  // command line or postpress.yaml also sets a key, the default is the option table's.
  std::string paper{option(OptionId::Paper).defaultValue};
  float pageWidth = 612, pageHeight = 792;  // pt (defaultStyle() sizes them to `paper`)
  float marginTop = 72, marginBottom = 72, marginInner = 72, marginOuter = 72;
  float headerGap = 24;  // distance from text block to running header/footer baselines

  // Fonts: families by role name, and fallback files tried in order for missing characters
  // (symbols, Greek/Cyrillic, CJK, emoji).
  std::map<std::string, FontFamily> families;
  std::vector<fs::path> fallbacks;

  // Text roles
  TextStyle body;
  TextStyle headings[6];
  TextStyle code;          // code blocks (inline code uses family/size ratio of this)
  TextStyle caption;       // figure captions, table notes
  TextStyle footnote;      // footnotes and link notes
  TextStyle quote;         // block quotes
  TextStyle table;         // table cells
  TextStyle runningHeader; // header and footer lines
  TextStyle postTitle;     // a post's opening title
  TextStyle postSubtitle;
  TextStyle byline;        // authors, date, tags, reading time
  TextStyle coverTitle;
  TextStyle coverSubtitle;
  TextStyle tocEntry;

  // Paragraphs
  bool justify = true;       // false: ragged right
  bool hyphenate = true;
  float paragraphSpacing = 0;      // extra space between paragraphs, pt
  float paragraphIndent = 0;       // first-line indent of following paragraphs, pt
  float listIndent = 18;           // hanging indent per list level, pt
  float blockSpacing = 8;          // space around lists, quotes, code, tables, figures

  // Colours
  Color text{0.1f, 0.1f, 0.1f};
  Color accent{0.0f, 0.29f, 0.55f};      // headings rules, cover band, brief accents
  Color link{0.0f, 0.32f, 0.65f};
  Color muted{0.42f, 0.42f, 0.42f};      // bylines, captions, running heads
  Color rule{0.8f, 0.8f, 0.8f};
  Color codeBackground{0.96f, 0.96f, 0.95f};
  Color quoteBar{0.8f, 0.8f, 0.8f};
  Color tableHeaderBackground{0.93f, 0.94f, 0.96f};
  Color tableRule{0.75f, 0.75f, 0.75f};
  std::map<std::string, Color> admonitionColors;  // "note", "tip", "warning", ... -> accent
  HighlightTheme highlight;                       // code blocks' token classes

  // Layout choices
  bool postsStartNewPage = true;
  std::string footnotePlacement = "page";  // page | post
  std::string linkNotes{option(OptionId::LinkNotes).defaultValue};  // the printed link list
  bool qrCodes = optionDefaultBool(OptionId::QrCodes);  // for post URLs and media links
  int dpi = optionDefaultInt(OptionId::Dpi);            // image resolution for print
  float figureMaxHeight = 0.6f;            // figure height as a fraction of the text block
  float figureMinShrink = 0.65f;           // shrink to fit the space left down to this, else move

  // Publication parts (also switchable in the digest config)
  bool cover = optionDefaultBool(OptionId::Cover);
  bool brief = optionDefaultBool(OptionId::Brief);
  bool toc = optionDefaultBool(OptionId::Toc);
  bool tagIndex = optionDefaultBool(OptionId::TagIndex);
  bool authorIndex = optionDefaultBool(OptionId::AuthorIndex);
  std::string coverStyle = "band";  // band | plain

  float textWidth() const { return pageWidth - marginInner - marginOuter; }
  // Where the text block starts on the page: after the inner margin, on the side the book is
  // bound on, the left; a right-to-left book is bound on the right.
  float textLeft(bool rightToLeftBook) const { return rightToLeftBook ? marginOuter : marginInner; }
  float textHeight() const { return pageHeight - marginTop - marginBottom; }
};

// True when a --style value names a file rather than a bundled style: it has a folder in it or
// ends in .yaml or .yml.
bool isStyleFile(std::string_view nameOrFile);

// Names of the bundled styles (styles/*.yaml), sorted.
std::vector<std::string> bundledStyleNames();

// Loads a bundled style by name or a style file by path; a file's `base:` (default "report")
// is loaded first and the file overrides only what it sets. Unknown keys and bad values are
// errors with the file's line and column; on error the defaults of the base stand.
// `paper` ("letter"/"a4"/"WxH" in pt or "210mmx297mm") overrides the style's paper when set.
Style loadStyle(const std::string& nameOrFile, const std::string& paper, DiagnosticSink& diags);

// Built-in defaults (what styles/report.yaml starts from).
Style defaultStyle();

// Parses "letter", "a4", "a5", "legal", "6x9in", "210x297mm", "595x842" (pt). false if bad.
bool parsePaper(const std::string& text, float& width, float& height);

}  // namespace pp
