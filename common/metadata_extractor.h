// Metadata nobody typed: the date, type, location, language, spokespeople,
// contacts, quotes and topics of a release recovered from its text, for every
// format. What the source gives always wins; each field the extractor fills
// is marked Release::provenance[field] = Provenance::Extracted so the release
// page can say which values a person typed and which a program guessed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "common/name_normalizer.h"
#include "common/release.h"
#include "common/taxonomy.h"

namespace pressroom {

// What the extractors need beyond the release itself. Loaded once and then
// only read: one instance may be shared by every worker thread.
struct ExtractionContext {
  Taxonomy taxonomy;     // empty: topics are not extracted
  NameNormalizer names;  // without aliases: the name rules alone
};

// Loads a taxonomy file (taxonomy.h) and an aliases file (name_normalizer.h);
// an empty path leaves that part empty. On success fills `out` and returns
// nullopt; otherwise returns the reason and leaves `out` as it was.
std::optional<std::string> load_extraction_context(const std::filesystem::path& taxonomy,
                                                   const std::filesystem::path& aliases,
                                                   ExtractionContext& out);

// Fills the fields of `release` that are empty, in this order, each from
// what the ones before found:
//   lang          detect_language() of title, summary and body
//   date          the dateline or a dated header line (read_opening()), else
//                 a date in the url, id or source path ("/2020/11/18/",
//                 "2013-01-15-…", "news/2020/11-18-…")
//   type          read_opening()'s labels and cues, else "press-release"
//   location      the dateline's place
//   quotes, spokespeople, contacts   attribute_quotes() with context.names
//   topics        context.taxonomy.classify() in the release's language
// A field the source filled is left as it is, even when the text disagrees;
// quotes are extracted even when the source lists its spokespeople. Each
// field filled gets Provenance::Extracted; fields left empty get none.
// Spokespeople the source lists are replaced by the canonical name the
// aliases file lists them under (context.names.aliased()), so that a content
// system's user names ("jparcell") and spelling variants count as the person
// they stand for; names the file does not list are kept as given.
// Never throws for malformed text.
void enrich(Release& release, const ExtractionContext& context);

// A date in a URL or a path: "/2020/11/18/", "2020-11-18" not glued to other
// digits, or a year folder and a month-day file name ("2020/11-18-…").
// Returns YYYY-MM-DD, or nullopt.
std::optional<std::string> date_from_path(std::string_view path);

}  // namespace pressroom
