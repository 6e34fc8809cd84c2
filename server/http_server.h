// pressroom-server's HTTP listener: the API routes on a thread pool, an
// access log, and a clean stop. Used by main() and by the integration tests.
#pragma once

#include <httplib.h>

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

  // Safe from any thread; run() returns soon after.
  void stop();

 private:
  ServerConfig config_;
  Synonyms synonyms_;
  SearcherPool pool_;
  RateLimiter limiter_;
  Metrics metrics_;
  httplib::Server http_;
};

}  // namespace pressroom
