#include "server/index_warmer.h"

#include <spdlog/spdlog.h>

#include <xapian.h>

#include <exception>

namespace pressroom {

IndexWarmer::IndexWarmer(SearcherPool& pool, std::chrono::milliseconds interval)
    : pool_(pool), interval_(interval), thread_([this] { loop(); }) {}

IndexWarmer::~IndexWarmer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void IndexWarmer::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    if (pool_.borrowed() != borrowed_at_last_warm_) {
      // Nothing may leave this thread: an uncaught error would end the server.
      try {
        auto searcher = pool_.borrow();
        borrowed_at_last_warm_ = pool_.borrowed();
        searcher->warm();
      } catch (const std::exception& e) {
        // The requests report an unreadable index themselves (503).
        spdlog::debug("warming the index: {}", e.what());
      } catch (const Xapian::Error& e) {
        spdlog::debug("warming the index: {}", e.get_description());
      } catch (...) {
        spdlog::debug("warming the index: unknown error");
      }
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace pressroom
