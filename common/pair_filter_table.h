// A database's pair filters (pair_filter.h, schema::kPairFilter) held in
// memory, read once per revision of the database.
//
// Why: a phrase check asks for the filters of its candidates one by one, and
// each such read of Xapian's value stream finds and copies a chunk of the
// slot, about 1 µs at 1M releases (docs/benchmarks.md, "Session 14") — as
// much as the whole check should cost. The stream read in order takes ~60 ms
// for 1M releases' ~90 MB, so a table of them is built when a database is
// first searched for a phrase and kept while its revision stands.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

class PairFilterTable {
 public:
  // The filters of `db`, one glass database (a sub-database, as a posting
  // source's init() gets it) as its handle sees it, from the tables the
  // process keeps (PairFilterTables::shared()). Null when it cannot be
  // told apart from another state of itself (no revision: another backend,
  // several sub-databases): then read the value stream.
  static std::shared_ptr<const PairFilterTable> of(const Xapian::Database& db);

  // Reads `db`'s filters as its handle sees them now.
  static std::shared_ptr<const PairFilterTable> read(const Xapian::Database& db);

  // The filter of release `did`: "" when it has none.
  std::string_view filter(Xapian::docid did) const {
    if (did == 0 || did >= ends_.size()) return {};
    return std::string_view(bytes_).substr(ends_[did - 1], ends_[did] - ends_[did - 1]);
  }
  size_t bytes() const { return bytes_.size() + ends_.size() * sizeof(uint64_t); }

 private:
  std::vector<uint64_t> ends_;  // ends_[did]: where its filter ends in bytes_; ends_[0] = 0
  std::string bytes_;
};

// The tables a process keeps, one per state of a database (uuid, revision
// and counts). Safe to use from several threads; a table is read once
// however many searches ask for it at the same time, and a search of one
// state does not wait for the reading of another's.
class PairFilterTables {
 public:
  // Tables kept past `kept_bytes` in all are dropped, least recently used
  // first, once unused for `idle`: a table in use (every shard of an index
  // is) is kept whatever the total, and one of a state searches have moved
  // on from goes at the next search after a while.
  static constexpr size_t kKeptBytes = size_t{256} << 20;
  static constexpr std::chrono::seconds kIdle{60};
  using Clock = std::chrono::steady_clock;

  explicit PairFilterTables(size_t kept_bytes = kKeptBytes, Clock::duration idle = kIdle)
      : kept_bytes_(kept_bytes), idle_(idle) {}

  // What PairFilterTable::of gives, as of `now`.
  std::shared_ptr<const PairFilterTable> table_of(const Xapian::Database& db, Clock::time_point now);

  // How many states have a table kept (or being read).
  size_t size() const;

  // The tables PairFilterTable::of uses.
  static PairFilterTables& shared();

 private:
  struct Reading {
    std::mutex mutex;  // held while the table is read
    std::shared_ptr<const PairFilterTable> table;
  };
  struct Kept {
    std::string state;
    std::shared_ptr<Reading> reading;
    Clock::time_point used;
    size_t bytes = 0;  // 0 until read
  };
  void drop_idle(Clock::time_point now);

  const size_t kept_bytes_;
  const Clock::duration idle_;
  mutable std::mutex mutex_;
  std::vector<Kept> kept_;  // most recently used last
};

}  // namespace pressroom
