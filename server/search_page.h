// The search page at "/": the search box, the facet sidebar, the year
// histogram, the results and the pager, rendered on the server so that a
// search works without JavaScript (web/app.js then fetches the same page for
// each change and swaps the #results-area in, keeping one renderer).
#pragma once

#include <string>
#include <vector>

#include "common/search_request.h"
#include "common/searcher.h"
#include "server/html_layout.h"
#include "server/search_params.h"

namespace pressroom {

// The search page's own page size when the URL does not set one.
inline constexpr int kSearchPageSize = 20;

struct SearchPageView {
  SearchParams params;                     // the search as it stands in the URL
  const SearchRequest* request = nullptr;  // null when the parameters were refused
  const SearchResult* result = nullptr;    // set with request
  double took_ms = 0;                      // time the search took
  std::string error;                       // why the parameters were refused, for the reader
  std::string feed_href;                   // the Atom feed of this search
  std::string canonical;                   // absolute URL of this search, or empty
  std::vector<std::string> missing_shards; // shards left out of the answer (--allow-partial)
};

// The whole page. Every value from the index or the URL is escaped; each
// snippet is re-checked by snippet_html().
std::string render_search_page(const SearchPageView& view, const PageAssets& assets);

}  // namespace pressroom
