// Smart punctuation against the CommonMark spec's examples (smart_punct.txt) and cmark-gfm's
// own --smart output, and text kept exactly as written: backslash escapes, code, flags, URLs.
#include <doctest/doctest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

// The text a reader sees of every block, blocks separated by a newline, soft breaks as spaces.
std::string readerText(const Document& doc) {
  std::string out;
  std::function<void(const std::vector<Inline>&)> walk = [&](const std::vector<Inline>& in) {
    for (const Inline& i : in) {
      if (i.kind == InlineKind::SoftBreak || i.kind == InlineKind::HardBreak) out += ' ';
      out += i.text;
      walk(i.children);
    }
  };
  forEachBlock(doc.blocks, [&](const Block& b) {
    if (b.inlines.empty()) return;
    if (!out.empty()) out += '\n';
    walk(b.inlines);
  });
  return out;
}

std::string smart(const std::string& md) {
  DiagnosticSink d;
  return readerText(parse(md, d));
}

// cmark-gfm --smart's text of `md` (tags dropped, entities decoded), or "" without the program.
std::string cmarkSmart(const std::string& md) {
  char path[] = "/tmp/pp-smart-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return "";
  FILE* f = fdopen(fd, "w");
  std::fputs(md.c_str(), f);
  std::fclose(f);
  const std::string cmd = std::string("cmark-gfm --smart ") + path + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string html;
  char buf[4096];
  std::size_t n;
  while (p && (n = std::fread(buf, 1, sizeof buf, p.get())) > 0) html.append(buf, n);
  std::remove(path);
  std::string text;
  bool inTag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') inTag = true;
    else if (html[i] == '>') inTag = false;
    else if (!inTag) text += html[i];
  }
  for (auto [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"},
                          {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  for (auto& c : text)
    if (c == '\n') c = ' ';
  return text;
}

// Lines joined, runs of spaces as one (the Document keeps no double spaces, HTML does).
std::string oneLine(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// The spec's smart punctuation examples (CommonMark 0.30, smart_punct.txt).
const std::vector<std::pair<std::string, std::string>> kSpec = {
    {"\"Hello,\" said the spider.\n\"'Shelob' is my name.\"\n",
     "“Hello,” said the spider. “‘Shelob’ is my name.”"},
    {"'A', 'B', and 'C' are letters.\n", "‘A’, ‘B’, and ‘C’ are letters."},
    {"'He said, \"I want to go.\"'\n", "‘He said, “I want to go.”’"},
    {"\\\"This is not smart.\\\"\nThis isn\\'t either.\n5\\-\\-8\n",
     "\"This is not smart.\" This isn't either. 5--8"},
    {"Some dashes:  em---em\nen--en\nem --- em\nen -- en\n2--3\n",
     "Some dashes: em—em en–en em — em en – en 2–3"},
    {"Escaped hyphens: \\-- \\-\\-\\-.\n", "Escaped hyphens: -- ---."},
    {"Ellipses...and...and....\n", "Ellipses…and…and…."},
    {"No ellipses: \\.\\.\\.\n", "No ellipses: ..."},
};

}  // namespace

TEST_CASE("smart punctuation: the CommonMark spec's examples") {
  for (const auto& [md, want] : kSpec) CHECK_MESSAGE(oneLine(smart(md)) == want, md);
}

TEST_CASE("smart punctuation agrees with cmark-gfm --smart") {
  if (cmarkSmart("x\n").empty()) {
    MESSAGE("cmark-gfm is not installed (apt-get install cmark-gfm): comparison skipped");
    return;
  }
  for (const auto& [md, want] : kSpec) CHECK_MESSAGE(oneLine(smart(md)) == oneLine(cmarkSmart(md)), md);
  const std::string escaped = "Start vLLM with \\--enable-expert-parallel and \\\"quotes\\\".\n";
  CHECK(oneLine(smart(escaped)) == oneLine(cmarkSmart(escaped)));
}

TEST_CASE("text exactly as written: escapes, flags, URLs and code") {
  // The escaped flag of the KubeCon post prints with two hyphens, never an en dash.
  CHECK(smart("Start vLLM with \\--enable-expert-parallel.\n") == "Start vLLM with --enable-expert-parallel.");
  // A flag written without the escape is a flag too (cmark-gfm would make an en dash of it).
  CHECK(smart("Add --enable-prefix-caching and -- for a dash.\n") ==
        "Add --enable-prefix-caching and \xE2\x80\x93 for a dash.");
  // URLs in text keep their dashes, dots and quotes.
  CHECK(smart("See https://example.com/a--b/c...d 'now'\n") ==
        "See https://example.com/a--b/c...d \xE2\x80\x98now\xE2\x80\x99");
  // Backslash escapes inside code are not escapes: the backslash stays.
  DiagnosticSink d;
  Document doc = parse("Use `a\\-b` and \\\"x\\\".\n\n```\nc\\-d \\\"e\\\"\n```\n\n    f\\.g\n", d);
  auto codes = inlinesOfKind(doc, InlineKind::Code);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0]->text == "a\\-b");
  auto blocks = blocksOfKind(doc, BlockKind::Code);
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0]->text.find("c\\-d \\\"e\\\"") != std::string::npos);
  CHECK(blocks[1]->text.find("f\\.g") != std::string::npos);
  CHECK(plainText(doc.blocks[0]).find("\"x\"") != std::string::npos);
  // An escaped backslash before a dash escapes nothing.
  CHECK(smart("a\\\\--b\n") == "a\\\xE2\x80\x93" "b");
  // Escapes between, before and after code: the pass jumps from one backslash to the next
  // unless code comes first; fences, spans and a lone backtick run are all still seen.
  Document mixed = parse(
      "\\-- one `x\\-y` two ``` lone \\-- three\n\n~~~\nz\\-w\n~~~\n\nfour `` a`b\\-c `` \\--\n", d);
  auto spans = inlinesOfKind(mixed, InlineKind::Code);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0]->text == "x\\-y");
  CHECK(spans[1]->text == "a`b\\-c");
  auto fenced = blocksOfKind(mixed, BlockKind::Code);
  REQUIRE(fenced.size() == 1);
  CHECK(fenced[0]->text.find("z\\-w") != std::string::npos);
  CHECK(plainText(mixed.blocks[0]) == "-- one x\\-y two ``` lone -- three");
  CHECK(plainText(mixed.blocks.back()).rfind("--") == plainText(mixed.blocks.back()).size() - 2);
  // A backslash that ends the text is a backslash.
  CHECK(smart("end\\") == "end\\");
}
