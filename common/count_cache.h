// Totals and facet counts of queries already counted at one index state.
// Counting every match is what makes exact facets expensive on broad
// queries; the same query, at the same committed state, has the same counts,
// so a repeated query only has to rank its page.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/facet_counter.h"

namespace pressroom {

struct CountedMatches {
  uint64_t total = 0;  // exact number of matches
  FacetCounts facets;  // as FacetCounter::counts() gave them
};

// Process-wide, shared by every searcher thread, bounded (least recently
// used entries go first).
class CountCache {
 public:
  static CountCache& shared();

  // `key` must identify the index state, the query and what was counted
  // (count_key()).
  std::optional<CountedMatches> find(const std::string& key);
  void store(const std::string& key, CountedMatches counted);

  // The key for `query` with `selection` counted at state `revision`; empty
  // (do not cache) when the state cannot be identified.
  static std::string count_key(const std::string& revision, const std::string& serialised_query,
                               FacetSelection selection);

  explicit CountCache(size_t capacity) : capacity_(capacity) {}

  // Entries kept from now on; 0 turns the cache off (and empties it).
  void set_capacity(size_t capacity);

 private:
  using Entry = std::pair<std::string, CountedMatches>;
  size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace pressroom
