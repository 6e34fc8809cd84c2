#include "common/date_spans.h"

#include <algorithm>

#include "common/schema.h"

namespace pressroom {
namespace {

// `text` as a number when it is exactly `count` digits.
std::optional<uint32_t> digits(std::string_view text, size_t count) {
  if (text.size() != count) return std::nullopt;
  uint32_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  return n;
}

// The digits after `prefix` as a number, when `term` is the prefix and
// exactly `count` digits.
std::optional<uint32_t> digits_after(std::string_view term, std::string_view prefix, size_t count) {
  if (term.substr(0, prefix.size()) != prefix) return std::nullopt;
  return digits(term.substr(prefix.size()), count);
}

// The day after `day` in a calendar of twelve 31-day months: no real date
// lies between a day and this one, so spans that meet there are one span.
uint32_t next_day(uint32_t day) {
  uint32_t y = day / 10000, m = day / 100 % 100, d = day % 100;
  if (d < 31) return day + 1;
  if (m < 12) return (y * 100 + m + 1) * 100 + 1;
  return ((y + 1) * 100 + 1) * 100 + 1;
}

}  // namespace

uint32_t day_number(std::string_view yyyymmdd) { return digits(yyyymmdd, 8).value_or(0); }

std::optional<DateSpans> DateSpans::of(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::OP_OR || query.get_num_subqueries() < 2) return std::nullopt;
  DateSpans out;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Xapian::Query part = query.get_subquery(i);
    if (part.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    std::string term = *part.get_terms_begin();
    if (auto y = digits_after(term, schema::prefix::kYear, 4)) {
      out.spans_.push_back({*y * 10000 + 101, *y * 10000 + 1231});
    } else if (auto m = digits_after(term, schema::prefix::kMonth, 6)) {
      out.spans_.push_back({*m * 100 + 1, *m * 100 + 31});
    } else if (auto d = digits_after(term, schema::prefix::kDay, 8)) {
      out.spans_.push_back({*d, *d});
    } else {
      return std::nullopt;
    }
    out.terms_.push_back(std::move(term));
  }
  std::sort(out.spans_.begin(), out.spans_.end(), [](const Span& a, const Span& b) { return a.first < b.first; });
  std::vector<Span> merged;
  for (const Span& s : out.spans_) {
    if (!merged.empty() && s.first <= next_day(merged.back().last))
      merged.back().last = std::max(merged.back().last, s.last);
    else
      merged.push_back(s);
  }
  out.spans_ = std::move(merged);
  return out;
}

Xapian::doccount DateSpans::frequency(const Xapian::Database& db) const {
  uint64_t sum = 0;
  for (const std::string& term : terms_) sum += db.get_termfreq(term);
  return static_cast<Xapian::doccount>(std::min<uint64_t>(sum, db.get_doccount()));
}

}  // namespace pressroom
