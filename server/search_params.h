// A search as it stands in a URL: the /api/search parameters in one canonical
// order, so that every link the pages build for the same search is the same
// string (bookmarks, caches, the Atom feed's id), and links that change one
// thing (tick a facet, turn a page) are derived rather than hand-written.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/search_request.h"

namespace pressroom {

class SearchParams {
 public:
  using Item = std::pair<std::string, std::string>;

  SearchParams() = default;

  // Keeps the parameters a search understands (q, topic, spokesperson, type,
  // from, to, sort, match, page, size), drops empty values and everything
  // else, and orders them by that list, repeated names in their order.
  static SearchParams from(const ParamMap& params);

  const std::vector<Item>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

  // The last value of `name`, or empty.
  std::string get(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  // Whether `name` has a value that matches `value` the way the engine
  // matches facet values (case and accents ignored).
  bool has(std::string_view name, std::string_view value) const;

  // Copies with one change. Each keeps the canonical order; an empty value
  // adds nothing.
  SearchParams with(std::string_view name, std::string_view value) const;
  SearchParams without(std::string_view name) const;
  SearchParams without(std::string_view name, std::string_view value) const;  // folded match
  SearchParams with_only(std::string_view name, std::string_view value) const;  // replaces all values

  // A facet or a filter changed: the page number no longer means anything.
  SearchParams first_page() const { return without("page"); }

  ParamMap to_map() const;

  // "q=family%20detention&topic=Asylum"; empty when there is nothing.
  std::string query_string() const;
  // `path` followed by "?" and the query string when there is one.
  std::string href(std::string_view path) const;

 private:
  std::vector<Item> items_;
};

// Percent-encodes everything but RFC 3986's unreserved characters (and "/"
// when `keep_slash`), so the result is safe in a query value or a path.
std::string percent_encode(std::string_view text, bool keep_slash = false);

}  // namespace pressroom
