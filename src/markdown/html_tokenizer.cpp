#include "markdown/html_tokenizer.h"

#include <cmark-gfm.h>
#include <cmark-gfm/houdini.h>

#include <cstring>

#include "markdown/jsx_syntax.h"
#include "postpress/support/text.h"

namespace pp::markdown {

const std::string* HtmlToken::attr(std::string_view n) const {
  for (const auto& a : attrs)
    if (a.name == n) return &a.value;
  return nullptr;
}

std::string decodeEntities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  // cmark-gfm exports its HTML5 entity decoder (houdini): the complete table, for free.
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_strbuf buf;
  cmark_strbuf_init(mem, &buf, 0);  // CMARK_BUF_INIT needs a symbol the library does not export
  std::string out;
  // houdini takes an int size: decode in chunks cut at a character boundary before an '&'.
  const std::size_t chunk = 1 << 20;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t len = std::min(chunk, s.size() - pos);
    if (pos + len < s.size()) {
      std::size_t amp = s.rfind('&', pos + len);
      if (amp != std::string_view::npos && amp > pos) len = amp - pos;
    }
    houdini_unescape_html_f(&buf, reinterpret_cast<const uint8_t*>(s.data() + pos),
                            static_cast<bufsize_t>(len));
    out.append(reinterpret_cast<const char*>(buf.ptr), static_cast<std::size_t>(buf.size));
    cmark_strbuf_clear(&buf);
    pos += len;
  }
  cmark_strbuf_free(&buf);
  return out;
}

namespace {

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool isNameChar(char c) {
  return isAlpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}

// JSX attribute expressions longer than this are not looked into (the tag stays text).
constexpr std::size_t kMaxAttributeExpression = 100000;

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {}

  std::vector<HtmlToken> run() {
    std::size_t textStart = 0;
    while (pos_ < s_.size()) {
      std::size_t lt = s_.find('<', pos_);
      if (lt == std::string_view::npos) break;
      pos_ = lt;
      HtmlToken text;
      text.type = HtmlToken::Type::Text;
      setPos(text, textStart);
      std::size_t before = out_.size();
      std::size_t tagStart = lt;
      if (tryMarkup()) {
        if (tagStart > textStart) {
          text.text = decodeEntities(s_.substr(textStart, tagStart - textStart));
          out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(before), std::move(text));
        }
        textStart = pos_;
      } else {
        pos_ = lt + 1;
      }
    }
    if (textStart < s_.size()) {
      HtmlToken t;
      t.type = HtmlToken::Type::Text;
      t.text = decodeEntities(s_.substr(textStart));
      setPos(t, textStart);
      out_.push_back(std::move(t));
    }
    return std::move(out_);
  }

 private:
  void setPos(HtmlToken& t, std::size_t offset) {
    // Lines are counted incrementally: offsets only grow between calls (text first, then tag).
    for (std::size_t i = lineOffset_; i < offset; ++i)
      if (s_[i] == '\n') {
        ++line_;
        lineStart_ = i + 1;
      }
    lineOffset_ = offset;
    t.line = line_;
    t.col = static_cast<int>(offset - lineStart_) + 1;
  }

  // Parses the markup at pos_ ('<'); on success appends a token, advances pos_, returns true.
  bool tryMarkup() {
    std::size_t start = pos_;
    if (s_.compare(pos_, 4, "<!--") == 0) {
      HtmlToken t;
      t.type = HtmlToken::Type::Comment;
      std::size_t end = s_.find("-->", pos_ + 4);
      if (end == std::string_view::npos) {
        t.text = std::string(s_.substr(pos_ + 4));
        t.unclosedComment = true;
        pos_ = s_.size();
      } else {
        t.text = std::string(s_.substr(pos_ + 4, end - pos_ - 4));
        pos_ = end + 3;
      }
      setPos(t, start);
      out_.push_back(std::move(t));
      return true;
    }
    if (pos_ + 1 < s_.size() && (s_[pos_ + 1] == '!' || s_[pos_ + 1] == '?')) {
      // Doctype, CDATA, processing instruction: dropped.
      if (noGtFrom_ <= pos_) return false;
      std::size_t end = s_.find('>', pos_);
      if (end == std::string_view::npos) {
        noGtFrom_ = pos_;
        return false;
      }
      pos_ = end + 1;
      return true;
    }
    if (noGtFrom_ <= pos_) return false;
    bool endTag = pos_ + 1 < s_.size() && s_[pos_ + 1] == '/';
    std::size_t i = pos_ + (endTag ? 2 : 1);
    if (i >= s_.size() || !isAlpha(s_[i])) return false;
    std::size_t nameStart = i;
    while (i < s_.size() && isNameChar(s_[i])) ++i;
    HtmlToken t;
    t.type = endTag ? HtmlToken::Type::EndTag : HtmlToken::Type::StartTag;
    t.name = toLowerAscii(s_.substr(nameStart, i - nameStart));
    if (i < s_.size() && !isSpace(s_[i]) && s_[i] != '>' && s_[i] != '/') return false;
    // Attributes.
    while (true) {
      while (i < s_.size() && isSpace(s_[i])) ++i;
      if (i >= s_.size()) return fail();
      if (s_[i] == '>') {
        ++i;
        break;
      }
      if (s_[i] == '/' && i + 1 < s_.size() && s_[i + 1] == '>') {
        t.selfClosing = true;
        i += 2;
        break;
      }
      if (s_[i] == '/') {
        ++i;
        continue;
      }
      if (s_[i] == '{') {  // JSX spread {...props}
        std::size_t end = matchBrace(i);
        if (end == std::string_view::npos) return fail();
        i = end;
        continue;
      }
      std::size_t an = i;
      while (i < s_.size() && !isSpace(s_[i]) && s_[i] != '=' && s_[i] != '>' &&
             !(s_[i] == '/' && i + 1 < s_.size() && s_[i + 1] == '>'))
        ++i;
      HtmlAttr a;
      a.name = toLowerAscii(s_.substr(an, i - an));
      while (i < s_.size() && isSpace(s_[i])) ++i;
      if (i < s_.size() && s_[i] == '=') {
        ++i;
        while (i < s_.size() && isSpace(s_[i])) ++i;
        if (i >= s_.size()) return fail();
        char q = s_[i];
        if (q == '"' || q == '\'') {
          if ((q == '"' ? noDq_ : noSq_) <= i) return fail();
          std::size_t end = s_.find(q, i + 1);
          if (end == std::string_view::npos) {
            (q == '"' ? noDq_ : noSq_) = i;
            return fail();
          }
          a.value = decodeEntities(s_.substr(i + 1, end - i - 1));
          i = end + 1;
        } else if (q == '{') {
          std::size_t end = matchBrace(i);
          if (end == std::string_view::npos) return fail();
          a.value = jsxExpressionString(s_.substr(i + 1, end - i - 2));
          if (a.name == "style") a.value = std::string(s_.substr(i, end - i));
          i = end;
        } else {
          std::size_t vs = i;
          while (i < s_.size() && !isSpace(s_[i]) && s_[i] != '>') ++i;
          a.value = decodeEntities(s_.substr(vs, i - vs));
        }
      }
      if (!a.name.empty() && t.attrs.size() < 64) t.attrs.push_back(std::move(a));
    }
    pos_ = i;
    setPos(t, start);
    if (t.type == HtmlToken::Type::StartTag && !t.selfClosing &&
        (t.name == "script" || t.name == "style" || t.name == "textarea" || t.name == "title" ||
         t.name == "xmp")) {
      // Raw text: everything up to the matching end tag, as one token.
      std::string close = "</" + t.name;
      std::size_t end = pos_;
      while (true) {
        end = s_.find("</", end);
        if (end == std::string_view::npos) break;
        if (end + close.size() <= s_.size() &&
            iequals(s_.substr(end, close.size()), close))
          break;
        end += 2;
      }
      HtmlToken raw;
      raw.type = HtmlToken::Type::RawText;
      raw.name = t.name;
      raw.line = t.line;
      raw.col = t.col;
      std::size_t bodyEnd = end == std::string_view::npos ? s_.size() : end;
      raw.text = std::string(s_.substr(pos_, bodyEnd - pos_));
      out_.push_back(std::move(raw));
      if (end == std::string_view::npos) {
        pos_ = s_.size();
      } else {
        std::size_t gt = s_.find('>', end);
        pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
      }
      return true;
    }
    out_.push_back(std::move(t));
    return true;
  }

  // A tag that ran into the end of the input: if no '>' follows at all, no later tag can end.
  bool fail() {
    if (nextGt_ == std::string_view::npos || nextGt_ < pos_) {
      nextGt_ = s_.find('>', pos_);
      if (nextGt_ == std::string_view::npos) noGtFrom_ = pos_;
    }
    return false;
  }

  // The end of the brace expression at `open` (jsx_syntax.h); once one fails, every later one
  // is taken to fail too, so that a tag full of lone braces stays linear.
  std::size_t matchBrace(std::size_t open) {
    if (noBraceFrom_ <= open) return std::string_view::npos;
    std::size_t end = markdown::matchBrace(s_, open, kMaxAttributeExpression);
    if (end == std::string_view::npos) noBraceFrom_ = open;
    return end;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::vector<HtmlToken> out_;
  // Memos of failed searches, so malformed input stays linear.
  std::size_t noGtFrom_ = std::string_view::npos;
  std::size_t noDq_ = std::string_view::npos;
  std::size_t noSq_ = std::string_view::npos;
  std::size_t noBraceFrom_ = std::string_view::npos;
  std::size_t nextGt_ = std::string_view::npos;
  int line_ = 0;
  std::size_t lineOffset_ = 0;
  std::size_t lineStart_ = 0;
};

}  // namespace

std::vector<HtmlToken> tokenizeHtml(std::string_view html) { return Tokenizer(html).run(); }

}  // namespace pp::markdown
