// Which duplicate group a release joins: the group of the placed release it
// copies (near_duplicate.h decides what a copy is), or a new group of its
// own. "Placed" means in the index before the run, or written earlier in the
// run. The indexer writes every release in a group of its own (its id) and,
// once the run's documents are committed in every shard, group_duplicates()
// settles the run's releases in the order they were read.
//
// What the groups do not depend on: the order of files, as far as copying is
// pairwise (A copies B, B copies C and A copies C end in one group whatever
// the order). A chain whose ends differ too much (A~B, B~C, A≁C) may split
// differently with the order, and the group's label is the id of whichever
// release came first; only the label, never the grouping, survives a
// release's deletion.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/near_duplicate.h"

namespace pressroom {

// A placed release that may be a copy.
struct PlacedRelease {
  std::string id;
  std::string group;  // its duplicate group key (schema::kDupGroup)
  DuplicateProfile profile;
};

// Where placed releases are looked up. Not thread-safe unless an
// implementation says so.
class DuplicateLookup {
 public:
  virtual ~DuplicateLookup() = default;
  // The placed releases, other than the one with id `except_id`, that carry
  // any of `terms` (schema::duplicate_terms), each once, in a stable order.
  virtual std::vector<PlacedRelease> candidates(const std::vector<std::string>& terms,
                                               const std::string& except_id) = 0;
  // Whether a placed release other than `except_id` is in group `key`.
  virtual bool group_in_use(const std::string& key, const std::string& except_id) = 0;
};

// Looks up one Xapian database (a Database over several shards sees them
// all; a WritableDatabase also sees what it has not committed yet). The
// database must outlive the lookup. A key term carried by more than kMaxPostings releases is skipped:
// that many "copies" are a shared text the boilerplate rules missed, not a
// release posted again, and reading them would cost every later release.
class DatabaseDuplicateLookup : public DuplicateLookup {
 public:
  static constexpr Xapian::doccount kMaxPostings = 32;
  static constexpr size_t kMaxCandidates = 64;

  explicit DatabaseDuplicateLookup(const Xapian::Database& db) : db_(db) {}
  std::vector<PlacedRelease> candidates(const std::vector<std::string>& terms, const std::string& except_id) override;
  bool group_in_use(const std::string& key, const std::string& except_id) override;

 private:
  const Xapian::Database& db_;
};

struct DuplicateGroup {
  std::string key;           // the group to put the release in (schema::set_duplicate_group)
  std::string duplicate_of;  // the placed release it copies; "" when it starts a group
};

// The group of release `id` with `profile`: that of the most similar placed
// copy (ties: the smaller group key), else a new group labelled `id` — or
// "id#2", "id#3"… while releases that no longer copy `id` hold that label.
// Xapian errors propagate.
DuplicateGroup find_duplicate_group(const std::string& id, const DuplicateProfile& profile, DuplicateLookup& lookup);

// Settles the duplicate groups of the releases a run wrote (`written`, ids in
// the order the run read them) in the index whose shards are `shards` (one
// for an unsharded index), as their handles see them, committed or not. Each
// release is compared with the releases placed before it; one that copies
// another joins its group and moves to the shard that holds the group, so
// that a group never spans shards. Leaves its changes for the caller to
// commit. Returns how many releases joined a group. Throws Xapian::Error.
// `alone`, when given, is per release of `written`: true for one known to
// share no duplicate key with any other release of the index (RunDuplicateKeys,
// a run into an empty index), which stays in its own group without a read.
uint64_t group_duplicates(std::vector<Xapian::WritableDatabase>& shards, const std::vector<std::string>& written,
                          const std::vector<bool>* alone = nullptr);

// The duplicate keys of a run into an empty index, counted in memory as the
// releases are written, so that settling the groups reads only the releases
// that share a key (at 1M releases, a read of each release's term list was
// most of the settling). Keys are kept as 64-bit hashes: two keys that only
// share a hash cost the read, never a wrong group.
class RunDuplicateKeys {
 public:
  static uint64_t hash(std::string_view key_term);
  // The key hashes of the next release of the run (in `written` order).
  void add(std::vector<uint64_t> key_hashes);
  // Per release added, in order: whether none of its keys is another's.
  std::vector<bool> alone() const;

 private:
  std::vector<uint64_t> hashes_;  // each release's distinct keys, one after the other
  std::vector<size_t> ends_;      // release i's keys end at ends_[i]
};

}  // namespace pressroom
