// Exact facet counts over every match of a query (not just the page): type,
// year, month, and the multi-valued topic and spokesperson facets.
//
// Two ways to count, with the same results:
// - over local databases, by document id in each one's in-memory FacetTable
//   (a few array reads per match); each shard is counted by its own pass,
//   since Xapian hands a match spy the document id within its shard; near
//   duplicates (a group of copies within a shard) count once, as the search
//   lists them;
// - over remote shards, with Xapian's ValueCountMatchSpy on the per-position
//   facet slots (schema.h), which a stock xapian-tcpsrv runs on its side and
//   whose counts Xapian merges. Those spies count every copy of a release;
//   one more spy, on the copies' slot (schema::kCopyOf), names the groups
//   whose copies matched, and count_groups_once() takes back the members the
//   table would not have counted.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/facet_table.h"
#include "common/search_request.h"

namespace pressroom {

class MatchWalk;

struct FacetValue {
  std::string value;  // display form (original case and accents)
  uint64_t count = 0;
};

// Facet name ("topic", "spokesperson", "type", "year", "month") → values.
using FacetCounts = std::map<std::string, std::vector<FacetValue>>;

// Which per-position slots hold values in a database: counting over remote
// shards asks only those.
struct FacetSlots {
  unsigned topic_positions = 0, spokesperson_positions = 0;
  // Reads the slots' value statistics (one round trip per slot when remote).
  static FacetSlots of(const Xapian::Database& db);
  // Records of(db), changes not yet committed included, in db's metadata
  // (schema::kMetaFacetPositions) for the caller to commit; writes nothing
  // when the record is current.
  static void record(Xapian::WritableDatabase& db);
  // The slots used in any of `parts` from their records: one metadata read
  // per part. When a part has none (an index older than records), of()
  // over `combined`, the database of all the parts.
  static FacetSlots recorded(const std::vector<Xapian::Database>& parts, const Xapian::Database& combined);
};

class FacetCounter {
 public:
  // Counts the facets selected (year and month share one count) with the
  // tables when there are any (one per local shard; also worth attaching
  // with no facet selected, for results()), with value-count spies on
  // `slots` otherwise.
  // With tables, `ranges` > 1 counts each shard in that many passes over
  // consecutive ranges of its document ids (docid_range.h), which may run in
  // parallel; a near-duplicate group met in several still counts once.
  FacetCounter(FacetSelection selection, std::vector<std::shared_ptr<const FacetTable>> tables, FacetSlots slots,
               unsigned ranges = 1);
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // Registers the counting on `enquire`, an Enquire over shard `part` (the
  // index of its table) or, without tables, over any set of shards; its
  // get_mset() must check every match (check_at_least = doccount) for the
  // counts to be exact. Enquires over different parts may run in parallel.
  // With ranges, `range` is the index of the Enquire's range of ids in
  // docid_ranges(), whose query must be restricted to it.
  void attach(Xapian::Enquire& enquire, size_t part = 0, unsigned range = 0);

  // Counts every release of shard `part` as a query matching everything
  // would, without a match pass (a few array reads per release instead of a
  // posting list walk): the facets of a browse without filters, and of the
  // date histogram of any date-filtered browse. Needs the tables; returns the
  // number of results (near-duplicate groups once).
  uint64_t count_everything(size_t part);

  // Counts every match of `walk`, a walk over shard `part`'s own database
  // (the table's ids), as an attached Enquire checking every match would.
  // Needs the tables.
  void count_walked(size_t part, MatchWalk& walk);

  // With tables: the matches counted so far over every part, each
  // near-duplicate group once — the number of results, without Xapian's
  // collapse key (which reads a value per match). 0 without tables.
  uint64_t results() const;

  // Makes value-count spies count a near-duplicate group once, as the tables
  // do (with its first match in document order): when copies matched, one
  // pass finds the later members of their groups (later_group_matches() in
  // duplicate_groups.h) and one more counts them, to take them back. Call
  // after the get_mset() of the Enquire attached, with its database and
  // query. Nothing to do with tables, or when no copy matched (most
  // queries). Throws Xapian::Error.
  void count_groups_once(const Xapian::Database& db, const Xapian::Query& query);

  // Counts by facet. Values whose folded forms agree ("asylum", "Asylum") are
  // merged under the most frequent display form. topic, spokesperson and type
  // are ordered by count descending, then value; year (YYYY) and month
  // (YYYY-MM) ascending. `limit` > 0 keeps the first `limit` values of topic
  // and spokesperson. Only the selected facets appear.
  FacetCounts counts(size_t limit = 0) const;

 private:
  class TableSpy;
  struct Raw;  // counts by display form as stored, before merging
  Raw spy_counts() const;
  // Takes back what later ranges counted of groups an earlier range of the
  // same shard counted; once, after the passes (results() and counts()).
  void settle() const;

  FacetSelection selection_;
  std::vector<std::shared_ptr<const FacetTable>> tables_;
  FacetSlots slots_;
  unsigned ranges_;
  mutable bool settled_ = false;
  std::vector<std::unique_ptr<TableSpy>> table_spies_;  // ranges_ per table, in docid order
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> topic_spies_, person_spies_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> type_spy_, month_spy_, copy_spy_;
  std::unique_ptr<Raw> taken_back_;  // later members of groups (count_groups_once)
};

}  // namespace pressroom
