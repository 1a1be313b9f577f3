// The Hugo shortcode pass: finds shortcodes outside code, pairs openings with their closes and
// hands each to the catalogue of known shortcodes (shortcode_catalogue.cpp, and
// shortcode_bundle.cpp for the page-bundle images), which writes Markdown or a placeholder in
// its place. Unknown shortcodes are removed with a warning and their inner content kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "markdown/context.h"
#include "markdown/shortcode_pairs.h"
#include "markdown/shortcode_syntax.h"
#include "markdown/source.h"

namespace pp::markdown {

class ShortcodePass {
 public:
  ShortcodePass(const Source& in, ParseContext& ctx) : in_(in), ctx_(ctx), out_(in) {}

  Source run();

 private:
  struct Open {
    std::string name;
    int placeholder = -1;  // -1: nothing to close (transparent)
    std::size_t at = 0;
  };

  // shortcode_pass.cpp: pairing and output
  int line(std::size_t at) const { return in_.bodyLineAt(at); }
  SourcePos pos(std::size_t at) const { return SourcePos{in_.bodyLineAt(at), in_.columnAt(at)}; }
  std::string source(const Shortcode& sc) const { return in_.text.substr(sc.begin, sc.end - sc.begin); }
  // The matching close of a paired shortcode, searched from `from`; npos when unpaired.
  std::size_t findClose(const std::string& name, std::size_t from, std::size_t* closeEnd);
  bool hasClose(const std::string& name, std::size_t from);
  // The text between `sc` and its close, trimmed, and the close consumed; "" when unpaired.
  std::string takeInner(const Shortcode& sc, std::size_t& i);
  void close(const Shortcode& sc);
  void emitBlockText(const std::string& text, std::size_t at);
  void emitPlaceholder(Placeholder p, std::size_t at) { out_.emit(ctx_.add(std::move(p)), at); }
  void emitBegin(Block container, std::string title, std::size_t at, const std::string& name,
                 const std::string& source);
  void emitEnd(int placeholder, std::size_t at);

  // shortcode_catalogue.cpp: what each known shortcode becomes
  void handle(const Shortcode& sc, std::size_t& i);
  void param(const Shortcode& sc);
  void hide(const Shortcode& sc, std::size_t& i);
  void code(const Shortcode& sc, std::size_t& i);
  bool box(const Shortcode& sc);
  void tab(const Shortcode& sc);
  void figure(const Shortcode& sc);
  void media(const Shortcode& sc, std::size_t& i);
  std::string ref(const Shortcode& sc);

  // shortcode_bundle.cpp: images of the page bundle
  fs::path bundleDir() const;
  const std::vector<std::string>& bundleImages();
  std::string srcFor(const std::string& bundleRel) const;
  void imgproc(const Shortcode& sc, std::size_t& i);
  void gallery(const Shortcode& sc);

  const Source& in_;
  ParseContext& ctx_;
  TextBuilder out_;
  std::size_t copied_ = 0;
  std::vector<Open> open_;
  std::optional<ShortcodePairs> pairs_;  // made when the first paired shortcode asks
  bool bundleListed_ = false;
  std::vector<std::string> bundleImages_;
};

}  // namespace pp::markdown
