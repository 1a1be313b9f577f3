#include "cli/docgen/man_pages.h"

#include <sstream>
#include <string_view>

#include "cli/docgen/roff.h"
#include "cli/help_line.h"
#include "postpress/options.h"

namespace pp::docgen {

namespace {

std::string header(const char* name, int section, const std::string& version, const char* manual) {
  // No date: the page is the same for every build of one version (reproducible packages).
  return ".TH " + std::string(name) + " " + std::to_string(section) + " \"\" \"postpress " + version + "\" \"" +
         manual + "\"\n";
}

std::string commandsOf(unsigned bits) {
  std::string out;
  for (const CommandSpec& c : kCommands)
    if (bits & c.bit) out += (out.empty() ? "" : ", ") + std::string(c.name);
  return out;
}

// ".TP" with the option's spellings and value, then its help line.
void optionEntry(std::ostringstream& m, const OptionSpec& o) {
  m << ".TP\n";
  if (o.shortFlag) m << "\\fB\\-" << o.shortFlag << "\\fR, ";
  m << "\\fB" << roff("--" + std::string(o.flag)) << "\\fR";
  if (o.type != OptionType::Flag) m << " \\fI" << roff(o.valueName.empty() ? "VALUE" : o.valueName) << "\\fR";
  m << "\n" << roff(cli::helpLine(o)) << ".";
  if (o.commands & ~kGlobal) m << " Commands: " << commandsOf(o.commands) << ".";
  if (!o.key.empty()) m << " In postpress.yaml: \\fB" << roff(o.key) << "\\fR.";
  m << "\n";
}

const char* typeWords(OptionType t) {
  switch (t) {
    case OptionType::Flag: return "true or false";
    case OptionType::Text: return "text";
    case OptionType::Path: return "a path, relative to the file's folder";
    case OptionType::Style: return "a bundled style's name or a style file";
    case OptionType::Integer: return "a whole number";
    case OptionType::Choice: return "one of the choices";
    case OptionType::List: return "a list, or one text with commas";
    case OptionType::Date: return "a date, YYYY-MM-DD";
    case OptionType::Quarter: return "a quarter, e.g. 2025Q4";
    case OptionType::Paper: return "a paper size";
    case OptionType::Formats: return "some of the choices, a list or one text with commas";
    case OptionType::Section: return "a mapping";
  }
  return "text";
}

void keyEntry(std::ostringstream& m, const OptionSpec& o) {
  m << ".TP\n\\fB" << roff(o.key) << "\\fR";
  if (!o.keyAlias.empty()) m << " (or \\fB" << roff(o.keyAlias) << "\\fR)";
  m << " \\(em " << typeWords(o.type) << "\n" << roff(cli::helpLine(o)) << ".";
  if (!o.flag.empty()) m << " Command line: \\fB" << roff("--" + std::string(o.flag)) << "\\fR.";
  if (o.overridesConfig) m << " The command line's value replaces every digest's own.";
  m << "\n";
}

}  // namespace

std::string commandManual(const std::string& version) {
  std::ostringstream m;
  m << header("POSTPRESS", 1, version, "User Commands");
  m << ".SH NAME\npostpress \\- compile blog posts into a typeset PDF and an EPUB digest\n";
  m << ".SH SYNOPSIS\n.B postpress\n[\\fB\\-q\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n.br\n"
       ".B postpress build \\-c\n\\fIpostpress.yaml\\fR [\\fIOPTIONS\\fR]\n";
  m << ".SH DESCRIPTION\n"
       "postpress reads a blog's source folder (Jekyll, Hugo, Docusaurus, Gatsby, Astro, Eleventy, "
       "MkDocs, Zola, Pelican, Quarto, or Markdown files with front matter), picks posts by tag, author, "
       "date range or quarter, and writes one typeset PDF and one EPUB 3: a cover, contents, every post "
       "with its images, link notes and indexes.\n"
       ".PP\nDiagnostics are printed as \\fIpath\\fR:\\fIline\\fR:\\fIcolumn\\fR: \\fIseverity\\fR: "
       "\\fImessage\\fR [\\fIcode\\fR]; a post with an error is left out and the rest of the digest is "
       "built. Outputs are written whole or not at all.\n";
  m << ".SH COMMANDS\n";
  for (const CommandSpec& c : kCommands) m << ".TP\n.B " << c.name << "\n" << roff(c.help) << ".\n";
  m << ".SH OPTIONS\n";
  std::string_view group = "\x01";
  for (const OptionSpec& o : kOptions) {
    if (o.flag.empty()) continue;
    if (o.group != group) {
      group = o.group;
      m << ".SS " << (group.empty() ? "General" : roff(group)) << "\n";
    }
    optionEntry(m, o);
  }
  m << ".SH EXIT STATUS\n.TP\n.B 0\nBuilt (or listed, or checked) without errors.\n"
       ".TP\n.B 1\nNothing was built, or there were errors (with \\fB\\-\\-strict\\fR, warnings too).\n"
       ".TP\n.B 2\nA usage error: an unknown option or a bad value.\n";
  m << ".SH ENVIRONMENT\n"
       ".TP\n.B POSTPRESS_DATA_DIR\nThe folder of the bundled fonts, styles, language and syntax data "
       "(default: \\fI../share/postpress\\fR beside the program).\n"
       ".TP\n.B SOURCE_DATE_EPOCH\nThe build date, in seconds since 1970, for reproducible outputs "
       "(default: now).\n"
       ".TP\n.B XDG_CACHE_HOME\nThe cache is \\fI$XDG_CACHE_HOME/postpress\\fR (default: "
       "\\fI~/.cache/postpress\\fR).\n"
       ".TP\n.B NO_COLOR\nWhen set, diagnostics on a terminal are not coloured.\n";
  m << ".SH EXAMPLES\n.nf\n"
       "postpress list \\-\\-site blog \\-\\-tag kubecon\n"
       "postpress build \\-\\-site blog \\-\\-quarter 2025Q4 \\-o out/2025q4\n"
       "postpress build \\-\\-site blog \\-\\-format pdf \\-o \\- | lpr\n"
       "postpress build \\-c postpress.yaml \\-\\-diagnostics\\-format github\n"
       ".fi\n";
  m << ".SH SEE ALSO\n.BR postpress.yaml (5),\n.BR postpress-style (5)\n";
  return m.str();
}

std::string configManual(const std::string& version) {
  std::ostringstream m;
  m << header("POSTPRESS.YAML", 5, version, "File Formats");
  m << ".SH NAME\npostpress.yaml \\- the digests a blog builds, for postpress build \\-c\n";
  m << ".SH DESCRIPTION\n"
       "A YAML mapping. Without \\fBdigests\\fR it describes one digest; with it, each entry of the list "
       "is a digest whose keys default to the top-level ones. Paths are relative to the file's folder, "
       "and outputs stay inside it. An unknown key or a bad value is an error at its line and column.\n";
  struct Part {
    const char* title;
    ConfigSection a, b;
  };
  const Part parts[] = {
      {"TOP-LEVEL KEYS", ConfigSection::Top, ConfigSection::Top},
      {"DIGEST KEYS (at the top level, or in an entry of digests)", ConfigSection::Digest, ConfigSection::Entry},
      {"SELECTION KEYS (under select)", ConfigSection::Select, ConfigSection::Select},
  };
  for (const Part& p : parts) {
    m << ".SH " << p.title << "\n";
    for (const OptionSpec& o : kOptions)
      if (!o.key.empty() && (o.section == p.a || o.section == p.b)) keyEntry(m, o);
  }
  m << ".SH DIAGNOSTICS KEYS (under diagnostics)\n"
       ".TP\n\\fBignore\\fR \\(em a list of codes\nTheir warnings and notes are not printed or counted "
       "(the command line's \\fB\\-W no\\-\\fR\\fICODE\\fR; \\fB\\-W\\fR \\fICODE\\fR undoes it).\n"
       ".TP\n\\fBdeny\\fR \\(em a list of codes\nTheir warnings are errors (\\fB\\-\\-deny\\fR).\n";
  m << ".SH EXAMPLE\n.nf\n"
       "site: .\nstyle: report\ndiagnostics:\n  ignore: [date\\-mismatch]\n"
       "digests:\n  \\- name: kubecon\n    title: KubeCon in review\n    select:\n      tags: [kubecon]\n"
       "  \\- name: q4\n    select: {quarter: 2025Q4}\n    formats: [pdf]\n.fi\n";
  m << ".SH SEE ALSO\n.BR postpress (1),\n.BR postpress-style (5)\n";
  return m.str();
}

std::string styleManual(const std::string& version, const std::string& reportStyle) {
  std::ostringstream m;
  m << header("POSTPRESS-STYLE", 5, version, "File Formats");
  m << ".SH NAME\npostpress\\-style \\- the look of a postpress digest\n";
  m << ".SH DESCRIPTION\n"
       "A style is a YAML file given to \\fB\\-\\-style\\fR (or \\fBstyle:\\fR in postpress.yaml). It names "
       "its \\fBbase\\fR (default: the bundled \\fBreport\\fR style) and sets only the keys it changes. "
       "Lengths are in points unless they carry a unit (in, mm, cm); colours are \\fB#rrggbb\\fR. An "
       "unknown key or a bad value is an error at its line and column, and the rest of the style applies.\n"
       ".PP\nThe bundled \\fBreport\\fR style sets every key a style can set; it is printed below as it is "
       "installed, with its comments, and is the reference for the keys and their values.\n";
  m << ".SH THE REPORT STYLE\n.nf\n";
  std::istringstream lines(reportStyle);
  for (std::string line; std::getline(lines, line);) m << (line.empty() ? "" : roff(line)) << "\n";
  m << ".fi\n";
  m << ".SH EXAMPLE\nA style for A4 paper with a different accent colour:\n.nf\n"
       "base: report\npage:\n  paper: a4\ncolors:\n  accent: \"#8a3b12\"\n.fi\n";
  m << ".SH SEE ALSO\n.BR postpress (1),\n.BR postpress.yaml (5)\n";
  return m.str();
}

}  // namespace pp::docgen
