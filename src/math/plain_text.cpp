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

// Unicode's superscript and subscript forms, for scripts made only of characters that have one
// ("a²", "x₁", "QKᵀ", "dₖ"); 0 when `c` has none.
struct ScriptForm {
  char32_t c, sup, sub;
};
constexpr ScriptForm kScriptForms[] = {
    {U'+', U'⁺', U'₊'}, {U'−', U'⁻', U'₋'}, {U'=', U'⁼', U'₌'}, {U'(', U'⁽', U'₍'}, {U')', U'⁾', U'₎'},
    {U'n', U'ⁿ', U'ₙ'}, {U'i', U'ⁱ', U'ᵢ'}, {U'T', U'ᵀ', 0},    {U'′', U'′', 0},    {U'a', 0, U'ₐ'},
    {U'e', 0, U'ₑ'},    {U'o', 0, U'ₒ'},    {U'x', 0, U'ₓ'},    {U'j', 0, U'ⱼ'},    {U'k', 0, U'ₖ'},
    {U't', 0, U'ₜ'},
};
char32_t scriptForm(char32_t c, bool sup) {
  static constexpr char32_t kSuperDigits[] = {U'⁰', U'¹', U'²', U'³', U'⁴', U'⁵', U'⁶', U'⁷', U'⁸', U'⁹'};
  if (c >= U'0' && c <= U'9') return sup ? kSuperDigits[c - U'0'] : U'₀' + (c - U'0');
  for (const ScriptForm& f : kScriptForms)
    if (f.c == c) return sup ? f.sup : f.sub;
  return 0;
}

// The script in Unicode's script forms, or false when a character has none.
bool scriptForms(const Node& n, bool sup, std::string& out) {
  if (n.kind == Kind::Row) {
    for (const Node& k : n.kids)
      if (!scriptForms(k, sup, out)) return false;
    return true;
  }
  if (n.kind != Kind::Atom || (n.variant != Variant::Auto && n.variant != Variant::Normal)) return false;
  for (char32_t c : n.text) {
    const char32_t f = scriptForm(c, sup);
    if (!f) return false;
    appendUtf8(out, f);
  }
  return true;
}

void plain(const Node& n, std::string& out);

// An argument, bracketed when it holds an operation ("(n+1)/2", "QKᵀ/√dₖ").
void argument(const Node& n, std::string& out) {
  std::string text;
  plain(n, text);
  const std::string t = collapseSpaces(text);
  bool operation = false;
  int depth = 0;
  for (char c : t) {
    if (c == '(' || c == '[') ++depth;
    if (c == ')' || c == ']') --depth;
    if (depth == 0 && (c == ' ' || c == '/' || c == ',')) operation = true;
  }
  if (operation) out += '(';
  out += t;
  if (operation) out += ')';
}

bool isOperator(const Node& n) {
  if (n.kind == Kind::Scripts) return isOperator(n.kids[0]);
  return n.kind == Kind::Atom && n.cls == AtomClass::Op;
}
bool opensGroup(const Node& n) {
  return n.kind == Kind::Fenced || (n.kind == Kind::Atom && n.cls == AtomClass::Open);
}

void plain(const Node& n, std::string& out) {
  switch (n.kind) {
    case Kind::Atom:
    case Kind::Text:
      if (n.kind == Kind::Atom && n.cls == AtomClass::Rel && n.text.size() == 1) {
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
      for (std::size_t i = 0; i < n.kids.size(); ++i) {
        const Node& k = n.kids[i];
        // A binary sign between operands is spaced; a sign (-x, after = or '(') is not.
        const bool binary = k.kind == Kind::Atom && k.cls == AtomClass::Bin && i > 0 && i + 1 < n.kids.size() &&
                            !(n.kids[i - 1].kind == Kind::Atom && n.kids[i - 1].cls != AtomClass::Ord &&
                              n.kids[i - 1].cls != AtomClass::Close);
        if (binary) out += ' ';
        plain(k, out);
        if (binary) out += ' ';
        // An operator is set apart from its operand ("∑ᵢ xᵢ", "sin x"), not from its parenthesis.
        if (isOperator(k) && i + 1 < n.kids.size() && !opensGroup(n.kids[i + 1])) out += ' ';
      }
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
      for (const bool sup : {false, true}) {
        const Node& script = n.kids[sup ? 2 : 1];
        if (script.kids.empty()) continue;
        std::string forms;
        if (scriptForms(script, sup, forms)) {
          out += forms;
          continue;
        }
        out += sup ? '^' : '_';
        argument(script, out);
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
