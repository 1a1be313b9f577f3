// KateEngine: an AbstractHighlighter over one Repository. Kate works on UTF-16 QStrings; the
// spans it reports are mapped back to byte offsets of the UTF-8 line.
// The Kate engine, built as the module pp_kate.so (see highlight/kate_engine.h for why).
#include "highlight/kate_engine.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <QHash>
#include <QString>

#include <system_error>

#include "highlight/module/token_classes.h"
#include "postpress/support/text.h"

namespace pp::highlight {

namespace {

namespace ksh = KSyntaxHighlighting;

// Bytes of the UTF-8 sequence a lead byte starts (1 for a byte that starts none).
std::size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Decodes `line` into UTF-16 `text`, recording for each UTF-16 unit the byte offset where its
// character starts (and the line's length after the last). An ill-formed sequence becomes one
// U+FFFD per byte, so that any bytes map somewhere.
void decodeLine(std::string_view line, QString& text, std::vector<std::uint32_t>& byteOf) {
  text.resize(0);
  byteOf.clear();
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t start = i;
    const std::size_t n = sequenceLength(static_cast<unsigned char>(line[i]));
    char32_t cp = 0xFFFD;
    if (n == 1) {
      cp = static_cast<unsigned char>(line[i]) < 0x80 ? static_cast<unsigned char>(line[i]) : 0xFFFD;
      ++i;
    } else if (start + n <= line.size() && isValidUtf8(line.substr(start, n))) {
      cp = nextCodepoint(line, i);
    } else {
      ++i;
    }
    if (cp >= 0x10000) {
      const char32_t v = cp - 0x10000;
      text.append(QChar(static_cast<char16_t>(0xD800 + (v >> 10))));
      text.append(QChar(static_cast<char16_t>(0xDC00 + (v & 0x3FF))));
      byteOf.push_back(static_cast<std::uint32_t>(start));
      byteOf.push_back(static_cast<std::uint32_t>(start));
    } else {
      text.append(QChar(static_cast<char16_t>(cp)));
      byteOf.push_back(static_cast<std::uint32_t>(start));
    }
  }
  byteOf.push_back(static_cast<std::uint32_t>(line.size()));
}

bool isAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

namespace {

struct Highlighting : ksh::AbstractHighlighter {
  ksh::Repository repository;  // Kate's bundled definitions
  // Kate's plus ours (dataDir/syntax), made when a definition Kate lacks is first asked for:
  // adding a search path reloads every definition, which would double an engine's cost
  // (bench/results.md) for the many blocks that need none of ours.
  std::filesystem::path dataDir;
  std::unique_ptr<ksh::Repository> withOurs;
  ksh::State state;
  std::string definitionName;              // UTF-8, for the format overrides
  std::vector<std::int8_t> classOfFormat;  // by Format::id(); -1 = not looked up yet
  QHash<QString, QString> nameOfLowerName; // built on the first selectByWord
  // The line being highlighted.
  QString text;
  std::vector<std::uint32_t> byteOf;  // empty: ASCII line, UTF-16 index = byte offset
  std::vector<CodeSpan>* out = nullptr;
  std::uint32_t base = 0;

  bool use(const ksh::Definition& d) {
    if (!d.isValid()) return false;
    if (definition() != d) {
      setDefinition(d);
      definitionName = d.name().toStdString();
      classOfFormat.clear();
    }
    state = ksh::State();
    return true;
  }

  TokenClass classOf(const ksh::Format& format) {
    if (!format.isValid()) return TokenClass::Plain;
    const std::size_t id = format.id();
    if (id >= classOfFormat.size()) classOfFormat.resize(id + 1, -1);
    if (classOfFormat[id] < 0)
      classOfFormat[id] = static_cast<std::int8_t>(
          tokenClassOf(definitionName, format.name().toStdString(), format.textStyle()));
    return static_cast<TokenClass>(classOfFormat[id]);
  }

  ksh::Repository* ours() {
    if (!withOurs && !dataDir.empty()) {
      withOurs = std::make_unique<ksh::Repository>();
      withOurs->addCustomSearchPath(QString::fromStdString(dataDir.string()));
    }
    return withOurs.get();
  }

  // The definition `find` finds in Kate's repository, else in the one with ours.
  template <typename Find>
  bool useFound(Find find) {
    if (use(find(repository))) return true;
    ksh::Repository* r = ours();
    return r && use(find(*r));
  }

  void highlightText() { state = highlightLine(QStringView(text), state); }

  void applyFormat(int offset, int length, const ksh::Format& format) override {
    if (length <= 0 || offset < 0 || offset >= text.size()) return;
    const TokenClass token = refineOperator(
        classOf(format), std::u16string_view(reinterpret_cast<const char16_t*>(text.constData()) + offset,
                                             static_cast<std::size_t>(std::min(length, static_cast<int>(text.size()) - offset))));
    if (token == TokenClass::Plain) return;
    auto byteAt = [&](std::size_t unit) {
      if (byteOf.empty()) return static_cast<std::uint32_t>(unit);
      return byteOf[std::min(unit, byteOf.size() - 1)];
    };
    const std::uint32_t from = base + byteAt(static_cast<std::size_t>(offset));
    const std::uint32_t to = base + byteAt(static_cast<std::size_t>(offset) + static_cast<std::size_t>(length));
    if (to <= from) return;
    if (!out->empty() && out->back().token == token && out->back().begin + out->back().length == from) {
      out->back().length += to - from;
      return;
    }
    out->push_back({from, to - from, token});
  }
};

// The engine: one repository and its highlighter per engine.
class QtKateEngine final : public KateEngine {
 public:
  explicit QtKateEngine(const std::filesystem::path& dataDir) {
    std::error_code ec;
    if (!dataDir.empty() && std::filesystem::is_directory(dataDir / "syntax", ec)) im_.dataDir = dataDir;
  }

  bool select(std::string_view name) override {
    const QString n = QString::fromUtf8(name.data(), static_cast<int>(name.size()));
    return im_.useFound([&](ksh::Repository& r) { return r.definitionForName(n); });
  }

  bool selectByWord(std::string_view word) override {
    if (im_.nameOfLowerName.isEmpty())
      for (const ksh::Definition& d : im_.repository.definitions())
        if (!d.isHidden()) im_.nameOfLowerName.insert(d.name().toLower(), d.name());
    const QString w = QString::fromUtf8(word.data(), static_cast<int>(word.size()));
    if (auto it = im_.nameOfLowerName.constFind(w); it != im_.nameOfLowerName.constEnd())
      return im_.use(im_.repository.definitionForName(*it));
    return im_.useFound([&](ksh::Repository& r) {
      const ksh::Definition byExtension = r.definitionForFileName(QStringLiteral("x.") + w);
      return byExtension.isValid() ? byExtension : r.definitionForFileName(w);
    });
  }

  void resetState() override { im_.state = ksh::State(); }

  void highlightLine(std::string_view line, std::uint32_t base, std::vector<CodeSpan>& out) override {
    if (isAscii(line)) {
      im_.text = QString::fromLatin1(line.data(), static_cast<int>(line.size()));
      im_.byteOf.clear();
    } else {
      decodeLine(line, im_.text, im_.byteOf);
    }
    im_.out = &out;
    im_.base = base;
    im_.highlightText();
    im_.out = nullptr;
  }

 private:
  Highlighting im_;
};

}  // namespace

}  // namespace pp::highlight

// The module's entry points (the rest of it is hidden: built with -fvisibility=hidden).
extern "C" __attribute__((visibility("default"))) int pp_kate_module_version() {
  return pp::highlight::kKateModuleVersion;
}

extern "C" __attribute__((visibility("default"))) pp::highlight::KateEngine* pp_kate_engine_new(const char* dataDir) {
  try {
    return new pp::highlight::QtKateEngine(dataDir ? std::filesystem::path(dataDir) : std::filesystem::path());
  } catch (...) {
    return nullptr;  // no exception crosses into the program through a C name
  }
}
