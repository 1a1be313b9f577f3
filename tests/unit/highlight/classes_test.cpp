// A block of each promised language: chosen tokens get the class a reader expects.
#include <doctest/doctest.h>

#include "token_probe.h"

using pp::test::checkClasses;

TEST_CASE("yaml") {
  checkClasses("yaml",
               "apiVersion: apps/v1  # the group\n"
               "kind: Deployment\n"
               "spec:\n"
               "  replicas: 3\n"
               "  paused: false\n"
               "  image: \"nginx:1.25\"\n"
               "  base: &base {a: 1}\n"
               "  copy: *base\n",
               {{"apiVersion", "attribute"}, {"# the group", "comment"}, {"replicas", "attribute"},
                {"3", "number"}, {"false", "constant"}, {"\"nginx:1.25\"", "string"},
                {"Deployment", "plain"}, {"*base", "variable"}});
}

TEST_CASE("bash") {
  checkClasses("bash",
               "#!/bin/bash\n"
               "# build all\n"
               "for f in *.go; do\n"
               "  echo \"file: $f\" | grep -v test > /dev/null\n"
               "done\n"
               "export GOOS=linux\n",
               {{"# build all", "comment"}, {"for", "keyword"}, {"done", "keyword"}, {"echo", "builtin"},
                {"\"file: ", "string"}, {"$f", "variable"}, {"-v", "attribute"}, {">", "operator"}});
}

TEST_CASE("python") {
  checkClasses("py",
               "import os\n"
               "@dataclass\n"
               "class Point:\n"
               "    \"\"\"A point.\"\"\"\n"
               "    def norm(self):  # length\n"
               "        return abs(self.x) + 1.5\n",
               {{"import", "keyword"}, {"@dataclass", "attribute"}, {"class Point", "mixed"}, {"class", "keyword", 1}, {"def", "keyword"},
                {"# length", "comment"}, {"abs", "builtin"}, {"1.5", "number"}, {"return", "keyword"},
                {"\"\"\"A point.\"\"\"", "comment"}});
}

TEST_CASE("go") {
  checkClasses("golang",
               "package main\n\n"
               "import \"fmt\"\n\n"
               "// main prints.\n"
               "func main() {\n"
               "\tvar n int = 42\n"
               "\tfmt.Println(\"hi\", n, nil)\n"
               "}\n",
               {{"package", "keyword"}, {"\"fmt\"", "string"}, {"// main prints.", "comment"}, {"func", "keyword"},
                {"int", "type", 1}, {"42", "number"}, {"nil", "constant"}, {"{", "punctuation"}, {"=", "operator"}});
}

TEST_CASE("json") {
  checkClasses("json", "{\"name\": \"web\", \"port\": 8080, \"tls\": true, \"ca\": null}",
               {{"\"name\"", "attribute"}, {"\"web\"", "string"}, {"8080", "number"}, {"true", "constant"},
                {"null", "constant"}, {":", "punctuation"}});
}

TEST_CASE("dockerfile") {
  checkClasses("Dockerfile",
               "# syntax=docker/dockerfile:1\n"
               "FROM golang:1.22 AS build\n"
               "# compile\n"
               "RUN go build -o /app .\n"
               "COPY --from=build /app /app\n"
               "ENV MODE=\"prod\"\n",
               {{"FROM", "keyword"}, {"AS", "keyword"}, {"# compile", "comment"}, {"RUN", "keyword"},
                {"--from=build", "attribute"}, {"\"prod\"", "string"}});
}

TEST_CASE("c") {
  checkClasses("c",
               "#include <stdio.h>\n"
               "/* entry */\n"
               "int main(void) { return printf(\"%d\\n\", 42); }\n",
               {{"#include", "preprocessor"}, {"<stdio.h>", "string"}, {"/* entry */", "comment"},
                {"int", "type"}, {"return", "keyword"}, {"\"%d", "string"}, {"42", "number"}});
}

TEST_CASE("c++") {
  checkClasses("c++",
               "#include <vector>\n"
               "template <typename T>\n"
               "class Box {  // holds one\n"
               " public:\n"
               "  std::vector<T> items;\n"
               "  int size() const { return 0x10; }\n"
               "};\n",
               {{"#include", "preprocessor"}, {"template", "keyword"}, {"class", "keyword"},
                {"// holds one", "comment"}, {"std::vector", "builtin"}, {"const", "keyword"},
                {"0x10", "number"}, {"int", "type"}});
}

TEST_CASE("rust") {
  checkClasses("rs",
               "fn main() {\n"
               "    let mut v: Vec<i32> = Vec::new(); // empty\n"
               "    println!(\"{}\", v.len());\n"
               "}\n",
               {{"fn", "keyword"}, {"let", "keyword"}, {"mut", "keyword"}, {"i32", "type"},
                {"// empty", "comment"}, {"\"{}\"", "string"}, {"::", "punctuation"}});
}

TEST_CASE("javascript") {
  checkClasses("js",
               "import express from \"express\";\n"
               "// start the server\n"
               "const app = express();\n"
               "app.listen(3000, () => console.log(`up`));\n",
               {{"import", "keyword"}, {"\"express\"", "string"}, {"// start the server", "comment"},
                {"const", "keyword"}, {"3000", "number"}, {"console", "builtin"}, {"`up`", "string"}});
}

TEST_CASE("typescript") {
  checkClasses("ts",
               "interface User { name: string; age?: number }\n"
               "export function greet(u: User): void { /* hi */ }\n",
               {{"interface", "keyword"}, {"string", "type"}, {"number", "type"}, {"export", "keyword"},
                {"greet", "function"}, {"void", "type"}, {"/* hi */", "comment"}});
}

TEST_CASE("toml") {
  checkClasses("toml",
               "[server]\n"
               "host = \"0.0.0.0\"  # all interfaces\n"
               "port = 8080\n"
               "tls = true\n",
               {{"host", "attribute"}, {"\"0.0.0.0\"", "string"}, {"# all interfaces", "comment"},
                {"8080", "number"}, {"true", "constant"}, {"=", "operator"}});
}

TEST_CASE("diff") {
  checkClasses("diff",
               "diff --git a/main.go b/main.go\n"
               "--- a/main.go\n"
               "+++ b/main.go\n"
               "@@ -1,3 +1,3 @@\n"
               " package main\n"
               "-import \"log\"\n"
               "+import \"fmt\"\n",
               {{"diff --git", "keyword"}, {"@@ -1,3 +1,3 @@", "preprocessor"}, {"-import \"log\"", "deleted"},
                {"+import \"fmt\"", "inserted"}, {" package main", "plain"}});
}

TEST_CASE("sql") {
  checkClasses("sql",
               "-- active users\n"
               "SELECT name, COUNT(*) FROM users WHERE age > 21 AND name = 'bob';\n",
               {{"-- active users", "comment"}, {"SELECT", "keyword"}, {"COUNT", "function"}, {"FROM", "keyword"},
                {"21", "number"}, {"'bob'", "string"}, {">", "operator"}});
}

TEST_CASE("java") {
  checkClasses("java",
               "@Override\n"
               "public String toString() {  // show\n"
               "    int n = 7;\n"
               "    return \"n=\" + n;\n"
               "}\n",
               {{"@Override", "attribute"}, {"public", "keyword"}, {"String", "builtin"}, {"// show", "comment"},
                {"int", "type"}, {"7", "number"}, {"return", "keyword"}, {"\"n=\"", "string"}});
}

TEST_CASE("makefile") {
  checkClasses("makefile",
               "CC := gcc\n"
               "# default target\n"
               "all: main.o\n"
               "\t$(CC) -o app main.o\n"
               ".PHONY: all\n",
               {{"CC", "variable"}, {"# default target", "comment"}, {"all:", "function"}, {".PHONY:", "keyword"}});
}

TEST_CASE("hcl / terraform") {
  checkClasses("tf",
               "resource \"aws_instance\" \"web\" {\n"
               "  ami   = \"ami-123\"  # ubuntu\n"
               "  count = 7\n"
               "}\n"
               "variable \"region\" { type = string }\n",
               {{"resource", "keyword"}, {"\"aws_instance\"", "string"}, {"# ubuntu", "comment"},
                {"count", "attribute"}, {"7", "number"}, {"variable", "keyword"}, {"string", "type"}});
}

TEST_CASE("promql (postpress's own definition)") {
  checkClasses("promql",
               "# error ratio\n"
               "sum by (job) (rate(http_requests_total{job=\"api\", code=~\"5..\"}[5m]))\n"
               "  / ignoring (code) group_left sum(rate(http_requests_total[5m])) > 0.05\n",
               {{"# error ratio", "comment"}, {"sum", "builtin"}, {"by", "keyword"}, {"job", "attribute"},
                {"rate", "function"}, {"\"api\"", "string"}, {"=~", "operator"}, {"5m", "number"},
                {"ignoring", "keyword"}, {"0.05", "number"}, {"http_requests_total", "plain"},
                {"code", "attribute", 1}});
}

TEST_CASE("ini") {
  checkClasses("ini",
               "; settings\n"
               "[server]\n"
               "host = example.org\n"
               "port = 80\n",
               {{"; settings", "comment"}, {"[server]", "keyword"}, {"host", "attribute"}, {"80", "number"}});
}

TEST_CASE("markdown") {
  checkClasses("md",
               "# Install\n"
               "\n"
               "Run `make` first.\n"
               "\n"
               "- one item\n",
               {{"# Install", "keyword"}, {"`make`", "string"}, {"Run", "plain"}});
}

TEST_CASE("a word outside postpress's table is found by Kate") {
  checkClasses("ruby", "def hi\n  puts \"hi\" # greet\nend\n",
               {{"def", "keyword"}, {"\"hi\"", "string"}, {"# greet", "comment"}});
}
