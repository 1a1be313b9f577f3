// Reading the bytes of a post: BOM, line ends, UTF-8, and the front matter block.
#include "site/frontmatter.h"

#include <algorithm>
#include <cctype>

#include "postpress/support/text.h"

namespace pp::site {

namespace {

// Line and column (in code points, 1-based) of a byte offset in text.
void lineColAt(std::string_view text, std::size_t offset, int& line, int& col) {
  line = 1;
  col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
}

// The line starting at pos (without its '\n') and the position after it.
std::string_view lineAt(std::string_view text, std::size_t pos, std::size_t& next) {
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) {
    next = text.size();
    return text.substr(pos);
  }
  next = end + 1;
  return text.substr(pos, end - pos);
}

// A delimiter line: the marker, then nothing but spaces or tabs.
bool isDelimiter(std::string_view line, std::string_view marker) {
  if (!startsWith(line, marker)) return false;
  for (char c : line.substr(marker.size())) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

const char* formatName(FrontMatterFormat f) {
  switch (f) {
    case FrontMatterFormat::Yaml: return "YAML";
    case FrontMatterFormat::Toml: return "TOML";
    case FrontMatterFormat::Json: return "JSON";
    case FrontMatterFormat::None: break;
  }
  return "";
}

const char* formatCode(FrontMatterFormat f) {
  switch (f) {
    case FrontMatterFormat::Yaml: return "frontmatter-yaml";
    case FrontMatterFormat::Toml: return "frontmatter-toml";
    case FrontMatterFormat::Json: return "frontmatter-json";
    case FrontMatterFormat::None: break;
  }
  return "frontmatter";
}

}  // namespace

std::string normaliseText(std::string_view raw, const std::string& path, DiagnosticSink& diags) {
  if (startsWith(raw, "\xEF\xBB\xBF")) raw.remove_prefix(3);
  std::string text;
  if (raw.find('\r') == std::string_view::npos) {
    text.assign(raw);  // the common case: nothing to convert
  } else {
    text.reserve(raw.size());
  }
  for (std::size_t i = text.empty() ? 0 : raw.size(); i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r') {
      text += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      text += c;
    }
  }
  if (isValidUtf8(text)) return text;
  std::size_t replaced = 0, firstBad = 0;
  std::string clean = sanitizeUtf8(text, &replaced, &firstBad);
  int line = 0, col = 0;
  lineColAt(text, firstBad, line, col);
  diags.warning({path, line, col}, "utf8-invalid",
                "invalid UTF-8: " + std::to_string(replaced) +
                    (replaced == 1 ? " byte sequence" : " byte sequences") +
                    " replaced with U+FFFD (first here)");
  return clean;
}

bool splitFrontMatter(std::string_view text, const std::string& path, bool allowJson,
                      FrontMatter& out, DiagnosticSink& diags) {
  out = FrontMatter{};
  out.data.kind = Meta::Kind::Map;
  std::size_t next = 0;
  std::string_view first = lineAt(text, 0, next);
  std::string_view closeA, closeB;
  if (isDelimiter(first, "---")) {
    out.format = FrontMatterFormat::Yaml;
    closeA = "---";
    closeB = "...";
  } else if (isDelimiter(first, "+++")) {
    out.format = FrontMatterFormat::Toml;
    closeA = closeB = "+++";
  } else if (allowJson && isDelimiter(first, "{")) {
    out.format = FrontMatterFormat::Json;
    closeA = closeB = "}";
  } else {
    out.body = std::string(text);
    out.bodyLine = 1;
    return true;
  }
  out.openLine = 1;

  // Find the closing delimiter line.
  std::size_t contentStart = next;
  std::size_t pos = next;
  int line = 2;
  std::size_t closeStart = std::string_view::npos, afterClose = 0;
  while (pos < text.size()) {
    std::size_t after = 0;
    std::string_view l = lineAt(text, pos, after);
    if (isDelimiter(l, closeA) || isDelimiter(l, closeB)) {
      closeStart = pos;
      afterClose = after;
      break;
    }
    pos = after;
    ++line;
  }
  if (closeStart == std::string_view::npos) {
    diags.error({path, 1, 1}, "frontmatter-unclosed",
                std::string(formatName(out.format)) + " front matter opened with `" +
                    std::string(first) + "` is never closed");
    return false;
  }

  Meta data;
  MetaError err;
  bool ok = false;
  switch (out.format) {
    case FrontMatterFormat::Yaml:
      ok = parseYaml(text.substr(contentStart, closeStart - contentStart), 2, data, err);
      break;
    case FrontMatterFormat::Toml:
      ok = parseToml(text.substr(contentStart, closeStart - contentStart), 2, data, err);
      break;
    case FrontMatterFormat::Json:
      // The braces are part of the JSON object.
      ok = parseYaml(text.substr(0, afterClose), 1, data, err);
      break;
    case FrontMatterFormat::None: break;
  }
  if (!ok) {
    diags.error({path, err.line, err.col}, formatCode(out.format),
                "malformed " + std::string(formatName(out.format)) + " front matter: " +
                    err.message);
    return false;
  }
  if (data.isNull()) {
    data.kind = Meta::Kind::Map;  // `---\n---` is an empty front matter
  } else if (!data.isMap()) {
    diags.error({path, 2, 1}, formatCode(out.format),
                std::string(formatName(out.format)) + " front matter is not a set of `key: value` pairs");
    return false;
  }
  out.data = std::move(data);
  out.body = std::string(text.substr(afterClose));
  out.bodyLine = line + 1;
  return true;
}

bool splitMetadataHeader(std::string_view text, FrontMatter& out) {
  FrontMatter result;
  result.data.kind = Meta::Kind::Map;
  std::size_t pos = 0, bodyStart = text.size();
  int line = 1, bodyLine = 0;
  std::string lastKey;
  while (pos < text.size()) {
    std::size_t next = 0;
    std::string_view l = lineAt(text, pos, next);
    if (trim(l).empty()) {  // the header ends at the first blank line
      bodyStart = next;
      bodyLine = line + 1;
      break;
    }
    std::size_t indent = 0;
    while (indent < l.size() && indent < 4 && l[indent] == ' ') ++indent;
    std::size_t colon = l.find(':');
    bool keyLine = indent < 4 && colon != std::string_view::npos && colon > indent;
    for (std::size_t i = indent; keyLine && i < colon; ++i) {
      char c = l[i];
      keyLine = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    }
    if (keyLine) {
      lastKey = toLowerAscii(l.substr(indent, colon - indent));
      Meta value;
      value.kind = Meta::Kind::Scalar;
      value.text = std::string(trim(l.substr(colon + 1)));
      value.line = line;
      value.col = static_cast<int>(colon) + 2;
      result.data.set(lastKey, std::move(value), line, static_cast<int>(indent) + 1);
    } else if (!lastKey.empty() && (startsWith(l, "    ") || startsWith(l, "\t"))) {
      Meta& value = result.data.values.back();  // a continuation of the last value
      value.text += (value.text.empty() ? "" : " ") + std::string(trim(l));
    } else {
      if (lastKey.empty()) return false;
      bodyStart = pos;  // a line that is no metadata starts the body
      bodyLine = line;
      break;
    }
    pos = next;
    ++line;
  }
  if (lastKey.empty()) return false;
  if (bodyLine == 0) bodyLine = line;
  result.body = std::string(text.substr(std::min(bodyStart, text.size())));
  result.bodyLine = bodyLine;
  result.openLine = 1;
  out = std::move(result);
  return true;
}

bool parseConfigText(std::string_view text, const std::string& path, Meta& out,
                     DiagnosticSink& diags) {
  MetaError err;
  bool toml = endsWith(toLowerAscii(path), ".toml");
  bool ok = toml ? parseToml(text, 1, out, err) : parseYaml(text, 1, out, err);
  if (!ok) {
    diags.error({path, err.line, err.col}, "config-syntax",
                std::string("malformed ") + (toml ? "TOML" : "YAML") + " config: " + err.message);
    return false;
  }
  if (out.isNull()) out.kind = Meta::Kind::Map;
  if (!out.isMap()) {
    diags.error({path, 1, 1}, "config-syntax", "config is not a set of `key: value` pairs");
    return false;
  }
  return true;
}

}  // namespace pp::site
