// Info strings and aliases -> canonical languages.
#include <doctest/doctest.h>

#include "postpress/highlight.h"

using namespace pp;

namespace {
std::string idOf(std::string_view info) { return resolveCodeLanguage(info).id; }
}  // namespace

TEST_CASE("aliases name the canonical language") {
  const std::pair<const char*, const char*> cases[] = {
      {"sh", "bash"},          {"shell", "bash"},       {"bash", "bash"},
      {"zsh", "zsh"},          {"console", "console"},  {"shell-session", "console"},
      {"yml", "yaml"},         {"YAML", "yaml"},        {"golang", "go"},
      {"js", "javascript"},    {"ts", "typescript"},    {"py", "python"},
      {"tf", "hcl"},           {"hcl", "hcl"},          {"terraform", "hcl"},
      {"dockerfile", "dockerfile"}, {"Dockerfile", "dockerfile"}, {"docker", "dockerfile"},
      {"c++", "cpp"},          {"cpp", "cpp"},          {"c", "c"},
      {"rs", "rust"},          {"patch", "diff"},       {"make", "makefile"},
      {"Makefile", "makefile"}, {"PromQL", "promql"},   {"md", "markdown"},
      {"toml", "toml"},        {"json", "json"},        {"sql", "sql"},
      {"java", "java"},        {"ini", "ini"},          {"cli", "bash"},
  };
  for (const auto& [info, id] : cases) {
    CAPTURE(info);
    CHECK(idOf(info) == id);
  }
}

TEST_CASE("the first word of an info string is the language") {
  CHECK(idOf("python title=\"x.py\"") == "python");
  CHECK(idOf("python {1,3}") == "python");
  CHECK(idOf("{.python}") == "python");
  CHECK(idOf("{python}") == "python");
  CHECK(idOf("  yaml  ") == "yaml");
  CHECK(idOf("js:title=app.js") == "javascript");
  CHECK(idOf("go,linenos") == "go");
  CHECK(idOf("language-python") == "python");
}

TEST_CASE("plain words and empty info strings name no language") {
  for (const char* info : {"", "   ", "text", "txt", "plain", "plaintext", "none", "nohighlight", "nocode", "{}"}) {
    CAPTURE(info);
    CHECK(idOf(info).empty());
  }
}

TEST_CASE("sessions and shells are told apart") {
  CHECK(resolveCodeLanguage("console").session);
  CHECK_FALSE(resolveCodeLanguage("console").shell);
  CHECK(resolveCodeLanguage("sh").shell);
  CHECK_FALSE(resolveCodeLanguage("sh").session);
  CHECK_FALSE(resolveCodeLanguage("python").shell);
}

TEST_CASE("a word outside the table is kept for Kate to look up") {
  const CodeLanguage ruby = resolveCodeLanguage("Ruby");
  CHECK(ruby.id == "ruby");
  CHECK(ruby.definition.empty());
  CHECK(resolveCodeLanguage("yaml").definition == "YAML");
  CHECK(resolveCodeLanguage("promql").definition == "PromQL");
}
