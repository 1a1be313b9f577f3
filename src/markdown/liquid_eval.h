// Liquid values, variable lookup and expressions (filters, conditions) for the Jekyll pass.
// Deliberately small: what blog posts use, evaluated the way Liquid's lax mode does (unknown
// variables are nil, unknown filters pass the value through with a warning).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pp::markdown::liquid {

struct Value {
  enum class Type { Nil, Bool, Number, String, Array };
  Type type = Type::Nil;
  bool b = false;
  double n = 0;
  std::string s;
  std::vector<Value> a;
  bool block = false;  // String: Markdown that must stand as blocks (markdownify, includes)

  static Value nil() { return {}; }
  static Value str(std::string v) {
    Value x;
    x.type = Type::String;
    x.s = std::move(v);
    return x;
  }
  static Value num(double v) {
    Value x;
    x.type = Type::Number;
    x.n = v;
    return x;
  }
  static Value boolean(bool v) {
    Value x;
    x.type = Type::Bool;
    x.b = v;
    return x;
  }
  bool truthy() const { return !(type == Type::Nil || (type == Type::Bool && !b)); }
  std::string toString() const;
};

// What expression evaluation needs from the renderer.
struct Env {
  std::function<Value(const std::vector<std::string>& path)> lookup;
  std::function<void(const std::string& code, const std::string& message)> warn;
  // Filters that need the site or post (relative_url, markdownify, date formats of the post).
  std::function<bool(const std::string& name, Value& v, const std::vector<Value>& args)> siteFilter;
  // No value may grow past maxString bytes: a filter that would make one sets *overBudget
  // (when given) instead, and evaluation gives nil from then on.
  std::size_t maxString = SIZE_MAX;
  bool* overBudget = nullptr;
};

// `value | filter: arg, arg | filter` -> value.
Value evalOutput(std::string_view expr, const Env& env);
// `a == b and c contains "x" or d` -> truthiness.
bool evalCondition(std::string_view expr, const Env& env);
// A single operand (literal, variable path, range) without filters.
Value evalOperand(std::string_view expr, const Env& env);
// Splits `a.b[0]["c"]` into {"a","b","0","c"}.
std::vector<std::string> splitPath(std::string_view path);

// strftime-like formatting of an ISO date string ("2025-11-18 09:30:00 +0100").
std::string formatDate(std::string_view iso, std::string_view format);

}  // namespace pp::markdown::liquid
