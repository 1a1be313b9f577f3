// From Kate's formats to postpress's token classes.
#pragma once

#include <string_view>

#include <KSyntaxHighlighting/Theme>

#include "postpress/document.h"

namespace pp::highlight {

// The token class of a format named `formatName` with Kate default style `style`, met while
// highlighting with the definition named `definition`. Kate picks a format's default style
// for its look (YAML keys are "Function", diff's removed lines "String"), so the formats of
// the languages we promise are mapped by name first; the default style decides the rest.
TokenClass tokenClassOf(std::string_view definition, std::string_view formatName,
                        KSyntaxHighlighting::Theme::TextStyle style);

// Kate gives brackets and operators one format in most languages ("Symbol"): an operator
// span made only of brackets and separators is punctuation.
TokenClass refineOperator(TokenClass token, std::u16string_view text);

}  // namespace pp::highlight
