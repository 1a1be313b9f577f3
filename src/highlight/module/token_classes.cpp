// Kate format -> TokenClass: the per-language exceptions first, then Kate's default styles.
#include "highlight/module/token_classes.h"


namespace pp::highlight {

namespace {

using Style = KSyntaxHighlighting::Theme::TextStyle;
using T = TokenClass;

struct Override {
  std::string_view definition;  // "" = any definition
  std::string_view format;
  TokenClass token;
};

// Formats whose default style says the wrong thing about what they are (read off each
// definition's formats and checked on sample code in tests/unit/highlight).
const Override kOverrides[] = {
    // YAML: plain values are "Attribute", keys "Function", true/null "Char".
    {"YAML", "Normal Text", T::Plain},
    {"YAML", "Attribute", T::Plain},
    {"YAML", "List", T::Plain},
    {"YAML", "Hash", T::Plain},
    {"YAML", "Key", T::Attribute},
    {"YAML", "Data Types", T::Type},
    {"YAML", "Alias", T::Variable},
    {"YAML", "Reference", T::Variable},
    {"YAML", "Key Points Operator", T::Punctuation},
    {"YAML", "Operator", T::Operator},
    {"YAML", "Literal/Folded Operator", T::Operator},
    {"YAML", "Literal/Folded Block", T::String},
    {"YAML", "Null", T::Constant},
    {"YAML", "Boolean", T::Constant},
    {"YAML", "Document Header", T::Punctuation},
    {"YAML", "End of Document", T::Punctuation},
    // JSON: keys are "DataType", separators "Function".
    {"JSON", "Style_String_Key", T::Attribute},
    {"JSON", "Style_String_Key_Char", T::Attribute},
    {"JSON", "Style_String_Value_Char", T::String},
    {"JSON", "Style_Seperator_Pair", T::Punctuation},
    {"JSON", "Style_Seperator_Array", T::Punctuation},
    {"JSON", "Style_Keyword", T::Constant},
    // Diff: removed lines are "String", added ones "Variable".
    {"Diff", "File", T::Keyword},
    {"Diff", "Header", T::Preprocessor},
    {"Diff", "Removed line", T::Deleted},
    {"Diff", "Changed line (old)", T::Deleted},
    {"Diff", "Added line", T::Inserted},
    {"Diff", "Changed line (new)", T::Inserted},
    // Dockerfile: `# syntax=` directives are comment variables, `--from` options operators.
    {"Dockerfile", "Directive", T::Preprocessor},
    {"Dockerfile", "Option", T::Attribute},
    // Makefile: variables are "DataType", targets "DecVal".
    {"Makefile", "Variable", T::Variable},
    {"Makefile", "Target", T::Function},
    {"Makefile", "Prereq", T::Plain},
    {"Makefile", "SpecialPrereq", T::Plain},
    {"Makefile", "Section", T::Plain},
    {"Makefile", "FuncParam", T::Plain},
    {"Makefile", "Operator", T::Operator},
    {"Makefile", "RealOperator", T::Operator},
    {"Makefile", "Silent", T::Operator},
    {"Makefile", "Special", T::Variable},
    {"Makefile", "SpecialTarget", T::Keyword},
    {"Makefile", "VarModifier", T::Operator},
    // INI: keys are the "Normal Text" (DataType), sections "Keyword".
    {"INI Files", "Normal Text", T::Attribute},
    {"INI Files", "Assignment", T::Operator},
    {"Java Properties", "Key", T::Attribute},
    {"Java Properties", "Separator", T::Operator},
    // TOML: keys are "DataType", dates "BaseN".
    {"TOML", "Key", T::Attribute},
    {"TOML", "Date", T::Number},
    {"TOML", "Array", T::Punctuation},
    {"TOML", "InlineTable", T::Punctuation},
    {"TOML", "NextEntry", T::Punctuation},
    // Terraform/HCL: block types are keywords, meta-arguments attributes.
    {"Terraform", "Meta Argument", T::Attribute},
    // Markdown: headings are "Function", code spans "Information".
    {"Markdown", "Header H1", T::Keyword},
    {"Markdown", "Header H2", T::Keyword},
    {"Markdown", "Header H3", T::Keyword},
    {"Markdown", "Header H4", T::Keyword},
    {"Markdown", "Header H5", T::Keyword},
    {"Markdown", "Header H6", T::Keyword},
    {"Markdown", "Blockquote: Normal Text", T::Comment},
    {"Markdown", "Code", T::String},
    {"Markdown", "Fenced Code", T::String},
    {"Markdown", "Blockquote", T::Comment},
    {"Markdown", "List", T::Operator},
    {"Markdown", "Number List", T::Operator},
    {"Markdown", "Link", T::String},
    {"Markdown", "Auto-Link", T::String},
    // Shells: escapes are "DataType", `$` of a variable its own format.
    {"Bash", "Escape", T::String},
    {"Bash", "String Escape", T::String},
    {"Bash", "Backquote", T::Operator},
    {"Zsh", "Escape", T::String},
    {"Zsh", "String Escape", T::String},
    {"Bash", "Control", T::Operator},
    {"Zsh", "Control", T::Operator},
    // C and C++: the file of an #include is a string in every theme; const/volatile keywords.
    {"ISO C++", "Type Modifiers", T::Keyword},
    {"C", "Prep. Lib", T::String},
    {"ISO C++", "Prep. Lib", T::String},
    // Rust: `::` is "Preprocessor".
    {"Rust", "Scope", T::Punctuation},
    // Go: true, false, nil, iota are "Others".
    {"Go", "Predeclared Identifier", T::Constant},
    // Python: complex literals are "Others", exceptions "Preprocessor".
    {"Python", "Complex", T::Number},
    {"Python", "Exceptions", T::Type},
    // SQL: symbols (`;`, `,`) are "Char" (brackets among them become punctuation).
    {"", "Symbol", T::Operator},
};

TokenClass fromStyle(Style style, std::string_view formatName) {
  switch (style) {
    case Style::Normal: return T::Plain;
    case Style::Keyword:
    case Style::ControlFlow:
    case Style::Import: return T::Keyword;
    case Style::Function: return T::Function;
    case Style::Variable: return T::Variable;
    case Style::Operator: return T::Operator;
    case Style::BuiltIn:
    case Style::Extension: return T::Builtin;
    case Style::Preprocessor: return T::Preprocessor;
    case Style::Attribute: return T::Attribute;
    case Style::Char:
    case Style::SpecialChar:
    case Style::String:
    case Style::VerbatimString:
    case Style::SpecialString: return T::String;
    case Style::DataType: return T::Type;
    case Style::DecVal:
    case Style::BaseN:
    case Style::Float: return T::Number;
    case Style::Constant: return T::Constant;
    case Style::Comment:
    case Style::Documentation:
    case Style::Annotation:
    case Style::CommentVar:
    case Style::RegionMarker:
    case Style::Information:
    case Style::Warning:
    case Style::Alert: return T::Comment;
    case Style::Others:
      // Kate's catch-all: XML/HTML attributes, keys of other formats, identifiers.
      if (formatName.find("Attribute") != std::string_view::npos ||
          formatName.find("Key") != std::string_view::npos)
        return T::Attribute;
      return T::Plain;
    case Style::Error: return T::Plain;  // a definition's guess at a mistake: not ours to show
  }
  return T::Plain;
}

}  // namespace

TokenClass refineOperator(TokenClass token, std::u16string_view text) {
  if (token != T::Operator || text.empty()) return token;
  for (char16_t c : text)
    if (std::u16string_view(u"()[]{},;.").find(c) == std::u16string_view::npos) return token;
  return T::Punctuation;
}

TokenClass tokenClassOf(std::string_view definition, std::string_view formatName, Style style) {
  for (const Override& o : kOverrides)
    if (o.format == formatName && (o.definition.empty() || o.definition == definition)) return o.token;
  return fromStyle(style, formatName);
}

}  // namespace pp::highlight
