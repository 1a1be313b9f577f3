// A formula as one line of plain Unicode text, for where only text can go (summaries, the
// outline, word counts): "softmax(QK^T/√(d_k))V" rather than its TeX.
#include <algorithm>
#include <string>

#include "math/symbols.h"
#include "math/tree.h"
#include "postpress/math.h"
#include "postpress/support/text.h"

namespace pp {

namespace math {
namespace {

bool simple(const Node& n) {
  if (n.kind == Kind::Row) return n.kids.size() == 1 && simple(n.kids[0]);
  return n.kind == Kind::Atom || n.kind == Kind::Text;
}

void plain(const Node& n, std::string& out);

// An argument, bracketed when it is more than one symbol.
void argument(const Node& n, std::string& out) {
  if (simple(n)) return plain(n, out);
  out += '(';
  plain(n, out);
  out += ')';
}

void plain(const Node& n, std::string& out) {
  switch (n.kind) {
    case Kind::Atom:
    case Kind::Text:
      if (n.kind == Kind::Atom && (n.cls == AtomClass::Bin || n.cls == AtomClass::Rel) && n.text.size() == 1) {
        out += ' ';
        out += toUtf8(n.text);
        out += ' ';
        return;
      }
      if (n.kind == Kind::Atom && n.text.size() == 1 && n.variant != Variant::Auto)
        appendUtf8(out, n.variant == Variant::Calligraphic || n.variant == Variant::Blackboard || n.variant == Variant::Fraktur
                            ? styledChar(n.text[0], n.variant) : n.text[0]);
      else
        out += toUtf8(n.text);
      if (n.kind == Kind::Atom && n.cls == AtomClass::Punct) out += ' ';
      return;
    case Kind::Row:
      for (const Node& k : n.kids) plain(k, out);
      return;
    case Kind::Frac:
      argument(n.kids[0], out);
      out += n.bar ? "/" : ",";
      argument(n.kids[1], out);
      return;
    case Kind::Root:
      if (n.kids.size() > 1) {
        out += '(';
        plain(n.kids[1], out);
        out += ")";
      }
      out += "√";
      argument(n.kids[0], out);
      return;
    case Kind::Scripts:
      plain(n.kids[0], out);
      if (!n.kids[1].kids.empty()) {
        out += '_';
        argument(n.kids[1], out);
      }
      if (!n.kids[2].kids.empty()) {
        out += '^';
        argument(n.kids[2], out);
      }
      return;
    case Kind::Fenced:
      if (n.open) appendUtf8(out, n.open);
      plain(n.kids[0], out);
      if (n.close) appendUtf8(out, n.close);
      return;
    case Kind::Accent:
    case Kind::Over: plain(n.kids[0], out); return;
    case Kind::Space:
      if (n.mu >= 5 && (out.empty() || out.back() != ' ')) out += ' ';
      return;
    case Kind::Table: {
      const std::size_t cols = static_cast<std::size_t>(std::max(1, n.columns));
      for (std::size_t i = 0; i < n.kids.size(); ++i) {
        if (i > 0) out += i % cols == 0 ? "; " : " ";
        plain(n.kids[i], out);
      }
      return;
    }
  }
}

}  // namespace
}  // namespace math

std::string mathPlainText(const ParsedMath& formula) {
  std::string out;
  if (formula.root) math::plain(*formula.root, out);
  return collapseSpaces(out);
}

}  // namespace pp
