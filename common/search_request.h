// A search as the user asked for it, validated: what the API's query string
// means, independent of HTTP. parse_search_request() is the only place the
// parameters' rules are written down.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace pressroom {

enum class SortOrder { Relevance, DateDesc, DateAsc };

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
};

// Parameter name → value, repeated names allowed (the shape of a URL query).
using ParamMap = std::multimap<std::string, std::string>;

inline constexpr int kMaxPageSize = 100;
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr int kMaxResultWindow = 10000;  // page × size may not reach past this

// Reads q, topic, spokesperson, type (repeatable), from, to (YYYY, YYYY-MM or
// YYYY-MM-DD, inclusive), sort (relevance | date | date-asc), page, size.
// Unknown parameters are ignored. Throws InvalidParameter naming the
// parameter, e.g. "size must be an integer from 1 to 100".
SearchRequest parse_search_request(const ParamMap& params);

}  // namespace pressroom
