// `postpress list`: the selected posts as a table, one line each.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "postpress/site.h"

namespace pp::cli {

// The terminal's width in columns for file descriptor `fd` (else $COLUMNS, else 80).
std::size_t terminalColumns(int fd);

// Date, title, authors, tags and path, aligned by terminal columns (CJK titles count double).
// `columns` > 0 (a terminal that wide): title, authors and tags are cut with an ellipsis so
// that a line fits, the path never; 0 (a pipe): nothing is cut.
void printPostTable(const std::vector<const Post*>& posts, std::ostream& out, std::size_t columns);

}  // namespace pp::cli
