// `postpress list`'s table (see post_table.h).
#include "cli/post_table.h"

#include <sys/ioctl.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "postpress/support/display_width.h"
#include "postpress/support/text.h"

namespace pp::cli {

namespace {

constexpr std::size_t kGap = 2;              // spaces between columns
constexpr std::size_t kNarrowestCell = 8;    // a cut title, authors or tags cell keeps this much
constexpr std::size_t kPathShare = 40;       // columns set aside for the path when it is long

// Shares `room` among the title, authors and tags cells that want `wanted` columns, the title
// weighing twice as much: each gets what it wants when the others leave enough, the rest is
// split by weight among the wider ones (water filling).
std::array<std::size_t, 3> share(std::array<std::size_t, 3> wanted, std::size_t room) {
  constexpr std::array<std::size_t, 3> kWeight{2, 1, 1};
  std::array<std::size_t, 3> order{0, 1, 2};
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return wanted[a] * kWeight[b] < wanted[b] * kWeight[a];  // the most satisfied first
  });
  std::size_t weightLeft = kWeight[0] + kWeight[1] + kWeight[2];
  std::array<std::size_t, 3> got{};
  for (std::size_t c : order) {
    const std::size_t fair = std::max(kNarrowestCell, room * kWeight[c] / weightLeft);
    got[c] = std::min(wanted[c], fair);
    room = room > got[c] ? room - got[c] : 0;
    weightLeft -= kWeight[c];
  }
  return got;
}

}  // namespace

std::size_t terminalColumns(int fd) {
  winsize ws{};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* env = std::getenv("COLUMNS")) {
    const long n = std::strtol(env, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
  }
  return 80;
}

void printPostTable(const std::vector<const Post*>& posts, std::ostream& out, std::size_t columns) {
  struct Row {
    std::string date;
    std::array<std::string, 3> cells;  // title, authors, tags
    std::string path;
  };
  std::vector<Row> rows;
  rows.push_back({"DATE", {"TITLE", "AUTHORS", "TAGS"}, "PATH"});
  for (const Post* p : posts)
    rows.push_back({p->date.valid() ? p->date.isoDate() : "-", {p->title, joinWith(p->authors, ", "), joinWith(p->tags, ", ")},
                    p->path});
  std::size_t dateWidth = 0, pathWidth = 0;
  std::array<std::size_t, 3> wanted{};
  for (const Row& r : rows) {
    dateWidth = std::max(dateWidth, displayWidth(r.date));
    pathWidth = std::max(pathWidth, displayWidth(r.path));
    for (std::size_t c = 0; c < 3; ++c) wanted[c] = std::max(wanted[c], displayWidth(r.cells[c]));
  }
  std::array<std::size_t, 3> widths = wanted;
  if (columns > 0) {
    const std::size_t fixed = dateWidth + 4 * kGap + std::min(pathWidth, kPathShare);
    const std::size_t room = columns > fixed ? columns - fixed : 0;
    widths = share(wanted, std::max(room, 3 * kNarrowestCell));
  }
  const std::string gap(kGap, ' ');
  for (Row& r : rows) {
    std::string line = padColumns(r.date, dateWidth) + gap;
    for (std::size_t c = 0; c < 3; ++c) line += padColumns(fitColumns(r.cells[c], widths[c]), widths[c]) + gap;
    out << line << r.path << '\n';
  }
}

}  // namespace pp::cli
