// A per-client token bucket, so one client cannot take the archive from
// everyone else. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace pressroom {

class RateLimiter {
 public:
  // `per_second` tokens refill each second, up to `burst`; 0 disables.
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst) {}

  // True when `client` may make a request now (and takes a token).
  bool allow(const std::string& client);

  bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point refilled;
  };
  double rate_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace pressroom
