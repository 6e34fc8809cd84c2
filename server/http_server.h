// pressroom-server's HTTP listener: the API routes on a thread pool, an
// access log, and a clean stop. Used by main() and by the integration tests.
#pragma once

#include <httplib.h>

#include <atomic>

#include <memory>

#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/searcher_pool.h"
#include "server/server_config.h"

namespace pressroom {

class HttpServer {
 public:
  // Checks that the index opens (throws IndexUnavailable with the reason if
  // not), loads the synonyms (throws std::runtime_error naming the file) and
  // registers the routes; does not listen yet.
  explicit HttpServer(ServerConfig config);
  ~HttpServer();

  // Binds config.bind:config.port (a free port when 0). Returns the port, or
  // throws std::runtime_error when the address cannot be bound.
  int bind();

  // Serves until stop(); returns false when the listener failed.
  bool run();

  // Safe from any thread, before run() too (it then returns at once); run()
  // returns soon after.
  void stop();

 private:
  ServerConfig config_;
  Synonyms synonyms_;
  SearcherPool pool_;
  RateLimiter limiter_;
  Metrics metrics_;
  httplib::Server http_;
  // httplib ignores a stop() that comes before its accept loop has started
  // (a SIGTERM just after start-up would go unheard): stop() waits for the
  // loop, or for run() to end, or tells a run() not yet begun to return.
  std::atomic<bool> run_started_{false};
  std::atomic<bool> run_ended_{false};
  std::atomic<bool> stop_requested_{false};
};

}  // namespace pressroom
