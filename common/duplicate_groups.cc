#include "common/duplicate_groups.h"

#include <algorithm>

#include "common/schema.h"

namespace pressroom {
namespace {

std::string group_of(const Xapian::Document& doc) {
  std::string key = doc.get_value(schema::kDupGroup);
  return key.empty() ? doc.get_value(schema::kId) : key;  // an index written before groups
}

}  // namespace

void collapse_duplicates(Xapian::Enquire& enquire) { enquire.set_collapse_key(schema::kDupGroup); }

uint64_t collapsed_total(const Xapian::MSet& mset) { return mset.get_matches_lower_bound(); }

std::vector<Release> duplicates_of(const Xapian::Database& db, Xapian::docid docid) {
  std::string term = schema::duplicate_group_term(group_of(db.get_document(docid)));
  std::vector<Release> out;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && out.size() < kMaxDuplicatesListed; ++it) {
    if (*it == docid) continue;
    Release r = schema::release_from(db.get_document(*it));
    r.body.clear();
    r.quotes.clear();
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const Release& a, const Release& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  return out;
}

Xapian::Query duplicate_group_query(const Xapian::Database& db, Xapian::docid docid) {
  return Xapian::Query(schema::duplicate_group_term(group_of(db.get_document(docid))));
}

}  // namespace pressroom
