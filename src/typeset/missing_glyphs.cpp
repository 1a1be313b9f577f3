#include "typeset/missing_glyphs.h"

#include <unicode/uscript.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace pp::typeset {

namespace {

std::string codePoint(char32_t cp) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  return hex;
}

std::string scriptName(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  const char* name = U_SUCCESS(status) ? uscript_getName(script) : nullptr;
  return name ? name : "Unknown";
}

}  // namespace

void MissingGlyphs::add(char32_t cp, const SourceLoc& where) {
  if (!first_) first_ = where;
  chars_.insert(cp);
}

void MissingGlyphs::report(DiagnosticSink& diags, const std::set<char32_t>& named) {
  std::set<char32_t> left;
  for (char32_t c : chars_)
    if (!named.count(c)) left.insert(c);
  const SourceLoc where = first_.value_or(SourceLoc{});
  chars_.clear();
  first_.reset();
  if (left.empty()) return;
  const std::string what = left.size() == 1 ? "a character" : std::to_string(left.size()) + " characters";
  diags.report({Severity::Warning, where, "missing-glyph",
                "no font has " + what + " of this text: " + describeMissingGlyphs(left) +
                    "; drawn as boxes with their code points (install a font for the script)"});
}

std::string describeMissingGlyphs(const std::set<char32_t>& chars, std::size_t limit) {
  // Scripts in order of their first character, each with its characters.
  std::vector<std::pair<std::string, std::vector<char32_t>>> scripts;
  for (char32_t c : chars) {
    const std::string name = scriptName(c);
    auto it = std::find_if(scripts.begin(), scripts.end(), [&](const auto& s) { return s.first == name; });
    if (it == scripts.end()) it = scripts.insert(scripts.end(), {name, {}});
    it->second.push_back(c);
  }
  std::string out;
  std::size_t written = 0;
  for (const auto& [name, list] : scripts) {
    if (written >= limit) break;
    if (!out.empty()) out += ", ";
    std::string codes;
    for (char32_t c : list) {
      if (written >= limit) break;
      codes += (codes.empty() ? "" : " ") + codePoint(c);
      ++written;
    }
    out += codes + " (" + name + ")";
  }
  if (written < chars.size()) out += " and " + std::to_string(chars.size() - written) + " more";
  return out;
}

}  // namespace pp::typeset
