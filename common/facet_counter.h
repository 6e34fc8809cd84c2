// Exact facet counts over every match of a query (not just the page): type,
// year, and the multi-valued topic and spokesperson facets, read from the one
// facet slot (schema.h) with a single value read per matching document.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/search_request.h"

namespace pressroom {

struct FacetValue {
  std::string value;  // display form (original case and accents)
  uint64_t count = 0;
};

// Facet name ("topic", "spokesperson", "type", "year", "month") → values.
using FacetCounts = std::map<std::string, std::vector<FacetValue>>;

// A match spy: register it on an Enquire whose get_mset() checks every match
// (check_at_least = doccount) and the counts are exact.
class FacetCounter : public Xapian::MatchSpy {
 public:
  // Counts only the facets selected (year and month share one count).
  explicit FacetCounter(FacetSelection selection = {}) : selection_(selection) {}

  void operator()(const Xapian::Document& doc, double weight) override;

  // Counts by facet. Values whose folded forms agree ("asylum", "Asylum") are
  // merged under the most frequent display form. topic, spokesperson and type
  // are ordered by count descending, then value; year (YYYY) and month
  // (YYYY-MM) ascending.
  // `limit` > 0 keeps the first `limit` values of topic and spokesperson.
  // Only the selected facets appear.
  FacetCounts counts(size_t limit = 0) const;

 private:
  // Counts keyed by the display form as stored; merged by folded form in counts().
  FacetSelection selection_;
  std::unordered_map<std::string, uint64_t> topics_, spokespeople_, types_, months_;
};

}  // namespace pressroom
