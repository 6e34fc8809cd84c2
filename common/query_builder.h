// Turns a SearchRequest into a Xapian query: the free text through Xapian's
// QueryParser (with our field prefixes, folded the way the index is), the
// facet and date selections as boolean filters that never change ranking
// (OR within one facet, AND across facets, as Omega does).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "common/search_request.h"

namespace pressroom {

struct BuiltQuery {
  Xapian::Query query;                      // text filtered by every selection
  bool has_text = false;                    // false: a browse, ordered by date
  std::vector<std::string> highlight_terms; // unprefixed (stemmed) terms to mark in snippets
  bool reparsed_as_plain = false;           // the syntax could not be read; words were used
};

// Not thread-safe: one per thread (it holds a QueryParser bound to a database).
class QueryBuilder {
 public:
  // `db` is used to expand wildcards; it must outlive the builder.
  explicit QueryBuilder(const Xapian::Database& db);

  // Never throws for the text: syntax the parser cannot read is retried as
  // plain words (reparsed_as_plain is then set).
  BuiltQuery build(const SearchRequest& request);

  // The filter part only: facet selections and the date range, or an empty
  // Query when there is none. Exposed so facet counting can reuse it.
  static Xapian::Query filter_for(const SearchRequest& request);

 private:
  Xapian::QueryParser parser_;
};

}  // namespace pressroom
