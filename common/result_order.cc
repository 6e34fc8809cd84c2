#include "common/result_order.h"

#include "common/schema.h"

namespace pressroom {

ResultOrder::ResultOrder(SortOrder sort, bool has_text)
    : relevance_first_(sort == SortOrder::Relevance && has_text),
      slot_(sort == SortOrder::DateAsc ? schema::kSortOldest : schema::kSortNewest),
      descending_(sort != SortOrder::DateAsc) {}

void ResultOrder::apply(Xapian::Enquire& enquire) const {
  if (relevance_first_) {
    // Equal weights: newer releases first, then the id, so pages are stable.
    enquire.set_sort_by_relevance_then_value(slot_, descending_);
  } else {
    enquire.set_sort_by_value_then_relevance(slot_, descending_);
  }
}

bool ResultOrder::before(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) const {
  double wa = a.get_weight(), wb = b.get_weight();
  std::string ka = a.get_sort_key(), kb = b.get_sort_key();
  if (relevance_first_ && wa != wb) return wa > wb;
  if (ka != kb) return descending_ ? ka > kb : ka < kb;
  if (wa != wb) return wa > wb;
  return *a < *b;
}

}  // namespace pressroom
