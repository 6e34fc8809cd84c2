// The days an OR of date terms (date_terms.h: Y, M and D terms) matches, as
// spans of "YYYYMMDD" numbers, so that a date filter can be answered from
// each release's date in memory (FacetTable::days) instead of from the
// terms' posting lists. Why: a term with a date range at 1M releases cost
// twice the term alone (18 against 9 ms in-process), nearly all of it in
// asking ~40 day, month and year posting lists about every candidate.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// "YYYYMMDD" (a kDate value) as the number YYYYMMDD; 0 when it is not eight
// digits (an undated release).
uint32_t day_number(std::string_view yyyymmdd);

class DateSpans {
 public:
  // The spans of `query` when it is an OR of two or more date terms and
  // nothing else; nullopt otherwise (a single term is cheaper read as a
  // posting list).
  static std::optional<DateSpans> of(const Xapian::Query& query);

  // Whether a release dated `day` (day_number) is matched; never day 0.
  bool contains(uint32_t day) const {
    for (const Span& s : spans_)
      if (day >= s.first && day <= s.last) return true;
    return false;
  }

  // The first index at or after `from` of `days` (FacetTable::days) whose
  // day is in the spans, or days.size() when none is.
  size_t next_in(const std::vector<uint32_t>& days, size_t from) const {
    while (from < days.size() && !contains(days[from])) ++from;
    return from;
  }

  // How many releases of `db` the terms match, counted from their term
  // frequencies (a release has one term of each kind, so terms that do not
  // overlap count each release once; overlapping ones count it more).
  Xapian::doccount frequency(const Xapian::Database& db) const;

  // The terms the spans came from.
  const std::vector<std::string>& terms() const { return terms_; }

 private:
  struct Span {
    uint32_t first, last;
  };
  std::vector<Span> spans_;  // sorted, merged where no day lies between
  std::vector<std::string> terms_;
};

}  // namespace pressroom
