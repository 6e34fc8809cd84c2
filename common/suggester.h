// Completions as the user types: spokespeople and topics whose names have a
// word starting with what was typed (with how many releases each has), and
// titles containing the typed words, the last one as a prefix.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pressroom {

struct Suggestion {
  std::string kind;   // "spokesperson", "topic" or "title"
  std::string value;  // display form, or the title
  uint64_t count = 0; // releases (names and topics)
  std::string id;     // release id (titles)
  std::string date;   // release date (titles)
};

// Up to `limit` suggestions for `typed`: names and topics first (by count),
// then titles (newest first). Empty input gives none. Reads `db` only.
// `revision` is revision_key() of the state `db` is at: the vocabulary the
// suggestions draw on (suggestion_index.h) is then read once for that state
// and shared; without one (remote shards) each call reads what it needs.
std::vector<Suggestion> suggest(const Xapian::Database& db, const std::string& typed, size_t limit,
                                const std::string& revision = {});

}  // namespace pressroom
