// Where lines may break inside words: names, URLs, flags and code are never hyphenated; prose
// breaks after its hyphens, never before; a short word is not left alone before a long URL; a
// hyphen that leaves a few letters on the last line costs extra; CJK follows UAX #14 with its
// prohibitions and keeps Latin words in it whole.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "common/sample_publication.h"
#include "postpress/style.h"
#include "postpress/support/line_breaks.h"
#include "postpress/support/text.h"
#include "typeset/context.h"
#include "typeset/inline_items.h"
#include "typeset/line_set.h"
#include "typeset/linebreak.h"
#include "breaking_env.h"

using namespace pp;
using namespace pp::typeset;
using namespace pp::testing;

namespace {

struct LinesEnv : pp::typeset::testing::BreakingEnv {
  // The text of each line set at `width`, a drawn hyphen included.
  std::vector<std::string> lines(const std::vector<Inline>& inlines, float width, bool justify = true) {
    InlineBuilder b(*ctx, style.body, justify);
    b.add(inlines);
    ItemList list = b.finish();
    ParagraphShape shape;
    shape.widths = {width};
    shape.align = justify ? typeset::Align::Justify : typeset::Align::Left;
    std::vector<std::string> out;
    for (const SetLine& l : setParagraph(*ctx, list, shape)) {
      std::string s;
      float end = -1;
      for (const TextRun& r : l.content.runs) {
        if (!s.empty() && r.x > end + 0.5f) s += ' ';
        s += r.text;
        end = r.x + r.width;
      }
      out.push_back(s);
    }
    return out;
  }
};

bool endsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("names with inner capitals, capitals or digits are never hyphenated") {
  LinesEnv env;
  for (const char* name : {"TensorFlow", "KubeCon", "PyTorchJob", "LLMInferenceService", "PagedAttention",
                           "KUBERNETES", "Kubernetes1"})
    CHECK_MESSAGE(env.hyph->points(name).empty(), name);
  // The same letters written as words still hyphenate.
  CHECK_FALSE(env.hyph->points("attention").empty());
  CHECK_FALSE(env.hyph->points("Inference").empty());

  // A narrow column of them: no line ends inside one with a hyphen.
  std::string words;
  for (int i = 0; i < 6; ++i) words += "PagedAttention LLMInferenceService TensorFlow PyTorchJob KubeCon ";
  for (const std::string& l : env.lines({text(words)}, 90)) {
    CHECK_MESSAGE(!endsWith(l, "-"), l);
  }
}

TEST_CASE("URLs, paths, flags and code break at their own points without a drawn hyphen") {
  LinesEnv env;
  const std::vector<Inline> para = {
      text("Run it with --enable-expert-parallel-experimental-scheduling and read "
           "/usr/share/documentation/postpress-typesetting/examples or "
           "kserve.github.io/website/docs/model-serving/generative-inference then "),
      code("tensor_parallel_pipeline_configuration"),
      text(" and "),
      hyperlink("https://www.cncf.io/announcements/2025/11/11/cncf-launches-certified-kubernetes-ai-conformance/",
                "https://www.cncf.io/announcements/2025/11/11/cncf-launches-certified-kubernetes-ai-conformance/")};
  for (float width : {110.0f, 160.0f, 230.0f}) {
    const auto lines = env.lines(para, width);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
      CHECK_MESSAGE(!endsWith(lines[i], "-"), "width " << width << ": " << lines[i]);
  }
}

TEST_CASE("prose breaks after its hyphens, never before") {
  LinesEnv env;
  std::string s;
  for (int i = 0; i < 8; ++i) s += "Linkerd2-proxy sidecars and well-known data-plane components ";
  const auto lines = env.lines({text(s)}, 100);
  for (const std::string& l : lines) CHECK_MESSAGE(l.front() != '-', l);
  bool brokeAfterHyphen = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) brokeAfterHyphen |= endsWith(lines[i], "-");
  CHECK(brokeAfterHyphen);
}

TEST_CASE("a short word is not left alone on a line before a long URL") {
  LinesEnv env;
  const std::string url =
      "https://www.cncf.io/announcements/2025/11/11/cncf-launches-certified-kubernetes-ai-conformance-program-to-"
      "standardize-ai-workloads-on-kubernetes/";
  for (float width : {300.0f, 350.0f, 400.0f}) {
    const auto lines = env.lines({text("CNCF announcement: "), hyperlink(url, url)}, width);
    REQUIRE(lines.size() >= 2);
    CHECK_MESSAGE(lines[0].rfind("CNCF announcement:", 0) == 0, lines[0]);
  }
}

TEST_CASE("a hyphen that leaves a few letters on the last line costs extra") {
  // Measure 108: "aaa bbb ccc-" fits exactly, leaving "d" alone; "aaa bbb" / "cccd" is looser
  // (one stretchable space in the first line, ratio 0.95).
  auto box = [](float w) {
    Item b;
    b.width = w;
    return b;
  };
  Item glue;
  glue.type = ItemType::Glue;
  glue.width = 10;
  glue.stretch = 40;
  glue.shrink = 3;
  Item hyphen;
  hyphen.type = ItemType::Penalty;
  hyphen.flagged = true;
  hyphen.penalty = kHyphenPenalty;
  hyphen.width = 3;
  Item keep, fill, end;
  keep.type = ItemType::Penalty;
  keep.penalty = kInfinity;
  fill.type = ItemType::Glue;
  fill.stretch = 1e6f;
  end.type = ItemType::Penalty;
  end.penalty = -kInfinity;
  const std::vector<Item> items = {box(30), glue, box(30), glue, box(25), hyphen, box(10), keep, fill, end};
  BreakParams p;
  p.widths = {108};
  p.tolerance = kSecondPassTolerance;
  auto without = knuthPlass(items, p);
  REQUIRE(without);
  CHECK(without->front().hyphen);  // the control: a perfect first line wins on its own
  p.shortTail = 40;
  auto with = knuthPlass(items, p);
  REQUIRE(with);
  CHECK_FALSE(with->front().hyphen);
  CHECK(with->front().end == 3);
}

TEST_CASE("CJK: breaks between ideographs, never before closing punctuation, Latin words whole") {
  LinesEnv env;
  const std::string ja =
      "OpenTelemetryは、クラウドネイティブなソフトウェアのための観測可能性フレームワークです。"
      "KubeVelaとKubernetesを使い、「トレース」、「メトリクス」、「ログ」を収集します。"
      "OpenTelemetryコレクターはデータを受け取り、処理し、エクスポートします。";
  std::string all;
  for (int i = 0; i < 3; ++i) all += ja;
  for (float width : {90.0f, 120.0f, 170.0f}) {
    const auto lines = env.lines({text(all)}, width);
    REQUIRE(lines.size() > 3);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::u32string l = toUtf32(lines[i]);
      REQUIRE(!l.empty());
      for (char32_t no : std::u32string(U"、。」）"))
        CHECK_MESSAGE(l.front() != no, "width " << width << ": " << lines[i]);
      CHECK_MESSAGE(l.back() != U'「', lines[i]);
      if (i + 1 < lines.size()) {
        const std::u32string next = toUtf32(lines[i + 1]);
        const bool latinSplit = l.back() < 0x80 && std::isalpha(static_cast<int>(l.back())) && next.front() < 0x80 &&
                                std::isalpha(static_cast<int>(next.front()));
        CHECK_MESSAGE(!latinSplit, lines[i] << " / " << lines[i + 1]);
      }
    }
  }
}

TEST_CASE("Thai breaks between words by dictionary") {
  LineBreaker breaker("th");
  // "ภาษาไทย" (Thai language) + "เป็น" (is) + "ภาษา" (language): breaks fall between words.
  const std::u32string thai = U"ภาษาไทยเป็นภาษาราชการ";
  const auto at = breaker.opportunities(thai);
  REQUIRE_FALSE(at.empty());
  for (std::size_t i : at) {
    // never inside a cluster: a combining vowel or tone mark (U+0E31, U+0E34..0E3A, U+0E47..0E4E) never starts a piece
    const char32_t c = thai[i];
    CHECK_FALSE(((c == 0x0E31) || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E)));
  }
  // "ภาษา" | "ไทย": a break after the first word.
  CHECK(std::find(at.begin(), at.end(), std::size_t{4}) != at.end());
  CHECK(needsUax14(U'ภ'));
  CHECK_FALSE(needsUax14(U'a'));
}
