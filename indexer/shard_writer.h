// One thread that owns the writing of one database (one shard) and applies,
// in order, the changes queued for it. The indexer runs one per shard, so
// shards are written in parallel while a single dispatcher decides what goes
// where.
//
// Two ways to write: updating an existing database in place, with commits
// where the dispatcher asks; or building parts of a new one — every
// `part_documents` documents go into a fresh temporary database, flushed
// once, and merge_parts() joins the parts (of one or several writers) with
// Xapian's compaction at the end. Xapian writes a new database's tables in
// key order, but merges each later flush into the existing B-trees block by
// block, and keeps each flush's changes in in-memory maps whose cost grows
// with their size; small parts keep every flush a first, small one.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace pressroom {

class ShardWriter {
 public:
  // Where the changes go; implemented in shard_writer.cc.
  class Sink;

  // Updates `db` in place; each commit is a commit_for_readers().
  static std::unique_ptr<ShardWriter> updating(Xapian::WritableDatabase db, size_t max_queued);
  // Builds parts of `part_documents` documents in `parts_dir` (created;
  // removed with the writer). replace() and remove() are not allowed;
  // commit() and set_metadata() are no-ops; finish() closes the last part.
  static std::unique_ptr<ShardWriter> building(std::string parts_dir, size_t part_documents, size_t max_queued);

  // Drops the changes not yet applied and stops the thread (a run abandoned
  // by an exception). Never throws.
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Each queues one change. If an earlier change failed they rethrow that
  // failure (a Xapian::Error) instead, and the database keeps its last commit.
  void add(Xapian::Document document);
  void replace(Xapian::docid docid, Xapian::Document document);
  void remove(Xapian::docid docid);
  void add_spellings(std::vector<std::pair<std::string, Xapian::termcount>> words);
  void set_metadata(std::string key, std::string value);
  void commit();

  // Applies every queued change and commits (or closes the last part).
  // Rethrows a failure.
  void finish();

  // As finish(), but an updating writer does not commit: it hands over its
  // database, whose reads see the changes, for the caller to finish and
  // commit (the run's last step, the duplicate groups, then lands in the
  // same commit). nullopt for a building writer.
  std::optional<Xapian::WritableDatabase> finish_uncommitted();

  // The parts a building writer wrote, in order; valid after finish().
  const std::vector<std::string>& parts() const;

 private:
  ShardWriter(std::unique_ptr<Sink> sink, size_t max_queued);
  using Change = std::function<void(Sink&)>;
  void push(Change change);
  void wait();
  void loop();

  std::unique_ptr<Sink> sink_;
  size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Change> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

// Commits `db` with what readers over xapian-tcpsrv take from metadata
// where the remote protocol falls short, kept current: the spelling mirror
// (common/spelling_mirror.h) and the facet positions (FacetSlots::record in
// common/facet_counter.h). Throws Xapian::Error.
void commit_for_readers(Xapian::WritableDatabase& db);

// Merges `parts` (databases) into a new database at `path`, which must not
// exist, and sets `metadata` on it. Throws Xapian::Error.
void merge_parts(const std::vector<std::string>& parts, const std::string& path,
                 const std::vector<std::pair<std::string, std::string>>& metadata);

}  // namespace pressroom
