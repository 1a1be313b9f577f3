// The layout's structure (tagged PDF): parts set apart join one node table below the
// Document whatever the number of workers; headings become H1-H6 ranked per part without a
// skipped level; words are tagged with their paragraph, a link's words with its Link.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "postpress/style.h"
#include "postpress/typeset.h"
#include "links_as_written.h"
#include "../common/blocks.h"

using namespace pp;
using pptest::paragraph;
using pp::typeset::testing::resolveAsWritten;

namespace {

Block heading(int level, const std::string& text) {
  Block h;
  h.kind = BlockKind::Heading;
  h.level = level;
  h.id = text;
  h.inlines.push_back(Inline::makeText(text));
  return h;
}

Block linked(const std::string& before, const std::string& label, const std::string& url) {
  Block p = paragraph(before);
  Inline link;
  link.kind = InlineKind::Link;
  link.link = LinkTarget{url, -1, ""};
  link.children.push_back(Inline::makeText(label));
  p.inlines.push_back(link);
  return p;
}

std::vector<Document> partsWithHeadings() {
  std::vector<Document> docs(2);
  // Levels 3 and 5 only: ranked below the title as H2 and H3.
  docs[0].blocks = {heading(3, "Alpha"), paragraph("Some words of the first part."), heading(5, "Beta"),
                    linked("Read ", "the manual", "https://example.org/manual")};
  // 2, 6, 4: H2, then H3 (not H4: no level skipped), then H3.
  docs[1].blocks = {heading(2, "Gamma"), heading(6, "Delta"), heading(4, "Epsilon"),
                    paragraph("Words of the second part.")};
  // A footnote marked in a paragraph of its own.
  Inline mark;
  mark.kind = InlineKind::FootnoteRef;
  mark.footnote = 0;
  docs[1].blocks.push_back(paragraph("Noted."));
  docs[1].blocks.back().inlines.push_back(mark);
  docs[1].footnotes.push_back(Footnote{"n", {paragraph("A note.")}, {}});
  return docs;
}

struct PartsLayout {
  std::vector<StructNode> nodes;
  std::vector<PageBox> pages;
};

PartsLayout setParts(int jobs) {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  const Locale enUS("en-US");
  TypesetOptions options;
  options.jobs = jobs;
  Typesetter ts(st, nullptr, enUS, resolveAsWritten, options, diags);
  REQUIRE(ts.ok());
  const std::vector<Document> docs = partsWithHeadings();
  std::vector<BodyPart> parts(docs.size());
  for (std::size_t k = 0; k < docs.size(); ++k) parts[k].owner = static_cast<int>(k);
  SetPages body = ts.setBody(
      parts,
      [&](PartComposer& c, std::size_t k) {
        c.beginPart(static_cast<int>(k), &docs[k], "d" + std::to_string(k));
        const NodeScope part(c, StructType::Part);
        ParagraphOptions title;
        title.role = StructType::H1;
        c.paragraph({Inline::makeText("Title " + std::to_string(k))}, c.style().postTitle, title);
        c.blocks(docs[k].blocks);
        c.endPart();
      },
      [](SetPage&, std::size_t) {});
  PartsLayout s;
  s.nodes = ts.takeLayout().structure;
  for (SetPage& p : body.pages) s.pages.push_back(std::move(p.box));
  return s;
}

std::vector<StructType> headings(const std::vector<StructNode>& nodes) {
  std::vector<StructType> out;
  for (const StructNode& n : nodes)
    if (n.type >= StructType::H1 && n.type <= StructType::H6) out.push_back(n.type);
  return out;
}

}  // namespace

TEST_CASE("parts set apart join one node table below the Document, headings ranked per part") {
  const PartsLayout s = setParts(4);
  REQUIRE(!s.nodes.empty());
  CHECK(s.nodes[0].type == StructType::Document);
  CHECK(s.nodes[0].lang == "en-US");
  int parts = 0;
  for (const StructNode& n : s.nodes) {
    if (n.type == StructType::Part) {
      ++parts;
      CHECK(n.parent == 0);
    }
  }
  CHECK(parts == 2);
  using T = StructType;
  CHECK(headings(s.nodes) == std::vector<T>{T::H1, T::H2, T::H3, T::H1, T::H2, T::H3, T::H3});
  // Parents come before their children.
  for (std::size_t i = 1; i < s.nodes.size(); ++i) CHECK(s.nodes[i].parent < static_cast<std::int32_t>(i));

  // Every word is tagged with a node of the table: the paragraph's, or its link's.
  bool sawLink = false, sawLinkArea = false;
  for (const PageBox& p : s.pages) {
    for (const TextRun& r : p.runs) {
      REQUIRE(r.tag >= 0);
      REQUIRE(static_cast<std::size_t>(r.tag) < s.nodes.size());
      const StructNode& n = s.nodes[static_cast<std::size_t>(r.tag)];
      if (r.text == "manual") {
        CHECK(n.type == T::Link);
        CHECK(n.alt == "the manual");  // the annotation's /Contents
        sawLink = true;
      }
      if (r.text == "Words") CHECK(n.type == T::P);
      if (r.text == "Read") CHECK(n.type == T::Span);  // beside a link: the paragraph's text in Spans
    }
    for (const LinkArea& a : p.links) {
      REQUIRE(a.tag >= 0);
      CHECK(s.nodes[static_cast<std::size_t>(a.tag)].type == T::Link);
      sawLinkArea = true;
    }
  }
  CHECK(sawLink);
  CHECK(sawLinkArea);
}

TEST_CASE("the node table and the tags do not depend on the number of workers") {
  const PartsLayout one = setParts(1), four = setParts(4);
  REQUIRE(one.nodes.size() == four.nodes.size());
  for (std::size_t i = 0; i < one.nodes.size(); ++i) {
    CHECK(one.nodes[i].type == four.nodes[i].type);
    CHECK(one.nodes[i].parent == four.nodes[i].parent);
  }
  REQUIRE(one.pages.size() == four.pages.size());
  for (std::size_t p = 0; p < one.pages.size(); ++p) {
    REQUIRE(one.pages[p].runs.size() == four.pages[p].runs.size());
    for (std::size_t r = 0; r < one.pages[p].runs.size(); ++r) CHECK(one.pages[p].runs[r].tag == four.pages[p].runs[r].tag);
  }
}

TEST_CASE("words read apart: a run followed by a space ends with the font's space glyph") {
  const PartsLayout s = setParts(1);
  bool sawSome = false, sawLast = false;
  for (const PageBox& p : s.pages)
    for (const TextRun& r : p.runs) {
      if (r.text == "Some") {
        sawSome = true;
        CHECK(r.spaceAfter);
        REQUIRE(r.glyphs.size() == 5);
        CHECK(r.glyphs.back().cluster == 4);  // stands for the space after the text
      }
      if (r.text == "part.") {  // a paragraph's last word: nothing follows
        sawLast = true;
        CHECK_FALSE(r.spaceAfter);
        CHECK(r.glyphs.size() == 5);
      }
    }
  CHECK(sawSome);
  CHECK(sawLast);
}

TEST_CASE("a footnote is a Note holding its number's Lbl, then its text's P") {
  const PartsLayout s = setParts(1);
  std::int32_t note = -1;
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    if (s.nodes[i].type == StructType::Note) note = static_cast<std::int32_t>(i);
  REQUIRE(note >= 0);
  std::vector<StructType> kids;
  std::int32_t label = -1;
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    if (s.nodes[i].parent == note) {
      kids.push_back(s.nodes[i].type);
      if (s.nodes[i].type == StructType::Lbl) label = static_cast<std::int32_t>(i);
    }
  CHECK(kids == std::vector<StructType>{StructType::Lbl, StructType::P});
  bool labelled = false;
  for (const PageBox& p : s.pages)
    for (const TextRun& r : p.runs)
      if (r.tag == label) {
        CHECK(r.text == "1.");
        labelled = true;
      }
  CHECK(labelled);
}
