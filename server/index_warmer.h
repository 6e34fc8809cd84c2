// Builds what searches of a new index state share before a request needs
// it. After each commit the facet tables and the suggestion index of the
// new state are read from the index (two to three seconds at a million
// releases); without a warmer the first request after the commit waits for
// that, and so does every request that arrives meanwhile. A server nobody
// asks is left alone: during a long indexer run that commits every few
// seconds, building every state would keep a core busy for nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "server/searcher_pool.h"

namespace pressroom {

class IndexWarmer {
 public:
  // Starts a thread that warms a searcher from `pool` (Searcher::warm) at
  // once, then every `interval` when the pool has lent a searcher since the
  // last warm-up (a request came). Errors are logged and tried again at the
  // next turn; requests report them. `pool` must outlive the warmer.
  IndexWarmer(SearcherPool& pool, std::chrono::milliseconds interval);
  // Stops the thread and waits for it (at most one warm-up in progress).
  ~IndexWarmer();

  IndexWarmer(const IndexWarmer&) = delete;
  IndexWarmer& operator=(const IndexWarmer&) = delete;

 private:
  void loop();

  SearcherPool& pool_;
  std::chrono::milliseconds interval_;
  // SearcherPool::borrowed() after the last warm-up's own borrow; none yet
  // at first, so that the first turn warms.
  uint64_t borrowed_at_last_warm_ = std::numeric_limits<uint64_t>::max();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace pressroom
