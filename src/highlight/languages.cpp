// resolveCodeLanguage: a fence's info string -> canonical language and Kate definition. The
// table holds the languages technical blogs use under the names their authors write (GitHub
// linguist's and Hugo/Chroma's aliases); any other word is left for Kate to find by name or
// file extension (highlighter.cpp).

#include "postpress/highlight.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

enum class Kind : std::uint8_t { Code, Shell, Session, Plain };

struct Language {
  std::string_view id;
  std::string_view definition;  // Kate's name ("" for sessions and plain words)
  Kind kind;
  std::string_view aliases[11];  // besides the id itself; unused slots empty
};

// Sessions highlight their commands as bash (console.cpp); plain words name no language.
const Language kLanguages[] = {
    {"yaml", "YAML", Kind::Code, {"yml"}},
    {"bash", "Bash", Kind::Shell,
     {"sh", "shell", "ksh", "ash", "dash", "shellscript", "shell-script", "cli", "commandline"}},
    {"zsh", "Zsh", Kind::Shell, {}},
    {"console", "", Kind::Session,
     {"shell-session", "shellsession", "sh-session", "bash-session", "terminal"}},
    {"powershell", "PowerShell", Kind::Code, {"ps1", "pwsh", "posh"}},
    {"python", "Python", Kind::Code, {"py", "python3", "py3"}},
    {"go", "Go", Kind::Code, {"golang"}},
    {"json", "JSON", Kind::Code, {"jsonc", "json5", "jsonl", "geojson", "webmanifest"}},
    {"dockerfile", "Dockerfile", Kind::Code, {"docker", "containerfile"}},
    {"c", "C", Kind::Code, {"h"}},
    {"cpp", "ISO C++", Kind::Code, {"c++", "cxx", "cc", "hpp", "hxx", "h++"}},
    {"rust", "Rust", Kind::Code, {"rs"}},
    {"javascript", "JavaScript", Kind::Code, {"js", "mjs", "cjs", "node", "nodejs"}},
    {"jsx", "JavaScript React (JSX)", Kind::Code, {}},
    {"typescript", "TypeScript", Kind::Code, {"ts", "mts", "cts"}},
    {"tsx", "TypeScript React (TSX)", Kind::Code, {}},
    {"toml", "TOML", Kind::Code, {}},
    {"diff", "Diff", Kind::Code, {"patch", "udiff"}},
    {"sql", "SQL", Kind::Code, {}},
    {"postgresql", "SQL (PostgreSQL)", Kind::Code, {"postgres", "psql", "pgsql", "plpgsql"}},
    {"mysql", "SQL (MySQL)", Kind::Code, {"mariadb"}},
    {"java", "Java", Kind::Code, {}},
    {"makefile", "Makefile", Kind::Code, {"make", "mk", "gnumakefile", "mf"}},
    {"hcl", "Terraform", Kind::Code, {"tf", "terraform", "tfvars", "nomad"}},
    {"promql", "PromQL", Kind::Code, {"prometheus"}},
    {"ini", "INI Files", Kind::Code, {"cfg", "dosini", "editorconfig", "gitconfig"}},
    {"properties", "Java Properties", Kind::Code, {"props"}},
    {"markdown", "Markdown", Kind::Code, {"md", "mdown", "mkd", "mkdn"}},
    {"xml", "XML", Kind::Code, {"xsd", "xsl", "xslt", "svg", "rss", "atom", "plist"}},
    {"html", "HTML", Kind::Code, {"htm", "xhtml"}},
    {"csharp", "C#", Kind::Code, {"cs", "c#"}},
    {"kotlin", "Kotlin", Kind::Code, {"kt", "kts"}},
    {"protobuf", "Protobuf", Kind::Code, {"proto"}},
    {"text", "", Kind::Plain,
     {"txt", "plain", "plaintext", "none", "nohighlight", "no-highlight", "nocode", "ignorelang",
      "output", "raw", "ascii"}},
};

// The first word of an info string, lower-cased: `python title="x.py"`, `python {1,3}`,
// `{.python}`, `{python}`, `js:title=x.js`, `language-python`.
std::string firstWord(std::string_view info) {
  info = trim(info);
  if (!info.empty() && info.front() == '{') {
    info.remove_prefix(1);
    info = trim(info);
    if (!info.empty() && info.front() == '.') info.remove_prefix(1);
  }
  std::size_t end = info.find_first_of(" \t\r\n{},:");
  std::string word = toLowerAscii(info.substr(0, end));
  for (std::string_view prefix : {"language-", "lang-"})
    if (startsWith(word, prefix) && word.size() > prefix.size()) word.erase(0, prefix.size());
  return word;
}

}  // namespace

CodeLanguage resolveCodeLanguage(std::string_view info) {
  CodeLanguage out;
  const std::string word = firstWord(info);
  if (word.empty()) return out;
  for (const Language& lang : kLanguages) {
    bool hit = word == lang.id;
    for (std::string_view alias : lang.aliases) hit = hit || (!alias.empty() && word == alias);
    if (!hit) continue;
    if (lang.kind == Kind::Plain) return out;
    out.id = lang.id;
    out.definition = lang.definition;
    out.session = lang.kind == Kind::Session;
    out.shell = lang.kind == Kind::Shell;
    return out;
  }
  out.id = word;
  return out;
}

}  // namespace pp
