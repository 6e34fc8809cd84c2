#include "common/facet_table.h"

#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/date_spans.h"
#include "common/revision_cache.h"
#include "common/schema.h"

namespace pressroom {
namespace {

// Builds one column document by document, in increasing id order.
class ColumnBuilder {
 public:
  ColumnBuilder(FacetTable::Column& column, Xapian::docid last) : column_(column) {
    column_.offsets.assign(static_cast<size_t>(last) + 2, 0);
  }
  // Documents between the last one added and `did` have no values.
  void start(Xapian::docid did) {
    for (Xapian::docid d = next_; d <= did; ++d) column_.offsets[d] = static_cast<uint32_t>(column_.values.size());
    next_ = did + 1;
  }
  void add(std::string_view value) {
    if (value.empty()) return;
    auto [it, fresh] = ids_.try_emplace(std::string(value), static_cast<uint32_t>(column_.names.size()));
    if (fresh) column_.names.emplace_back(value);
    column_.values.push_back(it->second);
  }
  void finish() {
    for (size_t d = next_; d < column_.offsets.size(); ++d) column_.offsets[d] = static_cast<uint32_t>(column_.values.size());
  }

 private:
  FacetTable::Column& column_;
  std::unordered_map<std::string, uint32_t> ids_;
  Xapian::docid next_ = 0;
};

// Each name of `column` whose key another, more frequent, name shares
// (ties: the first in byte order), mapped to that name.
std::unordered_map<std::string, std::string> usual_names(const FacetTable::Column& column) {
  std::vector<uint32_t> releases(column.names.size(), 0);
  for (uint32_t id : column.values) ++releases[id];
  std::unordered_map<std::string, uint32_t> best;  // key → id of its most frequent name
  std::vector<std::string> keys(column.names.size());
  for (uint32_t id = 0; id < column.names.size(); ++id) {
    keys[id] = schema::name_key(column.names[id]);
    auto [it, fresh] = best.try_emplace(keys[id], id);
    uint32_t& b = it->second;
    if (!fresh && (releases[id] > releases[b] || (releases[id] == releases[b] && column.names[id] < column.names[b])))
      b = id;
  }
  std::unordered_map<std::string, std::string> usual;
  for (uint32_t id = 0; id < column.names.size(); ++id)
    if (uint32_t b = best[keys[id]]; b != id) usual.emplace(column.names[id], column.names[b]);
  return usual;
}

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db) : last_docid_(db.get_lastdocid()) {
  ColumnBuilder types(types_, last_docid_), months(months_, last_docid_), topics(topics_, last_docid_),
      people(spokespeople_, last_docid_);
  for (auto it = db.valuestream_begin(schema::kFacets); it != db.valuestream_end(schema::kFacets); ++it) {
    Xapian::docid did = it.get_docid();
    if (did > last_docid_) break;  // a commit after get_lastdocid() (not possible on a fixed state)
    for (ColumnBuilder* b : {&types, &months, &topics, &people}) b->start(did);
    std::string encoded = *it;
    schema::FacetRecord record = schema::decode_facets(encoded);
    types.add(record.type);
    months.add(record.month);
    for (std::string_view topic : record.topics) topics.add(topic);
    for (std::string_view person : record.spokespeople) people.add(person);
  }
  for (ColumnBuilder* b : {&types, &months, &topics, &people}) b->finish();
  usual_topics_ = usual_names(topics_);
  usual_people_ = usual_names(spokespeople_);

  // Most releases have no copy: only groups seen twice get a number, given
  // when the second member shows up (to it and to the first one remembered).
  groups_.assign(static_cast<size_t>(last_docid_) + 1, 0);
  std::unordered_map<std::string, Xapian::docid> first_member;  // group key → its first release
  auto end = db.valuestream_end(schema::kDupGroup);
  for (auto it = db.valuestream_begin(schema::kDupGroup); it != end && it.get_docid() <= last_docid_; ++it) {
    auto [first, fresh] = first_member.try_emplace(*it, it.get_docid());
    if (fresh) continue;
    uint32_t& number = groups_[first->second];
    if (number == 0) number = ++group_count_;
    groups_[it.get_docid()] = number;
  }

  days_.assign(static_cast<size_t>(last_docid_) + 1, 0);
  auto dates_end = db.valuestream_end(schema::kDate);
  for (auto it = db.valuestream_begin(schema::kDate); it != dates_end && it.get_docid() <= last_docid_; ++it)
    days_[it.get_docid()] = day_number(*it);
}

std::shared_ptr<const FacetTable> FacetTable::for_revision(const Xapian::Database& db, const std::string& revision) {
  static RevisionCache<FacetTable> tables;
  return tables.get(revision, [&] { return std::make_shared<const FacetTable>(db); });
}

}  // namespace pressroom
