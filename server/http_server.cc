#include "server/http_server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "common/count_cache.h"
#include "common/database_set.h"
#include "common/errors.h"
#include "server/api_json.h"
#include "server/bounded_thread_pool.h"
#include "server/index_warmer.h"
#include "server/routes.h"
#include "server/web_routes.h"

namespace pressroom {
namespace {

thread_local std::chrono::steady_clock::time_point request_started;
thread_local std::string request_id;

// Short, unique per process run, and sortable in logs.
std::string next_request_id() {
  static const unsigned long long start = static_cast<unsigned long long>(
      std::chrono::system_clock::now().time_since_epoch().count() & 0xffffff);
  static std::atomic<unsigned long long> counter{0};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06llx-%llu", start, ++counter);
  return buf;
}

void send_plain_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  res.set_content(error_json(code, message).dump(), "application/json; charset=utf-8");
}

QueryThreads query_threads_of(const ServerConfig& config) {
  QueryThreads threads = QueryThreads::for_this_machine();
  if (config.query_threads > 0) threads.threads = config.query_threads;
  return threads;
}

}  // namespace

HttpServer::HttpServer(ServerConfig config)
    : config_(std::move(config)),
      synonyms_(config_.synonyms_path.empty() ? Synonyms() : Synonyms::load(config_.synonyms_path)),
      pool_(config_.db_locations, synonyms_.empty() ? nullptr : &synonyms_,
            RemoteOptions{config_.remote_connect_ms, config_.remote_timeout_ms, config_.allow_partial},
            query_threads_of(config_)),
      limiter_(config_.rate_limit, config_.rate_limit * 2) {
  CountCache::shared().set_capacity(config_.count_cache);
  // A missing index is an operator's mistake: refuse to start. An index that
  // exists but cannot be read (corrupt, mid-replacement) is served as 503
  // with the reason, so the server is up the moment the index is repaired.
  try {
    auto probe = pool_.borrow();
  } catch (const IndexUnavailable& e) {
    // Remote shards may come up after us; a local location must exist.
    namespace fs = std::filesystem;
    for (const std::string& location : config_.db_locations) {
      if (is_remote_location(location)) continue;
      bool is_index = fs::is_regular_file(location) || fs::exists(fs::path(location) / "iamglass") ||
                      fs::exists(fs::path(location) / "XAPIANDB");
      if (!is_index) throw;
    }
    if (config_.db_locations.empty()) throw;
    spdlog::error("{} (serving 503 until it can be read)", e.what());
  }

  unsigned threads = std::max(1u, config_.threads);
  unsigned max_queued = config_.max_queued;
  http_.new_task_queue = [threads, max_queued] { return new BoundedThreadPool(threads, max_queued); };
  http_.set_tcp_nodelay(true);
  // Keep-alive connections hold a worker: rotate them now and then so that
  // waiting clients get their turn.
  http_.set_keep_alive_max_count(100);
  http_.set_keep_alive_timeout(5);
  // A slow or idle client cannot hold a worker for long (slowloris).
  http_.set_read_timeout(5);
  http_.set_write_timeout(5);
  http_.set_payload_max_length(64 * 1024);

  // Runs before any request body is read: overload, rate limits and write
  // methods are refused without waiting for a body that may never come.
  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    request_started = std::chrono::steady_clock::now();
    request_id = next_request_id();
    res.set_header("X-Request-Id", request_id);
    metrics_.request_started();
    if (BoundedThreadPool::on_overflow_thread()) {
      res.set_header("Retry-After", "1");
      res.set_header("Connection", "close");
      send_plain_error(res, 503, "overloaded", "the server is busy; retry in a second");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (limiter_.enabled() && !limiter_.allow(req.remote_addr)) {
      res.set_header("Retry-After", "1");
      send_plain_error(res, 429, "rate_limited", "too many requests from this address; slow down");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS")
      return httplib::Server::HandlerResponse::Unhandled;
    refuse_method(res);
    return httplib::Server::HandlerResponse::Handled;
  });
  if (config_.web_dir.empty()) config_.web_dir = PRESSROOM_WEB_DIR;
  bool access_log = config_.access_log;
  http_.set_logger([this, access_log](const httplib::Request& req, const httplib::Response& res) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
    metrics_.observe(req.path, res.status, seconds);
    metrics_.request_finished();
    if (access_log)
      spdlog::info("{} {} {} {:.1f}ms id={}", req.method, req.target.empty() ? req.path : req.target, res.status,
                   seconds * 1000, request_id);
  });
  http_.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    std::optional<IndexInfo> info;
    try {
      auto searcher = pool_.borrow();
      info = searcher->info();
    } catch (const std::exception&) {
      // reported as pressroom_index_up 0
    }
    res.set_content(metrics_.scrape(info ? &*info : nullptr), "text/plain; version=0.0.4; charset=utf-8");
  });
  register_routes(http_, pool_, config_);
  register_web_routes(http_, pool_, config_);
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind() {
  int port = config_.port;
  if (port == 0) {
    port = http_.bind_to_any_port(config_.bind);
  } else if (!http_.bind_to_port(config_.bind, port)) {
    port = -1;
  }
  if (port < 0)
    throw std::runtime_error("cannot listen on " + config_.bind + ":" + std::to_string(config_.port) +
                             " (address in use or not available)");
  return port;
}

bool HttpServer::run() {
  // Checks for a new index state once a second (a few stat()s). Remote
  // shards have no per-state tables to build, and asking them costs a round
  // trip each.
  bool remote = std::any_of(config_.db_locations.begin(), config_.db_locations.end(), is_remote_location);
  std::optional<IndexWarmer> warmer;
  run_started_ = true;
  if (stop_requested_) {
    run_ended_ = true;
    return true;
  }
  if (!remote) warmer.emplace(pool_, std::chrono::seconds(1));
  bool listened = http_.listen_after_bind();
  run_ended_ = true;
  return listened;
}

void HttpServer::stop() {
  stop_requested_ = true;
  if (!run_started_) return;  // run() sees the request and returns at once
  while (!http_.is_running() && !run_ended_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  http_.stop();
}

}  // namespace pressroom
