// Near-duplicate releases: the same text posted twice, a corrected re-post
// ("UPDATED: …"), a listing entry and its full page. Pure functions over a
// Release: what two releases are compared on (a profile), the keys under
// which the index finds candidates (schema.h stores them as terms), and the
// decision. Which group a release joins is duplicate_finder.h's business.
//
// Two kinds of evidence:
//  * identity: the same normalised title and date, or the same url — a
//    listing entry and its page, a summary and its release;
//  * text: the body's 5-word shingles, compared by Jaccard similarity when
//    the texts are of similar length and by containment when one is much
//    shorter. Candidates are found by MinHash with locality-sensitive
//    hashing (kBands bands of kRows minima), so a lookup costs a few term
//    look-ups whatever the archive's size.
// Boilerplate that an organisation repeats under every release ("About
// us", press contacts, "###") is left out of the shingles, so that it
// cannot make two different releases look alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/release.h"

namespace pressroom {

inline constexpr size_t kShingleWords = 5;
// A pair of texts with Jaccard similarity J shares a band with probability
// 1 - (1 - J^kRows)^kBands: 0.99 at J = 0.7, 0.89 at 0.6, 0.002 at 0.1.
inline constexpr size_t kBands = 16;
inline constexpr size_t kRows = 4;  // kBands * kRows MinHash functions
// Below this many shingles a text says too little: only identity counts.
inline constexpr size_t kMinShingles = 8;
// Same text: Jaccard similarity of the shingles at least this; or, posted
// the same day (a re-post with a few words changed), kSameDayJaccard.
inline constexpr double kSameTextJaccard = 0.8;
inline constexpr double kSameDayJaccard = 0.6;
// With the same title and date (or url): the shorter text is at least this
// much contained in the longer one (a summary, a shortened version).
inline constexpr double kSameReleaseContainment = 0.5;

// What two releases are compared on. Cheap to copy; no reference to the
// release is kept.
struct DuplicateProfile {
  std::string title_date;  // 16 hex digits of the normalised title + date; "" without either
  std::string url;         // 16 hex digits of url_match_key(url); "" without a url
  std::string date;        // YYYY-MM-DD
  bool listing = false;    // a newsroom listing entry (listing_dedup.h)
  std::vector<uint64_t> shingles;  // sorted, distinct hashes of the content's shingles
  std::vector<std::string> bands;  // kBands LSH keys ("<band><12 hex>"); empty below kMinShingles
};

// The title two copies of one release share: folded (case, accents,
// spaces), newsroom labels removed at either end ("UPDATED:", "Corrected -",
// "[Update]", "(revised)", "Press release:", "ACTUALIZADO:").
// "UPDATED: Families Deliver Letters (corrected)" → "families deliver letters".
std::string normalised_title(std::string_view title);

// True for a paragraph that an organisation repeats under its releases
// rather than one that says something: press contacts, "For immediate
// release", "Follow us", and the end markers ("###", "-30-").
bool is_boilerplate_paragraph(std::string_view paragraph);

// The text a release is compared on: summary and body, paragraph by
// paragraph, without boilerplate paragraphs and without everything from an
// "About …" section or an end marker on (the organisation's description).
std::string comparable_text(const Release& release);

// The profile of a validated release (after normalize_and_validate).
DuplicateProfile duplicate_profile(const Release& release);

struct Similarity {
  double jaccard = 0;      // |A∩B| / |A∪B|
  double containment = 0;  // |A∩B| / min(|A|, |B|)
};
Similarity similarity(const DuplicateProfile& a, const DuplicateProfile& b);

// Whether two releases are copies of one. Symmetric. With the same title
// and date or url: a listing entry, or a text too short to compare, is a
// copy; else the shorter text must be kSameReleaseContainment contained in
// the longer. Without: the texts must be the same (kSameTextJaccard, or
// kSameDayJaccard on the same date).
bool are_near_duplicates(const DuplicateProfile& a, const DuplicateProfile& b);

}  // namespace pressroom
