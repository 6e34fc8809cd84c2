#include "common/duplicate_groups.h"

#include <algorithm>
#include <set>

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

uint64_t table_group(const std::vector<std::shared_ptr<const FacetTable>>& tables, Xapian::docid did) {
  const uint64_t parts = tables.size();
  const FacetTable& table = *tables[(did - 1) % parts];
  Xapian::docid local = static_cast<Xapian::docid>((did - 1) / parts + 1);
  uint32_t group = local <= table.last_docid() ? table.duplicate_groups()[local] : 0;
  return group ? ((did - 1) % parts) << 32 | group : 0;
}

Xapian::doccount first_fetch(Xapian::doccount offset, Xapian::doccount size) {
  return offset + size + std::max<Xapian::doccount>(size, 10);
}

ResultPage collapse_ranked(const std::vector<Xapian::MSetIterator>& ranked,
                           const std::vector<std::shared_ptr<const FacetTable>>& tables, Xapian::doccount offset,
                           Xapian::doccount size, Xapian::doccount& results) {
  const Xapian::doccount wanted = offset + size;
  ResultPage page;
  std::set<uint64_t> seen;  // (shard, group) of the groups shown
  results = 0;
  for (size_t rank = 0; rank < ranked.size() && results < wanted; ++rank) {
    uint64_t group = table_group(tables, *ranked[rank]);
    if (group && !seen.insert(group).second) continue;
    if (results++ >= offset) page.hits.push_back(ranked[rank]);
  }
  return page;
}

ResultPage collapsed_page(Xapian::Enquire& enquire, const std::vector<std::shared_ptr<const FacetTable>>& tables,
                          Xapian::doccount offset, Xapian::doccount size, Xapian::doccount check_first,
                          Xapian::doccount check_more) {
  const Xapian::doccount wanted = offset + size;
  Xapian::doccount fetch = first_fetch(offset, size);
  for (bool first = true;; first = false) {
    if (!first) {
      enquire.clear_matchspies();
      fetch *= 2;
    }
    Xapian::MSet mset = enquire.get_mset(0, fetch, first ? check_first : check_more);
    std::vector<Xapian::MSetIterator> ranked;
    for (auto it = mset.begin(); it != mset.end(); ++it) ranked.push_back(it);
    Xapian::doccount results = 0;
    ResultPage page = collapse_ranked(ranked, tables, offset, size, results);
    if (results >= wanted || mset.size() < fetch) return page;
  }
}

ResultPage whole_page(const Xapian::MSet& mset) {
  ResultPage page;
  for (auto it = mset.begin(); it != mset.end(); ++it) page.hits.push_back(it);
  return page;
}

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

Xapian::Query later_group_matches(const Xapian::Database& db, const Xapian::Query& query,
                                  const std::map<std::string, Xapian::doccount>& copied) {
  if (copied.empty()) return Xapian::Query();
  std::vector<Xapian::Query> groups;
  Xapian::doccount members = 0;  // at most: the copies and one label owner each
  for (const auto& [key, copies] : copied) {
    groups.emplace_back(schema::duplicate_group_term(key));
    members += copies + 1;
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_collapse_key(schema::kDupGroup, members);  // collapses nothing; names each match's group
  enquire.set_sort_by_value(schema::kId, false);         // names each match's id
  Xapian::MSet mset = enquire.get_mset(0, members);
  std::map<std::string, std::vector<std::pair<Xapian::docid, std::string>>> matched;  // group → (docid, id)
  for (auto it = mset.begin(); it != mset.end(); ++it) matched[it.get_collapse_key()].emplace_back(*it, it.get_sort_key());
  std::vector<Xapian::Query> later;
  for (auto& [key, list] : matched) {
    std::sort(list.begin(), list.end());
    for (size_t i = 1; i < list.size(); ++i) later.emplace_back(schema::id_term(list[i].second));
  }
  if (later.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, later.begin(), later.end());
}

}  // namespace pressroom
