// wrapText (book/draw.cpp) finds each line's words by bisection; it must break exactly where
// adding words one at a time and measuring the line each time would.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "postpress/typeset.h"
#include "postpress/support/text.h"
#include "book/book_parts.h"

using namespace pp;

namespace {

// Measures like a font: a width per character, kerning for some pairs; counts its measures.
class MeasuringComposer : public Composer {
 public:
  explicit MeasuringComposer(const Style& s) : style_(s) {}
  const Style& style() const override { return style_; }
  std::string pageOf(const std::string&) const override { return ""; }
  void heading(const std::string&, int, const std::string&, bool) override {}
  void paragraph(const std::vector<Inline>&, const TextStyle&, const ParagraphOptions&) override {}
  void blocks(const std::vector<Block>&) override {}
  void entry(const std::vector<Inline>&, const std::string&, const TextStyle&, float) override {}
  void space(float) override {}
  void rule(Color, float) override {}
  void newPage() override {}
  void box(float, std::function<void(Canvas&)>) override {}
  void anchor(const std::string&) override {}
  void needSpace(float) override {}
  void keepWithNext() override {}
  std::int32_t openNode(StructNode) override { return 0; }
  void closeNode() override {}
  float textWidth(const std::string& utf8, const TextStyle&) override {
    ++measures;
    float w = 0;
    char prev = 0;
    for (char c : utf8) {
      w += c == ' ' ? 2.5f : c == 'm' || c == 'w' ? 8.0f : c == 'i' || c == 'l' ? 2.0f : 5.0f;
      if ((prev == 'A' && c == 'V') || (prev == 'T' && c == 'o')) w -= 1.2f;  // kerning
      prev = c;
    }
    return w;
  }
  int measures = 0;

 private:
  const Style& style_;
};

// What wrapText did before: one measure per word.
std::vector<std::string> wrapOneByOne(MeasuringComposer& c, const std::vector<std::string>& words, float width) {
  std::vector<std::string> lines;
  std::string line;
  TextStyle ts;
  for (const std::string& word : words) {
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (c.textWidth(candidate, ts) <= width) {
      line = candidate;
      continue;
    }
    if (!line.empty()) lines.push_back(line + ' ');  // broken at a space: it keeps it
    line.clear();
    if (c.textWidth(word, ts) <= width) {
      line = word;
    } else {  // cut by characters, each piece as long as fits (at least one character)
      std::string piece;
      for (char ch : word) {
        if (!piece.empty() && c.textWidth(piece + ch, ts) > width) {
          lines.push_back(piece);
          piece.clear();
        }
        piece += ch;
      }
      line = piece;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("wrapText breaks where measuring word by word would, with fewer measures") {
  Style st;
  TextStyle ts;
  std::mt19937 rng(7);
  const char* alphabet = "AVToimlwxyzabc";
  int ours = 0, theirs = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::string> words;
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      // Mostly short words, now and then one longer than a narrow line.
      const int len = rng() % 12 == 0 ? 20 + static_cast<int>(rng() % 30) : 1 + static_cast<int>(rng() % 9);
      std::string w;
      for (int j = 0; j < len; ++j) w += alphabet[rng() % 14];
      words.push_back(w);
      text += (k ? (rng() % 5 == 0 ? "  " : " ") : "") + w;
    }
    const float width = 30.0f + static_cast<float>(rng() % 300);
    MeasuringComposer a(st), b(st);
    const std::vector<std::string> got = book::wrapText(a, text, ts, width);
    const std::vector<std::string> want = wrapOneByOne(b, words, width);
    REQUIRE(got == want);
    ours += a.measures;
    theirs += b.measures;
  }
  CHECK(ours < theirs);
}

TEST_CASE("wrapText cuts CJK text where the body's lines would break, never inside a Latin word") {
  Style style;
  MeasuringComposer c(style);
  TextStyle ts;
  ts.size = 10;
  // A summary in Japanese with product names and no spaces: wider than the line, so it is cut.
  const std::string ja =
      "OpenTelemetryは、クラウドネイティブなソフトウェアのための観測可能性フレームワークです。"
      "KubeVelaとKubernetesを使い、「トレース」を収集します。SSL証明書の有効期限も監視します。";
  for (float width : {75.0f, 85.0f, 130.0f}) {  // "OpenTelemetry" measures 65
    const std::vector<std::string> lines = book::wrapText(c, ja, ts, width);
    REQUIRE(lines.size() > 2);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      const std::u32string a = toUtf32(lines[i]), b = toUtf32(lines[i + 1]);
      const auto latin = [](char32_t ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'); };
      CHECK_MESSAGE(!(latin(a.back()) && latin(b.front())), lines[i] << " / " << lines[i + 1]);
      CHECK_MESSAGE(b.front() != U'、', lines[i + 1]);
      CHECK_MESSAGE(b.front() != U'。', lines[i + 1]);
    }
  }
}
