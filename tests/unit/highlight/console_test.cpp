// Console sessions: prompts set apart, commands highlighted as shell, the rest output.
#include <doctest/doctest.h>

#include "highlight/console.h"
#include "token_probe.h"

using namespace pp;
using pp::test::classOf;

TEST_CASE("prompts are recognised") {
  using highlight::promptLength;
  CHECK(promptLength("$ ls") == 2);
  CHECK(promptLength("# apt-get update") == 2);
  CHECK(promptLength("> dir") == 2);
  CHECK(promptLength("% brew install x") == 2);
  CHECK(promptLength("PS> Get-Item .") == 4);
  CHECK(promptLength("PS C:\\Users\\me> dir") == 16);
  CHECK(promptLength("user@host:~/src$ make") == 17);
  CHECK(promptLength("root@pod:/# id") == 12);
  CHECK(promptLength("[user@host src]$ make") == 17);
  CHECK(promptLength("(venv) $ pip install x") == 9);
  CHECK(promptLength("$") == 1);
  CHECK(promptLength("\xE2\x9D\xAF ls") == 4);
  // Output and code, not prompts.
  CHECK(promptLength("NAME READY STATUS") == 0);
  CHECK(promptLength("$HOME is set") == 0);
  CHECK(promptLength("#comment") == 0);
  CHECK(promptLength("total 24") == 0);
  CHECK(promptLength("flux: v0.22.1") == 0);
  CHECK(promptLength("a$b c") == 0);
}

TEST_CASE("a console block: prompts, commands and output") {
  const std::string code =
      "$ kubectl get pods -n flux-system\n"
      "NAME          READY   STATUS\n"
      "web-1         1/1     Running\n"
      "\n"
      "# apt-get install -y curl\n"
      "user@host:~$ echo \"done\" \\\n"
      "    --verbose\n"
      "done\n";
  const HighlightedCode h = test::highlighter().highlight("console", code);
  INFO(test::dump(h, code));
  CHECK(h.status == HighlightStatus::Highlighted);
  CHECK(h.language == "console");
  CHECK(classOf(h, code, "$ ") == "prompt");
  CHECK(classOf(h, code, "-n") == "attribute");
  CHECK(classOf(h, code, "NAME          READY   STATUS") == "output");
  CHECK(classOf(h, code, "web-1         1/1     Running") == "output");
  CHECK(classOf(h, code, "# ") == "prompt");
  CHECK(classOf(h, code, "user@host:~$ ") == "prompt");
  CHECK(classOf(h, code, "echo") == "builtin");
  CHECK(classOf(h, code, "\"done\"") == "string");
  CHECK(classOf(h, code, "--verbose") == "attribute");  // a continuation line is a command
  CHECK(classOf(h, code, "done", 1) == "output");     // the last line: output, not the keyword
}

TEST_CASE("a here-document inside a session is part of the command") {
  const std::string code =
      "$ kubectl apply -f - <<EOF\n"
      "apiVersion: v1\n"
      "EOF\n"
      "service/web created\n";
  const HighlightedCode h = test::highlighter().highlight("shell-session", code);
  INFO(test::dump(h, code));
  CHECK(classOf(h, code, "apiVersion: v1") == "string");
  CHECK(classOf(h, code, "service/web created") == "output");
}

TEST_CASE("PowerShell prompts highlight PowerShell commands") {
  const std::string code = "PS> Get-ChildItem -Path .\nDirectory: C:\\\n";
  const HighlightedCode h = test::highlighter().highlight("console", code);
  INFO(test::dump(h, code));
  CHECK(classOf(h, code, "PS> ") == "prompt");
  CHECK(classOf(h, code, "Get-ChildItem") == "function");
  CHECK(classOf(h, code, "Directory: C:\\") == "output");
}

TEST_CASE("a shell block that starts with a $ prompt is a session") {
  const std::string code = "$ flux version\nflux: v0.22.1\n";
  const HighlightedCode h = test::highlighter().highlight("shell", code);
  INFO(test::dump(h, code));
  CHECK(h.language == "console");
  CHECK(classOf(h, code, "$ ") == "prompt");
  CHECK(classOf(h, code, "flux: v0.22.1") == "output");
}

TEST_CASE("a shell script stays a script") {
  const std::string code = "echo $HOME\n# comment\n";
  const HighlightedCode h = test::highlighter().highlight("sh", code);
  INFO(test::dump(h, code));
  CHECK(h.language == "bash");
  CHECK(classOf(h, code, "$HOME") == "variable");
  CHECK(classOf(h, code, "# comment") == "comment");
}
