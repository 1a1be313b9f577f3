// Presentation MathML (EPUB 3's own math): the tree written as MathML 3 elements that
// EPUBCheck's schema accepts and reading systems render natively.
#include <cstdio>
#include <string>

#include "math/symbols.h"
#include "math/tree.h"
#include "postpress/math.h"
#include "postpress/support/text.h"

namespace pp {

namespace math {
namespace {

// The spacing character MathML writes over a base for a combining accent mark.
char32_t spacingAccent(char32_t mark) {
  switch (mark) {
    case 0x302: return U'^';
    case 0x304: return U'¯';
    case 0x20D7: return U'→';
    case 0x303: return U'~';
    case 0x307: return U'˙';
    case 0x308: return U'¨';
    case 0x30C: return U'ˇ';
    case 0x306: return U'˘';
    case 0x301: return U'´';
    case 0x300: return U'`';
    default: return mark;
  }
}

bool isLetter(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

class Writer {
 public:
  std::string out;

  void node(const Node& n) {
    switch (n.kind) {
      case Kind::Atom: atom(n); return;
      case Kind::Row:
        if (n.kids.size() == 1) return node(n.kids[0]);
        out += "<mrow>";
        for (const Node& k : n.kids) node(k);
        out += "</mrow>";
        return;
      case Kind::Frac: {
        const bool display = n.style == StyleOverride::Display, text = n.style == StyleOverride::Text;
        if (display || text) out += display ? "<mstyle displaystyle=\"true\">" : "<mstyle displaystyle=\"false\">";
        out += n.bar ? "<mfrac>" : "<mfrac linethickness=\"0\">";
        row(n.kids[0]);
        row(n.kids[1]);
        out += "</mfrac>";
        if (display || text) out += "</mstyle>";
        return;
      }
      case Kind::Root:
        if (n.kids.size() > 1) {
          out += "<mroot>";
          row(n.kids[0]);
          row(n.kids[1]);
          out += "</mroot>";
        } else {
          out += "<msqrt>";
          node(n.kids[0]);
          out += "</msqrt>";
        }
        return;
      case Kind::Scripts: scripts(n); return;
      case Kind::Fenced:
        out += "<mrow>";
        if (n.open) fence(n.open);
        node(n.kids[0]);
        if (n.close) fence(n.close);
        out += "</mrow>";
        return;
      case Kind::Accent:
        out += "<mover accent=\"true\">";
        row(n.kids[0]);
        out += n.stretchAccent ? "<mo stretchy=\"true\">" : "<mo stretchy=\"false\">";
        text(std::u32string(1, spacingAccent(n.accent)));
        out += "</mo></mover>";
        return;
      case Kind::Over:
        out += n.under ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">";
        row(n.kids[0]);
        out += n.under ? "<mo stretchy=\"true\">_</mo></munder>" : "<mo stretchy=\"true\">\u00AF</mo></mover>";
        return;
      case Kind::Text:
        out += n.variant == Variant::Bold ? "<mtext mathvariant=\"bold\">" : n.variant == Variant::Italic ? "<mtext mathvariant=\"italic\">" : "<mtext>";
        text(n.text);
        out += "</mtext>";
        return;
      case Kind::Space: {
        if (n.mu <= 0) return;  // MathML has no negative space element
        char w[32];
        std::snprintf(w, sizeof w, "%.4gem", n.mu / 18.0);
        out += "<mspace width=\"";
        out += w;
        out += "\"/>";
        return;
      }
      case Kind::Table: table(n); return;
    }
  }

 private:
  void text(std::u32string_view t) { out += xmlEscape(toUtf8(t)); }

  // An argument that MathML wants as exactly one element.
  void row(const Node& n) {
    if (n.kind == Kind::Row && n.kids.size() != 1) {
      out += "<mrow>";
      for (const Node& k : n.kids) node(k);
      out += "</mrow>";
      return;
    }
    node(n);
  }

  void fence(char32_t c) {
    out += "<mo fence=\"true\" stretchy=\"true\">";
    text(std::u32string(1, c));
    out += "</mo>";
  }

  static std::string bigSize(float em) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2fem", static_cast<double>(em));
    return buf;
  }

  void atom(const Node& n) {
    const std::u32string& t = n.text;
    if (t.empty()) return;
    const bool number = isDigit(t[0]) || (t[0] == U'.' && t.size() > 1);
    if (number && n.variant == Variant::Normal) {
      out += "<mn>";
      text(t);
      out += "</mn>";
      return;
    }
    if (n.cls == AtomClass::Op && (t.size() > 1 || isLetter(t[0]))) {
      // Operator names: upright words; those with limits move them under in display style.
      out += n.limits ? "<mo movablelimits=\"true\" form=\"prefix\">" : "<mi>";
      text(t);
      out += n.limits ? "</mo>" : "</mi>";
      out += "<mo>\u2061</mo>";  // function application
      return;
    }
    if (n.cls == AtomClass::Ord && t.size() == 1) {
      const char32_t c = t[0];
      const bool styled = n.variant != Variant::Auto && n.variant != Variant::Normal && n.variant != Variant::Italic;
      if (styled) {
        out += "<mi>";
        text(std::u32string(1, styledChar(c, n.variant)));
        out += "</mi>";
        return;
      }
      // A single letter is italic in MathML unless told otherwise, as in TeX; upright capital
      // Greek and \mathrm letters say so.
      const bool upright = n.variant == Variant::Normal || (c >= U'Α' && c <= U'Ω');
      if (isLetter(c) || (c >= U'Α' && c <= U'ω') || c == U'ϵ' || c == U'ϑ' || c == U'ϕ' || c == U'ϱ' || c == U'ϖ' ||
          c == U'∞' || c == U'∂' || c == U'∇' || c == U'ℓ' || c == U'ℏ' || c == U'∅' || c == U'ℵ') {
        out += upright && (isLetter(c) || (c >= U'Α' && c <= U'Ω')) ? "<mi mathvariant=\"normal\">" : "<mi>";
        text(t);
        out += "</mi>";
        return;
      }
    }
    if (n.cls == AtomClass::Ord && isLetter(t[0])) {
      out += "<mi>";
      text(t);
      out += "</mi>";
      return;
    }
    out += n.largeOp ? "<mo largeop=\"true\"" : "<mo";
    if (n.largeOp) out += n.limits ? " movablelimits=\"true\">" : " movablelimits=\"false\">";
    else if (n.bigSize > 0) out += " stretchy=\"true\" symmetric=\"true\" minsize=\"" + bigSize(n.bigSize) + "\" maxsize=\"" + bigSize(n.bigSize) + "\">";
    else out += n.cls == AtomClass::Open || n.cls == AtomClass::Close ? " stretchy=\"false\">" : ">";
    text(t);
    out += "</mo>";
  }

  void scripts(const Node& n) {
    const Node& base = n.kids[0];
    const bool sub = !n.kids[1].kids.empty(), sup = !n.kids[2].kids.empty();
    const bool limits = base.kind == Kind::Atom && base.cls == AtomClass::Op && base.limits;
    const char* tag = limits ? (sub && sup ? "munderover" : sub ? "munder" : "mover")
                             : (sub && sup ? "msubsup" : sub ? "msub" : "msup");
    out += '<';
    out += tag;
    out += '>';
    if (base.kind == Kind::Atom && base.cls == AtomClass::Op && (base.text.size() > 1 || isLetter(base.text[0]))) {
      // The function application sign goes after the scripted operator, not inside it.
      out += base.limits ? "<mo movablelimits=\"true\" form=\"prefix\">" : "<mi>";
      text(base.text);
      out += base.limits ? "</mo>" : "</mi>";
    } else {
      row(base);
    }
    if (sub) row(n.kids[1]);
    if (sup) row(n.kids[2]);
    out += "</";
    out += tag;
    out += '>';
    if (base.kind == Kind::Atom && base.cls == AtomClass::Op && (base.text.size() > 1 || isLetter(base.text[0])))
      out += "<mo>\u2061</mo>";
  }

  void table(const Node& n) {
    const int columns = std::max(1, n.columns);
    out += "<mtable";
    if (n.table == TableKind::Cases) {
      out += " columnalign=\"left\"";
    } else if (n.table == TableKind::Aligned) {
      out += " columnalign=\"";
      for (int c = 0; c < columns; ++c) out += c == 0 ? "right" : c % 2 ? " left" : " right";
      out += "\" columnspacing=\"0em\" displaystyle=\"true\"";
    }
    out += '>';
    for (std::size_t k = 0; k < n.kids.size(); ++k) {
      if (k % static_cast<std::size_t>(columns) == 0) out += "<mtr>";
      out += "<mtd>";
      node(n.kids[k]);
      out += "</mtd>";
      if ((k + 1) % static_cast<std::size_t>(columns) == 0) out += "</mtr>";
    }
    out += "</mtable>";
  }
};

}  // namespace
}  // namespace math

std::string mathML(const ParsedMath& formula, std::string_view tex, bool display) {
  std::string out = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"";
  out += xmlEscape(tex);
  out += display ? "\" display=\"block\">" : "\" display=\"inline\">";
  if (formula.root) {
    math::Writer w;
    w.node(*formula.root);
    if (w.out.empty()) w.out = "<mrow></mrow>";
    // <math> holds its children as an inferred row: one <mrow> wrapping all is not needed.
    out += w.out;
  }
  out += "</math>";
  return out;
}

}  // namespace pp
