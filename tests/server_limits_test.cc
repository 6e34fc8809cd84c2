// What the server promises under pressure and abuse: overload answered fast
// with 503, per-client rate limits, HTTP size limits, slow clients cut off,
// request ids, metrics.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <thread>

#include "server/http_server.h"
#include "tests/fixtures.h"
#include "tests/test_server.h"

namespace pressroom::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

class ServerLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    Release r;
    r.id = "one";
    r.title = "Asylum statement";
    r.date = "2021-01-01";
    r.body = "Asylum seekers at the border.";
    dir.write("a/one.jsonl", jsonl_line(r));
    db = (dir.path() / "db").string();
    index_paths(db, {(dir.path() / "a").string()});
  }
  TempDir dir;
  std::string db;
};

// A raw TCP connection to the server, for what an HTTP client will not do.
int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// run() on a thread of its own; whether it returned within `limit`.
bool returns_within(HttpServer& server, std::chrono::seconds limit, const std::function<void()>& meanwhile) {
  std::promise<void> ended;
  std::future<void> done = ended.get_future();
  std::thread serving([&] {
    server.run();
    ended.set_value();
  });
  meanwhile();
  bool returned = done.wait_for(limit) == std::future_status::ready;
  if (!returned) server.stop();
  serving.join();
  return returned;
}

ServerConfig loopback(const std::string& db) {
  ServerConfig config;
  config.db_locations = {db};
  config.bind = "127.0.0.1";
  config.port = 0;
  config.access_log = false;
  return config;
}

TEST_F(ServerLimits, StopBeforeRunMakesRunReturnAtOnce) {
  HttpServer server(loopback(db));
  server.bind();
  server.stop();
  EXPECT_TRUE(returns_within(server, std::chrono::seconds(10), [] {}));
}

TEST_F(ServerLimits, StopAsRunStartsIsNotLost) {
  // A SIGTERM just after start-up: httplib alone ignores a stop() that
  // comes before its accept loop, and the server would serve on.
  for (int i = 0; i < 20; ++i) {
    HttpServer server(loopback(db));
    server.bind();
    EXPECT_TRUE(returns_within(server, std::chrono::seconds(10), [&] { server.stop(); })) << "attempt " << i;
  }
}

TEST_F(ServerLimits, OverloadIsAnswered503WithRetryAfterQuickly) {
  ServerConfig config;
  config.threads = 1;
  config.max_queued = 1;
  TestServer server(db, config);
  // Two idle connections: one holds the only worker, one fills the queue.
  // Half a second each for the worker to take the first and the queue the
  // second, on a slow machine too (a sanitizer build under load).
  int held = connect_to(server.port());
  ASSERT_GE(held, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  int queued = connect_to(server.port());
  ASSERT_GE(queued, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  auto started = Clock::now();
  auto res = server.client().Get("/api/search?q=asylum");
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(res->get_header_value("Retry-After"), "1");
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "overloaded");
  // Refused at once, not served after the 5 s read timeout frees the worker.
  EXPECT_LT(seconds, 3.0);
  close(held);
  close(queued);
}

TEST_F(ServerLimits, IdleClientIsCutOffAndFreesItsWorker) {
  ServerConfig config;
  config.threads = 1;
  config.max_queued = 8;
  TestServer server(db, config);
  // Slowloris: a request line and never the end of the headers.
  int slow = connect_to(server.port());
  ASSERT_GE(slow, 0);
  std::string partial = "GET /api/search?q=asylum HTTP/1.1\r\nHost: x\r\nX-Slow: ";
  ASSERT_EQ(send(slow, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  auto started = Clock::now();
  auto res = server.client().Get("/api/search?q=asylum");  // waits for the only worker
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  // The worker is freed by the 5 s read timeout (twice: the partial request,
  // then the keep-alive wait); without it the request would never be served.
  EXPECT_LT(seconds, 20.0) << "the slow client held the worker past the read timeouts";
  close(slow);
}

TEST_F(ServerLimits, RateLimitAnswers429PerClient) {
  ServerConfig config;
  // One a second, a burst of 2: 30 requests outrun it however slow the
  // machine (a sanitizer build under load).
  config.rate_limit = 1;
  TestServer server(db, config);
  auto cli = server.client();
  int ok = 0, limited = 0;
  for (int i = 0; i < 30; ++i) {
    auto res = cli.Get("/api/search?q=asylum");
    ASSERT_TRUE(res);
    if (res->status == 200) ++ok;
    if (res->status == 429) {
      ++limited;
      EXPECT_FALSE(res->get_header_value("Retry-After").empty());
      EXPECT_EQ(json::parse(res->body)["error"]["code"], "rate_limited");
    }
  }
  EXPECT_GE(ok, 2);
  EXPECT_GT(limited, 0);
}

TEST_F(ServerLimits, NoRateLimitByDefault) {
  TestServer server(db);
  auto cli = server.client();
  for (int i = 0; i < 50; ++i) ASSERT_EQ(cli.Get("/healthz")->status, 200);
}

TEST_F(ServerLimits, OverlongUrlIs414) {
  TestServer server(db);
  auto res = server.client().Get("/api/search?q=" + std::string(9000, 'a'));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
}

TEST_F(ServerLimits, OversizedHeaderIsRefused) {
  TestServer server(db);
  auto cli = server.client();
  httplib::Headers headers = {{"X-Big", std::string(10000, 'b')}};
  auto res = cli.Get("/healthz", headers);
  // cpp-httplib refuses a header line over its limit; the request never reaches a handler.
  EXPECT_TRUE(!res || res->status == 400 || res->status == 431) << (res ? std::to_string(res->status) : "closed");
}

TEST_F(ServerLimits, EveryResponseCarriesARequestId) {
  TestServer server(db);
  auto a = server.get("/api/search?q=asylum");
  auto b = server.get("/nothing");
  EXPECT_FALSE(a->get_header_value("X-Request-Id").empty());
  EXPECT_FALSE(b->get_header_value("X-Request-Id").empty());
  EXPECT_NE(a->get_header_value("X-Request-Id"), b->get_header_value("X-Request-Id"));
}

TEST_F(ServerLimits, MetricsCountRequestsByRouteAndStatusAndDescribeTheIndex) {
  TestServer server(db);
  server.get("/api/search?q=asylum");
  server.get("/api/search?q=asylum");
  server.get("/api/releases/nope");
  // A request is counted when its response has been written, which can be a
  // moment after the client has read it: poll briefly.
  std::string text;
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto res = server.get("/metrics");
    ASSERT_EQ(res->status, 200);
    text = res->body;
    if (text.find("status=\"404\"} 1") != std::string::npos &&
        text.find("route=\"/api/search\",status=\"200\"} 2") != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(text.find("pressroom_http_requests_total{route=\"/api/search\",status=\"200\"} 2"), std::string::npos) << text;
  EXPECT_NE(text.find("pressroom_http_requests_total{route=\"/api/releases/{id}\",status=\"404\"} 1"), std::string::npos);
  EXPECT_NE(text.find("pressroom_http_request_duration_seconds_bucket{route=\"/api/search\""), std::string::npos);
  EXPECT_NE(text.find("pressroom_index_documents 1"), std::string::npos);
  EXPECT_NE(text.find("pressroom_index_up 1"), std::string::npos);
  EXPECT_NE(text.find("pressroom_http_requests_in_flight"), std::string::npos);
}

TEST_F(ServerLimits, ConcurrentClientsAllGetAnswers) {
  TestServer server(db);
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 16; ++c) {
    clients.emplace_back([&] {
      auto cli = server.client();
      for (int i = 0; i < 20; ++i) {
        auto res = cli.Get("/api/search?q=asylum&facets=topic");
        if (!res || res->status != 200) ++failures;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace pressroom::testing
