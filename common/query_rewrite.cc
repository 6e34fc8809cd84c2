#include "common/query_rewrite.h"

#include <vector>

namespace pressroom {
namespace {

Xapian::Query rewrite(const Xapian::Query& query,
                      const std::function<std::optional<Xapian::Query>(const Xapian::Query&, bool)>& replace,
                      bool filtering, bool& changed) {
  if (std::optional<Xapian::Query> replaced = replace(query, filtering)) {
    // The subquery itself given back: kept, not looked inside.
    if (replaced->internal.get() == query.internal.get()) return query;
    changed = true;
    return *replaced;
  }
  auto type = query.get_type();
  if (!rebuilt_around(type)) return query;
  bool any = false;
  std::vector<Xapian::Query> subqueries;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    bool only_filters =
        filtering || (i > 0 && (type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_AND_NOT));
    subqueries.push_back(rewrite(query.get_subquery(i), replace, only_filters, any));
  }
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

Xapian::Query rewrite_subqueries(
    const Xapian::Query& query,
    const std::function<std::optional<Xapian::Query>(const Xapian::Query&, bool filtering)>& replace) {
  bool changed = false;
  return rewrite(query, replace, false, changed);
}

}  // namespace pressroom
