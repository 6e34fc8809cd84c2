#include "common/date_terms.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "common/schema.h"

namespace pressroom {
namespace {

struct Day {
  int y = 0, m = 0, d = 0;
  int key() const { return (y * 100 + m) * 100 + d; }
};

// "YYYYMMDD" (possibly with an impossible day such as 20170231, which an
// upper bound of a month may carry) → its parts; nullopt-like y = 0 when not
// eight digits.
Day parse(const std::string& s) {
  if (s.size() != 8 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  return {std::stoi(s.substr(0, 4)), std::stoi(s.substr(4, 2)), std::stoi(s.substr(6, 2))};
}

std::string term(std::string_view prefix, int value, int width) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%0*d", width, value);
  std::string t(prefix);
  t.append(digits);
  return t;
}

}  // namespace

Xapian::Query date_range_query(const std::string& lo, const std::string& hi, const Xapian::Database& db) {
  std::string first = std::max(lo, db.get_value_lower_bound(schema::kDate));
  std::string last = std::min(hi, db.get_value_upper_bound(schema::kDate));
  Day from = parse(first), to = parse(last);
  // Xapian's MatchNothing is an empty Query, which a caller would read as
  // "no date selected": a day term with no digits matches no release.
  if (from.y == 0 || to.y == 0 || from.key() > to.key()) return Xapian::Query(std::string(schema::prefix::kDay));

  // Days in a month are taken as 1..31: a D term for a day that does not
  // exist has no postings and costs nothing.
  std::vector<Xapian::Query> terms;
  Day at{from.y, from.m, std::clamp(from.d, 1, 31)};
  while (at.key() <= to.key()) {
    if (at.d == 1 && at.m == 1 && Day{at.y, 12, 31}.key() <= to.key()) {
      terms.emplace_back(term(schema::prefix::kYear, at.y, 4));
      at = {at.y + 1, 1, 1};
    } else if (at.d == 1 && Day{at.y, at.m, 31}.key() <= to.key()) {
      terms.emplace_back(term(schema::prefix::kMonth, at.y * 100 + at.m, 6));
      at = at.m == 12 ? Day{at.y + 1, 1, 1} : Day{at.y, at.m + 1, 1};
    } else {
      terms.emplace_back(term(schema::prefix::kDay, at.key(), 8));
      at = at.d < 31 ? Day{at.y, at.m, at.d + 1} : at.m == 12 ? Day{at.y + 1, 1, 1} : Day{at.y, at.m + 1, 1};
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace pressroom
