// The manual pages, written from the option table (include/postpress/options.h) and the
// bundled report style, so that they cannot disagree with --help, postpress.yaml or the styles.
#pragma once

#include <string>

namespace pp::docgen {

std::string commandManual(const std::string& version);                   // postpress(1)
std::string configManual(const std::string& version);                    // postpress.yaml(5)
std::string styleManual(const std::string& version, const std::string& reportStyle);  // postpress-style(5)

}  // namespace pp::docgen
