#include "tests/test_server.h"

#include <gtest/gtest.h>

namespace pressroom::testing {

TestServer::TestServer(const std::string& db_path, ServerConfig config) {
  if (!db_path.empty()) config.db_locations = {db_path};
  config.bind = "127.0.0.1";
  config.port = 0;
  config.threads = config.threads ? config.threads : 4;
  config.access_log = false;
  server_ = std::make_unique<HttpServer>(config);
  port_ = server_->bind();
  thread_ = std::thread([this] { server_->run(); });
}

TestServer::~TestServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

httplib::Client TestServer::client() const {
  httplib::Client cli("127.0.0.1", port_);
  cli.set_connection_timeout(5);
  cli.set_read_timeout(30);
  return cli;
}

httplib::Result TestServer::get(const std::string& path) const {
  auto cli = client();
  auto res = cli.Get(path);
  EXPECT_TRUE(res) << "GET " << path << " failed: " << httplib::to_string(res.error());
  return res;
}

nlohmann::json TestServer::get_json(const std::string& path, int status) const {
  auto res = get(path);
  if (!res) return nullptr;
  EXPECT_EQ(res->status, status) << "GET " << path << " → " << res->body;
  EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
  try {
    return nlohmann::json::parse(res->body);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "GET " << path << " did not return JSON: " << res->body;
    return nullptr;
  }
}

}  // namespace pressroom::testing
