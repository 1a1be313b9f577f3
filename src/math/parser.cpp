// The TeX reader: recursive descent over the source, building the tree of tree.h. Anything
// outside the supported subset, and any budget passed, stops it with a message; nothing is
// guessed.
#include <stdexcept>
#include <string>

#include "math/symbols.h"
#include "math/tree.h"
#include "postpress/math.h"
#include "postpress/support/text.h"

namespace pp {

namespace math {
namespace {

struct Refusal : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What ends the row being read.
enum class Until : std::uint8_t { End, Brace, Bracket, Right, Cell };
// What ended it (for Cell: the cell's end, the row's end or the environment's end).
enum class Ended : std::uint8_t { End, Brace, Bracket, Right, Ampersand, NewRow, EndEnv };

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  Parser(std::string_view s, const MathLimits& limits) : s_(s), limits_(limits) {}

  Node formula() {
    Node row = readRow(Until::End);
    return row;
  }

 private:
  // ---- the source
  bool atEnd() const { return i_ >= s_.size(); }
  char peek() const { return atEnd() ? '\0' : s_[i_]; }
  void skipSpace() {
    while (!atEnd()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '%') {  // a comment runs to the end of the line
        while (!atEnd() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }
  // The name after a backslash: letters, or one other character.
  std::string_view commandName() {
    const std::size_t start = i_;
    if (atEnd()) throw Refusal("a lone backslash ends the formula");
    if (isLetter(s_[i_])) {
      while (!atEnd() && isLetter(s_[i_])) ++i_;
    } else {
      ++i_;
    }
    return s_.substr(start, i_ - start);
  }
  std::string peekCommand() const {
    if (peek() != '\\') return {};
    std::size_t j = i_ + 1;
    if (j < s_.size() && isLetter(s_[j])) {
      while (j < s_.size() && isLetter(s_[j])) ++j;
    } else if (j < s_.size()) {
      ++j;
    }
    return std::string(s_.substr(i_ + 1, j - i_ - 1));
  }
  [[noreturn]] static void unsupported(std::string_view name) {
    throw Refusal("unsupported command \\" + std::string(name));
  }

  // ---- budgets
  Node make(Kind k) {
    if (++nodes_ > limits_.maxNodes)
      throw Refusal("formula larger than " + std::to_string(limits_.maxNodes) + " symbols");
    Node n;
    n.kind = k;
    return n;
  }
  struct Deeper {
    explicit Deeper(Parser& p) : p_(p) {
      if (++p_.depth_ > p_.limits_.maxDepth)
        throw Refusal("formula nested deeper than " + std::to_string(p_.limits_.maxDepth) + " levels");
    }
    ~Deeper() { --p_.depth_; }
    Parser& p_;
  };

  // ---- rows
  Node readRow(Until until) {
    Deeper d(*this);
    Node row = make(Kind::Row);
    for (;;) {
      skipSpace();
      if (atEnd()) {
        if (until != Until::End) throw Refusal(until == Until::Right ? "\\left without \\right" : "missing closing brace");
        ended_ = Ended::End;
        return row;
      }
      const char c = peek();
      if (c == '}') {
        if (until != Until::Brace) throw Refusal("unbalanced closing brace");
        ++i_;
        ended_ = Ended::Brace;
        return row;
      }
      if (c == ']' && until == Until::Bracket) {
        ++i_;
        ended_ = Ended::Bracket;
        return row;
      }
      if (c == '&') {
        if (until != Until::Cell) throw Refusal("& outside a matrix or aligned environment");
        ++i_;
        ended_ = Ended::Ampersand;
        return row;
      }
      if (c == '^' || c == '_') {
        ++i_;
        attachScript(row, c == '^');
        continue;
      }
      if (c == '\'') {
        Node prime = make(Kind::Atom);
        while (peek() == '\'') {
          prime.text += U'′';
          ++i_;
        }
        attach(row, std::move(prime), true);
        continue;
      }
      if (c == '\\') {
        const std::string name = peekCommand();
        if (name == "right") {
          if (until != Until::Right) throw Refusal("\\right without \\left");
          i_ += 6;
          ended_ = Ended::Right;
          return row;
        }
        if (name == "\\" || name == "cr") {
          if (until != Until::Cell) {
            // A line break outside an environment: nothing to break in inline layout.
            i_ += 1 + name.size();
            skipRowOptions();
            continue;
          }
          i_ += 1 + name.size();
          skipRowOptions();
          ended_ = Ended::NewRow;
          return row;
        }
        if (name == "end") {
          if (until != Until::Cell) throw Refusal("\\end without \\begin");
          ended_ = Ended::EndEnv;
          return row;
        }
      }
      row.kids.push_back(readElement());
    }
  }

  void skipRowOptions() {
    skipSpace();
    if (peek() == '[') {  // \\[4pt]
      while (!atEnd() && peek() != ']') ++i_;
      if (!atEnd()) ++i_;
    }
  }

  // An argument: a braced group, or a single token.
  Node readArgument() {
    skipSpace();
    if (atEnd()) throw Refusal("an argument is missing at the end of the formula");
    if (peek() == '{') {
      ++i_;
      return readRow(Until::Brace);
    }
    if (peek() == '}' || peek() == '&' || peek() == '^' || peek() == '_')
      throw Refusal("an argument is missing before '" + std::string(1, peek()) + "'");
    Deeper d(*this);
    return readElement();
  }

  // Raw text of a braced argument (\text, \operatorname, \begin's name).
  std::string readRawGroup() {
    skipSpace();
    if (peek() != '{') throw Refusal("a braced argument is expected");
    ++i_;
    std::string out;
    int depth = 1;
    while (!atEnd()) {
      const char c = s_[i_++];
      if (c == '\\' && !atEnd()) {
        const char n = s_[i_++];
        if (n == '{' || n == '}' || n == '$' || n == '%' || n == '&' || n == '#' || n == '_' || n == ' ') {
          out += n;
          continue;
        }
        out += c;
        out += n;
        continue;
      }
      if (c == '{') ++depth;
      if (c == '}' && --depth == 0) return out;
      if (c != '{' && c != '}') out += c;
    }
    throw Refusal("missing closing brace");
  }

  void attachScript(Node& row, bool sup) {
    Node script = readArgument();
    attach(row, std::move(script), sup);
  }

  void attach(Node& row, Node script, bool sup) {
    if (row.kids.empty() || row.kids.back().kind != Kind::Scripts) {
      Node s = make(Kind::Scripts);
      s.kids.push_back(row.kids.empty() ? make(Kind::Row) : std::move(row.kids.back()));
      s.kids.push_back(make(Kind::Row));
      s.kids.push_back(make(Kind::Row));
      if (!row.kids.empty()) row.kids.pop_back();
      row.kids.push_back(std::move(s));
    }
    Node& target = row.kids.back().kids[sup ? 2 : 1];
    if (!target.kids.empty() || target.kind != Kind::Row)
      throw Refusal(sup ? "double superscript" : "double subscript");
    target = script.kind == Kind::Row ? std::move(script) : rowOf(std::move(script));
    if (target.kids.empty()) target.kids.push_back(make(Kind::Row));  // x^{} : an empty script
  }

  Node rowOf(Node n) {
    Node row = make(Kind::Row);
    row.kids.push_back(std::move(n));
    return row;
  }

  // ---- elements
  Node readElement() {
    const char c = peek();
    if (c == '{') {
      ++i_;
      return readRow(Until::Brace);
    }
    if (c == '\\') {
      ++i_;
      return command(commandName());
    }
    if (isDigit(c) || (c == '.' && i_ + 1 < s_.size() && isDigit(s_[i_ + 1]))) {
      Node n = make(Kind::Atom);
      while (!atEnd() && (isDigit(peek()) || (peek() == '.' && i_ + 1 < s_.size() && isDigit(s_[i_ + 1]))))
        n.text += static_cast<char32_t>(s_[i_++]);
      n.variant = Variant::Normal;
      return n;
    }
    if (c == '~') {
      ++i_;
      return space(6);
    }
    if (c == '$' || c == '#') throw Refusal(std::string("'") + c + "' inside a formula");
    const char32_t cp = nextCodepoint(s_, i_);
    Node n = make(Kind::Atom);
    const Symbol sym = charSymbol(cp);
    n.text = sym.cp;
    n.cls = sym.cls;
    n.largeOp = sym.largeOp;
    n.limits = sym.limits;
    return n;
  }

  Node space(float mu) {
    Node n = make(Kind::Space);
    n.mu = mu;
    return n;
  }

  Node symbol(const Symbol& sym) {
    Node n = make(Kind::Atom);
    n.text = sym.cp;
    n.cls = sym.cls;
    n.largeOp = sym.largeOp;
    n.limits = sym.limits;
    return n;
  }

  Node command(std::string_view name) {
    if (auto sym = commandSymbol(name)) return symbol(*sym);
    if (auto mu = spaceCommand(name)) return space(*mu);
    if (auto op = operatorName(name)) return opName(op->text, op->limits);
    if (auto acc = accentCommand(name)) {
      Node n = make(Kind::Accent);
      n.accent = acc->mark;
      n.stretchAccent = acc->stretch;
      n.kids.push_back(readArgument());
      return n;
    }
    if (auto v = fontCommand(name)) {
      Node arg = readArgument();
      setVariant(arg, *v);
      if (arg.kind == Kind::Row && arg.kids.size() == 1) return std::move(arg.kids[0]);
      return arg;
    }
    if (name == "frac" || name == "dfrac" || name == "tfrac" || name == "binom" || name == "cfrac") {
      Node n = make(Kind::Frac);
      n.style = name == "dfrac" || name == "cfrac" ? StyleOverride::Display : name == "tfrac" ? StyleOverride::Text : StyleOverride::None;
      n.kids.push_back(readArgument());
      n.kids.push_back(readArgument());
      if (name == "binom") {
        n.bar = false;
        Node f = make(Kind::Fenced);
        f.open = U'(';
        f.close = U')';
        f.kids.push_back(std::move(n));
        return f;
      }
      return n;
    }
    if (name == "sqrt") {
      Node n = make(Kind::Root);
      skipSpace();
      Node index;
      bool hasIndex = false;
      if (peek() == '[') {
        ++i_;
        index = readRow(Until::Bracket);
        hasIndex = true;
      }
      n.kids.push_back(readArgument());
      if (hasIndex) n.kids.push_back(std::move(index));
      return n;
    }
    if (name == "left") return fenced();
    if (name == "middle") return delimiterAtom(AtomClass::Rel);
    if (bigDelimiterSize(name) > 0) {
      Node n = delimiterAtom(name.ends_with('l')   ? AtomClass::Open
                             : name.ends_with('r') ? AtomClass::Close
                             : name.ends_with('m') ? AtomClass::Rel
                                                   : AtomClass::Ord);
      n.bigSize = bigDelimiterSize(name);
      return n;
    }
    if (name == "text" || name == "textrm" || name == "textnormal" || name == "mbox" || name == "textup" ||
        name == "textit" || name == "textbf" || name == "texttt" || name == "textsf") {
      Node n = make(Kind::Text);
      n.text = toUtf32(readRawGroup());
      n.variant = name == "textbf" ? Variant::Bold : name == "textit" ? Variant::Italic : Variant::Normal;
      return n;
    }
    if (name == "operatorname" || name == "mathop") {
      bool limits = false;
      if (peek() == '*') {
        ++i_;
        limits = true;
      }
      return opName(readRawGroup(), limits);
    }
    if (name == "limits" || name == "nolimits") return make(Kind::Row);  // handled by the layout's defaults
    if (name == "displaystyle" || name == "textstyle" || name == "scriptstyle" || name == "nonumber" ||
        name == "notag" || name == "left." || name == "hline")
      return make(Kind::Row);
    if (name == "overline" || name == "underline") {
      Node n = make(Kind::Over);
      n.under = name == "underline";
      n.kids.push_back(readArgument());
      return n;
    }
    if (name == "not") {
      Node next = readArgument();
      if (next.kind == Kind::Atom && next.text.size() == 1) {
        next.text += U'\u0338';
        return next;
      }
      unsupported(name);
    }
    if (name == "begin") return environment();
    unsupported(name);
  }

  Node opName(std::string_view text, bool limits) {
    Node n = make(Kind::Atom);
    n.text = toUtf32(std::string(text));
    n.cls = AtomClass::Op;
    n.limits = limits;
    n.variant = Variant::Normal;
    return n;
  }

  static void setVariant(Node& n, Variant v) {
    if (n.kind == Kind::Atom && n.variant == Variant::Auto) n.variant = v;
    if (n.kind == Kind::Atom && n.cls == AtomClass::Ord && v != Variant::Auto) n.variant = v;
    for (Node& k : n.kids) setVariant(k, v);
  }

  char32_t delimiter() {
    skipSpace();
    if (atEnd()) throw Refusal("a delimiter is missing at the end of the formula");
    std::string name;
    if (peek() == '\\') {
      ++i_;
      name = std::string(commandName());
    } else {
      name = std::string(1, s_[i_++]);
    }
    auto c = delimiterNamed(name);
    if (!c) throw Refusal("'" + name + "' is not a delimiter");
    return *c;
  }

  Node delimiterAtom(AtomClass cls) {
    const char32_t c = delimiter();
    if (c == 0) return make(Kind::Row);
    Node n = make(Kind::Atom);
    n.text = c;
    n.cls = cls == AtomClass::Ord ? charSymbol(c).cls : cls;
    return n;
  }

  Node fenced() {
    Node n = make(Kind::Fenced);
    n.open = delimiter();
    n.kids.push_back(readRow(Until::Right));
    n.close = delimiter();
    return n;
  }

  Node environment() {
    const std::string name = readRawGroup();
    Node table = make(Kind::Table);
    char32_t open = 0, close = 0;
    if (name == "matrix" || name == "smallmatrix") {
    } else if (name == "pmatrix") {
      open = U'(', close = U')';
    } else if (name == "bmatrix") {
      open = U'[', close = U']';
    } else if (name == "Bmatrix") {
      open = U'{', close = U'}';
    } else if (name == "vmatrix") {
      open = close = U'|';
    } else if (name == "Vmatrix") {
      open = close = U'‖';
    } else if (name == "cases") {
      open = U'{';
      table.table = TableKind::Cases;
    } else if (name == "aligned" || name == "align" || name == "align*" || name == "split" ||
               name == "gathered" || name == "alignat" || name == "alignat*" || name == "eqnarray" || name == "eqnarray*") {
      table.table = TableKind::Aligned;
      if (name.starts_with("alignat")) readRawGroup();
    } else if (name == "array") {
      readRawGroup();  // the column specification: every column centred
    } else {
      throw Refusal("unsupported environment " + name);
    }
    std::vector<std::vector<Node>> rows(1);
    for (;;) {
      Node cell = readRow(Until::Cell);
      rows.back().push_back(std::move(cell));
      if (ended_ == Ended::NewRow) rows.emplace_back();
      if (ended_ == Ended::EndEnv) break;
    }
    ++i_;  // the backslash of \end
    commandName();
    if (readRawGroup() != name) throw Refusal("\\begin{" + name + "} ends with another \\end");
    // A last row left empty by a closing \\ is no row.
    if (rows.size() > 1 && rows.back().size() == 1 && rows.back()[0].kids.empty()) rows.pop_back();
    std::size_t columns = 1;
    for (const auto& r : rows) columns = std::max(columns, r.size());
    table.columns = static_cast<int>(columns);
    for (auto& r : rows) {
      r.resize(columns);
      for (Node& cell : r) table.kids.push_back(cell.kind == Kind::Row ? std::move(cell) : make(Kind::Row));
    }
    if (!open && !close) return table;
    Node f = make(Kind::Fenced);
    f.open = open;
    f.close = close;
    f.kids.push_back(std::move(table));
    return f;
  }

  std::string_view s_;
  const MathLimits& limits_;
  std::size_t i_ = 0;
  int depth_ = 0;
  int nodes_ = 0;
  Ended ended_ = Ended::End;
};

}  // namespace
}  // namespace math

ParsedMath parseMath(std::string_view tex, const MathLimits& limits) {
  ParsedMath out;
  if (tex.size() > limits.maxSourceBytes) {
    out.error = "formula longer than " + std::to_string(limits.maxSourceBytes) + " bytes";
    return out;
  }
  if (!isValidUtf8(tex)) {
    out.error = "formula is not valid UTF-8";
    return out;
  }
  try {
    math::Parser p(tex, limits);
    out.root = std::make_shared<const math::Node>(p.formula());
  } catch (const math::Refusal& r) {
    out.error = r.what();
  }
  return out;
}

}  // namespace pp
