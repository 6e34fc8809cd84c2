// A search as the user asked for it, validated: what the API's query string
// means, independent of HTTP. parse_search_request() is the only place the
// parameters' rules are written down.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace pressroom {

enum class SortOrder { Relevance, DateDesc, DateAsc };

// How plain words combine: all must match (the default: a journalist who types
// three words means all three), or any may, ranked by BM25 over all of them
// (as Meilisearch's matching strategy "last" relaxes, but without dropping words).
enum class MatchMode { All, Any };

// Facets a search can count; counting only what the page shows saves time.
struct FacetSelection {
  bool topic = true, spokesperson = true, type = true, year = true, month = true;
  bool any() const { return topic || spokesperson || type || year || month; }
};

struct SearchRequest {
  std::string q;                          // free text in the query syntax; may be empty
  std::vector<std::string> topics;        // OR within a facet, AND across facets
  std::vector<std::string> spokespeople;
  std::vector<std::string> types;
  std::string from;                       // "YYYYMMDD" inclusive lower bound, or empty
  std::string to;                         // "YYYYMMDD" inclusive upper bound, or empty
  SortOrder sort = SortOrder::DateDesc;   // relevance when q is given, date otherwise
  int page = 1;                           // 1-based
  int size = 10;                          // results per page
  MatchMode match = MatchMode::All;
  FacetSelection facets;                  // which facets to count
  bool autocorrect = false;               // run the spelling suggestion instead of the query
  bool explain = false;                   // include each hit's weight parts
};

// Parameter name → value, repeated names allowed (the shape of a URL query).
using ParamMap = std::multimap<std::string, std::string>;

inline constexpr int kMaxPageSize = 100;
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr int kMaxResultWindow = 10000;  // page × size may not reach past this

// Reads q, topic, spokesperson, type (repeatable), from, to (YYYY, YYYY-MM or
// YYYY-MM-DD, inclusive), sort (relevance | date | date-asc), page, size,
// match (all | any), facets (comma-separated names, or "none"), autocorrect
// and explain (0 | 1).
// Unknown parameters are ignored. Throws InvalidParameter naming the
// parameter, e.g. "size must be an integer from 1 to 100".
SearchRequest parse_search_request(const ParamMap& params);

// An integer parameter within [1, max], or `fallback` when absent. Throws
// InvalidParameter naming it otherwise.
int parse_count(const ParamMap& params, const std::string& name, int fallback, int max);

struct SuggestRequest {
  std::string q;    // what the user has typed so far
  size_t size = 8;  // at most this many suggestions
};

// Reads q (at most 100 bytes) and size (1..20). Throws InvalidParameter.
SuggestRequest parse_suggest_request(const ParamMap& params);

}  // namespace pressroom
