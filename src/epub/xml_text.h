// XML-safe text for the EPUB: escaping that also sanitises (invalid UTF-8, characters XML 1.0
// forbids, C1 controls and noncharacters that EPUBCheck rejects), URL cleaning for href/src,
// ASCII-only ids and language-tag validation. Everything the EPUB writes passes through here.
#pragma once

#include <string>
#include <string_view>

namespace pp::epub {

// Escapes text content (& < >) after dropping what XML cannot carry.
std::string text(std::string_view s);
// Escapes an attribute value (also quotes).
std::string attr(std::string_view s);
// True when the code point may appear in an XHTML content document.
bool allowedChar(char32_t c);

// A URL that EPUBCheck accepts as a valid URI: characters outside RFC 3986 percent-encoded,
// a stray '%' encoded, only the first '#' kept as the fragment delimiter. Returns "" for URLs
// that must not be linked (javascript:, data:, vbscript:).
std::string cleanUrl(std::string_view url);
// True when the URL has a scheme ("https:", "mailto:").
bool hasScheme(std::string_view url);

// An id made of ASCII letters, digits, '-', '_' and '.' only; other characters become
// "_XXXX" (their code point in hex), so distinct inputs stay distinct. Never empty.
std::string asciiId(std::string_view s);

// BCP 47 well-formedness as EPUBCheck checks dc:language ("en", "pt-BR", "zh-Hant-TW").
bool validLanguageTag(std::string_view tag);

}  // namespace pp::epub
