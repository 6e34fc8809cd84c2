#include "common/search_request.h"

#include <charconv>

#include "common/dates.h"
#include "common/errors.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

std::vector<std::string> all_values(const ParamMap& params, const std::string& name) {
  std::vector<std::string> values;
  auto [begin, end] = params.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (!is_valid_utf8(it->second)) throw InvalidParameter(name, name + " is not valid UTF-8");
    std::string value = collapse_whitespace(it->second);
    if (!value.empty()) values.push_back(std::move(value));
  }
  return values;
}

// The last value of a single-valued parameter, or empty.
std::string one_value(const ParamMap& params, const std::string& name) {
  std::vector<std::string> values = all_values(params, name);
  return values.empty() ? std::string() : values.back();
}

int integer_in_range(const ParamMap& params, const std::string& name, int fallback, int lo, int hi) {
  std::string text = one_value(params, name);
  if (text.empty()) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < lo || value > hi)
    throw InvalidParameter(name, name + " must be an integer from " + std::to_string(lo) + " to " +
                                     std::to_string(hi) + ", got '" + text + "'");
  return value;
}

std::string bound(const ParamMap& params, const std::string& name, BoundSide side) {
  std::string text = one_value(params, name);
  if (text.empty()) return {};
  auto value = date_bound(text, side);
  if (!value)
    throw InvalidParameter(name, name + " must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
  return *value;
}

bool flag(const ParamMap& params, const std::string& name) {
  std::string text = one_value(params, name);
  if (text.empty() || text == "0" || text == "false") return false;
  if (text == "1" || text == "true") return true;
  throw InvalidParameter(name, name + " must be 0 or 1, got '" + text + "'");
}

FacetSelection facet_selection(const ParamMap& params) {
  if (params.find("facets") == params.end()) return {};
  FacetSelection selection{false, false, false, false, false};
  for (const std::string& list : all_values(params, "facets")) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(',', start);
      if (end == std::string::npos) end = list.size();
      std::string name = collapse_whitespace(list.substr(start, end - start));
      start = end + 1;
      if (name.empty() || name == "none") continue;
      if (name == "topic") selection.topic = true;
      else if (name == "spokesperson") selection.spokesperson = true;
      else if (name == "type") selection.type = true;
      else if (name == "year") selection.year = true;
      else if (name == "month") selection.month = true;
      else
        throw InvalidParameter("facets", "facets must list topic, spokesperson, type, year, month or none; got '" +
                                             name + "'");
    }
  }
  return selection;
}

}  // namespace

SearchRequest parse_search_request(const ParamMap& params) {
  SearchRequest request;
  auto q = params.equal_range("q");
  for (auto it = q.first; it != q.second; ++it)
    if (!is_valid_utf8(it->second)) throw InvalidParameter("q", "q is not valid UTF-8");
  for (auto it = q.first; it != q.second; ++it)
    if (it->second.size() > kMaxQueryBytes)
      throw InvalidParameter("q", "q is too long: at most " + std::to_string(kMaxQueryBytes) + " bytes");
  request.q = one_value(params, "q");
  if (request.q.size() > kMaxQueryBytes)
    throw InvalidParameter("q", "q is too long: at most " + std::to_string(kMaxQueryBytes) + " bytes");
  request.topics = all_values(params, "topic");
  request.spokespeople = all_values(params, "spokesperson");
  request.types = all_values(params, "type");
  request.from = bound(params, "from", BoundSide::Lower);
  request.to = bound(params, "to", BoundSide::Upper);
  if (!request.from.empty() && !request.to.empty() && request.from > request.to)
    throw InvalidParameter("from", "from must not be after to");

  std::string sort = one_value(params, "sort");
  if (sort.empty()) {
    request.sort = request.q.empty() ? SortOrder::DateDesc : SortOrder::Relevance;
  } else if (sort == "relevance") {
    request.sort = SortOrder::Relevance;
  } else if (sort == "date" || sort == "date-desc") {
    request.sort = SortOrder::DateDesc;
  } else if (sort == "date-asc") {
    request.sort = SortOrder::DateAsc;
  } else {
    throw InvalidParameter("sort", "sort must be relevance, date or date-asc, got '" + sort + "'");
  }
  std::string match = one_value(params, "match");
  if (match.empty() || match == "all") {
    request.match = MatchMode::All;
  } else if (match == "any") {
    request.match = MatchMode::Any;
  } else {
    throw InvalidParameter("match", "match must be all or any, got '" + match + "'");
  }
  request.facets = facet_selection(params);
  request.autocorrect = flag(params, "autocorrect");
  request.explain = flag(params, "explain");
  request.size = integer_in_range(params, "size", 10, 1, kMaxPageSize);
  request.page = integer_in_range(params, "page", 1, 1, kMaxResultWindow);
  if (static_cast<long>(request.page) * request.size > kMaxResultWindow)
    throw InvalidParameter("page", "page × size may not exceed " + std::to_string(kMaxResultWindow));
  return request;
}

int parse_count(const ParamMap& params, const std::string& name, int fallback, int max) {
  return integer_in_range(params, name, fallback, 1, max);
}

SuggestRequest parse_suggest_request(const ParamMap& params) {
  SuggestRequest request;
  request.q = one_value(params, "q");
  if (request.q.size() > 100) throw InvalidParameter("q", "q is too long for suggestions: at most 100 bytes");
  request.size = static_cast<size_t>(parse_count(params, "size", 8, 20));
  return request;
}

}  // namespace pressroom
