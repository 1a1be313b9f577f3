#include <cctype>

#include "assets/resolve.h"
#include "postpress/text.h"

namespace pp::assets {

namespace {

int base64Value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;  // '-' and '_': the URL-safe alphabet
  if (c == '/' || c == '_') return 63;
  return -1;
}

bool decodeBase64(std::string_view in, std::string* out, std::string* error) {
  out->clear();
  out->reserve(in.size() / 4 * 3);
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (std::isspace(c)) continue;
    if (c == '=') break;
    int v = base64Value(c);
    if (v < 0) {
      if (error) *error = "invalid base64 in data: URI";
      return false;
    }
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
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
