// The facets of every release of one committed index state, in memory, by
// document id: counting a match is then a few array reads instead of reading
// and splitting a stored value (the cost that dominated broad queries).
// Built once per index revision from the kFacets slot and shared by every
// searcher thread; local databases only (remote shards count with
// ValueCountMatchSpy, see facet_counter.h).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace pressroom {

class FacetTable {
 public:
  // One multi-valued or single-valued facet: per document, indexes into `names`.
  struct Column {
    std::vector<std::string> names;  // display forms as stored
    std::vector<uint32_t> offsets;   // document d's values: values[offsets[d] .. offsets[d + 1])
    std::vector<uint32_t> values;
  };

  // Reads every document's facet slot. `db` may combine several local shards;
  // ids are the combined database's.
  explicit FacetTable(const Xapian::Database& db);

  // The table for the state `revision` of one database (revision_key_of():
  // "uuid:revision"), built on first use and shared; `db` must be at that
  // state. Keeps the two latest states of each database.
  static std::shared_ptr<const FacetTable> for_revision(const Xapian::Database& db, const std::string& revision);

  const Column& types() const { return types_; }
  const Column& months() const { return months_; }  // "YYYY-MM"
  const Column& topics() const { return topics_; }
  const Column& spokespeople() const { return spokespeople_; }

  // The name most releases of this index give a topic or a person, for
  // `name` as one release stores it: spellings of one name (schema::name_key)
  // are shown as the archive mostly writes them ("GSA Blog Team" for the
  // release whose text did not give its slug the capitals back). `name`
  // itself when no other spelling is more common.
  const std::string& usual_topic(const std::string& name) const { return usual(usual_topics_, name); }
  const std::string& usual_person(const std::string& name) const { return usual(usual_people_, name); }
  Xapian::docid last_docid() const { return last_docid_; }
  // Per document id, the release's date as day_number() (date_spans.h)
  // gives it, 0 when undated: a date filter asks this array rather than
  // the date terms' posting lists.
  const std::vector<uint32_t>& days() const { return days_; }
  // Per document id, its near-duplicate group (schema::kDupGroup) numbered
  // 1..duplicate_group_count() among the groups of more than one release in
  // this database; 0 for a release without copies here. Counting a group
  // once is then one array read and one bit per match.
  const std::vector<uint32_t>& duplicate_groups() const { return groups_; }
  uint32_t duplicate_group_count() const { return group_count_; }

 private:
  Xapian::docid last_docid_ = 0;
  static const std::string& usual(const std::unordered_map<std::string, std::string>& names, const std::string& name) {
    auto found = names.find(name);
    return found == names.end() ? name : found->second;
  }

  Column types_, months_, topics_, spokespeople_;
  // Only the spellings that have a more usual one.
  std::unordered_map<std::string, std::string> usual_topics_, usual_people_;
  std::vector<uint32_t> groups_;
  uint32_t group_count_ = 0;
  std::vector<uint32_t> days_;
};

}  // namespace pressroom
