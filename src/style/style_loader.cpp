// Loading styles/*.yaml and user style files. A file names its `base:` (default "report"), which
// is loaded first; the file then overrides only the keys it sets. Every unknown key and bad value
// is an error carrying the file's line and column (from yaml-cpp's marks); the base's value stands.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "postpress/support/suggest.h"
#include "postpress/support/files.h"
#include "postpress/style.h"
#include "postpress/support/text.h"
#include "style/highlight_theme.h"

namespace pp {

void resolveColorRefs(Style& s);

namespace {

// Deeper chains are a mistake (or a cycle we failed to see): stop there.
constexpr int kMaxBaseDepth = 8;

constexpr std::string_view kFootnotePlacements[] = {"page", "post"};
constexpr std::string_view kCoverStyles[] = {"band", "plain"};

using Handler = std::function<void(const YAML::Node&)>;
using Table = std::map<std::string, Handler>;

// Applies one parsed style file onto a Style, reporting problems with positions.
class StyleReader {
 public:
  StyleReader(Style& style, DiagnosticSink& diags, std::string displayPath, fs::path dir)
      : s_(style), diags_(diags), path_(std::move(displayPath)), dir_(std::move(dir)) {}

  void apply(const YAML::Node& root) {
    // Fonts first: text roles check their `family` against the families known by then.
    static const char* const kOrder[] = {"name", "base", "description", "page", "fonts",
                                         "fallbacks", "colors", "paragraph", "text", "layout",
                                         "parts", "highlight"};
    Table top = {
        {"name", [&](const YAML::Node& n) { readString(n, s_.name); }},
        {"base", [](const YAML::Node&) {}},         // handled by the loader
        {"description", [](const YAML::Node&) {}},  // documentation only
        {"page", [&](const YAML::Node& n) { readPage(n); }},
        {"fonts", [&](const YAML::Node& n) { readFonts(n); }},
        {"fallbacks", [&](const YAML::Node& n) { readFallbacks(n); }},
        {"colors", [&](const YAML::Node& n) { readColors(n); }},
        {"paragraph", [&](const YAML::Node& n) { readParagraph(n); }},
        {"text", [&](const YAML::Node& n) { readRoles(n); }},
        {"layout", [&](const YAML::Node& n) { readLayout(n); }},
        {"parts", [&](const YAML::Node& n) { readParts(n); }},
        {"highlight", [&](const YAML::Node& n) { readHighlight(n); }},
    };
    if (!root.IsMap()) {
      if (!root.IsNull()) error(root, "style-bad-value", "a style file must be a mapping of keys");
      return;
    }
    checkKeys(root, top, "the style file");
    for (const char* key : kOrder)
      if (const YAML::Node n = root[key]; n) top[key](n);
  }

 private:
  Style& s_;
  DiagnosticSink& diags_;
  std::string path_;
  fs::path dir_;

  SourceLoc loc(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return {path_, 0, 0};
    return {path_, m.line + 1, m.column + 1};
  }
  void error(const YAML::Node& n, const char* code, std::string message) {
    diags_.error(loc(n), code, std::move(message));
  }
  void readHighlight(const YAML::Node& n) {
    std::vector<style::ThemeProblem> problems;
    style::readHighlightTheme(n, s_.highlight, problems);
    for (auto& p : problems) error(p.where, p.code, std::move(p.message));
  }

  // Reports keys of `map` that `table` does not know, naming the ones it does.
  void checkKeys(const YAML::Node& map, const Table& table, const std::string& where) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      std::string key = it->first.Scalar();
      if (!table.count(key)) {
        std::string known;
        for (const auto& [k, h] : table) known += (known.empty() ? "" : ", ") + k;
        error(it->first, "style-unknown-key",
              "unknown key '" + key + "' in " + where + " (known: " + known + ")");
      }
    }
  }
  void runTable(const YAML::Node& map, const Table& table, const std::string& where) {
    if (!map.IsMap()) {
      error(map, "style-bad-value", where + " must be a mapping of keys");
      return;
    }
    checkKeys(map, table, where);
    for (auto it = map.begin(); it != map.end(); ++it) {
      auto h = table.find(it->first.Scalar());
      if (h != table.end()) h->second(it->second);
    }
  }

  bool readString(const YAML::Node& n, std::string& out) {
    if (!n.IsScalar()) {
      error(n, "style-bad-value", "expected a text value");
      return false;
    }
    out = n.Scalar();
    return true;
  }
  bool readBool(const YAML::Node& n, bool& out) {
    std::string v = n.IsScalar() ? toLowerAscii(n.Scalar()) : "";
    if (v == "true" || v == "yes" || v == "on") {
      out = true;
      return true;
    }
    if (v == "false" || v == "no" || v == "off") {
      out = false;
      return true;
    }
    error(n, "style-bad-value", "expected true or false, got '" + n.Scalar() + "'");
    return false;
  }
  // A number, or a length with a unit ("1in", "25mm", "2cm", "12pt") converted to points.
  bool readNumber(const YAML::Node& n, float& out, float lo, float hi, bool lengths = false) {
    if (!n.IsScalar()) {
      error(n, "style-bad-value", "expected a number");
      return false;
    }
    std::string v = std::string(trim(n.Scalar()));
    float scale = 1;
    if (lengths) {
      static const std::pair<const char*, float> kUnits[] = {
          {"pt", 1.0f}, {"in", 72.0f}, {"mm", 72.0f / 25.4f}, {"cm", 72.0f / 2.54f}};
      for (const auto& [unit, factor] : kUnits)
        if (endsWith(v, unit)) {
          v = std::string(trim(std::string_view(v).substr(0, v.size() - 2)));
          scale = factor;
          break;
        }
    }
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(d)) {
      error(n, "style-bad-value",
            "expected a number" + std::string(lengths ? " or a length (pt, in, mm, cm)" : "") +
                ", got '" + n.Scalar() + "'");
      return false;
    }
    float f = static_cast<float>(d) * scale;
    if (f < lo || f > hi) {
      char range[64];
      std::snprintf(range, sizeof range, "%g..%g", static_cast<double>(lo),
                    static_cast<double>(hi));
      error(n, "style-bad-value", "value '" + n.Scalar() + "' is out of range " + range);
      return false;
    }
    out = f;
    return true;
  }
  bool readColor(const YAML::Node& n, Color& out) {
    std::string v;
    if (!readString(n, v)) return false;
    auto c = Color::parse(std::string(trim(v)));
    if (!c) {
      error(n, "style-bad-value", "expected a colour like \"#1a2b3c\" or \"#abc\", got '" + v + "'");
      return false;
    }
    out = *c;
    return true;
  }
  bool readChoice(const YAML::Node& n, std::string& out, std::span<const std::string_view> ok) {
    std::string v;
    if (!readString(n, v)) return false;
    for (std::string_view c : ok)
      if (v == c) {
        out = v;
        return true;
      }
    std::string list;
    for (std::string_view c : ok) list += (list.empty() ? "" : ", ") + std::string(c);
    error(n, "style-bad-value", "'" + v + "' is not one of " + list);
    return false;
  }
  // Font files: absolute, else next to the style file, else among the bundled fonts.
  bool readFontPath(const YAML::Node& n, fs::path& out) {
    std::string v;
    if (!readString(n, v)) return false;
    fs::path p = v;
    std::error_code ec;
    if (p.is_relative()) {
      if (fs::exists(dir_ / p, ec))
        p = dir_ / p;
      else
        p = dataDir() / "fonts" / p;
    }
    if (!fs::is_regular_file(p, ec)) {
      error(n, "style-font-missing", "font file '" + v + "' not found");
      return false;
    }
    out = p.lexically_normal();
    return true;
  }

  void readPage(const YAML::Node& page) {
    Table t = {
        {"paper", [&](const YAML::Node& n) {
           std::string v;
           if (!readString(n, v)) return;
           float w, h;
           if (toLowerAscii(v) == "custom") {
             s_.paper = "custom";
           } else if (parsePaper(v, w, h)) {
             s_.paper = toLowerAscii(v);
             s_.pageWidth = w;
             s_.pageHeight = h;
           } else {
             error(n, "style-bad-value",
                   "unknown paper '" + v + "' (letter, a4, a5, legal, or e.g. 6x9in, 210x297mm)");
           }
         }},
        {"width", [&](const YAML::Node& n) {
           if (readNumber(n, s_.pageWidth, 144, 14400, true)) s_.paper = "custom";
         }},
        {"height", [&](const YAML::Node& n) {
           if (readNumber(n, s_.pageHeight, 144, 14400, true)) s_.paper = "custom";
         }},
        {"margins", [&](const YAML::Node& n) { readMargins(n); }},
        {"header_gap", [&](const YAML::Node& n) { readNumber(n, s_.headerGap, 0, 200, true); }},
    };
    // paper before width/height, whatever the order in the file
    if (page.IsMap() && page["paper"]) t["paper"](page["paper"]);
    t["paper"] = [](const YAML::Node&) {};  // already applied
    runTable(page, t, "'page'");
  }
  void readMargins(const YAML::Node& n) {
    if (n.IsScalar()) {
      float m;
      if (readNumber(n, m, 0, 1000, true))
        s_.marginTop = s_.marginBottom = s_.marginInner = s_.marginOuter = m;
      return;
    }
    runTable(n,
             {{"top", [&](const YAML::Node& v) { readNumber(v, s_.marginTop, 0, 1000, true); }},
              {"bottom", [&](const YAML::Node& v) { readNumber(v, s_.marginBottom, 0, 1000, true); }},
              {"inner", [&](const YAML::Node& v) { readNumber(v, s_.marginInner, 0, 1000, true); }},
              {"outer", [&](const YAML::Node& v) { readNumber(v, s_.marginOuter, 0, 1000, true); }}},
             "'page.margins'");
  }

  void readFonts(const YAML::Node& fonts) {
    if (!fonts.IsMap()) {
      error(fonts, "style-bad-value", "'fonts' must map role names (text, heading, mono) to families");
      return;
    }
    for (auto it = fonts.begin(); it != fonts.end(); ++it) {
      const std::string role = it->first.Scalar();
      const bool existed = s_.families.count(role) > 0;
      FontFamily f = existed ? s_.families[role] : FontFamily{};
      bool regularSet = false, serifSet = false;
      runTable(it->second,
               {{"name", [&](const YAML::Node& v) { readString(v, f.name); }},
                {"regular", [&](const YAML::Node& v) { regularSet = readFontPath(v, f.regular); }},
                {"bold", [&](const YAML::Node& v) { readFontPath(v, f.bold); }},
                {"italic", [&](const YAML::Node& v) { readFontPath(v, f.italic); }},
                {"bold_italic", [&](const YAML::Node& v) { readFontPath(v, f.boldItalic); }},
                {"serif", [&](const YAML::Node& v) { serifSet = readBool(v, f.serif); }}},
               "'fonts." + role + "'");
      if (!existed && !regularSet) {
        error(it->first, "style-bad-value", "new font family '" + role + "' needs a 'regular' file");
        continue;
      }
      // A new design is sans serif unless it says otherwise (not the serif of the base's).
      if (regularSet && !serifSet) f.serif = false;
      // A family given only some faces borrows the others from its regular face.
      if (f.bold.empty()) f.bold = f.regular;
      if (f.italic.empty()) f.italic = f.regular;
      if (f.boldItalic.empty()) f.boldItalic = f.bold;
      s_.families[role] = f;
    }
  }
  void readFallbacks(const YAML::Node& n) {
    if (!n.IsSequence()) {
      error(n, "style-bad-value", "'fallbacks' must be a list of font files");
      return;
    }
    std::vector<fs::path> out;
    for (const auto& item : n) {
      std::string v;
      if (!readString(item, v)) continue;
      fs::path p = v;
      std::error_code ec;
      // Missing fallbacks are not an error here: the system fonts differ between machines,
      // and the font loader notes each absent one once.
      if (p.is_relative()) p = fs::exists(dir_ / p, ec) ? dir_ / p : dataDir() / "fonts" / p;
      out.push_back(p.lexically_normal());
    }
    s_.fallbacks = std::move(out);
  }

  void readColors(const YAML::Node& colors) {
    auto color = [&](Color& c) { return [&](const YAML::Node& n) { readColor(n, c); }; };
    runTable(colors,
             {{"text", color(s_.text)},
              {"accent", color(s_.accent)},
              {"link", color(s_.link)},
              {"muted", color(s_.muted)},
              {"rule", color(s_.rule)},
              {"code_background", color(s_.codeBackground)},
              {"quote_bar", color(s_.quoteBar)},
              {"table_header_background", color(s_.tableHeaderBackground)},
              {"table_rule", color(s_.tableRule)},
              {"admonitions",
               [&](const YAML::Node& n) {
                 if (!n.IsMap()) {
                   error(n, "style-bad-value", "'colors.admonitions' must map kinds to colours");
                   return;
                 }
                 static const std::set<std::string> kKinds = {
                     "note", "tip", "info", "important", "warning", "caution", "danger"};
                 for (auto it = n.begin(); it != n.end(); ++it) {
                   const std::string kind = it->first.Scalar();
                   if (!kKinds.count(kind)) {
                     error(it->first, "style-unknown-key",
                           "unknown admonition kind '" + kind +
                               "' (known: caution, danger, important, info, note, tip, warning)");
                     continue;
                   }
                   Color c;
                   if (readColor(it->second, c)) s_.admonitionColors[kind] = c;
                 }
               }}},
             "'colors'");
  }

  void readParagraph(const YAML::Node& p) {
    runTable(p,
             {{"justify", [&](const YAML::Node& n) { readBool(n, s_.justify); }},
              {"hyphenate", [&](const YAML::Node& n) { readBool(n, s_.hyphenate); }},
              // Retired: older copies of report.yaml set it, to no effect.
              {"language",
               [&](const YAML::Node& n) {
                 diags_.warning(loc(n), "style-key-unused",
                                "'language' in 'paragraph' is not used: hyphenation follows the digest's language "
                                "(--language, else the site's) and each post's own; remove the key");
               }},
              {"spacing", [&](const YAML::Node& n) { readNumber(n, s_.paragraphSpacing, 0, 100, true); }},
              {"indent", [&](const YAML::Node& n) { readNumber(n, s_.paragraphIndent, 0, 100, true); }},
              {"list_indent", [&](const YAML::Node& n) { readNumber(n, s_.listIndent, 4, 100, true); }},
              {"block_spacing", [&](const YAML::Node& n) { readNumber(n, s_.blockSpacing, 0, 100, true); }}},
             "'paragraph'");
  }

  void readRole(const YAML::Node& n, TextStyle& t, const std::string& where) {
    runTable(n,
             {{"family",
               [&](const YAML::Node& v) {
                 std::string f;
                 if (!readString(v, f)) return;
                 if (!s_.families.count(f)) {
                   std::string known;
                   for (const auto& [k, fam] : s_.families) known += (known.empty() ? "" : ", ") + k;
                   error(v, "style-bad-value", "unknown font family '" + f + "' (known: " + known + ")");
                   return;
                 }
                 t.family = f;
               }},
              {"size", [&](const YAML::Node& v) { readNumber(v, t.size, 4, 144, true); }},
              {"leading", [&](const YAML::Node& v) { readNumber(v, t.leading, 4, 200, true); }},
              {"bold", [&](const YAML::Node& v) { readBool(v, t.bold); }},
              {"italic", [&](const YAML::Node& v) { readBool(v, t.italic); }},
              {"color",
               [&](const YAML::Node& v) {
                 std::string c;
                 if (!readString(v, c)) return;
                 static const std::set<std::string> kRefs = {"text", "accent", "link", "muted", "rule"};
                 if (kRefs.count(c)) {
                   t.colorRef = c;
                 } else if (readColor(v, t.color)) {
                   t.colorRef.clear();
                 }
               }},
              {"space_before", [&](const YAML::Node& v) { readNumber(v, t.spaceBefore, 0, 300, true); }},
              {"space_after", [&](const YAML::Node& v) { readNumber(v, t.spaceAfter, 0, 300, true); }},
              {"uppercase", [&](const YAML::Node& v) { readBool(v, t.uppercase); }},
              {"letter_spacing", [&](const YAML::Node& v) { readNumber(v, t.letterSpacing, -2, 20, true); }}},
             where);
    if (t.leading < t.size) t.leading = t.size;  // lines must not overlap
  }
  void readRoles(const YAML::Node& text) {
    auto role = [&](TextStyle& t, const char* name) {
      return [&t, name, this](const YAML::Node& n) { readRole(n, t, "'text." + std::string(name) + "'"); };
    };
    runTable(text,
             {{"body", role(s_.body, "body")},
              {"h1", role(s_.headings[0], "h1")},
              {"h2", role(s_.headings[1], "h2")},
              {"h3", role(s_.headings[2], "h3")},
              {"h4", role(s_.headings[3], "h4")},
              {"h5", role(s_.headings[4], "h5")},
              {"h6", role(s_.headings[5], "h6")},
              {"code", role(s_.code, "code")},
              {"caption", role(s_.caption, "caption")},
              {"footnote", role(s_.footnote, "footnote")},
              {"quote", role(s_.quote, "quote")},
              {"table", role(s_.table, "table")},
              {"running_header", role(s_.runningHeader, "running_header")},
              {"post_title", role(s_.postTitle, "post_title")},
              {"post_subtitle", role(s_.postSubtitle, "post_subtitle")},
              {"byline", role(s_.byline, "byline")},
              {"cover_title", role(s_.coverTitle, "cover_title")},
              {"cover_subtitle", role(s_.coverSubtitle, "cover_subtitle")},
              {"toc_entry", role(s_.tocEntry, "toc_entry")}},
             "'text'");
  }

  void readLayout(const YAML::Node& l) {
    runTable(l,
             {{"posts_start_new_page", [&](const YAML::Node& n) { readBool(n, s_.postsStartNewPage); }},
              {"footnotes", [&](const YAML::Node& n) { readChoice(n, s_.footnotePlacement, kFootnotePlacements); }},
              {"link_notes",
               [&](const YAML::Node& n) { readChoice(n, s_.linkNotes, option(OptionId::LinkNotes).choices); }},
              {"qr_codes", [&](const YAML::Node& n) { readBool(n, s_.qrCodes); }},
              {"dpi",
               [&](const YAML::Node& n) {
                 // The same range as --dpi and postpress.yaml's dpi, which override this.
                 const OptionSpec& dpi = option(OptionId::Dpi);
                 float v;
                 if (readNumber(n, v, static_cast<float>(dpi.min), static_cast<float>(dpi.max)))
                   s_.dpi = static_cast<int>(v);
               }},
              {"figure_max_height", [&](const YAML::Node& n) { readNumber(n, s_.figureMaxHeight, 0.1f, 1.0f); }},
              {"figure_min_shrink", [&](const YAML::Node& n) { readNumber(n, s_.figureMinShrink, 0.1f, 1.0f); }}},
             "'layout'");
  }

  void readParts(const YAML::Node& p) {
    runTable(p,
             {{"cover", [&](const YAML::Node& n) { readBool(n, s_.cover); }},
              {"brief", [&](const YAML::Node& n) { readBool(n, s_.brief); }},
              {"toc", [&](const YAML::Node& n) { readBool(n, s_.toc); }},
              {"tag_index", [&](const YAML::Node& n) { readBool(n, s_.tagIndex); }},
              {"author_index", [&](const YAML::Node& n) { readBool(n, s_.authorIndex); }},
              {"cover_style", [&](const YAML::Node& n) { readChoice(n, s_.coverStyle, kCoverStyles); }}},
             "'parts'");
  }
};

fs::path bundledStyleFile(const std::string& name) { return dataDir() / "styles" / (name + ".yaml"); }

// Loads one layer (and, first, its bases). `chain` holds the files being loaded, for cycles.
Style loadLayer(const std::string& spec, DiagnosticSink& diags, std::vector<fs::path>& chain,
                const SourceLoc& requestedAt) {
  fs::path file;
  bool bundled = false;
  std::error_code ec;
  if (!isStyleFile(spec) && fs::is_regular_file(bundledStyleFile(spec), ec)) {
    file = bundledStyleFile(spec);
    bundled = true;
  } else if (fs::is_regular_file(spec, ec)) {
    file = spec;
  } else {
    std::string names;
    for (const auto& n : bundledStyleNames()) names += (names.empty() ? "" : ", ") + n;
    diags.error(requestedAt, "style-not-found",
                "style '" + spec + "' is neither a bundled style (" + names + ") nor a file" +
                    didYouMean(spec, bundledStyleNames()));
    return defaultStyle();
  }
  const std::string display = bundled ? "styles/" + spec + ".yaml" : spec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end() ||
      chain.size() >= static_cast<std::size_t>(kMaxBaseDepth)) {
    diags.error(requestedAt, "style-base-cycle", "style '" + spec + "' is its own base");
    return defaultStyle();
  }

  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::ParserException& e) {
    diags.error({display, e.mark.line + 1, e.mark.column + 1}, "style-yaml", e.msg);
    return defaultStyle();
  } catch (const std::exception& e) {
    diags.error({display, 0, 0}, "style-yaml", std::string("cannot read style: ") + e.what());
    return defaultStyle();
  }

  // Bundled styles default to the built-in defaults, user files to "report".
  std::string base = bundled ? "none" : "report";
  SourceLoc baseAt{display, 0, 0};
  if (root.IsMap() && root["base"]) {
    const YAML::Node b = root["base"];
    if (b.IsScalar()) {
      base = b.Scalar();
      baseAt = {display, b.Mark().line + 1, b.Mark().column + 1};
    } else {
      diags.error({display, b.Mark().line + 1, b.Mark().column + 1}, "style-bad-value",
                  "'base' must name a style or a file");
    }
  }
  Style style;
  chain.push_back(canonical);
  if (base == "none" || base.empty()) {
    style = defaultStyle();
  } else {
    // A relative base file is relative to this file's folder.
    std::string baseSpec = base;
    if (isStyleFile(base) && fs::path(base).is_relative())
      baseSpec = (file.parent_path() / base).string();
    style = loadLayer(baseSpec, diags, chain, baseAt);
  }
  chain.pop_back();

  style.name = bundled ? spec : file.stem().string();
  style.file = file;
  StyleReader(style, diags, display, file.parent_path()).apply(root);
  return style;
}

}  // namespace

bool isStyleFile(std::string_view spec) {
  return spec.find('/') != std::string_view::npos || endsWith(spec, ".yaml") || endsWith(spec, ".yml");
}

void resolveColorRefs(Style& s) {
  auto fix = [&](TextStyle& t) {
    if (t.colorRef == "text") t.color = s.text;
    else if (t.colorRef == "accent") t.color = s.accent;
    else if (t.colorRef == "link") t.color = s.link;
    else if (t.colorRef == "muted") t.color = s.muted;
    else if (t.colorRef == "rule") t.color = s.rule;
  };
  for (TextStyle* t : {&s.body, &s.code, &s.caption, &s.footnote, &s.quote, &s.table,
                       &s.runningHeader, &s.postTitle, &s.postSubtitle, &s.byline, &s.coverTitle,
                       &s.coverSubtitle, &s.tocEntry})
    fix(*t);
  for (auto& h : s.headings) fix(h);
}

std::vector<std::string> bundledStyleNames() {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dataDir() / "styles", ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() == ".yaml" && it->is_regular_file(ec)) names.push_back(p.stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Style loadStyle(const std::string& nameOrFile, const std::string& paper, DiagnosticSink& diags) {
  std::vector<fs::path> chain;
  Style s = loadLayer(nameOrFile.empty() ? "report" : nameOrFile, diags, chain, {});
  if (!paper.empty()) {
    float w, h;
    if (parsePaper(paper, w, h)) {
      s.paper = toLowerAscii(paper);
      s.pageWidth = w;
      s.pageHeight = h;
    } else {
      diags.error({}, "style-bad-paper",
                  "unknown paper '" + paper + "' (letter, a4, a5, legal, or e.g. 6x9in, 210x297mm)");
    }
  }
  // Margins that leave no room for text are clamped to keep a usable text block.
  const float minText = 144;
  if (s.textWidth() < minText) {
    diags.warning({s.file.string(), 0, 0}, "style-margins",
                  "margins leave less than 2 inches of text width; reduced");
    const float m = std::max(0.0f, (s.pageWidth - minText) / 2);
    s.marginInner = s.marginOuter = m;
  }
  if (s.textHeight() < minText) {
    diags.warning({s.file.string(), 0, 0}, "style-margins",
                  "margins leave less than 2 inches of text height; reduced");
    const float m = std::max(0.0f, (s.pageHeight - minText) / 2);
    s.marginTop = s.marginBottom = m;
  }
  resolveColorRefs(s);
  return s;
}

}  // namespace pp
