// Everything a user sees of an answer, as text, so that the answers of two
// layouts of one archive (one database, shards, a replica) compare in one
// assertion with a readable difference. Header-only, for the *_test.cc files.
#pragma once

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "common/searcher.h"

namespace pressroom::testing {

// Weights to six decimals: their last bits depend on the order Xapian adds
// a sum's terms (docs/deployment.md).
inline long long rounded_weight(double weight) { return std::llround(weight * 1e6); }

inline std::string describe(const FacetCounts& facets) {
  std::ostringstream out;
  for (const auto& [name, values] : facets) {
    out << name << ":";
    for (const FacetValue& v : values) out << " " << v.value << "=" << v.count;
    out << "\n";
  }
  return out.str();
}

inline std::string describe(const SearchResult& r) {
  std::ostringstream out;
  out << "total=" << r.total << " exact=" << r.exact_total << " relaxed=" << r.relaxed
      << " plain=" << r.reparsed_as_plain << " dym=" << r.did_you_mean << " corrected=" << r.corrected_from << "\n";
  for (const SearchHit& hit : r.hits) {
    out << hit.release.id << " " << rounded_weight(hit.score) << " " << hit.snippet;
    for (const Release& copy : hit.duplicates) out << " copy:" << copy.id;
    out << "\n";
  }
  return out.str() + describe(r.facets);
}

inline std::string describe(const std::vector<Suggestion>& suggestions) {
  std::ostringstream out;
  for (const Suggestion& s : suggestions) out << s.kind << "|" << s.value << "|" << s.count << "|" << s.id << "\n";
  return out.str();
}

inline std::string describe(const StatementResult& r) {
  std::ostringstream out;
  out << "total=" << r.total << " truncated=" << r.truncated << "\n";
  for (const StatementHit& hit : r.hits) out << hit.release_id << " " << hit.quote.speaker << " " << hit.text_html << "\n";
  return out.str() + describe(r.facets);
}

inline std::string describe(const std::vector<RelatedHit>& hits) {
  std::ostringstream out;
  for (const RelatedHit& hit : hits) out << hit.release.id << " " << rounded_weight(hit.score) << "\n";
  return out.str();
}

}  // namespace pressroom::testing
