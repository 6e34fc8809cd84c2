#include "common/facet_table.h"

#include <deque>
#include <future>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/schema.h"

namespace pressroom {
namespace {

// Per database (shard): its current state and the one before, still in use
// by slower requests; and a bound on databases, for servers opened on many.
constexpr size_t kStatesPerDatabase = 2;
constexpr size_t kStatesKept = 64;

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
}

std::shared_ptr<const FacetTable> FacetTable::for_revision(const Xapian::Database& db, const std::string& revision) {
  using Shared = std::shared_future<std::shared_ptr<const FacetTable>>;
  static std::mutex mutex;
  static std::deque<std::pair<std::string, Shared>> states;  // newest last
  Shared table;
  std::promise<std::shared_ptr<const FacetTable>> building;
  {
    std::lock_guard lock(mutex);
    for (auto& [key, shared] : states)
      if (key == revision) table = shared;
    if (!table.valid()) {
      // Other threads wait for this one's build rather than each reading the index.
      table = building.get_future().share();
      states.emplace_back(revision, table);
      // The key is "uuid:revision": older states of the same database go first.
      std::string uuid = revision.substr(0, revision.rfind(':') + 1);
      size_t same = 0;
      for (auto it = states.rbegin(); it != states.rend(); ++it)
        if (it->first.compare(0, uuid.size(), uuid) == 0) ++same;
      for (auto it = states.begin(); same > kStatesPerDatabase && it != states.end();) {
        if (it->first.compare(0, uuid.size(), uuid) == 0) {
          it = states.erase(it);
          --same;
        } else {
          ++it;
        }
      }
      if (states.size() > kStatesKept) states.pop_front();
    } else {
      return table.get();
    }
  }
  try {
    building.set_value(std::make_shared<const FacetTable>(db));
  } catch (...) {
    building.set_exception(std::current_exception());
    std::lock_guard lock(mutex);
    for (auto it = states.begin(); it != states.end(); ++it)
      if (it->first == revision) {
        states.erase(it);
        break;
      }
  }
  return table.get();
}

}  // namespace pressroom
