// The `highlight:` block of a style: `enabled`, then one entry per token class, each a mapping
// of `color` ("#rrggbb", or `none` for the code role's colour), `bold` and `italic`.
#include "style/highlight_theme.h"

#include "postpress/support/text.h"

namespace pp::style {

namespace {

class ThemeReader {
 public:
  ThemeReader(HighlightTheme& theme, std::vector<ThemeProblem>& problems) : theme_(theme), problems_(problems) {}

  void read(const YAML::Node& node) {
    if (!node.IsMap()) {
      problem(node, "style-bad-value", "'highlight' must be a mapping of token classes");
      return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      const std::string key = it->first.Scalar();
      TokenClass token{};
      if (key == "enabled") {
        readBool(it->second, theme_.enabled);
      } else if (tokenClassFromName(key, &token)) {
        readToken(it->second, theme_[token], key);
      } else {
        std::string known = "enabled";
        for (std::string_view name : kTokenClassNames) known += ", " + std::string(name);
        problem(it->first, "style-unknown-key", "unknown key '" + key + "' in 'highlight' (known: " + known + ")");
      }
    }
  }

 private:
  HighlightTheme& theme_;
  std::vector<ThemeProblem>& problems_;

  void problem(const YAML::Node& n, const char* code, std::string message) {
    problems_.push_back({n, code, std::move(message)});
  }

  void readBool(const YAML::Node& n, bool& out) {
    const std::string v = n.IsScalar() ? toLowerAscii(n.Scalar()) : "";
    if (v == "true" || v == "yes" || v == "on") out = true;
    else if (v == "false" || v == "no" || v == "off") out = false;
    else problem(n, "style-bad-value", "expected true or false, got '" + (n.IsScalar() ? n.Scalar() : "") + "'");
  }

  void readToken(const YAML::Node& n, TokenStyle& t, const std::string& name) {
    if (!n.IsMap()) {
      problem(n, "style-bad-value", "'highlight." + name + "' must be a mapping of color, bold, italic");
      return;
    }
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string key = it->first.Scalar();
      const YAML::Node v = it->second;  // a copy: the iterator's pair is a temporary
      if (key == "bold") {
        readBool(v, t.bold);
      } else if (key == "italic") {
        readBool(v, t.italic);
      } else if (key == "color") {
        const std::string text = v.IsScalar() ? std::string(trim(v.Scalar())) : "";
        if (text == "none") {
          t.color.reset();
        } else if (auto c = Color::parse(text)) {
          t.color = *c;
        } else {
          problem(v, "style-bad-value", "expected a colour like \"#1a2b3c\" or none, got '" + text + "'");
        }
      } else {
        problem(it->first, "style-unknown-key",
                "unknown key '" + key + "' in 'highlight." + name + "' (known: bold, color, italic)");
      }
    }
  }
};

}  // namespace

void readHighlightTheme(const YAML::Node& node, HighlightTheme& theme, std::vector<ThemeProblem>& problems) {
  ThemeReader(theme, problems).read(node);
}

}  // namespace pp::style
