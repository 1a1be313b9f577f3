// The back-matter indexes (tags, authors): each term followed by the page numbers of its
// posts, every number a link to its post, in two columns. Entries are measured first and the
// columns filled page by page (balanced on the last page), each page's pair of columns one
// box, so a term never splits from its numbers.
#include <algorithm>
#include <cstdlib>

#include "postpress/support/text.h"
#include "book/book_parts.h"

namespace pp::book {

namespace {

constexpr float kColumnGap = 22;
constexpr float kNumberIndent = 10;  // numbers that wrap under their term

struct Entry {
  std::vector<std::string> termLines;  // the term; the numbers follow its last line when room
  bool numbersInline = true;
  std::vector<std::pair<std::string, int>> pages;  // label, post index
  float height = 0;
  bool newLetter = false;  // first entry of its initial: a little space above
};

// "3, 7, 12" ("٣، ٧، ١٢" in Arabic, "3、7、12" in Japanese): an entry's numbers as one text,
// `separator` (the language's list_separator) between them.
std::string numbersText(const std::vector<std::pair<std::string, int>>& pages, const std::string& separator) {
  std::string s;
  for (const auto& [label, post] : pages) s += (s.empty() ? "" : separator) + label;
  return s;
}

}  // namespace

void composeIndex(Composer& c, const Publication& pub, const std::string& title, const std::vector<IndexEntry>& entries) {
  const Style& st = c.style();
  TextStyle term = recolored(resized(st.tocEntry, std::max(9.0f, st.tocEntry.size - 1)), st.text);
  term.leading = term.size * 1.45f;
  TextStyle numbers = recolored(term, st.accent);
  numbers.bold = true;
  const float colW = (st.textWidth() - kColumnGap) / 2;
  const float letterGap = term.leading * 0.5f;
  // Measured text drops its spaces at the ends: gaps are set as lengths.
  const float termGap = term.size * 0.7f, space = numbers.size * 0.3f;
  // Between an entry's numbers: the language's separator's mark, and its space when it has one.
  const std::string separator = pub.locale->label("list_separator");
  const std::string mark(trim(separator));
  const bool spaced = mark.size() < separator.size();

  std::vector<Entry> list;
  std::string lastInitial;
  for (const IndexEntry& ie : entries) {
    Entry e;
    for (int pi : ie.posts) {
      if (pi < 0 || static_cast<std::size_t>(pi) >= pub.posts.size()) continue;
      const std::string label = c.pageOf(pub.posts[static_cast<std::size_t>(pi)].anchor);
      if (!label.empty()) e.pages.emplace_back(label, pi);
    }
    if (e.pages.empty()) continue;
    // Numbers in page order, whatever order the body set the posts in.
    std::stable_sort(e.pages.begin(), e.pages.end(),
                     [](const auto& a, const auto& b) { return std::atoi(a.first.c_str()) < std::atoi(b.first.c_str()); });
    const std::string nums = numbersText(e.pages, separator);
    e.termLines = wrapText(c, ie.label, term, colW);
    if (e.termLines.empty()) e.termLines.push_back("?");
    const float lastW = c.textWidth(e.termLines.back(), term) + termGap;
    e.numbersInline = lastW + c.textWidth(nums, numbers) <= colW;
    float lines = static_cast<float>(e.termLines.size());
    if (!e.numbersInline) lines += static_cast<float>(wrapText(c, nums, numbers, colW - kNumberIndent).size());
    e.height = lines * term.leading;
    const std::string initial = toLowerAscii(ie.label.substr(0, 1));
    e.newLetter = !lastInitial.empty() && initial != lastInitial;
    lastInitial = initial;
    list.push_back(std::move(e));
  }

  sectionHead(c, title, pub.locale->count("entries", static_cast<long long>(list.size())));
  if (list.empty()) return;
  // The entries are a contents (TOC), as the table of contents is: each a TOCI holding its
  // term (P) and a Reference > Link per page number.
  const NodeScope toc(c, StructType::TOC);
  auto heightOf = [&](std::size_t i, bool top) { return list[i].height + (list[i].newLetter && !top ? letterGap : 0); };

  // The first page has the section head above (its height, generously); later pages are
  // whole text blocks.
  const float headRoom = st.postTitle.leading * 0.9f + st.byline.leading + 40;
  std::size_t next = 0;
  bool firstPage = true;
  while (next < list.size()) {
    const float avail = st.textHeight() - (firstPage ? headRoom : 0) - 4;
    // Everything left, if it fits two columns, is balanced; else fill column one then two.
    std::size_t end = next;
    float h1 = 0;
    std::size_t split = next;
    {
      float col = 0;
      int column = 0;
      std::size_t i = next;
      for (; i < list.size(); ++i) {
        const float h = heightOf(i, col == 0);
        if (col + h > avail && col > 0) {
          if (column == 1) break;
          column = 1;
          split = i;
          h1 = col;
          col = heightOf(i, true);
          continue;
        }
        col += h;
      }
      if (column == 0) {
        split = i;
        h1 = col;
      }
      end = i;
    }
    if (end == list.size()) {
      // Balance: the split that makes the taller column shortest.
      // From the end down, strictly better only: ties leave the left column the taller.
      float best = 1e9f;
      for (std::size_t s = end + 1; s-- > next;) {
        float a = 0, b = 0;
        for (std::size_t i = next; i < s; ++i) a += heightOf(i, i == next);
        for (std::size_t i = s; i < end; ++i) b += heightOf(i, i == s);
        if (std::max(a, b) < best && a <= avail && b <= avail) {
          best = std::max(a, b);
          split = s;
          h1 = a;
        }
      }
    }
    if (end == next) end = next + 1;  // an entry taller than a page: set it anyway
    float h2 = 0;
    for (std::size_t i = split; i < end; ++i) h2 += heightOf(i, i == split);
    const float boxH = std::max(h1, h2);
    std::vector<Entry> left(list.begin() + static_cast<std::ptrdiff_t>(next), list.begin() + static_cast<std::ptrdiff_t>(split));
    std::vector<Entry> right(list.begin() + static_cast<std::ptrdiff_t>(split), list.begin() + static_cast<std::ptrdiff_t>(end));
    c.box(boxH, [=, &pub](Canvas& cv) {
      auto column = [&](const std::vector<Entry>& col, float x) {
        float y = 0;
        for (std::size_t k = 0; k < col.size(); ++k) {
          const Entry& e = col[k];
          if (e.newLetter && k > 0) y += letterGap;
          const std::int32_t item = cv.node(StructNode(StructType::TOCI));
          float termBottom = 0;
          {
            const TagScope tag(cv, nodeBelow(cv, StructType::P, item));
            std::vector<std::string> lines = e.termLines;
            lines.back() += ' ';  // reads apart from its numbers
            termBottom = drawLines(cv, lines, term, x, y);
          }
          float nx = x, ny = termBottom - term.leading;
          if (e.numbersInline) {
            nx = x + cv.textWidth(e.termLines.back(), term) + termGap;
          } else {
            nx = x + kNumberIndent;
            ny = termBottom;
          }
          // Each number set (and linked) on its own, wrapping within the column.
          for (std::size_t p = 0; p < e.pages.size(); ++p) {
            const std::string text = e.pages[p].first + (p + 1 < e.pages.size() ? mark : "");
            const float w = cv.textWidth(text, numbers);
            if (nx + w > x + colW && nx > x + kNumberIndent) {
              nx = x + kNumberIndent;
              ny += term.leading;
            }
            const std::size_t post = static_cast<std::size_t>(e.pages[p].second);
            const std::string linkText = post < pub.posts.size() && pub.posts[post].post ? postTitle(*pub.locale, *pub.posts[post].post) : text;
            const TagScope tag(cv, nodeBelow(cv, StructType::Link, nodeBelow(cv, StructType::Reference, item), linkText));
            drawLines(cv, {p + 1 < e.pages.size() && spaced ? text + ' ' : text}, numbers, nx, ny);
            cv.link(nx, ny, cv.textWidth(e.pages[p].first, numbers), term.leading, LinkTarget{"", e.pages[p].second, ""});
            nx += w + (spaced ? space : 0.0f);
          }
          y = std::max(termBottom, ny + term.leading);
        }
      };
      column(left, 0);
      column(right, colW + kColumnGap);
    });
    next = end;
    firstPage = false;
    if (next < list.size()) c.newPage();
  }
}

}  // namespace pp::book
