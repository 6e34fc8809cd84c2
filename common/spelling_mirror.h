// "Did you mean" over remote shards. Xapian 1.4's remote protocol gives no
// access to a database's spelling table, but it does serve metadata: the
// indexer mirrors each database's spelling table into its metadata
// (schema::kMetaSpelling), and a searcher over xapian-tcpsrv shards copies
// those mirrors into a private local database that Xapian's spelling
// correction reads beside the shards. Each word lives in one shard only
// (indexer.cc), so the copy holds every remote word once, with the frequency
// one database would give it, and suggestions are one database's.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace pressroom {

// Makes the mirror of `db` hold its spelling table as `db` sees it now
// (changes not yet committed included), for the caller to commit with them.
// Writes nothing when the mirror already holds it, so an unchanged table
// adds nothing to a commit. Returns whether it wrote. Throws Xapian::Error.
bool write_spelling_mirror(Xapian::WritableDatabase& db);

// A private local glass database holding only the spelling tables of some
// remote shards, read from their mirrors; deleted with the last reference.
class RemoteSpellings {
 public:
  // The copy of the mirrors of `shards` as they are now: one metadata read
  // per shard names their state; the mirrors are read and the copy built only
  // for a state no searcher holds yet, and then shared by every thread.
  // nullptr when a shard has no mirror (an index written before mirrors: no
  // suggestion rather than a wrong one) or the copy cannot be written in the
  // temporary folder (TMPDIR). Throws Xapian::Error when a shard cannot be
  // read.
  static std::shared_ptr<const RemoteSpellings> of(const std::vector<Xapian::Database>& shards);

  ~RemoteSpellings();
  RemoteSpellings(const RemoteSpellings&) = delete;
  RemoteSpellings& operator=(const RemoteSpellings&) = delete;

  // A read-only handle of the caller's own (Xapian handles are not shared
  // between threads). The RemoteSpellings must outlive it.
  Xapian::Database open() const;

  // The folder holding the copy, for tests.
  const std::string& folder() const { return folder_; }

 private:
  explicit RemoteSpellings(std::string folder) : folder_(std::move(folder)) {}
  std::string folder_;
};

}  // namespace pressroom
