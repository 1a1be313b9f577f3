#include "markdown/cmark_parse.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>

namespace pp::markdown {

void CmarkNodeDeleter::operator()(cmark_node* n) const {
  if (n) cmark_node_free(n);
}

namespace {
struct ParserDeleter {
  void operator()(cmark_parser* p) const {
    if (p) cmark_parser_free(p);
  }
};
struct IterDeleter {
  void operator()(cmark_iter* it) const {
    if (it) cmark_iter_free(it);
  }
};
}  // namespace

CmarkDocument parseCmark(std::string_view text) {
  // cmark-gfm's registration flag is unguarded: a magic static makes the first call race-free
  // when posts are parsed on several threads.
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS));
  if (!parser) return nullptr;
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  // Inline parsing happens in cmark_parser_finish, which adds the extensions' trigger
  // characters (autolink's ':' and 'w', strikethrough's '~') to a table shared by every parser
  // in the process and removes them when it is done: a post finishing on one thread made
  // another thread's post miss its bare URLs now and then (fluxcd, two workers). One finish at
  // a time; block parsing above still runs side by side.
  static std::mutex inlinesMutex;
  std::lock_guard<std::mutex> lock(inlinesMutex);
  return CmarkDocument(cmark_parser_finish(parser.get()));
}

void walkCmark(cmark_node* root, const std::function<bool(cmark_node*)>& visit) {
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(root));
  if (!it) return;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    if (!visit(n)) cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
  }
}

std::string_view cmarkTypeName(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? std::string_view(s) : std::string_view();
}

std::string cmarkLiteral(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string(s) : std::string();
}

}  // namespace pp::markdown
