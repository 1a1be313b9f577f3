#include "markdown/liquid_eval.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "postpress/support/text.h"

namespace pp::markdown::liquid {

std::string Value::toString() const {
  switch (type) {
    case Type::Nil: return "";
    case Type::Bool: return b ? "true" : "false";
    case Type::Number: {
      if (std::floor(n) == n && std::fabs(n) < 1e15) return std::to_string(static_cast<long long>(n));
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", n);
      return buf;
    }
    case Type::String: return s;
    case Type::Array: {
      std::string out;
      for (const auto& v : a) out += v.toString();
      return out;
    }
  }
  return "";
}

namespace {

struct Token {
  enum class T { Str, Num, Ident, Op, Pipe, Colon, Comma, Range, End };
  T t = T::End;
  std::string text;
};

// Tokenizes a Liquid expression. Never fails: unknown characters are skipped.
std::vector<Token> lex(std::string_view e) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < e.size()) {
    char c = e[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      std::size_t end = e.find(c, i + 1);
      if (end == std::string_view::npos) end = e.size();
      out.push_back({Token::T::Str, std::string(e.substr(i + 1, end - i - 1))});
      i = std::min(end + 1, e.size());
      continue;
    }
    if (c == '|') {
      out.push_back({Token::T::Pipe, "|"});
      ++i;
      continue;
    }
    if (c == ':') {
      out.push_back({Token::T::Colon, ":"});
      ++i;
      continue;
    }
    if (c == ',') {
      out.push_back({Token::T::Comma, ","});
      ++i;
      continue;
    }
    if (c == '(') {  // (1..5) range
      std::size_t end = e.find(')', i);
      if (end == std::string_view::npos) end = e.size();
      out.push_back({Token::T::Range, std::string(e.substr(i + 1, end - i - 1))});
      i = std::min(end + 1, e.size());
      continue;
    }
    if (c == '=' || c == '!' || c == '<' || c == '>') {
      std::size_t n = (i + 1 < e.size() && e[i + 1] == '=') ? 2 : 1;
      out.push_back({Token::T::Op, std::string(e.substr(i, n))});
      i += n;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || (c == '-' && i + 1 < e.size() && std::isdigit(static_cast<unsigned char>(e[i + 1])))) {
      std::size_t j = i + 1;
      while (j < e.size() && (std::isdigit(static_cast<unsigned char>(e[j])) || e[j] == '.')) ++j;
      out.push_back({Token::T::Num, std::string(e.substr(i, j - i))});
      i = j;
      continue;
    }
    // identifiers and paths: letters, digits, _ - . [ ] and quoted keys inside brackets
    std::size_t j = i;
    int bracket = 0;
    while (j < e.size()) {
      char d = e[j];
      if (d == '[') ++bracket;
      else if (d == ']') --bracket;
      else if (bracket <= 0 && !(std::isalnum(static_cast<unsigned char>(d)) || d == '_' || d == '-' || d == '.' || d == '?' || static_cast<unsigned char>(d) >= 0x80))
        break;
      ++j;
    }
    if (j == i) {
      ++i;
      continue;
    }
    std::string word(e.substr(i, j - i));
    if (word == "contains" || word == "and" || word == "or") out.push_back({Token::T::Op, word});
    else out.push_back({Token::T::Ident, word});
    i = j;
  }
  out.push_back({Token::T::End, ""});
  return out;
}

bool toNumber(const Value& v, double& out) {
  if (v.type == Value::Type::Number) {
    out = v.n;
    return true;
  }
  if (v.type != Value::Type::String) return false;
  std::string_view s = trim(v.s);
  if (s.empty()) return false;
  char* end = nullptr;
  std::string tmp(s);
  out = std::strtod(tmp.c_str(), &end);
  return end && *end == '\0';
}

Value operand(const Token& t, const Env& env) {
  switch (t.t) {
    case Token::T::Str: return Value::str(t.text);
    case Token::T::Num: {
      double d = 0;
      Value v;
      if (toNumber(Value::str(t.text), d)) return Value::num(d);
      return Value::str(t.text);
    }
    case Token::T::Range: {
      auto dots = t.text.find("..");
      Value arr;
      arr.type = Value::Type::Array;
      if (dots == std::string::npos) return arr;
      double a = 0, b = 0;
      Value va = evalOperand(t.text.substr(0, dots), env), vb = evalOperand(t.text.substr(dots + 2), env);
      if (!toNumber(va, a) || !toNumber(vb, b)) return arr;
      for (long long k = static_cast<long long>(a); k <= static_cast<long long>(b) && arr.a.size() < 1000; ++k)
        arr.a.push_back(Value::num(static_cast<double>(k)));
      return arr;
    }
    case Token::T::Ident: {
      if (t.text == "true") return Value::boolean(true);
      if (t.text == "false") return Value::boolean(false);
      if (t.text == "nil" || t.text == "null" || t.text == "empty" || t.text == "blank") return Value::nil();
      return env.lookup(splitPath(t.text));
    }
    default: return Value::nil();
  }
}

bool equalValues(const Value& a, const Value& b) {
  double x, y;
  if (a.type == Value::Type::Nil || b.type == Value::Type::Nil) {
    auto empty = [](const Value& v) {
      return v.type == Value::Type::Nil || (v.type == Value::Type::String && v.s.empty()) ||
             (v.type == Value::Type::Array && v.a.empty());
    };
    return empty(a) && empty(b);
  }
  if (a.type == Value::Type::Bool || b.type == Value::Type::Bool) return a.truthy() == b.truthy() && a.type == b.type;
  if (toNumber(a, x) && toNumber(b, y)) return x == y;
  return a.toString() == b.toString();
}

Value applyFilter(const std::string& name, Value v, const std::vector<Value>& args, const Env& env) {
  auto arg = [&](std::size_t k) { return k < args.size() ? args[k].toString() : std::string(); };
  auto num = [&](std::size_t k) {
    double d = 0;
    if (k < args.size()) toNumber(args[k], d);
    return d;
  };
  if (env.siteFilter && env.siteFilter(name, v, args)) return v;
  std::string s = v.toString();
  if (name == "default") return v.truthy() && !(v.type == Value::Type::String && v.s.empty()) ? v : (args.empty() ? Value::nil() : args[0]);
  if (name == "upcase") {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Value::str(s);
  }
  if (name == "downcase") return Value::str(toLowerAscii(s));
  if (name == "capitalize") {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return Value::str(s);
  }
  if (name == "strip") return Value::str(std::string(trim(s)));
  if (name == "lstrip") return Value::str(s.substr(std::min(s.size(), s.find_first_not_of(" \t\n\r"))));
  if (name == "rstrip") {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    return Value::str(s);
  }
  if (name == "strip_newlines") {
    s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
    return Value::str(s);
  }
  if (name == "newline_to_br") return Value::str(replaceAll(s, "\n", "<br />\n"));
  if (name == "strip_html") {
    std::string out;
    bool tag = false;
    for (char c : s) {
      if (c == '<') tag = true;
      else if (c == '>') tag = false;
      else if (!tag) out += c;
    }
    return Value::str(out);
  }
  if (name == "escape" || name == "xml_escape" || name == "escape_once" || name == "smartify" ||
      name == "inspect" || name == "jsonify" || name == "normalize_whitespace")
    return Value::str(s);  // our HTML layer decodes what these encode: identity is the same text
  if (name == "url_encode" || name == "cgi_escape" || name == "uri_escape") return Value::str(percentEncodeUri(s));
  if (name == "url_decode") return Value::str(percentDecode(s));
  if (name == "slugify") return Value::str(slugify(s));
  if (name == "append") return Value::str(s + arg(0));
  if (name == "prepend") return Value::str(arg(0) + s);
  if (name == "remove") return Value::str(arg(0).empty() ? s : replaceAll(s, arg(0), ""));
  if (name == "remove_first") {
    auto at = arg(0).empty() ? std::string::npos : s.find(arg(0));
    if (at != std::string::npos) s.erase(at, arg(0).size());
    return Value::str(s);
  }
  if (name == "replace") return Value::str(arg(0).empty() ? s : replaceAll(s, arg(0), arg(1)));
  if (name == "replace_first") {
    auto at = arg(0).empty() ? std::string::npos : s.find(arg(0));
    if (at != std::string::npos) s.replace(at, arg(0).size(), arg(1));
    return Value::str(s);
  }
  if (name == "split") {
    Value arr;
    arr.type = Value::Type::Array;
    std::string sep = arg(0);
    if (sep.empty()) {
      for (char c : s) arr.a.push_back(Value::str(std::string(1, c)));
      return arr;
    }
    std::size_t pos = 0;
    while (arr.a.size() < 10000) {
      auto at = s.find(sep, pos);
      arr.a.push_back(Value::str(s.substr(pos, at == std::string::npos ? std::string::npos : at - pos)));
      if (at == std::string::npos) break;
      pos = at + sep.size();
    }
    while (!arr.a.empty() && arr.a.back().s.empty()) arr.a.pop_back();  // Ruby's split drops trailing empties
    return arr;
  }
  if (name == "join") {
    if (v.type != Value::Type::Array) return Value::str(s);
    std::string out;
    std::string sep = args.empty() ? " " : arg(0);
    for (std::size_t k = 0; k < v.a.size(); ++k) out += (k ? sep : "") + v.a[k].toString();
    return Value::str(out);
  }
  if (name == "first") return v.type == Value::Type::Array ? (v.a.empty() ? Value::nil() : v.a.front()) : Value::str(s.substr(0, 1));
  if (name == "last") return v.type == Value::Type::Array ? (v.a.empty() ? Value::nil() : v.a.back()) : Value::str(s.empty() ? "" : s.substr(s.size() - 1));
  if (name == "size") return Value::num(static_cast<double>(v.type == Value::Type::Array ? v.a.size() : utf8Length(s)));
  if (name == "reverse" && v.type == Value::Type::Array) {
    std::reverse(v.a.begin(), v.a.end());
    return v;
  }
  if ((name == "sort" || name == "sort_natural") && v.type == Value::Type::Array) {
    std::stable_sort(v.a.begin(), v.a.end(), [](const Value& x, const Value& y) { return x.toString() < y.toString(); });
    return v;
  }
  if (name == "uniq" && v.type == Value::Type::Array) {
    std::vector<Value> out;
    for (auto& x : v.a)
      if (std::none_of(out.begin(), out.end(), [&](const Value& y) { return equalValues(x, y); })) out.push_back(x);
    v.a = std::move(out);
    return v;
  }
  if (name == "compact" && v.type == Value::Type::Array) {
    v.a.erase(std::remove_if(v.a.begin(), v.a.end(), [](const Value& x) { return x.type == Value::Type::Nil; }), v.a.end());
    return v;
  }
  if (name == "truncate") {
    std::size_t n = args.empty() ? 50 : static_cast<std::size_t>(std::max(0.0, num(0)));
    std::string ell = args.size() > 1 ? arg(1) : "...";
    std::u32string u = toUtf32(s);
    if (u.size() <= n) return Value::str(s);
    std::size_t keep = n > utf8Length(ell) ? n - utf8Length(ell) : 0;
    return Value::str(toUtf8(u.substr(0, keep)) + ell);
  }
  if (name == "truncatewords") {
    std::size_t n = args.empty() ? 15 : static_cast<std::size_t>(std::max(0.0, num(0)));
    std::string ell = args.size() > 1 ? arg(1) : "...";
    std::vector<std::string> words;
    for (auto& w : split(s, ' '))
      if (!w.empty()) words.push_back(w);
    if (words.size() <= n) return Value::str(s);
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += (k ? " " : "") + words[k];
    return Value::str(out + ell);
  }
  if (name == "number_of_words") return Value::num(static_cast<double>(countWords(s)));
  if (name == "plus" || name == "minus" || name == "times" || name == "divided_by" || name == "modulo") {
    double a = 0, b = num(0);
    toNumber(v, a);
    if (name == "plus") return Value::num(a + b);
    if (name == "minus") return Value::num(a - b);
    if (name == "times") return Value::num(a * b);
    if (b == 0) return Value::num(0);
    if (name == "divided_by") return Value::num(std::floor(a / b) == a / b || args[0].type != Value::Type::Number ? std::floor(a / b) : a / b);
    return Value::num(std::fmod(a, b));
  }
  if (name == "abs" || name == "ceil" || name == "floor" || name == "round") {
    double a = 0;
    toNumber(v, a);
    if (name == "abs") return Value::num(std::fabs(a));
    if (name == "ceil") return Value::num(std::ceil(a));
    if (name == "floor") return Value::num(std::floor(a));
    return Value::num(std::round(a));
  }
  if (name == "date") return Value::str(formatDate(s, arg(0)));
  if (name == "date_to_string") return Value::str(formatDate(s, "%d %b %Y"));
  if (name == "date_to_long_string") return Value::str(formatDate(s, "%d %B %Y"));
  if (name == "date_to_xmlschema") return Value::str(formatDate(s, "%Y-%m-%dT%H:%M:%S"));
  if (name == "date_to_rfc822") return Value::str(formatDate(s, "%a, %d %b %Y %H:%M:%S"));
  if (name == "array_to_sentence_string" && v.type == Value::Type::Array) {
    std::string out;
    for (std::size_t k = 0; k < v.a.size(); ++k) {
      if (k) out += (k + 1 == v.a.size()) ? (v.a.size() > 2 ? ", and " : " and ") : ", ";
      out += v.a[k].toString();
    }
    return Value::str(out);
  }
  if (env.warn) env.warn("liquid-filter-unknown", "unknown Liquid filter '" + name + "': value passed through");
  return v;
}

// Bytes a value holds (its strings, an array's elements), to hold values under the budget.
std::size_t bytesOf(const Value& v) {
  std::size_t n = v.s.size();
  for (const Value& x : v.a) n += bytesOf(x) + sizeof(Value);
  return n;
}

// An upper bound of what a filter can make from `v`, checked before it is made: `replace`
// and `join` multiply, so their result is bounded before it is allocated, not after.
std::size_t projectedBytes(const std::string& name, const Value& v, const std::vector<Value>& args) {
  const std::size_t in = bytesOf(v);
  std::size_t argBytes = 0;
  for (const Value& a : args) argBytes += bytesOf(a);
  if (name == "replace" || name == "remove") {
    const std::size_t from = args.empty() ? 0 : args[0].toString().size();
    const std::size_t to = args.size() > 1 ? args[1].toString().size() : 0;
    return in + (from == 0 ? 0 : (in / from + 1) * to);
  }
  if (name == "join" || name == "array_to_sentence_string")
    return in + (v.a.size() + 1) * (argBytes + 8);
  if (name == "split") return in * (sizeof(Value) + 2);
  if (name == "newline_to_br" || name == "url_encode" || name == "cgi_escape" || name == "uri_escape")
    return in * 6;
  return in + argBytes;
}

Value evalTokens(const std::vector<Token>& toks, std::size_t& i, const Env& env) {
  Value v = operand(toks[i], env);
  if (toks[i].t != Token::T::End) ++i;
  while (toks[i].t == Token::T::Pipe) {
    ++i;
    if (toks[i].t != Token::T::Ident) break;
    std::string name = toks[i].text;
    ++i;
    std::vector<Value> args;
    if (toks[i].t == Token::T::Colon) {
      ++i;
      while (toks[i].t != Token::T::End && toks[i].t != Token::T::Pipe) {
        // keyword arguments (`key: value`) are read as their value
        if (toks[i].t == Token::T::Ident && toks[i + 1].t == Token::T::Colon) {
          i += 2;
          continue;
        }
        args.push_back(operand(toks[i], env));
        ++i;
        if (toks[i].t == Token::T::Comma) ++i;
        else break;
      }
    }
    if (env.overBudget && (*env.overBudget || projectedBytes(name, v, args) > env.maxString)) {
      *env.overBudget = true;
      return Value::nil();
    }
    v = applyFilter(name, std::move(v), args, env);
  }
  return v;
}

}  // namespace

std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '.') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else if (c == '[') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      auto end = path.find(']', i);
      if (end == std::string_view::npos) end = path.size();
      std::string key(trim(path.substr(i + 1, end - i - 1)));
      if (key.size() >= 2 && (key[0] == '"' || key[0] == '\'')) key = key.substr(1, key.size() - 2);
      out.push_back(key);
      i = end;
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Value evalOperand(std::string_view expr, const Env& env) {
  auto toks = lex(expr);
  return operand(toks[0], env);
}

Value evalOutput(std::string_view expr, const Env& env) {
  auto toks = lex(expr);
  std::size_t i = 0;
  return evalTokens(toks, i, env);
}

bool evalCondition(std::string_view expr, const Env& env) {
  auto toks = lex(expr);
  // Liquid evaluates `and`/`or` right to left without precedence.
  std::vector<bool> values;
  std::vector<std::string> ops;
  std::size_t i = 0;
  while (toks[i].t != Token::T::End) {
    Value a = evalTokens(toks, i, env);
    bool result = a.truthy();
    if (toks[i].t == Token::T::Op && toks[i].text != "and" && toks[i].text != "or") {
      std::string op = toks[i].text;
      ++i;
      Value b = evalTokens(toks, i, env);
      double x, y;
      if (op == "==" || op == "=") result = equalValues(a, b);
      else if (op == "!=" || op == "<>") result = !equalValues(a, b);
      else if (op == "contains") {
        if (a.type == Value::Type::Array)
          result = std::any_of(a.a.begin(), a.a.end(), [&](const Value& x2) { return equalValues(x2, b); });
        else
          result = a.type == Value::Type::String && a.s.find(b.toString()) != std::string::npos;
      } else if (toNumber(a, x) && toNumber(b, y)) {
        result = op == "<" ? x < y : op == ">" ? x > y : op == "<=" ? x <= y : op == ">=" ? x >= y : false;
      } else {
        std::string sa = a.toString(), sb = b.toString();
        result = op == "<" ? sa < sb : op == ">" ? sa > sb : op == "<=" ? sa <= sb : op == ">=" ? sa >= sb : false;
      }
    }
    values.push_back(result);
    if (toks[i].t == Token::T::Op && (toks[i].text == "and" || toks[i].text == "or")) {
      ops.push_back(toks[i].text);
      ++i;
      continue;
    }
    break;
  }
  if (values.empty()) return false;
  bool r = values.back();
  for (std::size_t k = ops.size(); k-- > 0;) {
    bool l = values[k];
    r = ops[k] == "and" ? (l && r) : (l || r);
  }
  return r;
}

std::string formatDate(std::string_view iso, std::string_view format) {
  iso = trim(iso);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (iso.size() < 10 || std::sscanf(std::string(iso).c_str(), "%d-%d-%d", &y, &mo, &d) != 3) return std::string(iso);
  if (iso.size() >= 16) std::sscanf(std::string(iso.substr(11)).c_str(), "%d:%d:%d", &h, &mi, &s);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::string(iso);
  static constexpr const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};
  static constexpr const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  // Day of week (Sakamoto).
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int yy = mo < 3 ? y - 1 : y;
  int dow = (yy + yy / 4 - yy / 100 + yy / 400 + t[mo - 1] + d) % 7;
  auto two = [](int v) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d", v);
    return std::string(b);
  };
  if (format.empty()) format = "%Y-%m-%d";
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 >= format.size()) {
      out += format[i];
      continue;
    }
    char c = format[++i];
    bool noPad = false;
    if (c == '-' && i + 1 < format.size()) {
      noPad = true;
      c = format[++i];
    }
    switch (c) {
      case 'Y': out += std::to_string(y); break;
      case 'y': out += two(y % 100); break;
      case 'm': out += noPad ? std::to_string(mo) : two(mo); break;
      case 'd': out += noPad ? std::to_string(d) : two(d); break;
      case 'e': out += std::to_string(d); break;
      case 'H': out += noPad ? std::to_string(h) : two(h); break;
      case 'M': out += two(mi); break;
      case 'S': out += two(s); break;
      case 'B': out += kMonths[mo - 1]; break;
      case 'b': out += std::string(kMonths[mo - 1]).substr(0, 3); break;
      case 'A': out += kDays[dow]; break;
      case 'a': out += std::string(kDays[dow]).substr(0, 3); break;
      case 'j': break;
      case '%': out += '%'; break;
      default: out += '%'; out += c;
    }
  }
  return out;
}

}  // namespace pp::markdown::liquid
