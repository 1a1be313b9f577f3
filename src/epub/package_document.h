// The package document (content.opf): metadata (Dublin Core, dcterms:modified, EPUB
// accessibility metadata), manifest and spine; and META-INF/container.xml.
#pragma once

#include <string>
#include <vector>

namespace pp::epub {

struct ManifestItem {
  std::string id;
  std::string href;
  std::string mediaType;
  std::string properties;  // "nav", "cover-image", ""
};

struct PackageMetadata {
  std::string identifier;   // "urn:uuid:..."
  std::string title;
  std::string subtitle;
  std::vector<std::string> creators;
  std::vector<std::string> subjects;
  std::string language;
  bool rightToLeft = false;  // the language is written right to left: the spine's pages turn right to left
  std::string date;         // W3C date
  std::string modified;     // CCYY-MM-DDThh:mm:ssZ
  std::string description;
  std::string publisher;
  std::string source;       // the site's URL
  std::string coverImageId; // manifest id of the cover image, "" = none
  // Accessibility
  bool hasImages = false;
  bool allImagesHaveAlt = true;
  bool hasToc = true;
  std::string accessibilitySummary;
  // Declares conformance to EPUB Accessibility 1.1 at WCAG 2.1 level AA (dcterms:conformsTo),
  // evaluated by postpress's own checks (a11y:certifiedBy): set only when they hold (every
  // image has a text alternative; the stylesheet's colours are at AA's contrast by construction).
  bool conformsToWcagAA = false;
};

std::string packageDocument(const PackageMetadata& meta, const std::vector<ManifestItem>& manifest,
                            const std::vector<std::string>& spine);

std::string containerXml(const std::string& opfPath);

}  // namespace pp::epub
