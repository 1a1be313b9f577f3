#include <array>
#include <cctype>
#include <cstdint>

#include "assets/resolve.h"
#include "postpress/support/text.h"

namespace pp::assets {

namespace {

// What each byte is in base64 text: its 6-bit value, or one of these.
constexpr std::int8_t kInvalid = -1, kSpace = -2, kPad = -3;

constexpr std::array<std::int8_t, 256> base64Table() {
  std::array<std::int8_t, 256> t{};
  for (auto& v : t) v = kInvalid;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - 'A');
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - 'a' + 26);
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(c - '0' + 52);
  t['+'] = t['-'] = 62;  // '-' and '_': the URL-safe alphabet
  t['/'] = t['_'] = 63;
  for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[c] = kSpace;  // what isspace takes
  t['='] = kPad;
  return t;
}

// A table and a buffer written in place, not a byte at a time through isspace and push_back:
// a picture embedded as a data: URI is megabytes of text, decoded on every build, warm or
// cold, before the images are shared out to the workers.
bool decodeBase64(std::string_view in, std::string* out, std::string* error) {
  static constexpr std::array<std::int8_t, 256> kTable = base64Table();
  out->resize(in.size() / 4 * 3 + 3);
  char* o = out->data();
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char ch : in) {
    const std::int8_t v = kTable[static_cast<unsigned char>(ch)];
    if (v < 0) {
      if (v == kSpace) continue;
      if (v == kPad) break;
      out->clear();
      if (error) *error = "invalid base64 in data: URI";
      return false;
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *o++ = static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  out->resize(static_cast<std::size_t>(o - out->data()));
  return true;
}

}  // namespace

bool decodeDataUri(std::string_view uri, std::string* payload, std::string* mediaType, std::string* error,
                   std::uint64_t maxBytes) {
  // data:[<mediatype>][;base64],<data>
  if (uri.size() < 5 || !iequals(uri.substr(0, 5), "data:")) {
    if (error) *error = "not a data: URI";
    return false;
  }
  std::size_t comma = uri.find(',');
  if (comma == std::string_view::npos) {
    if (error) *error = "data: URI has no ',' before its payload";
    return false;
  }
  std::string_view meta = uri.substr(5, comma - 5);
  std::string_view body = uri.substr(comma + 1);
  // A base64 payload never decodes larger than 3/4 of its text; percent-encoding only shrinks.
  if (body.size() / 4 * 3 > maxBytes) {
    if (error) *error = "data: URI payload is larger than the file size limit";
    return false;
  }
  bool base64 = false;
  std::string type;
  for (auto& part : split(meta, ';')) {
    std::string p(trim(part));
    if (iequals(p, "base64")) base64 = true;
    else if (type.empty() && p.find('=') == std::string::npos) type = toLowerAscii(p);
  }
  if (mediaType) *mediaType = type.empty() ? "text/plain" : type;
  if (base64) {
    if (body.find('%') != std::string_view::npos) return decodeBase64(percentDecode(body), payload, error);
    return decodeBase64(body, payload, error);
  }
  *payload = percentDecode(body);
  return true;
}

}  // namespace pp::assets
