#include "common/docid_range.h"

#include <algorithm>

namespace pressroom {

DocidRange::DocidRange(Xapian::docid first, Xapian::docid last) : first_(std::max<Xapian::docid>(first, 1)), last_(last) {}

void DocidRange::init(const Xapian::Database& db) {
  current_ = 0;
  doccount_ = db.get_doccount();
  // Ids past the database's last one match nothing: stop there.
  last_ = std::min(last_, db.get_lastdocid());
  if (first_ > last_) current_ = last_ + 1;
}

void DocidRange::next(double) { current_ = current_ == 0 ? first_ : current_ + 1; }

void DocidRange::skip_to(Xapian::docid did, double) {
  if (did > current_) current_ = std::max(did, first_);
  else if (current_ == 0) current_ = first_;
}

bool DocidRange::check(Xapian::docid did, double min_wt) {
  // Moving there costs nothing, so this is skip_to().
  skip_to(did, min_wt);
  return true;
}

std::string DocidRange::get_description() const {
  return "DocidRange(" + std::to_string(first_) + ".." + std::to_string(last_) + ")";
}

Xapian::Query within_docids(const Xapian::Query& query, Xapian::docid first, Xapian::docid last) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new DocidRange(first, last))->release()));
}

std::vector<std::pair<Xapian::docid, Xapian::docid>> docid_ranges(Xapian::docid last_docid, unsigned parts) {
  std::vector<std::pair<Xapian::docid, Xapian::docid>> out;
  if (last_docid == 0 || parts == 0) return out;
  parts = std::min<Xapian::docid>(parts, last_docid);
  Xapian::docid first = 1;
  for (unsigned i = 0; i < parts; ++i) {
    // Spread the remainder over the first ranges.
    Xapian::docid length = last_docid / parts + (i < last_docid % parts ? 1 : 0);
    out.emplace_back(first, first + length - 1);
    first += length;
  }
  return out;
}

}  // namespace pressroom
