// Author strings as people write them in front matter: Markdown or HTML links, affiliations
// in parentheses, lists joined by commas, "and", "&", "、" or (Pelican) semicolons. Each
// person comes out with the name, the link and the affiliation kept apart.
#include <algorithm>
#include <cctype>

#include "postpress/support/text.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

namespace {

struct Token {
  enum class Kind { Text, Link, Paren, Sep, SemiSep };
  Kind kind = Kind::Text;
  std::string text;  // words, link text, or the inside of the parentheses
  std::string url;   // Link only
  bool spaceBefore = false;
};
using Kind = Token::Kind;

// The end of a bracketed run starting at s[i] == open, nesting counted; npos when unclosed.
std::size_t closing(std::string_view s, std::size_t i, std::string_view open, std::string_view close) {
  int depth = 0;
  while (i < s.size()) {
    if (s.substr(i, open.size()) == open) {
      ++depth;
      i += open.size();
    } else if (s.substr(i, close.size()) == close) {
      if (--depth == 0) return i;
      i += close.size();
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

std::string collapse(std::string_view s) { return stripHtml(s); }

// `<a href="u">text</a>` at s[i]: fills tok and returns the position after it, or 0.
std::size_t htmlLink(std::string_view s, std::size_t i, Token& tok) {
  if (!(s.size() > i + 2 && s[i] == '<' && (s[i + 1] == 'a' || s[i + 1] == 'A') &&
        (s[i + 2] == ' ' || s[i + 2] == '\t')))
    return 0;
  std::size_t gt = s.find('>', i);
  if (gt == std::string_view::npos) return 0;
  std::string_view open = s.substr(i, gt - i);
  std::string lower = toLowerAscii(s.substr(gt));
  std::size_t end = lower.find("</a>");
  if (end == std::string::npos) return 0;
  end += gt;
  tok.kind = Kind::Link;
  tok.text = collapse(s.substr(gt + 1, end - gt - 1));
  std::size_t href = toLowerAscii(open).find("href=");
  if (href != std::string::npos && href + 5 < open.size()) {
    std::string_view v = open.substr(href + 5);
    char q = v[0];
    if (q == '"' || q == '\'') {
      std::size_t stop = v.find(q, 1);
      tok.url = std::string(v.substr(1, stop == std::string_view::npos ? std::string_view::npos : stop - 1));
    } else {
      tok.url = std::string(v.substr(0, v.find_first_of(" \t>")));
    }
  }
  return end + 4;
}

// `[text](url)` at s[i]: fills tok and returns the position after it, or 0.
std::size_t markdownLink(std::string_view s, std::size_t i, Token& tok) {
  std::size_t close = closing(s, i, "[", "]");
  if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '(') return 0;
  std::size_t paren = closing(s, close + 1, "(", ")");
  if (paren == std::string_view::npos) return 0;
  tok.kind = Kind::Link;
  tok.text = collapse(s.substr(i + 1, close - i - 1));
  tok.url = std::string(trim(s.substr(close + 2, paren - close - 2)));
  // `[Jane](https://x "title")`: the title is not part of the address.
  if (std::size_t sp = tok.url.find(' '); sp != std::string::npos) tok.url.resize(sp);
  return paren + 1;
}

bool isWordBoundary(std::string_view s, std::size_t i) {
  return i >= s.size() || s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::string text;
  bool space = false, textSpace = false;
  auto flush = [&] {
    std::string t(trim(text));
    if (!t.empty()) out.push_back({Kind::Text, collapse(t), "", textSpace});
    text.clear();
  };
  auto push = [&](Token tok) {
    flush();
    tok.spaceBefore = space;
    out.push_back(std::move(tok));
    space = false;
  };
  for (std::size_t i = 0; i < s.size();) {
    Token tok;
    std::size_t next = 0;
    char c = s[i];
    if (c == '[') next = markdownLink(s, i, tok);
    if (c == '<') next = htmlLink(s, i, tok);
    if (next) {
      push(std::move(tok));
      i = next;
      continue;
    }
    if (c == '<') {
      // An e-mail address (`Jane <jane@example.org>`), or any other tag, which says nothing.
      std::size_t gt = s.find('>', i);
      if (gt != std::string_view::npos) {
        std::string_view inside = s.substr(i + 1, gt - i - 1);
        if (inside.find('@') != std::string_view::npos && inside.find(' ') == std::string_view::npos) {
          push({Kind::Link, "", "mailto:" + std::string(inside)});
        } else {
          space = true;
        }
        i = gt + 1;
        continue;
      }
    }
    bool fullWidth = startsWith(s.substr(i), "\xEF\xBC\x88");  // （
    if (c == '(' || fullWidth) {
      std::size_t close = fullWidth ? closing(s, i, "\xEF\xBC\x88", "\xEF\xBC\x89") : closing(s, i, "(", ")");
      if (close != std::string_view::npos) {
        std::size_t openLen = fullWidth ? 3 : 1;
        Token p{Kind::Paren, collapse(s.substr(i + openLen, close - i - openLen)), "", false};
        bool before = space || (!text.empty() && (text.back() == ' '));
        push(std::move(p));
        out.back().spaceBefore = before;
        i = close + (fullWidth ? 3 : 1);
        continue;
      }
    }
    std::size_t sepLen = 0;
    Kind sepKind = Kind::Sep;
    bool afterSpace = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n';
    if (c == ',' || (c == '&' && afterSpace)) sepLen = 1;
    if (c == ';') {
      sepLen = 1;
      sepKind = Kind::SemiSep;
    }
    for (std::string_view wide : {"\xE3\x80\x81", "\xEF\xBC\x8C", "\xEF\xBC\x86"}) {  // 、 ， ＆
      if (startsWith(s.substr(i), wide)) sepLen = wide.size();
    }
    if (startsWith(s.substr(i), "\xEF\xBC\x9B")) {  // ；
      sepLen = 3;
      sepKind = Kind::SemiSep;
    }
    if (!sepLen && afterSpace && startsWith(s.substr(i), "and") && isWordBoundary(s, i + 3)) sepLen = 3;
    if (sepLen) {
      push({sepKind, std::string(s.substr(i, sepLen)), ""});
      i += sepLen;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      if (text.empty()) space = true;
      else text += ' ';
      ++i;
      continue;
    }
    if (text.empty()) {
      textSpace = space;
      space = false;
    }
    text += c;
    ++i;
  }
  flush();
  return out;
}

struct Chunk {
  std::vector<Token> tokens;
  bool hasLink() const {
    return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Kind::Link; });
  }
  bool plainSingleWord() const {
    return tokens.size() == 1 && tokens[0].kind == Kind::Text &&
           tokens[0].text.find(' ') == std::string::npos;
  }
};

// Splits a separated segment where a second person starts: a link after a link or after an
// affiliation (`[A](u) (X) [B](v) (Y)`).
void splitAtLinks(const std::vector<Token>& segment, std::vector<Chunk>& out) {
  Chunk current;
  for (const Token& t : segment) {
    bool startsPerson = t.kind == Kind::Link &&
                        std::any_of(current.tokens.begin(), current.tokens.end(), [](const Token& x) {
                          return x.kind == Kind::Link || x.kind == Kind::Paren;
                        });
    if (startsPerson) {
      out.push_back(std::move(current));
      current = Chunk{};
    }
    current.tokens.push_back(t);
  }
  if (!current.tokens.empty()) out.push_back(std::move(current));
}

// A link's text that ends with a parenthesised group, `[Jane Doe (Acme)](u)`: the group is the
// affiliation, as it would be written after the link. Empty when there is none.
std::string trailingAffiliation(std::string& text) {
  std::string_view t = trim(text);
  if (t.size() < 4 || t.back() != ')') return {};
  const std::size_t open = t.rfind(" (");
  if (open == std::string_view::npos || open == 0) return {};
  std::string inside(trim(t.substr(open + 2, t.size() - open - 3)));
  if (inside.empty() || inside.find_first_of("()") != std::string::npos) return {};
  text = std::string(trim(t.substr(0, open)));
  return inside;
}

Author personOf(const Chunk& chunk) {
  Author a;
  // Trailing parenthesised groups are affiliations; a group followed by more of the name
  // belongs to the name.
  std::size_t end = chunk.tokens.size();
  while (end > 0 && chunk.tokens[end - 1].kind == Kind::Paren) --end;
  std::vector<std::string> affiliations;
  for (std::size_t i = end; i < chunk.tokens.size(); ++i) {
    if (!chunk.tokens[i].text.empty()) affiliations.push_back(chunk.tokens[i].text);
  }
  for (std::size_t i = 0; i < end; ++i) {
    const Token& t = chunk.tokens[i];
    std::string piece = t.kind == Kind::Paren ? "(" + t.text + ")" : t.text;
    if (t.kind == Kind::Link) {
      if (std::string inLink = trailingAffiliation(piece); !inLink.empty())
        affiliations.insert(affiliations.begin(), std::move(inLink));
    }
    if (t.kind == Kind::Link && a.url.empty()) a.url = t.url;
    if (piece.empty()) continue;
    if (!a.name.empty() && t.spaceBefore) a.name += ' ';
    a.name += piece;
  }
  for (const std::string& aff : affiliations) a.affiliation += (a.affiliation.empty() ? "" : ", ") + aff;
  a.name = std::string(trim(a.name));
  while (!a.name.empty() && (a.name.back() == '.' || a.name.back() == ',')) a.name.pop_back();
  if (startsWith(a.name, "by ") || startsWith(a.name, "By ")) a.name = std::string(trim(a.name.substr(3)));
  return a;
}

// "Doe, John": two single words around one comma, nothing else, is one person written
// surname first.
bool surnameFirst(const std::vector<Token>& tokens) {
  if (tokens.size() != 3) return false;
  return tokens[0].kind == Kind::Text && tokens[1].kind == Kind::Sep && tokens[2].kind == Kind::Text &&
         tokens[0].text.find(' ') == std::string::npos && tokens[2].text.find(' ') == std::string::npos;
}

}  // namespace

std::vector<Author> parseAuthorText(std::string_view input, bool single) {
  std::string_view s = trim(input);
  // A folded YAML string that kept its own quotes: `"[Jane](…), [John](…)"`.
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = trim(s.substr(1, s.size() - 2));
  }
  std::vector<Token> tokens = tokenize(s);
  // A trailing "." or separator ends the list; it names nobody.
  while (!tokens.empty() && (tokens.back().kind == Kind::Sep || tokens.back().kind == Kind::SemiSep ||
                             (tokens.back().kind == Kind::Text && tokens.back().text == "."))) {
    tokens.pop_back();
  }
  if (tokens.empty()) return {};
  std::size_t links = static_cast<std::size_t>(
      std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Kind::Link; }));
  bool semicolons = std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Kind::SemiSep; });
  bool noSplit = (single && links <= 1) || surnameFirst(tokens);

  // Segments between separators (only `;` when the string uses it).
  std::vector<std::vector<Token>> segments(1);
  for (Token& t : tokens) {
    bool separates = !noSplit && (semicolons ? t.kind == Kind::SemiSep : t.kind == Kind::Sep);
    if (separates) {
      segments.emplace_back();
      continue;
    }
    if (t.kind == Kind::Sep || t.kind == Kind::SemiSep) {
      // Kept inside a name: written back as it was (a comma sticks to the word before it).
      bool word = std::isalpha(static_cast<unsigned char>(t.text[0]));
      t = Token{Kind::Text, t.text, "", word || t.text == "&"};
      if (!word && t.text != "&" && !segments.back().empty() && segments.back().back().kind == Kind::Text) {
        segments.back().back().text += t.text;
        continue;
      }
    }
    segments.back().push_back(std::move(t));
  }
  std::vector<Chunk> chunks;
  for (const auto& seg : segments) {
    if (!seg.empty()) splitAtLinks(seg, chunks);
  }

  std::vector<Author> people;
  bool allLinked = std::all_of(chunks.begin(), chunks.end(), [](const Chunk& c) {
    return c.hasLink() || c.plainSingleWord();
  });
  for (const Chunk& chunk : chunks) {
    // `[Jane](…), Acme`: a lone word after a linked name, in a list of linked names, is that
    // person's organisation rather than a person.
    if (allLinked && links > 0 && chunk.plainSingleWord() && !people.empty() &&
        !people.back().url.empty() && people.back().affiliation.empty()) {
      people.back().affiliation = chunk.tokens[0].text;
      continue;
    }
    Author a = personOf(chunk);
    if (!a.name.empty()) people.push_back(std::move(a));
  }
  return people;
}

std::vector<std::string> splitAuthorNames(std::string_view s) {
  std::vector<std::string> names;
  for (Author& a : parseAuthorText(s)) names.push_back(std::move(a.name));
  return names;
}

}  // namespace pp::site
