// A real pressroom HTTP server on an ephemeral loopback port, for tests that
// speak HTTP to it with a real client. Stopped and joined on destruction.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <thread>

#include "server/http_server.h"

namespace pressroom::testing {

class TestServer {
 public:
  // Serves `db_path`, or config.db_locations when `db_path` is empty.
  explicit TestServer(const std::string& db_path, ServerConfig config = {});
  ~TestServer();
  int port() const { return port_; }
  httplib::Client client() const;
  // GET `path`; fails the test when the request itself fails.
  httplib::Result get(const std::string& path) const;
  // GET `path` and parse the body as JSON, expecting `status`.
  nlohmann::json get_json(const std::string& path, int status = 200) const;

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace pressroom::testing
