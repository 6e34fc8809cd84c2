#include "server/http_server.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "common/errors.h"
#include "server/routes.h"
#include "server/web_routes.h"

namespace pressroom {
namespace {

thread_local std::chrono::steady_clock::time_point request_started;

}  // namespace

HttpServer::HttpServer(ServerConfig config)
    : config_(std::move(config)),
      synonyms_(config_.synonyms_path.empty() ? Synonyms() : Synonyms::load(config_.synonyms_path)),
      pool_(config_.db_path, synonyms_.empty() ? nullptr : &synonyms_) {
  // A missing index is an operator's mistake: refuse to start. An index that
  // exists but cannot be read (corrupt, mid-replacement) is served as 503
  // with the reason, so the server is up the moment the index is repaired.
  try {
    auto probe = pool_.borrow();
  } catch (const IndexUnavailable& e) {
    if (!std::filesystem::exists(std::filesystem::path(config_.db_path) / "iamglass")) throw;
    spdlog::error("{} (serving 503 until it can be read)", e.what());
  }

  unsigned threads = config_.threads ? config_.threads : 2 * std::max(1u, std::thread::hardware_concurrency());
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_tcp_nodelay(true);
  http_.set_keep_alive_max_count(10000);
  http_.set_keep_alive_timeout(5);
  http_.set_read_timeout(10);
  http_.set_write_timeout(10);
  http_.set_payload_max_length(64 * 1024);

  // Runs before any request body is read, so a write method is refused
  // without waiting for a body that may never come.
  http_.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    request_started = std::chrono::steady_clock::now();
    if (req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS")
      return httplib::Server::HandlerResponse::Unhandled;
    refuse_method(res);
    return httplib::Server::HandlerResponse::Handled;
  });
  if (config_.web_dir.empty()) config_.web_dir = PRESSROOM_WEB_DIR;
  if (config_.access_log) {
    http_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
      spdlog::info("{} {} {} {:.1f}ms", req.method, req.target.empty() ? req.path : req.target, res.status, ms);
    });
  }
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

bool HttpServer::run() { return http_.listen_after_bind(); }

void HttpServer::stop() { http_.stop(); }

}  // namespace pressroom
