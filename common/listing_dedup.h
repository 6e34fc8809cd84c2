// A release can reach the archive twice: as its full page and as an entry of
// a newsroom listing that links to it. The full page wins, whichever file is
// read first, and two listings that show the same entry count it once.
#pragma once

#include <string>
#include <vector>

#include "common/release.h"

namespace pressroom {

// The provenance key HtmlReader sets on releases that are listing entries
// (release.provenance[kListingMarker] == Provenance::Extracted).
inline constexpr const char* kListingMarker = "listing";

// True when `release` came from a listing entry rather than a full page.
bool is_listing_entry(const Release& release);

// What two releases are compared on; small enough to keep one per release of
// a run.
struct DedupKey {
  std::string url;    // url_match_key(release.url); "" when the release has none
  std::string title;  // fold_key(release.title)
  std::string date;   // YYYY-MM-DD as validated; "" when unknown
  bool listing = false;
};

// The key of a validated release (after normalize_and_validate).
DedupKey dedup_key_for(const Release& release);

// The form of a URL two copies of one page share: scheme, "www.", default
// port, fragment, trailing slash and a trailing index.html/index.php dropped,
// host lower-cased. "HTTPS://www.Example.org/news/a/#top" and
// "http://example.org/news/a" both give "example.org/news/a".
std::string url_match_key(const std::string& url);

// For each key, in the same order, whether that release must be dropped: a
// listing entry whose url or (title, date) equals a full page's anywhere in
// `keys`, or equals an earlier listing entry's. Full pages are never dropped.
// Two titles only match with a date on both sides.
std::vector<bool> listing_entries_to_drop(const std::vector<DedupKey>& keys);

}  // namespace pressroom
