#include "common/day_filter.h"

#include <optional>
#include <utility>

#include "common/query_rewrite.h"

namespace pressroom {

DayFilter::DayFilter(std::shared_ptr<const FacetTable> table, DateSpans spans, Xapian::doccount frequency)
    : table_(std::move(table)), spans_(std::move(spans)), frequency_(frequency) {}

void DayFilter::init(const Xapian::Database&) { current_ = 0; }

void DayFilter::next(double) {
  current_ = static_cast<Xapian::docid>(spans_.next_in(table_->days(), size_t{current_} + 1));
}

void DayFilter::skip_to(Xapian::docid did, double min_wt) {
  if (did <= current_) return;
  current_ = did - 1;
  next(min_wt);
}

bool DayFilter::check(Xapian::docid did, double) {
  // A miss leaves the position undecided: the next next() moves past `did`.
  current_ = did;
  return in_range(did);
}

std::string DayFilter::get_description() const { return "DayFilter(" + std::to_string(frequency_) + ")"; }

Xapian::Query with_day_filters(const Xapian::Query& query, const std::shared_ptr<const FacetTable>& table,
                               const Xapian::Database& db) {
  return rewrite_subqueries(query, [&](const Xapian::Query& q, bool filtering) -> std::optional<Xapian::Query> {
    if (!filtering) return std::nullopt;
    std::optional<DateSpans> spans = DateSpans::of(q);
    if (!spans) return std::nullopt;
    Xapian::doccount frequency = spans->frequency(db);
    return Xapian::Query((new DayFilter(table, std::move(*spans), frequency))->release());
  });
}

}  // namespace pressroom
