// The server's worker pool: a fixed number of workers and a bounded queue of
// waiting connections. A connection that finds the queue full is not left to
// stall: it is handed to a small overflow thread whose only job is to answer
// 503 with Retry-After and close, so overload is fast and visible.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pressroom {

class BoundedThreadPool : public httplib::TaskQueue {
 public:
  BoundedThreadPool(size_t workers, size_t max_queued);
  ~BoundedThreadPool() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  // True on the overflow thread: the request must be refused with 503.
  static bool on_overflow_thread();

 private:
  void work(std::deque<std::function<void()>>& queue, bool overflow);

  const size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_, overflow_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pressroom
