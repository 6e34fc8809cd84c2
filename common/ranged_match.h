// One broad query over one local database on several cores. The database's
// document ids are cut into consecutive ranges (docid_range.h); each range is
// matched by an Enquire of its own, on a database handle of its thread, and
// their best matches are merged in the order one Enquire over the whole would
// give. The range is a filter that adds no weight and changes no statistic,
// so weights, order and what match spies see are those of one pass: only the
// wall time is shared out. Why: exact totals and facets make a broad query
// visit every match, and at a million releases that is tens of milliseconds
// on one core.
#pragma once

#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "common/result_order.h"

namespace pressroom {

// Sets up the Enquire of range `range` (an index into docid_ranges()): its
// match spies. The weighting and the order are set by ranged_match().
using RangeSetup = std::function<void(Xapian::Enquire& enquire, unsigned range)>;

struct RangedMatches {
  std::vector<Xapian::MSetIterator> ranked;  // the first `top` matches over every range, in order
  // Matches may follow `ranked` that are not in it (some range had `top`
  // or more, or all of them more than `top`): a page that collapses copies
  // may need them.
  bool more = false;
};

// Matches `serialised` (a serialised Xapian::Query without posting sources)
// over docid_ranges(handles[0]'s last docid, ranges), checking every match
// of each range, with one thread per handle taking ranges in turn; keeps the
// first `top` of each, weighted by BM25, and merges them by `order` (top 0:
// only the match spies' counts are wanted: BoolWeight, and no order). `handles` are handles on
// one database at one revision (a Xapian object serves one thread at a
// time); the matches' documents are read through them afterwards. Rethrows
// the first error a range met (Xapian::Error included) once all stopped.
RangedMatches ranged_match(const std::vector<Xapian::Database>& handles, const std::string& serialised, unsigned ranges,
                           const ResultOrder& order, const RangeSetup& setup, Xapian::doccount top);

// Runs f(unit, worker) for unit 0..units-1 on `workers` threads (this one
// included), each worker taking the next unit until none is left. Rethrows
// the first exception once every worker stopped.
void run_on_workers(size_t units, unsigned workers, const std::function<void(size_t unit, unsigned worker)>& f);

}  // namespace pressroom
