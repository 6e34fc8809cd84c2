#include "server/bounded_thread_pool.h"

namespace pressroom {
namespace {

thread_local bool overflow_thread = false;

// Refusing is quick, but a refused client may still be slow to send its
// request line: a few threads keep one such client from delaying the rest.
constexpr size_t kOverflowThreads = 4;

}  // namespace

BoundedThreadPool::BoundedThreadPool(size_t workers, size_t max_queued) : max_queued_(max_queued) {
  for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(queue_, false); });
  for (size_t i = 0; i < kOverflowThreads; ++i) threads_.emplace_back([this] { work(overflow_, true); });
}

BoundedThreadPool::~BoundedThreadPool() { shutdown(); }

bool BoundedThreadPool::on_overflow_thread() { return overflow_thread; }

void BoundedThreadPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (queue_.size() < max_queued_) {
      queue_.push_back(std::move(fn));
    } else {
      overflow_.push_back(std::move(fn));
    }
  }
  ready_.notify_all();
}

void BoundedThreadPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

void BoundedThreadPool::work(std::deque<std::function<void()>>& queue, bool overflow) {
  overflow_thread = overflow;
  while (true) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue.empty(); });
      if (queue.empty()) return;  // stopping, and nothing left to answer
      fn = std::move(queue.front());
      queue.pop_front();
    }
    fn();
  }
}

}  // namespace pressroom
