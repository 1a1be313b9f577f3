#include "pdf/document_metadata.h"

#include <hpdf_doc.h>
#include <hpdf_version.h>

#include <algorithm>
#include <ctime>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"
#include "pdf/text_strings.h"

namespace pp::pdf {

namespace {

// Long lists are cut at a whole item (a 2,000-post digest has hundreds of authors); Info and
// XMP carry the same cut list. In UTF-16 the Info string stays far below PDF's 32,767 bytes.
constexpr std::size_t kListBytes = 4000;

// What both Info and XMP can carry: valid UTF-8, no C0/C1 controls (a line break becomes a
// space), no noncharacters XML forbids, spaces collapsed.
std::string cleanText(std::string_view raw) {
  const std::string s = isValidUtf8(raw) ? std::string(raw) : sanitizeUtf8(raw);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = nextCodepoint(s, i);
    if (c < 0x20) c = ' ';
    if ((c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) continue;
    appendUtf8(out, c);
  }
  return std::string(trim(collapseSpaces(out)));
}

// Each value once (compared as matchKey does: case and accents aside), in order, while the
// joined list fits kListBytes.
std::vector<std::string> uniqueList(const std::vector<std::string>& items) {
  std::vector<std::string> out, seen;
  std::size_t bytes = 0;
  for (const std::string& raw : items) {
    std::string item = cleanText(raw);
    if (item.empty()) continue;
    const std::string key = matchKey(item);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    bytes += item.size() + 2;
    if (bytes > kListBytes) break;
    seen.push_back(key);
    out.push_back(std::move(item));
  }
  return out;
}

// BCP 47's shape, as ISO 14289-1 7.2 expects of /Lang: letters, then subtags of 1-8 letters
// or digits.
bool languageTag(std::string_view tag) {
  std::size_t start = 0;
  for (std::size_t n = 0; start <= tag.size(); ++n) {
    const std::size_t end = std::min(tag.find('-', start), tag.size());
    const std::string_view part = tag.substr(start, end - start);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && (n == 0 || c < '0' || c > '9')) return false;
    }
    if (n == 0 && part.size() < 2) return false;
    start = end + 1;
  }
  return true;
}

std::tm utc(long long epoch) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&t, &tm);
  tm.tm_sec = std::min(tm.tm_sec, 59);  // a leap second: PDF dates stop at 59
  return tm;
}

HPDF_Date pdfDate(long long epoch) {
  const std::tm tm = utc(epoch);
  HPDF_Date d{};
  d.year = tm.tm_year + 1900;
  d.month = tm.tm_mon + 1;
  d.day = tm.tm_mday;
  d.hour = tm.tm_hour;
  d.minutes = tm.tm_min;
  d.seconds = tm.tm_sec;
  d.ind = 'Z';
  return d;
}

std::string xmpDate(long long epoch) {
  const std::tm tm = utc(epoch);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool addBinary(HpdfDoc& doc, HPDF_Dict dict, const char* key, const std::string& bytes) {
  HPDF_Doc pdf = doc.get();
  auto* data = reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data()));
  HPDF_Binary value = HPDF_Binary_New(pdf->mmgr, data, static_cast<HPDF_UINT>(bytes.size()));
  return value && HPDF_Dict_Add(dict, key, value) == HPDF_OK;
}

bool writeInfo(HpdfDoc& doc, const DocumentFacts& facts) {
  HPDF_Doc pdf = doc.get();
  const HPDF_Date date = pdfDate(facts.epoch);
  // The dates also make libharu create the Info dictionary, which the texts then go into.
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  if (doc.failed() || !pdf->info) return false;
  const std::pair<const char*, std::string> texts[] = {
      {"Title", facts.title},          {"Author", joinWith(facts.creators, ", ")}, {"Subject", facts.description},
      {"Keywords", facts.keywords},    {"Creator", facts.creatorTool},     {"Producer", facts.producer},
  };
  bool ok = true;
  for (const auto& [key, value] : texts)
    if (!value.empty()) ok = addBinary(doc, pdf->info, key, utf16TextBytes(value)) && ok;
  return ok && !doc.failed();
}

bool writeXmp(HpdfDoc& doc, const DocumentFacts& facts, const PdfStandards& standards) {
  HPDF_Doc pdf = doc.get();
  XmpFields fields = facts;
  fields.pdfua = standards.ua1 && isTagged(doc);
  fields.pdfaLevel = standards.pdfaLevel;
  const std::string packet = xmpPacket(fields);
  // Unfiltered, so that a reader that does not parse PDF finds the packet (libharu compresses
  // only the streams it makes itself under HPDF_COMP_ALL).
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!stream) return false;
  stream->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Dict_AddName(stream, "Type", "Metadata");
  HPDF_Dict_AddName(stream, "Subtype", "XML");
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                    static_cast<HPDF_UINT>(packet.size()));
  return HPDF_Dict_Add(pdf->catalog, "Metadata", stream) == HPDF_OK && !doc.failed();
}

bool writeCatalogEntries(HpdfDoc& doc, const DocumentFacts& facts) {
  HPDF_Doc pdf = doc.get();
  if (!facts.language.empty())
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, facts.language.c_str(), nullptr));
  return !doc.failed();
}

// libharu's HPDF_SetViewerPreference knows only the hide/fit/center flags. Viewers show the
// title rather than the file name (ISO 14289-1 7.1) under a standard; a right-to-left book's
// pages face each other right to left (ISO 32000-1 12.2, /Direction /R2L), as it is bound.
bool writeViewerPreferences(HpdfDoc& doc, bool displayTitle, bool rightToLeft) {
  if (!displayTitle && !rightToLeft) return true;
  HPDF_Doc pdf = doc.get();
  HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
  if (!prefs) return false;
  if (displayTitle) HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  if (rightToLeft) HPDF_Dict_AddName(prefs, "Direction", "R2L");
  HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs);
  return !doc.failed();
}

}  // namespace

DocumentFacts documentFacts(const Publication& pub) {
  DocumentFacts facts;
  facts.title = cleanText(pub.title);
  if (facts.title.empty()) facts.title = "Digest";
  std::vector<std::string> authors, tags;
  for (const auto& p : pub.posts) {
    if (!p.post) continue;
    authors.insert(authors.end(), p.post->authors.begin(), p.post->authors.end());
    tags.insert(tags.end(), p.post->tags.begin(), p.post->tags.end());
  }
  facts.creators = uniqueList(authors);
  facts.keywords = joinWith(uniqueList(tags), ", ");
  facts.description = cleanText(pub.period);
  const std::string language(trim(pub.language));
  if (languageTag(language)) facts.language = language;
  facts.creatorTool = std::string("postpress ") + versionString();
  facts.producer = facts.creatorTool + " (libharu " HPDF_VERSION_TEXT ")";
  facts.epoch = pub.buildEpoch;
  facts.rightToLeft = pub.locale && pub.locale->rightToLeft();
  facts.date = xmpDate(pub.buildEpoch);
  return facts;
}

bool isTagged(HpdfDoc& doc) {
  HPDF_Dict catalog = doc.get()->catalog;
  for (HPDF_UINT i = 0; i < catalog->list->count; ++i) {
    const auto* element = static_cast<const HPDF_DictElement_Rec*>(HPDF_List_ItemAt(catalog->list, i));
    if (std::string_view(element->key) == "StructTreeRoot") return true;
  }
  return false;
}

bool writeDocumentMetadata(HpdfDoc& doc, const DocumentFacts& facts, const PdfStandards& standards,
                           DiagnosticSink& diags) {
  bool ok = writeInfo(doc, facts);
  if (ok && standards.any()) {
    ok = writeXmp(doc, facts, standards) && writeCatalogEntries(doc, facts);
    doc.get()->pdf_version = HPDF_VER_17;  // ISO 14289-1 5; PDF/A-2 allows it too
  }
  ok = ok && writeViewerPreferences(doc, standards.any(), facts.rightToLeft);
  if (!ok) {
    diags.error({}, "pdf-metadata", "cannot write the document's metadata: " + doc.lastError());
    doc.reset();
  }
  return ok;
}

bool writeFileIdentifier(HpdfDoc& doc, const DocumentFacts& facts, DiagnosticSink& diags) {
  Hasher hash;
  hash.field(facts.title);
  doc.hashKept(hash);
  const std::string hex = hash.hex();
  std::string id;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) id += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  HPDF_Doc pdf = doc.get();
  HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
  bool ok = ids && HPDF_Dict_Add(pdf->trailer, "ID", ids) == HPDF_OK;
  for (int i = 0; ok && i < 2; ++i) {
    auto* data = reinterpret_cast<HPDF_BYTE*>(id.data());
    HPDF_Binary half = HPDF_Binary_New(pdf->mmgr, data, static_cast<HPDF_UINT>(id.size()));
    ok = half && HPDF_Array_Add(ids, half) == HPDF_OK;
  }
  if (!ok || doc.failed()) {
    diags.error({}, "pdf-metadata", "cannot write the file identifier: " + doc.lastError());
    doc.reset();
    return false;
  }
  return true;
}

}  // namespace pp::pdf
