#include "server/searcher_pool.h"

namespace pressroom {

SearcherPool::Lease SearcherPool::borrow() {
  borrowed_.fetch_add(1, std::memory_order_relaxed);
  std::unique_ptr<Searcher> searcher;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (searcher) {
    searcher->refresh();
  } else {
    searcher = std::make_unique<Searcher>(locations_, synonyms_, remote_);
    searcher->set_query_threads(query_threads_);
  }
  return Lease(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  if (!searcher) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace pressroom
