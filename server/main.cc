// pressroom-server: serves a pressroom index over HTTP.
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>
#include <thread>

#include "common/errors.h"
#include "server/http_server.h"

int main(int argc, char** argv) {
  pressroom::ServerConfig config;
  bool quiet = false;
  CLI::App app{"pressroom-server: full-text search over a pressroom index, as web pages and JSON over HTTP.\n"
               "Serves the search page (/), each release (/releases/{id}), the archive by date (/archive),\n"
               "an Atom feed and CSV / JSON Lines exports of any search, the embeddable search box\n"
               "(/widget.js), a sitemap, and the API: /api/search, /api/statements, /api/suggest,\n"
               "/api/releases/{id}, /api/openapi.json, /healthz, /metrics (docs/api.md). The index may be\n"
               "updated by pressroom-index while the server runs; new state is served without a restart."};
  app.add_option("--db", config.db_locations,
                 "Index to serve: a database directory written by pressroom-index, a stub file or directory\n"
                 "listing shards, or HOST:PORT of a xapian-tcpsrv shard; repeat to search several as one")
      ->required();
  app.add_option("--count-cache", config.count_cache,
                 "Queries whose totals and facet counts are kept for the current index state (0 = none)")
      ->capture_default_str();
  app.add_option("--query-threads", config.query_threads,
                 "Threads one broad search over a single local index may use, each counting a range of it\n"
                 "(0 = one per core, at most 4; 1 = one)")
      ->capture_default_str()->check(CLI::Range(0, 64));
  app.add_option("--remote-connect-ms", config.remote_connect_ms, "Give up connecting to a remote shard after this long")
      ->capture_default_str();
  app.add_option("--remote-timeout-ms", config.remote_timeout_ms,
                 "Give up waiting for a remote shard's answer after this long (the request gets 503)")
      ->capture_default_str();
  app.add_flag("--allow-partial", config.allow_partial,
               "When a remote shard is down, answer from the others (\"partial\": true and \"missing_shards\" in the\n"
               "JSON) instead of 503; a missing shard is tried again every 5 s");
  app.add_option("--bind", config.bind, "Address to listen on")->capture_default_str();
  app.add_option("--port", config.port, "TCP port (0 = any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  app.add_option("--threads", config.threads,
                 "Worker threads; each open keep-alive connection holds one, so this is how many clients are served at once")
      ->capture_default_str()->check(CLI::Range(1, 4096));
  app.add_option("--max-queued", config.max_queued, "Connections that may wait for a worker before 503 Retry-After")
      ->capture_default_str();
  app.add_option("--rate-limit", config.rate_limit, "Requests per second per client address (0 = no limit); over it: 429")
      ->capture_default_str();
  app.add_option("--slow-query-ms", config.slow_query_ms, "Log searches slower than this, with where the time went (0 = off)")
      ->capture_default_str();
  app.add_option("--synonyms", config.synonyms_path,
                 "Synonyms file: a YAML list of groups, e.g. - [ICE, Immigration and Customs Enforcement]")
      ->check(CLI::ExistingFile);
  app.add_option("--cors-origin", config.cors_origins,
                 "Origin allowed to call the API from another site (repeatable), e.g. https://www.example.org");
  app.add_option("--public-url", config.public_url,
                 "Public base URL of the archive, for links in feeds and the widget (default: from the Host header)");
  app.add_option("--web-dir", config.web_dir, "Folder of the search page's static files (default: the source tree's web/)");
  app.add_flag("-q,--quiet", quiet, "No access log");
  CLI11_PARSE(app, argc, argv);
  config.access_log = !quiet;

  // Signals are taken by one thread with sigwait, so shutdown runs as
  // ordinary code rather than in a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  try {
    pressroom::HttpServer server(config);
    int port = server.bind();
    std::string serving;
    for (const std::string& location : config.db_locations) {
      if (!serving.empty()) serving.append(" + ");
      serving.append(location);
    }
    spdlog::info("pressroom-server serving {} on http://{}:{}/", serving, config.bind, port);
    std::thread waiter([&server, signals] {
      int sig = 0;
      sigwait(&signals, &sig);
      spdlog::info("received {}, shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
      server.stop();
    });
    bool ok = server.run();
    if (waiter.joinable()) {
      pthread_kill(waiter.native_handle(), SIGTERM);  // wake it if run() ended on its own
      waiter.join();
    }
    return ok ? 0 : 1;
  } catch (const pressroom::IndexUnavailable& e) {
    spdlog::error("{}", e.what());
    return 2;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
}
