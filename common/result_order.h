// The order of a search's results, in one place: what an Enquire is told to
// sort by, and the same order as a comparison of two matches, for merging
// matches that several Enquires ranked (ranged_match.h).
#pragma once

#include <xapian.h>

#include "common/search_request.h"

namespace pressroom {

class ResultOrder {
 public:
  // Relevance with text: BM25 weight, then newest first. A browse, or a sort
  // by date: the date (newest or oldest first), then weight. Ties: document
  // id ascending, as Xapian breaks them.
  ResultOrder(SortOrder sort, bool has_text);

  // Tells `enquire` to sort so.
  void apply(Xapian::Enquire& enquire) const;

  // Whether `a` comes before `b`: matches of Enquires over one database,
  // each set up by apply(), with their weights and sort keys.
  bool before(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) const;

 private:
  bool relevance_first_;
  Xapian::valueno slot_;
  bool descending_;
};

}  // namespace pressroom
