// Character classes of Chinese, Japanese and Korean text, shared by word counting (reading
// time) and line breaking.
#pragma once

namespace pp {

// Text of the CJK blocks (radicals, CJK symbols and punctuation, kana, Bopomofo, ideographs
// in every plane, Hangul syllables, halfwidth and fullwidth forms): written without spaces,
// so a line may break between any two of these characters.
bool isCjk(char32_t c);
// The characters of isCjk that a reader counts as one word each: kana, ideographs (up to
// Extension F) and Hangul syllables; not punctuation, symbols, radicals or fullwidth forms.
bool isCjkWord(char32_t c);

}  // namespace pp
