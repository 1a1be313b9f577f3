#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>
#include <optional>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/cjk.h"
#include "postpress/support/text.h"

using namespace pp;

TEST_CASE("utf8 validation rejects overlongs, surrogates and truncation") {
  CHECK(isValidUtf8("plain ascii"));
  CHECK(isValidUtf8("caf\xC3\xA9 \xF0\x9F\x9A\x80"));
  CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(isValidUtf8("abc\xE2\x82"));       // truncated
}

TEST_CASE("utf8 validation finds a bad byte wherever it sits among ASCII runs") {
  // The ASCII path reads eight bytes at a time: a bad sequence at every offset and alignment.
  for (std::size_t before = 0; before < 20; ++before)
    for (std::size_t after = 0; after < 12; ++after) {
      const std::string pad(before, 'a'), tail(after, 'z');
      CAPTURE(before);
      CAPTURE(after);
      CHECK(isValidUtf8(pad + "\xC3\xA9" + tail));
      CHECK(isValidUtf8(pad + "\xF0\x9F\x9A\x80" + tail));
      CHECK_FALSE(isValidUtf8(pad + "\xFF" + tail));
      CHECK_FALSE(isValidUtf8(pad + "\xC3" + tail));      // lead byte without its continuation
      CHECK_FALSE(isValidUtf8(pad + "\xED\xA0\x80" + tail));  // surrogate
      CHECK_FALSE(isValidUtf8(pad + "\x80" + tail));      // lone continuation byte
    }
}

TEST_CASE("sanitizeUtf8 replaces each bad sequence once and reports where") {
  std::size_t n = 0, at = 0;
  std::string out = sanitizeUtf8("ok\xFF\xFEthen\xE2\x82", &n, &at);
  CHECK(isValidUtf8(out));
  CHECK(at == 2);
  CHECK(n == 3);
  CHECK(out == "ok\xEF\xBF\xBD\xEF\xBF\xBDthen\xEF\xBF\xBD");
}

TEST_CASE("codepoints round-trip") {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  CHECK(toUtf8(toUtf32(s)) == s);
  CHECK(utf8Length(s) == 4);
  // ASCII alone, ASCII then more, more then ASCII, nothing; a surrogate or a value past
  // U+10FFFF becomes U+FFFD wherever it is.
  CHECK(toUtf8(U"plain words") == "plain words");
  CHECK(toUtf8(U"caf\u00E9 \U0001F600!") == "caf\xC3\xA9 \xF0\x9F\x98\x80!");
  CHECK(toUtf8(U"\u20ACuro") == "\xE2\x82\xACuro");
  CHECK(toUtf8(U"").empty());
  CHECK(toUtf8(std::u32string{U'a', char32_t{0xD800}, U'b', char32_t{0x110000}}) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST_CASE("capitals in every script that has them, one code point for one") {
  CHECK(upperCase(U"in this digest") == U"IN THIS DIGEST");
  CHECK(upperCase(U"à côté, ÿ") == U"À CÔTÉ, Ÿ");
  CHECK(upperCase(U"у цьому дайджесті") == U"У ЦЬОМУ ДАЙДЖЕСТІ");  // Ukrainian
  CHECK(upperCase(U"σε αυτό") == U"ΣΕ ΑΥΤΌ");                     // Greek
  CHECK(upperCase(U"straße") == U"STRAßE");  // the simple mapping: no "SS", offsets hold
  // Scripts without case, digits and marks are left as they are.
  CHECK(upperCase(U"في هذا الملخص ١٢ 本期 २") == U"في هذا الملخص ١٢ 本期 २");
}

TEST_CASE("matchKey treats dash, underscore and spaces alike, case-insensitively") {
  CHECK(matchKey("Machine-Learning") == "machine learning");
  CHECK(matchKey(" machine_learning ") == "machine learning");
  CHECK(matchKey("Machine  Learning") == "machine learning");
  CHECK(matchKey("KServe") == "kserve");
}

TEST_CASE("slugify and escaping") {
  CHECK(slugify("Hello, World! 2025") == "hello-world-2025");
  CHECK(slugify("  --Already-slugged--") == "already-slugged");
  CHECK(xmlEscape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  CHECK(percentDecode("image%20(1).jpeg") == "image (1).jpeg");
  CHECK(percentDecode("100%") == "100%");
  CHECK(percentEncodeUri("https://x.org/a b/é") == "https://x.org/a%20b/%C3%A9");
}

TEST_CASE("word counting counts CJK ideographs one by one") {
  CHECK(countWords("The quick brown fox's tail.") == 5);
  CHECK(countWords("\xE4\xB8\xAD\xE6\x96\x87 text") == 3);
}

TEST_CASE("CJK text breaks around punctuation and fullwidth forms, which are not words") {
  for (char32_t c : {U'\u3042', U'\u4E2D', U'\uAC00', U'\U00020000'}) {  // あ 中 가, Extension B
    CHECK(isCjk(c));
    CHECK(isCjkWord(c));
  }
  for (char32_t c : {U'\u3002', U'\u3001', U'\uFF0C', U'\u2E80'}) {  // 。 、 ， a radical
    CHECK(isCjk(c));
    CHECK_FALSE(isCjkWord(c));
  }
  for (char32_t c : {U'a', U'\u00E9', U'\u0416', U'\u2014'}) {
    CHECK_FALSE(isCjk(c));
    CHECK_FALSE(isCjkWord(c));
  }
  CHECK(countWords("\xE4\xB8\xAD\xE3\x80\x82\xE6\x96\x87") == 2);  // 中。文: the full stop is no word
}

TEST_CASE("word counting's ASCII path agrees with counting every character decoded") {
  // The reference: the definition (letters, digits and the apostrophe in ASCII; letters from
  // U+00C0 outside punctuation and symbol blocks; CJK ideographs one by one).
  auto reference = [](std::string_view s) {
    std::size_t words = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < s.size();) {
      const char32_t c = nextCodepoint(s, i);
      const bool cjk = (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
      const bool word = c < 0x80 ? (std::isalnum(static_cast<int>(c)) != 0 || c == '\'')
                                 : c >= 0xC0 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
      if (cjk) {
        ++words;
        inWord = false;
      } else {
        if (word && !inWord) ++words;
        inWord = word;
      }
    }
    return words;
  };
  const std::string pieces[] = {"a", "Z", "0", "9", "'", " ", "-", "_", "@", "`", "{", "[", "/", ":", "\t",
                                "\xC3\xA9", "\xE2\x80\x94", "\xE4\xB8\xAD", "\xED\x95\x9C", "\xF0\x9F\x9A\x80"};
  std::uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(state % 12);
    for (int k = 0; k < n; ++k) {
      state = state * 1664525u + 1013904223u;
      s += pieces[(state >> 16) % std::size(pieces)];
    }
    state = state * 1664525u + 1013904223u;
    CHECK_MESSAGE(countWords(s) == reference(s), s);
  }
  for (int c = 1; c < 128; ++c) {
    const std::string one(1, static_cast<char>(c));
    CHECK_MESSAGE(countWords(one) == reference(one), c);
  }
}

TEST_CASE("clampUnder clamps .. at the root like a browser") {
  fs::path root = "/site";
  CHECK(clampUnder(root, "../../../../img/a.png") == fs::path("/site/img/a.png"));
  CHECK(clampUnder(root, "a/./b/../c.png") == fs::path("/site/a/c.png"));
  CHECK(clampUnder(root, "/etc/passwd") == fs::path("/site/etc/passwd"));
}

TEST_CASE("atomic writes leave the target untouched on failure") {
  fs::path dir = fs::temp_directory_path() / "pp-atomic-test";
  fs::remove_all(dir);  // left over from an interrupted run
  fs::create_directories(dir);
  fs::path target = dir / "out.txt";
  REQUIRE(writeFileAtomic(target, "first"));
  CHECK(readFile(target).value() == "first");
  std::string err;
  CHECK_FALSE(writeFileAtomic(dir / "missing-dir" / "x.txt", "data", &err));
  CHECK_FALSE(err.empty());
  if (fs::exists("/dev/full")) {
    // A full disk: the write fails and nothing is left behind.
    CHECK_FALSE(writeFileAtomic("/dev/full", "data", &err));
    CHECK(fs::is_character_file("/dev/full"));  // written in place, never replaced
    fs::create_symlink("/dev/full", dir / "full-link");
    CHECK_FALSE(writeFileAtomic(dir / "full-link", "data", &err));
    CHECK(fs::is_symlink(dir / "full-link"));
  }
  CHECK(readFile(target).value() == "first");
  // Through a symbolic link (also one to a file not yet written): the link stays.
  fs::create_symlink("later.txt", dir / "link.txt");
  REQUIRE(writeFileAtomic(dir / "link.txt", "via link"));
  CHECK(fs::is_symlink(dir / "link.txt"));
  CHECK(readFile(dir / "later.txt").value() == "via link");
  fs::remove_all(dir);
}

TEST_CASE("atomic writes in pieces: all of them, or nothing when the source fails") {
  fs::path dir = fs::temp_directory_path() / "pp-atomic-pieces-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path target = dir / "out.bin";
  const std::vector<std::string> pieces = {"one ", "two ", std::string(3u << 20, 'x'), "end"};
  std::size_t next = 0;
  REQUIRE(writeFileAtomicPieces(target, [&]() -> std::optional<std::string_view> {
    if (next == pieces.size()) return std::string_view();
    return std::string_view(pieces[next++]);
  }));
  CHECK(readFile(target).value() == pieces[0] + pieces[1] + pieces[2] + pieces[3]);
  // The source fails half way: the earlier file stays, and no temporary is left.
  int calls = 0;
  std::string err;
  CHECK_FALSE(writeFileAtomicPieces(
      target,
      [&]() -> std::optional<std::string_view> {
        if (++calls == 3) return std::nullopt;
        return std::string_view("partial ");
      },
      &err));
  CHECK_FALSE(err.empty());
  CHECK(readFile(target).value() == pieces[0] + pieces[1] + pieces[2] + pieces[3]);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);
  fs::remove_all(dir);
}

TEST_CASE("hashes are stable and uuid-shaped") {
  CHECK(contentHash("abc") == contentHash("abc"));
  CHECK(contentHash("abc") != contentHash("abd"));
  CHECK(contentHash("abc").size() == 32);
  Hasher a, b;
  a.field("ab");
  a.field("c");
  b.field("a");
  b.field("bc");
  CHECK(a.hex() != b.hex());
  std::string u = uuidFromHash(contentHash("x"));
  CHECK(u.size() == 36);
  CHECK(u[14] == '5');
}

TEST_CASE("percentEncodeUri's path mode makes a reference to the very file") {
  CHECK(percentEncodeUri("blog/_posts/a b#1?.md", UriText::PathOnly) == "blog/_posts/a%20b%231%3F.md");
  CHECK(percentEncodeUri("posts/100%.md", UriText::PathOnly) == "posts/100%25.md");
  CHECK(percentEncodeUri("blog/été.md", UriText::PathOnly) == "blog/%C3%A9t%C3%A9.md");
  CHECK(percentEncodeUri("https://x.org/a?b#c") == "https://x.org/a?b#c");  // a URI keeps its '?' and '#'
}

TEST_CASE("expandTabs stops at every fourth character of the line") {
  CHECK(expandTabs("\tx") == "    x");
  CHECK(expandTabs("ab\tc\td") == "ab  c   d");
  CHECK(expandTabs("\u00e9\u00e9\u00e9\tz") == "\u00e9\u00e9\u00e9 z");  // columns are characters, not bytes
  CHECK(expandTabs("abcd\t\nx\ty") == "abcd    \nx   y");                   // a line break starts again
  CHECK(expandTabs("no tabs") == "no tabs");
}
