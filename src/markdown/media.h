// Media and box helpers shared by the shortcode, Liquid, MDX and HTML converters: embeds
// become a titled link to where the media can be watched; admonition kinds from words.
#pragma once

#include <string>
#include <string_view>

#include "postpress/document.h"

namespace pp::markdown {

// The YouTube video id in any of its URL forms (watch?v=, youtu.be/, embed/, shorts/), or "".
std::string youtubeId(std::string_view url);
std::string youtubeWatchUrl(std::string_view id);

// An Embed block for a media URL: YouTube and Vimeo embed URLs become their watch URLs; the
// provider ("YouTube", "Vimeo", "Twitter", "video", host) goes into Block::text; title into
// inlines (a default title when empty).
Block embedBlock(const std::string& url, const std::string& title, SourcePos pos);

// "note", "TIP", "warning", "danger", "caution", "important", "info" and common synonyms
// (success, error, hint, attention...). False for anything else.
bool admonitionKindFromWord(std::string_view word, AdmonitionKind* kind);

// Bootstrap/Docsy colour names (primary, info, warning, danger, success) as a kind.
AdmonitionKind admonitionKindFromColor(std::string_view color);

}  // namespace pp::markdown
