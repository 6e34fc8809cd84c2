// A date filter answered from each release's date in memory (FacetTable::
// days) instead of from the OR of date terms the query builder writes
// (date_terms.h), for Xapian's matcher: its AND asks each candidate of the
// text whether it is in the range, which over ~40 posting lists cost as
// much as the text itself (date_spans.h). Matches, and so totals, facets
// and ranking, are the same: the filter adds no weight.
#pragma once

#include <xapian.h>

#include <memory>

#include "common/date_spans.h"
#include "common/facet_table.h"

namespace pressroom {

// Matches the releases of one local database whose date is in the spans.
// No name and no serialisation: for a database of this process only.
class DayFilter : public Xapian::PostingSource {
 public:
  // `table` must be the table of the database the source will be run on.
  DayFilter(std::shared_ptr<const FacetTable> table, DateSpans spans, Xapian::doccount frequency);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return frequency_; }
  Xapian::doccount get_termfreq_max() const override { return frequency_; }

  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return current_ >= table_->days().size(); }
  Xapian::docid get_docid() const override { return current_; }
  DayFilter* clone() const override { return new DayFilter(table_, spans_, frequency_); }
  std::string get_description() const override;

 private:
  bool in_range(Xapian::docid did) const {
    return did < table_->days().size() && spans_.contains(table_->days()[did]);
  }
  std::shared_ptr<const FacetTable> table_;
  DateSpans spans_;
  Xapian::doccount frequency_;
  Xapian::docid current_ = 0;  // 0: not started
};

// `query` with each OR of date terms that only filters (the date range of a
// search) answered by a DayFilter over `table`, the table of `db`, a local
// database.
Xapian::Query with_day_filters(const Xapian::Query& query, const std::shared_ptr<const FacetTable>& table,
                               const Xapian::Database& db);

}  // namespace pressroom
