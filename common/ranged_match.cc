#include "common/ranged_match.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <system_error>

#include "common/docid_range.h"
#include "common/sequence_phrases.h"

namespace pressroom {

void run_on_workers(size_t units, unsigned workers, const std::function<void(size_t, unsigned)>& f) {
  std::atomic<size_t> next{0};
  auto work = [&](unsigned worker) {
    for (size_t unit; (unit = next.fetch_add(1)) < units;) {
      try {
        f(unit, worker);
      } catch (...) {
        next.store(units);  // the others stop after their current unit
        throw;
      }
    }
  };
  std::vector<std::future<void>> others;
  for (unsigned w = 1; w < workers && w < units; ++w) {
    try {
      others.push_back(std::async(std::launch::async, work, w));
    } catch (const std::system_error&) {
      break;  // no thread to be had: the workers started take every unit
    }
  }
  std::exception_ptr error;
  try {
    work(0);
  } catch (...) {
    error = std::current_exception();
  }
  for (auto& other : others) {
    try {
      other.get();
    } catch (...) {
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
}

RangedMatches ranged_match(const std::vector<Xapian::Database>& handles, const std::string& serialised, unsigned ranges,
                           const ResultOrder& order, const RangeSetup& setup, Xapian::doccount top) {
  auto cuts = docid_ranges(handles.at(0).get_lastdocid(), ranges);
  std::vector<Xapian::MSet> msets(cuts.size());
  run_on_workers(cuts.size(), static_cast<unsigned>(handles.size()), [&](size_t unit, unsigned worker) {
    const Xapian::Database& db = handles[worker];
    Xapian::Enquire enquire(db);
    // A query of this thread's own: Xapian's reference counts are not atomic.
    enquire.set_query(within_docids(Xapian::Query::unserialise(serialised, query_registry()), cuts[unit].first, cuts[unit].second));
    // A count alone needs neither weights nor order.
    if (top > 0) {
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      order.apply(enquire);
    } else {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    setup(enquire, static_cast<unsigned>(unit));
    msets[unit] = enquire.get_mset(0, top, db.get_doccount());
  });
  RangedMatches out;
  for (const Xapian::MSet& mset : msets) {
    if (top > 0 && mset.size() >= top) out.more = true;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.ranked.push_back(it);
  }
  std::stable_sort(out.ranked.begin(), out.ranked.end(),
                   [&](const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) { return order.before(a, b); });
  if (out.ranked.size() > top) {
    out.more = true;  // the ranges together hold more than `top`
    out.ranked.resize(top);
  }
  return out;
}

}  // namespace pressroom
