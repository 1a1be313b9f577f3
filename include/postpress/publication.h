// Publication: the digest as a publication, shared by both backends. Everything the cover,
// the at-a-glance brief, the contents, each post's opening and the back-matter indexes show is
// computed here once (period label, summaries, reading times, groups, indexes), so the PDF and
// the EPUB tell the same story. What only the printed book shows (link notes, QR codes) is the
// book's (postpress/book.h). Stage home: src/publication/.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "postpress/assets.h"
#include "postpress/document.h"
#include "postpress/locale.h"
#include "postpress/select.h"
#include "postpress/site.h"
#include "postpress/style.h"

namespace pp {

// What the digest config asks for (from the CLI flags or postpress.yaml).
struct PublicationOptions {
  std::string title;     // default: the site title, else "Digest"
  std::string subtitle;
  std::string groupBy = "none";  // none | month | tag
  std::string language;          // default: the site language, else "en" (digestLanguage)
  std::string logo;              // file (relative to the config file's folder or absolute)
  std::string coverImage;        // file
  // Parts, each also switchable by the style; the config wins when it sets one (-1 = unset).
  int cover = -1, brief = -1, toc = -1, tagIndex = -1, authorIndex = -1, qrCodes = -1;
  std::string linkNotes;   // "" = style's choice; endnotes | footnotes | none
  // (qrCodes and linkNotes are the printed book's: bookOptions in postpress/book.h.)
  long long buildEpoch = 315532800;  // the build's instant (support/build_time.h); default 1980-01-01
};

struct PostEntry {
  const Post* post = nullptr;
  Document doc;
  std::string anchor;        // unique id of the post in the digest ("p3-kubecon-na-2025")
  std::string summary;       // front matter summary, else before the marker, else the first
                             // paragraph of a section named like "Executive Summary", else the
                             // first paragraph; cut at a sentence end near 60 words
  std::vector<std::string> keyPoints;  // the first bullets of that summary section (at most 5)
  std::vector<std::string> figures;    // headline figures the post quotes ("9,000+ attendees")
  int readingMinutes = 1;    // words / 230, rounded up
  std::size_t words = 0;
  int heroAsset = -1;        // AssetStore id of the hero image, -1 = none
};

struct IndexEntry {
  std::string label;         // tag or author as displayed
  std::vector<int> posts;    // indices into Publication::posts, in digest order
};

struct Group {
  std::string label;         // "November 2025", or a tag; empty when not grouped
  std::vector<int> posts;
};

struct Publication {
  // Every Publication speaks a language: there is no default one.
  explicit Publication(std::shared_ptr<const Locale> locale);

  const Site* site = nullptr;
  const AssetStore* assets = nullptr;
  Selection selection;

  std::string title;
  std::string subtitle;
  std::string period;        // "Q4 2025", "November 2025", "1 Oct 2025 – 15 Jan 2026"
  std::string filters;       // "Tags: KServe, vLLM · Authors: Yuan Tang" (empty: none)
  std::string dateLabel;     // the build date (SOURCE_DATE_EPOCH, else now), "27 November 2026"
  long long buildEpoch = 0;  // the build's instant, seconds since 1970 (PublicationOptions)
  std::string isoDate;       // "2026-11-27T00:00:00Z"
  std::string language = "en";  // the digest's, normalised (Locale::tag): dc:language, lang
  // Every label, date, number and count the PDF and the EPUB print around the posts, in the
  // digest's language: the driver's, made once per digest (buildPublication's `locale`).
  // Never null (the constructor refuses null); shared, since the Typesetter and copies of the
  // publication keep reading it.
  std::shared_ptr<const Locale> locale;
  std::string identifier;    // "urn:uuid:..." derived from the content (stable)
  int coverImageAsset = -1;
  int logoAsset = -1;

  // Which parts to show, resolved from the options and the style.
  struct Parts {
    bool cover = true, brief = true, toc = true, tagIndex = true, authorIndex = true;
  } parts;
  std::string groupBy = "none";

  std::vector<PostEntry> posts;  // in digest order
  std::vector<Group> groups;     // contents grouping (one unlabeled group when not grouped)
  std::vector<IndexEntry> tagIndex;     // sorted by label (case-insensitive)
  std::vector<IndexEntry> authorIndex;  // sorted by family name, then given names

  std::size_t totalWords() const;
};

// The digest's language as asked: the config's (`--language`, `language`), else the language
// the selection keeps (`--lang ja`: every post is Japanese, so the digest speaks Japanese),
// else the site's, else "en".
std::string digestLanguage(const PublicationOptions& options, const Selection& selection, const Site& site);

// Builds the publication: takes ownership of the parsed documents (docs[i] is posts[i]),
// resolves hero/cover/logo images through `assets`, computes summaries, reading times, groups
// and indexes, with labels and dates in `locale`'s language (not null), which the publication
// keeps. `site` and `assets` must outlive it.
Publication buildPublication(const Site& site, const Selection& selection,
                             const std::vector<const Post*>& posts, std::vector<Document> docs,
                             const PublicationOptions& options, const Style& style,
                             AssetStore& assets, std::shared_ptr<const Locale> locale, DiagnosticSink& diags);

// Which digest this is, for the names of the packs its outputs keep between builds
// (postpress/support/deflate_pack.h): its site, title, subtitle, period, style, paper and posts.
// Two digests alike only share a pack: what a pack holds is found by its content.
std::string digestIdentity(const Publication& pub, const Style& style);

// The posts in reading order, shared by the PDF body and the EPUB spine: by the contents'
// groups when grouped (each post once, in the first group that lists it; posts of no group last
// under "Other posts"), else one unlabeled group in digest order.
std::vector<Group> readingSections(const Publication& pub);

// A post's summary as the brief shows it: front matter summary, else the text before the
// summary marker, else the first real paragraph; cut at a sentence end near 60 words.
std::string postSummary(const Post& post, const Document& doc);

// True for links that deserve a QR code beside the paragraph: videos and recordings on media
// hosts (YouTube, Vimeo, Twitch, Wistia, Loom) or at a recording path; not schedules.
bool isMediaUrl(const std::string& url);

// A post's date as the locale writes it: "18 Nov 2025", "18. Nov. 2025" (Short), "18 November
// 2025" (Long); "" when the post has none.
std::string postDateLabel(const Locale& locale, const DateTime& date, DateForm form = DateForm::Short);
// A post's reading time: "6 min read", "6 Min. Lesezeit".
std::string readingTimeLabel(const Locale& locale, const PostEntry& entry);
// The language a post is written in (postLanguageTag of its own, else the site's): its
// hyphenation, its paragraph direction and its lang attribute.
std::string postLanguage(const Publication& pub, const Post& post);

}  // namespace pp
