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

}  // namespace

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
  return rewrite_subqueries(query, [&](const Xapian::Query& q, bool) -> std::optional<Xapian::Query> {
    auto type = q.get_type();
    if (type != Xapian::Query::OP_PHRASE && type != Xapian::Query::OP_NEAR) return std::nullopt;
    // A phrase kept is not looked inside: its words are not rewritten.
    return replace(q).value_or(q);
  });
}

}  // namespace pressroom
