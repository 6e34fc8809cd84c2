// Searchers for the server's worker threads. A Xapian::Database must not be
// shared between threads, so each request borrows a Searcher of its own and
// gives it back; the pool never holds more than the peak concurrency.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/searcher.h"

namespace pressroom {

class SearcherPool {
 public:
  // `synonyms` may be null and must outlive the pool.
  SearcherPool(std::vector<std::string> locations, const Synonyms* synonyms, RemoteOptions remote = {},
               QueryThreads query_threads = QueryThreads::for_this_machine())
      : locations_(std::move(locations)), synonyms_(synonyms), remote_(remote), query_threads_(query_threads) {}

  // A searcher on the latest committed state, returned to the pool when the
  // lease ends. Throws IndexUnavailable when the index cannot be opened.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
        : pool_(pool), searcher_(std::move(searcher)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(searcher_)); }
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  Lease borrow();
  const std::vector<std::string>& locations() const { return locations_; }

  // How many leases have been handed out so far.
  uint64_t borrowed() const { return borrowed_.load(std::memory_order_relaxed); }

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::vector<std::string> locations_;
  const Synonyms* synonyms_;
  RemoteOptions remote_;
  QueryThreads query_threads_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::atomic<uint64_t> borrowed_{0};
};

}  // namespace pressroom
