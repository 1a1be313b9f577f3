#include "math/symbols.h"

#include <string>
#include <unordered_map>

namespace pp::math {

namespace {

using C = AtomClass;

struct Entry {
  std::string_view name;
  Symbol symbol;
};

// The commands of LaTeX's and amsmath's symbol lists that technical posts use.
constexpr Entry kSymbols[] = {
    // Greek: lowercase italic (styledChar), uppercase upright, as TeX sets them.
    {"alpha", {U'α'}}, {"beta", {U'β'}}, {"gamma", {U'γ'}}, {"delta", {U'δ'}},
    {"epsilon", {U'ϵ'}}, {"varepsilon", {U'ε'}}, {"zeta", {U'ζ'}}, {"eta", {U'η'}},
    {"theta", {U'θ'}}, {"vartheta", {U'ϑ'}}, {"iota", {U'ι'}}, {"kappa", {U'κ'}},
    {"lambda", {U'λ'}}, {"mu", {U'μ'}}, {"nu", {U'ν'}}, {"xi", {U'ξ'}}, {"pi", {U'π'}},
    {"varpi", {U'ϖ'}}, {"rho", {U'ρ'}}, {"varrho", {U'ϱ'}}, {"sigma", {U'σ'}},
    {"varsigma", {U'ς'}}, {"tau", {U'τ'}}, {"upsilon", {U'υ'}}, {"phi", {U'ϕ'}},
    {"varphi", {U'φ'}}, {"chi", {U'χ'}}, {"psi", {U'ψ'}}, {"omega", {U'ω'}},
    {"Gamma", {U'Γ'}}, {"Delta", {U'Δ'}}, {"Theta", {U'Θ'}}, {"Lambda", {U'Λ'}},
    {"Xi", {U'Ξ'}}, {"Pi", {U'Π'}}, {"Sigma", {U'Σ'}}, {"Upsilon", {U'Υ'}},
    {"Phi", {U'Φ'}}, {"Psi", {U'Ψ'}}, {"Omega", {U'Ω'}},
    // Ordinary symbols.
    {"infty", {U'∞'}}, {"partial", {U'∂'}}, {"nabla", {U'∇'}}, {"forall", {U'∀'}},
    {"exists", {U'∃'}}, {"nexists", {U'∄'}}, {"emptyset", {U'∅'}}, {"varnothing", {U'∅'}},
    {"ell", {U'ℓ'}}, {"hbar", {U'ℏ'}}, {"Re", {U'ℜ'}}, {"Im", {U'ℑ'}}, {"aleph", {U'ℵ'}},
    {"prime", {U'′'}}, {"neg", {U'¬'}}, {"lnot", {U'¬'}}, {"angle", {U'∠'}},
    {"triangle", {U'△'}}, {"top", {U'⊤'}}, {"bot", {U'⊥'}}, {"backslash", {U'\\'}},
    {"ldots", {U'…', C::Inner}}, {"dots", {U'…', C::Inner}}, {"cdots", {U'⋯', C::Inner}},
    {"vdots", {U'⋮'}}, {"ddots", {U'⋱', C::Inner}}, {"dotsc", {U'…', C::Inner}},
    {"dotsb", {U'⋯', C::Inner}}, {"checkmark", {U'✓'}}, {"star", {U'⋆', C::Bin}},
    {"#", {U'#'}}, {"%", {U'%'}}, {"$", {U'$'}}, {"&", {U'&'}}, {"_", {U'_'}},
    // Binary operators.
    {"pm", {U'±', C::Bin}}, {"mp", {U'∓', C::Bin}}, {"times", {U'×', C::Bin}},
    {"div", {U'÷', C::Bin}}, {"cdot", {U'⋅', C::Bin}}, {"ast", {U'∗', C::Bin}},
    {"circ", {U'∘', C::Bin}}, {"bullet", {U'∙', C::Bin}}, {"cup", {U'∪', C::Bin}},
    {"cap", {U'∩', C::Bin}}, {"setminus", {U'∖', C::Bin}}, {"oplus", {U'⊕', C::Bin}},
    {"ominus", {U'⊖', C::Bin}}, {"otimes", {U'⊗', C::Bin}}, {"odot", {U'⊙', C::Bin}},
    {"wedge", {U'∧', C::Bin}}, {"land", {U'∧', C::Bin}}, {"vee", {U'∨', C::Bin}},
    {"lor", {U'∨', C::Bin}}, {"oslash", {U'⊘', C::Bin}}, {"odiv", {U'⨸', C::Bin}},
    // Relations and arrows.
    {"le", {U'≤', C::Rel}}, {"leq", {U'≤', C::Rel}}, {"ge", {U'≥', C::Rel}},
    {"geq", {U'≥', C::Rel}}, {"ne", {U'≠', C::Rel}}, {"neq", {U'≠', C::Rel}},
    {"approx", {U'≈', C::Rel}}, {"equiv", {U'≡', C::Rel}}, {"sim", {U'∼', C::Rel}},
    {"simeq", {U'≃', C::Rel}}, {"cong", {U'≅', C::Rel}}, {"propto", {U'∝', C::Rel}},
    {"in", {U'∈', C::Rel}}, {"notin", {U'∉', C::Rel}}, {"ni", {U'∋', C::Rel}},
    {"subset", {U'⊂', C::Rel}}, {"subseteq", {U'⊆', C::Rel}}, {"supset", {U'⊃', C::Rel}},
    {"supseteq", {U'⊇', C::Rel}}, {"ll", {U'≪', C::Rel}}, {"gg", {U'≫', C::Rel}},
    {"leqslant", {U'⩽', C::Rel}}, {"geqslant", {U'⩾', C::Rel}}, {"prec", {U'≺', C::Rel}},
    {"succ", {U'≻', C::Rel}}, {"perp", {U'⊥', C::Rel}}, {"mid", {U'∣', C::Rel}},
    {"parallel", {U'∥', C::Rel}}, {"models", {U'⊨', C::Rel}}, {"vdash", {U'⊢', C::Rel}},
    {"coloneqq", {U'≔', C::Rel}}, {"doteq", {U'≐', C::Rel}}, {"triangleq", {U'≜', C::Rel}},
    {"to", {U'→', C::Rel}}, {"rightarrow", {U'→', C::Rel}}, {"leftarrow", {U'←', C::Rel}},
    {"gets", {U'←', C::Rel}}, {"leftrightarrow", {U'↔', C::Rel}},
    {"Rightarrow", {U'⇒', C::Rel}}, {"Leftarrow", {U'⇐', C::Rel}},
    {"Leftrightarrow", {U'⇔', C::Rel}}, {"implies", {U'⟹', C::Rel}},
    {"impliedby", {U'⟸', C::Rel}}, {"iff", {U'⟺', C::Rel}}, {"mapsto", {U'↦', C::Rel}},
    {"longrightarrow", {U'⟶', C::Rel}}, {"longleftarrow", {U'⟵', C::Rel}},
    {"Longrightarrow", {U'⟹', C::Rel}}, {"uparrow", {U'↑', C::Rel}},
    {"downarrow", {U'↓', C::Rel}}, {"hookrightarrow", {U'↪', C::Rel}},
    {"rightleftharpoons", {U'⇌', C::Rel}},
    // Punctuation.
    {"colon", {U':', C::Punct}},
    // Big operators.
    {"sum", {U'∑', C::Op, true, true}}, {"prod", {U'∏', C::Op, true, true}},
    {"coprod", {U'∐', C::Op, true, true}}, {"int", {U'∫', C::Op, true, false}},
    {"iint", {U'∬', C::Op, true, false}}, {"iiint", {U'∭', C::Op, true, false}},
    {"oint", {U'∮', C::Op, true, false}}, {"bigcup", {U'⋃', C::Op, true, true}},
    {"bigcap", {U'⋂', C::Op, true, true}}, {"bigoplus", {U'⨁', C::Op, true, true}},
    {"bigotimes", {U'⨂', C::Op, true, true}}, {"bigvee", {U'⋁', C::Op, true, true}},
    {"bigwedge", {U'⋀', C::Op, true, true}}, {"bigsqcup", {U'⨆', C::Op, true, true}},
};

// Delimiters by name (for \left, \right, \big, and as plain symbols).
constexpr std::pair<std::string_view, char32_t> kDelimiters[] = {
    {"(", U'('},      {")", U')'},       {"[", U'['},       {"]", U']'},      {"|", U'|'},
    {"{", U'{'},      {"}", U'}'},       {"lbrace", U'{'},  {"rbrace", U'}'}, {"langle", U'⟨'},
    {"rangle", U'⟩'}, {"lfloor", U'⌊'},  {"rfloor", U'⌋'},  {"lceil", U'⌈'},  {"rceil", U'⌉'},
    {"vert", U'|'},   {"lvert", U'|'},   {"rvert", U'|'},   {"Vert", U'‖'},   {"lVert", U'‖'},
    {"rVert", U'‖'},  {"/", U'/'},       {"lbrack", U'['},  {"rbrack", U']'}, {"<", U'⟨'},
    {">", U'⟩'},      {".", 0},
};

AtomClass delimiterClass(std::string_view name, char32_t c) {
  if (c == U'|' || c == U'‖' || c == U'/') {
    if (name.starts_with('l')) return C::Open;
    if (name.starts_with('r')) return C::Close;
    return C::Ord;
  }
  return c == U'(' || c == U'[' || c == U'{' || c == U'⟨' || c == U'⌊' || c == U'⌈' ? C::Open : C::Close;
}

constexpr OperatorName kOperators[] = {
    {"sin"}, {"cos"}, {"tan"}, {"cot"}, {"sec"}, {"csc"}, {"arcsin"}, {"arccos"}, {"arctan"},
    {"sinh"}, {"cosh"}, {"tanh"}, {"coth"}, {"log"}, {"ln"}, {"lg"}, {"exp"}, {"arg"},
    {"deg"}, {"dim"}, {"hom"}, {"ker"}, {"Pr", true}, {"det", true}, {"gcd", true},
    {"lim", true}, {"liminf", true}, {"limsup", true}, {"min", true}, {"max", true},
    {"sup", true}, {"inf", true}, {"argmax", true}, {"argmin", true},
};

}  // namespace

std::optional<Symbol> commandSymbol(std::string_view name) {
  static const std::unordered_map<std::string_view, Symbol> table = [] {
    std::unordered_map<std::string_view, Symbol> t;
    for (const Entry& e : kSymbols) t.emplace(e.name, e.symbol);
    for (const auto& [n, c] : kDelimiters)
      if (c != 0 && n.size() > 1) t.emplace(n, Symbol{c, delimiterClass(n, c)});
    t.emplace("{", Symbol{U'{', C::Open});
    t.emplace("}", Symbol{U'}', C::Close});
    t.emplace("|", Symbol{U'‖', C::Ord});
    return t;
  }();
  auto it = table.find(name);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

Symbol charSymbol(char32_t c) {
  switch (c) {
    case U'+': return {c, C::Bin};
    case U'-': return {U'−', C::Bin};
    case U'*': return {U'∗', C::Bin};
    case U'=': case U'<': case U'>': case U':': return {c, C::Rel};
    case U'≤': case U'≥': case U'≠': case U'≈': case U'→': case U'∈': return {c, C::Rel};
    case U'×': case U'±': case U'·': return {c == U'·' ? U'⋅' : c, C::Bin};
    case U',': case U';': return {c, C::Punct};
    case U'(': case U'[': return {c, C::Open};
    case U')': case U']': case U'!': case U'?': return {c, C::Close};
    case U'∑': case U'∏': return {c, C::Op, true, true};
    case U'∫': return {c, C::Op, true, false};
    default: return {c, C::Ord};
  }
}

std::optional<OperatorName> operatorName(std::string_view name) {
  for (const OperatorName& o : kOperators)
    if (o.text == name) return o;
  return std::nullopt;
}

std::optional<AccentInfo> accentCommand(std::string_view name) {
  if (name == "hat") return AccentInfo{0x302, U'^'};
  if (name == "widehat") return AccentInfo{0x302, U'^', true};
  if (name == "bar" || name == "overbar") return AccentInfo{0x304, U'¯'};
  if (name == "vec") return AccentInfo{0x20D7, U'→'};
  if (name == "overrightarrow") return AccentInfo{0x20D7, U'→', true};
  if (name == "tilde") return AccentInfo{0x303, U'~'};
  if (name == "widetilde") return AccentInfo{0x303, U'~', true};
  if (name == "dot") return AccentInfo{0x307, U'˙'};
  if (name == "ddot") return AccentInfo{0x308, U'¨'};
  if (name == "check") return AccentInfo{0x30C, U'ˇ'};
  if (name == "breve") return AccentInfo{0x306, U'˘'};
  if (name == "acute") return AccentInfo{0x301, U'´'};
  if (name == "grave") return AccentInfo{0x300, U'`'};
  return std::nullopt;
}

std::optional<float> spaceCommand(std::string_view name) {
  if (name == "," || name == "thinspace") return 3;
  if (name == ":" || name == ">" || name == "medspace") return 4;
  if (name == ";" || name == "thickspace") return 5;
  if (name == "!" || name == "negthinspace") return -3;
  if (name == " ") return 6;
  if (name == "quad") return 18;
  if (name == "qquad") return 36;
  return std::nullopt;
}

std::optional<Variant> fontCommand(std::string_view name) {
  if (name == "mathrm" || name == "mathup" || name == "rm") return Variant::Normal;
  if (name == "mathit") return Variant::Italic;
  if (name == "mathbf" || name == "bf") return Variant::Bold;
  if (name == "boldsymbol" || name == "bm") return Variant::BoldItalic;
  if (name == "mathcal" || name == "mathscr") return Variant::Calligraphic;
  if (name == "mathbb") return Variant::Blackboard;
  if (name == "mathfrak") return Variant::Fraktur;
  if (name == "mathsf") return Variant::SansSerif;
  if (name == "mathtt") return Variant::Monospace;
  return std::nullopt;
}

float bigDelimiterSize(std::string_view name) {
  if (name.ends_with('l') || name.ends_with('r') || name.ends_with('m')) name.remove_suffix(1);
  if (name == "big") return 1.2f;
  if (name == "Big") return 1.8f;
  if (name == "bigg") return 2.4f;
  if (name == "Bigg") return 3.0f;
  return 0;
}

std::optional<char32_t> delimiterNamed(std::string_view name) {
  for (const auto& [n, c] : kDelimiters)
    if (n == name) return c;
  return std::nullopt;
}

namespace {

// Letters the Mathematical Alphanumeric Symbols block leaves out, because they were encoded
// earlier in Letterlike Symbols.
char32_t hole(char32_t c, Variant v) {
  switch (v) {
    case Variant::Italic: return c == U'h' ? 0x210E : 0;
    case Variant::Calligraphic:
      switch (c) {
        case U'B': return 0x212C; case U'E': return 0x2130; case U'F': return 0x2131;
        case U'H': return 0x210B; case U'I': return 0x2110; case U'L': return 0x2112;
        case U'M': return 0x2133; case U'R': return 0x211B; case U'e': return 0x212F;
        case U'g': return 0x210A; case U'o': return 0x2134; default: return 0;
      }
    case Variant::Blackboard:
      switch (c) {
        case U'C': return 0x2102; case U'H': return 0x210D; case U'N': return 0x2115;
        case U'P': return 0x2119; case U'Q': return 0x211A; case U'R': return 0x211D;
        case U'Z': return 0x2124; default: return 0;
      }
    case Variant::Fraktur:
      switch (c) {
        case U'C': return 0x212D; case U'H': return 0x210C; case U'I': return 0x2111;
        case U'R': return 0x211C; case U'Z': return 0x2128; default: return 0;
      }
    default: return 0;
  }
}

char32_t latinBase(Variant v) {
  switch (v) {
    case Variant::Bold: return 0x1D400;
    case Variant::BoldItalic: return 0x1D468;
    case Variant::Italic: return 0x1D434;
    case Variant::Calligraphic: return 0x1D49C;
    case Variant::Fraktur: return 0x1D504;
    case Variant::Blackboard: return 0x1D538;
    case Variant::SansSerif: return 0x1D5A0;
    case Variant::Monospace: return 0x1D670;
    default: return 0;
  }
}

}  // namespace

char32_t styledChar(char32_t c, Variant v) {
  const bool latin = (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
  const bool lowerGreek = c >= U'α' && c <= U'ω' && c != 0x3C2;
  if (v == Variant::Auto) {
    if (latin) v = Variant::Italic;
    else if (lowerGreek || c == U'ϵ' || c == U'ϑ' || c == U'ϕ' || c == U'ϱ' || c == U'ϖ')
      return lowerGreek ? 0x1D6FC + (c - U'α') : c == U'ϵ' ? 0x1D716 : c == U'ϑ' ? 0x1D717 : c == U'ϕ' ? 0x1D719 : c == U'ϱ' ? 0x1D71A : 0x1D71B;
    else return c;
  }
  if (v == Variant::Normal || v == Variant::Auto) return c;
  if (latin) {
    if (char32_t h = hole(c, v)) return h;
    const char32_t base = latinBase(v);
    if (!base) return c;
    return base + (c >= U'a' ? 26 + (c - U'a') : c - U'A');
  }
  if (c >= U'0' && c <= U'9') {
    if (v == Variant::Bold || v == Variant::BoldItalic) return 0x1D7CE + (c - U'0');
    if (v == Variant::Blackboard) return 0x1D7D8 + (c - U'0');
    if (v == Variant::SansSerif) return 0x1D7E2 + (c - U'0');
    if (v == Variant::Monospace) return 0x1D7F6 + (c - U'0');
    return c;
  }
  if (v == Variant::Bold && lowerGreek) return 0x1D6C2 + (c - U'α');
  if (v == Variant::Bold && c >= U'Α' && c <= U'Ω') return 0x1D6A8 + (c - U'Α');
  if (v == Variant::BoldItalic && lowerGreek) return 0x1D736 + (c - U'α');
  if (v == Variant::BoldItalic && c >= U'Α' && c <= U'Ω') return 0x1D71C + (c - U'Α');
  if (v == Variant::Italic && lowerGreek) return 0x1D6FC + (c - U'α');
  return c;
}

}  // namespace pp::math
