// The documents a query matches, found by walking its terms' posting lists
// directly, for counting: the exact total and facets of a broad query.
//
// Why: to count every match, Xapian's matcher weighs each one, makes a
// Document for each match spy call and keeps its ranking structures, about
// 75 ns a match; walking the same posting lists costs under 10 (at 1M
// releases, "launch" has 674k matches: 50 ms through the matcher with a spy,
// 4 ms walked; bench/walk_cost.cc, docs/benchmarks.md "Session 9"). The page itself still comes
// from the matcher, which stops early once it has the best few.
//
// Only queries whose matches are set operations on posting lists are walked:
// terms, match-all, and AND, FILTER, OR, SYNONYM, MAX, AND_NOT, AND_MAYBE and
// SCALE_WEIGHT over them. Phrases, NEAR, wildcards, value ranges and posting
// sources are left to the matcher (of() gives null), which then counts.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace pressroom {

class MatchWalk {
 public:
  virtual ~MatchWalk() = default;

  // A walk of the matches of `query` in `db`, or null when the query has a
  // part that is not a set operation on posting lists (see above). `db` is
  // one local database or several: ids are `db`'s. Given `days` (the date of
  // each of `db`'s releases, FacetTable::days), an OR of date terms
  // (date_spans.h) is walked in that array instead of in its ~40 posting
  // lists.
  static std::unique_ptr<MatchWalk> of(const Xapian::Database& db, const Xapian::Query& query,
                                       const std::vector<uint32_t>* days = nullptr);

  // Whether of() would walk `query` (no database needed).
  static bool walkable(const Xapian::Query& query);

  // The first match at or after `did` (ids ascend), or 0 when there is none.
  virtual Xapian::docid skip_to(Xapian::docid did) = 0;

  // How many documents this part may match at most, for ordering the parts
  // of an AND (the rarest leads).
  virtual Xapian::doccount size_bound() const = 0;

  // f(did) for every match, ascending, from the start.
  template <typename F>
  void each(F f) {
    for (Xapian::docid did = skip_to(1); did != 0; did = did == Xapian::docid(-1) ? 0 : skip_to(did + 1)) f(did);
  }
};

}  // namespace pressroom
