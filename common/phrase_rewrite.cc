#include "common/phrase_rewrite.h"

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

namespace {

// Inside "Query(...)": the form a subquery takes in its parent's description.
std::string inner_description(const Xapian::Query& query) {
  std::string d = query.get_description();
  constexpr std::string_view kWrap = "Query(";
  if (d.size() < kWrap.size() + 1 || d.compare(0, kWrap.size(), kWrap) != 0 || d.back() != ')') return {};
  return d.substr(kWrap.size(), d.size() - kWrap.size() - 1);
}

Xapian::Query rewrite(const Xapian::Query& query,
                      const std::function<std::optional<Xapian::Query>(const Xapian::Query&)>& replace, bool& changed) {
  auto type = query.get_type();
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
    if (std::optional<Xapian::Query> replaced = replace(query)) {
      changed = true;
      return *replaced;
    }
    return query;
  }
  if (!rebuilt_around(type)) return query;
  bool any = false;
  std::vector<Xapian::Query> subqueries;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) subqueries.push_back(rewrite(query.get_subquery(i), replace, any));
  if (!any) return query;
  changed = true;
  return Xapian::Query(type, subqueries.begin(), subqueries.end());
}

}  // namespace

bool rebuilt_around(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

std::optional<Xapian::termpos> window_of(const Xapian::Query& query) {
  auto type = query.get_type();
  if ((type != Xapian::Query::OP_PHRASE && type != Xapian::Query::OP_NEAR) || query.get_num_subqueries() == 0)
    return std::nullopt;
  std::string whole = inner_description(query);
  std::string first = inner_description(query.get_subquery(0));
  std::string lead = "(" + first + (type == Xapian::Query::OP_PHRASE ? " PHRASE " : " NEAR ");
  if (first.empty() || whole.compare(0, lead.size(), lead) != 0) return std::nullopt;
  Xapian::termpos window = 0;
  const char* start = whole.data() + lead.size();
  auto [end, error] = std::from_chars(start, whole.data() + whole.size(), window);
  if (error != std::errc() || end == start || *end != ' ') return std::nullopt;
  return window;
}

Xapian::Query rewrite_phrases(const Xapian::Query& query,
                              const std::function<std::optional<Xapian::Query>(const Xapian::Query&)>& replace) {
  bool changed = false;
  return rewrite(query, replace, changed);
}

}  // namespace pressroom
