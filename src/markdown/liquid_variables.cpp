// Liquid variables as Jekyll defines them for a post: site.* (the configuration, url, baseurl,
// time), page.* and post.* (front matter and the post's own fields), include.* (the parameters
// of the include being rendered), and locals (assign, capture, for). Also the filters that need
// the site: relative_url, absolute_url, markdownify, fastpages' fndetail.
#include <cstdlib>
#include <ctime>

#include "markdown/liquid_render.h"
#include "postpress/support/build_time.h"
#include "postpress/support/text.h"

namespace pp::markdown::liquid {

namespace {

Value fromMap(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  if (it != m.end()) return Value::str(it->second);
  // A list flattened as key.0, key.1, ...
  Value arr;
  arr.type = Value::Type::Array;
  for (int k = 0; k < 10000; ++k) {
    auto e = m.find(key + "." + std::to_string(k));
    if (e == m.end()) break;
    arr.a.push_back(Value::str(e->second));
  }
  if (!arr.a.empty()) return arr;
  return Value::nil();
}

std::string join(const std::vector<std::string>& path, std::size_t from) {
  std::string out;
  for (std::size_t k = from; k < path.size(); ++k) out += (k > from ? "." : "") + path[k];
  return out;
}

Value member(Value v, const std::vector<std::string>& path, std::size_t from) {
  for (std::size_t k = from; k < path.size(); ++k) {
    const std::string& p = path[k];
    if (p == "size") {
      v = Value::num(static_cast<double>(v.type == Value::Type::Array ? v.a.size() : utf8Length(v.toString())));
      continue;
    }
    if (v.type == Value::Type::Array) {
      if (p == "first") v = v.a.empty() ? Value::nil() : v.a.front();
      else if (p == "last") v = v.a.empty() ? Value::nil() : v.a.back();
      else {
        std::size_t idx = 0;
        bool ok = !p.empty() && p.find_first_not_of("0123456789") == std::string::npos;
        if (ok) idx = static_cast<std::size_t>(std::stoul(p.substr(0, 9)));
        v = ok && idx < v.a.size() ? v.a[idx] : Value::nil();
      }
      continue;
    }
    return Value::nil();
  }
  return v;
}

std::string sourceDate() {
  const auto t = static_cast<std::time_t>(buildEpoch());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace

Value Renderer::lookup(const std::vector<std::string>& path) {
  if (path.empty()) return Value::nil();
  const std::string& head = path[0];
  std::string dotted = join(path, 0);
  if (auto it = locals_.find(dotted); it != locals_.end()) return it->second;
  if (auto it = locals_.find(head); it != locals_.end()) return member(it->second, path, 1);
  if (head == "include") {
    if (includeParams_.empty() || path.size() < 2) return Value::nil();
    auto it = includeParams_.back().find(path[1]);
    return it == includeParams_.back().end() ? Value::nil() : member(it->second, path, 2);
  }
  const Site& site = ctx_.site;
  const Post& post = ctx_.post;
  if (head == "site") {
    if (path.size() == 1) return Value::nil();
    std::string key = join(path, 1);
    if (key == "url") return Value::str(site.url);
    if (key == "baseurl") return Value::str(site.baseurl);
    if (key == "title" && !site.title.empty()) return Value::str(site.title);
    if (key == "description" && !site.description.empty()) return Value::str(site.description);
    if (key == "time") return Value::str(sourceDate());
    if (key == "lang") return Value::str(site.language);
    Value v = fromMap(site.config, key);
    if (v.type == Value::Type::Nil && path.size() > 2) {
      // site.x.size, site.list.first
      v = member(fromMap(site.config, join({path.begin(), path.end() - 1}, 1)), path, path.size() - 1);
    }
    return v;
  }
  if (head == "page" || head == "post") {
    if (path.size() == 1) return Value::nil();
    std::string key = join(path, 1);
    if (key == "title") return Value::str(post.title);
    if (key == "url") return Value::str(post.permalinkPath);
    if (key == "date" && post.date.valid()) return Value::str(post.date.isoDate() + (post.date.hasTime ? " " + post.date.isoDateTime().substr(11, 8) : ""));
    if (key == "path") return Value::str(post.path);
    if (key == "slug") return Value::str(post.slug);
    if (key == "description" || key == "excerpt") {
      if (!post.summary.empty()) return Value::str(post.summary);
    }
    if (key == "tags") {
      Value arr;
      arr.type = Value::Type::Array;
      for (const auto& t : post.tags) arr.a.push_back(Value::str(t));
      return arr;
    }
    Value v = fromMap(post.params, key);
    if (v.type == Value::Type::Nil && path.size() > 2)
      v = member(fromMap(post.params, join({path.begin(), path.end() - 1}, 1)), path, path.size() - 1);
    return v;
  }
  return Value::nil();
}

bool Renderer::siteFilter(const std::string& name, Value& v, const std::vector<Value>& args) {
  const Site& site = ctx_.site;
  if (name == "relative_url" || name == "absolute_url") {
    std::string s = v.toString();
    bool remote = s.find("://") != std::string::npos || startsWith(s, "//") || startsWith(s, "mailto:");
    if (!remote) {
      std::string base = site.baseurl;
      if (!s.empty() && s[0] != '/') s = "/" + s;
      if (!base.empty() && !startsWith(s, base + "/") && s != base) s = base + s;
      if (name == "absolute_url") s = site.url + s;
    }
    v = Value::str(s);
    return true;
  }
  if (name == "markdownify") {
    v = Value::str(v.toString());
    v.block = true;
    return true;
  }
  if (name == "fndetail") {  // fastpages: {{ 'text' | fndetail: 1 }}
    std::string n = args.empty() ? "" : args[0].toString();
    v = Value::str("<sup>" + n + "</sup> " + v.toString());
    v.block = true;
    return true;
  }
  return false;
}

}  // namespace pp::markdown::liquid
