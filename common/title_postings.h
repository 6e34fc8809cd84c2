// The releases of every title word (XS term), held in memory and numbered
// newest first, for suggestions as you type. Asking Xapian for the newest
// titles with a word and one of 64 completions sorts every match by date, or
// walks the archive back in date windows with one query each; on a large
// archive that is a B-tree seek per posting list, window and candidate. Here
// the lists are sorted by age, so the newest matches are the first ones met
// walking them from the front, and most suggestions stop after a few steps.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace pressroom {

class TitlePostings {
 public:
  // Reads every release's newest-first sort key (schema::kSortNewest) and
  // every XS term's postings of `db` (several shards read as one). Releases
  // without a sort key come after all others, by docid, as in Xapian's sort.
  explicit TitlePostings(const Xapian::Database& db);

  // The docids of `db` of at most `limit` releases, newest first (the order
  // of a descending sort on kSortNewest), whose titles have every word of
  // `all` and at least one word of `any` (XS terms without their prefix).
  // A word of `all` no title has matches nothing; `any` empty matches nothing.
  std::vector<Xapian::docid> newest(const std::vector<std::string>& all, const std::vector<std::string>& any,
                                    size_t limit) const;

 private:
  using Ranks = std::vector<uint32_t>;  // ascending: 0 is the newest release
  const Ranks* ranks_of(const std::string& word) const;

  std::vector<Xapian::docid> docids_;  // by rank
  std::unordered_map<std::string, Ranks> words_;
};

}  // namespace pressroom
