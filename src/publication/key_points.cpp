#include "publication/key_points.h"

#include <algorithm>
#include <cctype>

#include "postpress/support/text.h"
#include "publication/summary.h"

namespace pp {

namespace {

// Section names that announce a summary, lower case. A heading matches when it is one of
// these or starts with one followed by a space ("Highlights of the week").
constexpr const char* kSummaryNames[] = {
    "executive summary", "summary", "tl;dr", "tldr", "tl;dr;", "tl,dr", "key takeaways", "takeaways",
    "key points", "highlights", "in summary", "in short", "at a glance",
    // German, French, Spanish, Portuguese, Italian
    "zusammenfassung", "das wichtigste", "kernaussagen", "résumé", "en bref", "points clés", "à retenir",
    "resumen", "puntos clave", "conclusiones clave", "resumo", "destaques", "pontos principais", "riepilogo",
    "in sintesi", "punti chiave",
    // Japanese, Chinese
    "概要", "要約", "まとめ", "ハイライト", "エグゼクティブサマリー", "摘要", "总结", "總結", "要点", "亮点", "重點",
};

// Lower case for ASCII and the accented Latin capitals of the names above (É, À).
std::string folded(std::string s) {
  s = toLowerAscii(s);
  for (const auto& [upper, lower] : {std::pair{"\u00C9", "\u00E9"}, std::pair{"\u00C0", "\u00E0"}}) {
    for (std::size_t at = s.find(upper); at != std::string::npos; at = s.find(upper, at)) s.replace(at, 2, lower);
  }
  return s;
}

// A headline figure: a short item that starts with a number ("9,000+ attendees", "34 Red Hat
// sessions", "50% fewer restarts"), not a year or a version ("2025 plans", "1.2 release").
bool isFigure(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  if (countWords(text) < 2 || countWords(text) > 6) return false;
  std::size_t n = 0;
  while (n < text.size() && (std::isdigit(static_cast<unsigned char>(text[n])) || text[n] == ',' || text[n] == '.')) ++n;
  const std::string number = text.substr(0, n);
  const bool marked = n < text.size() && (text[n] == '+' || text[n] == '%' || text[n] == 'k' || text[n] == 'M');
  if (!marked && number.size() == 4 && (number.rfind("19", 0) == 0 || number.rfind("20", 0) == 0)) return false;
  if (std::count(number.begin(), number.end(), '.') > 0 && !marked) return false;  // versions
  return true;
}

// The text of a list item's own paragraphs (not of the lists nested in it).
std::string itemText(const Block& item) {
  std::string text;
  for (const Block& c : item.children)
    if (c.kind == BlockKind::Paragraph) text += (text.empty() ? "" : " ") + plainText(c.inlines);
  return collapseSpaces(text);
}

bool hasNestedList(const Block& item) {
  return std::any_of(item.children.begin(), item.children.end(), [](const Block& c) {
    return c.kind == BlockKind::BulletList || c.kind == BlockKind::OrderedList;
  });
}

// Leaf items of the lists in `blocks`, in reading order: the points (and figures) a list makes.
void leafItems(const std::vector<Block>& blocks, std::vector<std::string>& out) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::ListItem) {
      if (!hasNestedList(b)) {
        if (std::string t = itemText(b); !t.empty()) out.push_back(std::move(t));
      }
      leafItems(b.children, out);
    } else if (b.kind == BlockKind::BulletList || b.kind == BlockKind::OrderedList) {
      leafItems(b.children, out);
    }
  }
}

void addFigures(const std::vector<std::string>& items, std::vector<std::string>& figures) {
  for (const auto& t : items) {
    std::string f = t;
    while (!f.empty() && (f.back() == '.' || f.back() == ';' || f.back() == ',')) f.pop_back();
    if (isFigure(f) && figures.size() < kMaxFigures && std::find(figures.begin(), figures.end(), f) == figures.end())
      figures.push_back(f);
  }
}

}  // namespace

bool namesSummary(const std::string& heading) {
  std::string h = folded(collapseSpaces(heading));
  while (!h.empty() && (h.back() == ':' || h.back() == ' ')) h.pop_back();
  if (endsWith(h, "\uFF1A")) h.resize(h.size() - 3);  // a full-width colon
  for (const char* name : kSummaryNames) {
    const std::string n = name;
    if (h == n || (h.size() > n.size() && h.compare(0, n.size(), n) == 0 && h[n.size()] == ' ')) return true;
  }
  return false;
}

KeyPoints keyPointsOf(const Document& doc) {
  KeyPoints k;
  const auto& blocks = doc.blocks;
  // The first section named like a summary: its blocks up to the next heading of its level or above.
  std::vector<Block> section;
  for (std::size_t i = 0; i < blocks.size() && section.empty(); ++i) {
    if (blocks[i].kind != BlockKind::Heading || !namesSummary(plainText(blocks[i].inlines))) continue;
    for (std::size_t j = i + 1; j < blocks.size(); ++j) {
      if (blocks[j].kind == BlockKind::Heading && blocks[j].level <= blocks[i].level) break;
      section.push_back(blocks[j]);
    }
  }
  std::vector<std::string> items;
  leafItems(section, items);
  for (const Block& b : section) {
    if (b.kind != BlockKind::Paragraph) continue;
    if (std::string t = collapseSpaces(plainText(b.inlines)); countWords(t) >= 8) {
      k.sectionParagraph = cutAtSentence(t);
      break;
    }
  }
  addFigures(items, k.figures);
  for (const auto& t : items) {
    if (k.points.size() >= kMaxKeyPoints) break;
    if (!isFigure(t) && countWords(t) >= 3) k.points.push_back(cutAtSentence(t, 30));
  }
  // Without a summary section's figures: those quoted in the post's lists.
  if (k.figures.empty()) {
    std::vector<std::string> everywhere;
    leafItems(blocks, everywhere);
    addFigures(everywhere, k.figures);
  }
  return k;
}

}  // namespace pp
