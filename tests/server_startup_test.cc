// The real pressroom-server facing a database it cannot use at start:
//   missing (or not an index)  → exits with status 2 and a message naming the
//                                 path and what to do, without crashing;
//   locked by a running indexer → serves (readers never wait for the writer);
//   corrupt                     → keeps running, logs the reason, and answers
//                                 503 with a JSON error on the API and on
//                                 /healthz (which says why) for what it cannot
//                                 read; never a crash, a 500 or a dropped
//                                 connection.
#include <gtest/gtest.h>
#include <httplib.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <thread>

#include "tests/fixtures.h"
#include "tests/support/subprocess.h"

namespace pressroom {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;
using testing::ExitStatus;
using testing::Subprocess;

class ServerStartup : public ::testing::Test {
 protected:
  // A small real index: 30 releases.
  fs::path make_index() {
    std::string lines;
    for (int i = 0; i < 30; ++i) {
      Release r;
      r.id = "startup-" + std::to_string(i);
      r.title = "Detention report " + std::to_string(i);
      r.date = "2020-01-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
      r.type = "report";
      r.topics = {"Family Detention"};
      r.lang = "en";
      r.body = "TUCSON, AZ — Families in detention, report number " + std::to_string(i) + ".";
      lines += testing::jsonl_line(r);
    }
    fs::path archive = dir_.write("archive.jsonl", lines);
    fs::path db = dir_.path() / "index.db";
    testing::index_paths(db.string(), {archive.string()});
    return db;
  }

  // The server on a port it picks (--port 0), which its log names: a port
  // picked here could be taken by another test before the server binds it.
  std::unique_ptr<Subprocess> start(const fs::path& db) {
    port_ = 0;
    log_ = dir_.path() / ("server-" + std::to_string(++started_) + ".log");
    return std::make_unique<Subprocess>(
        std::vector<std::string>{PRESSROOM_SERVER_BIN, "--db", db.string(), "--bind", "127.0.0.1", "--port", "0"},
        log_);
  }

  // The port the server's log says it listens on; 0 until it says so.
  int logged_port() const {
    std::string text = log();
    constexpr std::string_view kSays = " on http://127.0.0.1:";
    size_t at = text.find(kSays);
    return at == std::string::npos ? 0 : std::atoi(text.c_str() + at + kSays.size());
  }

  // GET once the server listens (it has 20 s to start); nullopt when it
  // never answered.
  httplib::Result get(Subprocess& server, const std::string& path) {
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (port_ == 0 && std::chrono::steady_clock::now() < deadline && !server.poll()) {
      port_ = logged_port();
      if (port_ == 0) std::this_thread::sleep_for(50ms);
    }
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(1);
    client.set_read_timeout(10);
    while (true) {
      auto res = client.Get(path);
      if (res || std::chrono::steady_clock::now() > deadline || server.poll()) return res;
      std::this_thread::sleep_for(50ms);
    }
  }

  std::string log() const { return testing::read_text(log_); }

  testing::TempDir dir_;
  int port_ = 0;
  int started_ = 0;
  fs::path log_;
};

TEST_F(ServerStartup, MissingDatabaseExitsWithStatus2AndSaysWhy) {
  fs::path db = dir_.path() / "no-such.db";
  auto server = start(db);
  ExitStatus status = server->wait_for(30s);
  std::string output = log();
  EXPECT_TRUE(status.exited && status.code == 2) << status.describe() << "\n" << output;
  EXPECT_NE(output.find(db.string()), std::string::npos) << "names the path:\n" << output;
  EXPECT_NE(output.find("pressroom-index"), std::string::npos) << "says what to do:\n" << output;
}

TEST_F(ServerStartup, FolderThatIsNotAnIndexExitsWithStatus2) {
  fs::path db = dir_.path() / "empty";
  fs::create_directories(db);
  dir_.write("empty/notes.txt", "not a database\n");
  auto server = start(db);
  ExitStatus status = server->wait_for(30s);
  std::string output = log();
  EXPECT_TRUE(status.exited && status.code == 2) << status.describe() << "\n" << output;
  EXPECT_NE(output.find(db.string()), std::string::npos) << "names the path:\n" << output;
}

TEST_F(ServerStartup, DatabaseLockedByAnIndexerIsServed) {
  fs::path db = make_index();
  Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);  // holds the write lock
  Xapian::Document pending;
  pending.add_term("Qpending");
  writer.add_document(pending);  // uncommitted: not visible to readers
  auto server = start(db);
  auto health = get(*server, "/healthz");
  ASSERT_TRUE(health) << "no answer; the server said:\n" << log();
  EXPECT_EQ(health->status, 200) << health->body;
  EXPECT_EQ(json::parse(health->body).value("documents", 0), 30) << health->body;
  auto search = get(*server, "/api/search?q=detention");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200) << search->body;
  EXPECT_FALSE(server->poll()) << "the server stopped:\n" << log();
}

// Each way of damaging postlist.glass, the table that holds every term's
// postings and the index's metadata.
enum class Damage { TruncatedToZero, TruncatedToHalf, Garbled };

std::string name_of(Damage d) {
  switch (d) {
    case Damage::TruncatedToZero: return "TruncatedToZero";
    case Damage::TruncatedToHalf: return "TruncatedToHalf";
    case Damage::Garbled: return "Garbled";
  }
  return "?";
}

class ServerStartupCorrupt : public ServerStartup, public ::testing::WithParamInterface<Damage> {
 protected:
  void damage(const fs::path& db) {
    fs::path table = db / "postlist.glass";
    ASSERT_TRUE(fs::exists(table));
    auto size = fs::file_size(table);
    switch (GetParam()) {
      case Damage::TruncatedToZero: fs::resize_file(table, 0); break;
      case Damage::TruncatedToHalf: fs::resize_file(table, size / 2); break;
      case Damage::Garbled: {
        std::mt19937 random(7);
        std::string garbage(size, '\0');
        for (char& c : garbage) c = static_cast<char>(random());
        std::ofstream(table, std::ios::binary | std::ios::trunc) << garbage;
        break;
      }
    }
  }
};

TEST_P(ServerStartupCorrupt, KeepsRunningAndAnswersWithJsonNeverACrash) {
  fs::path db = make_index();
  damage(db);
  auto server = start(db);

  // Emptied or garbled, the table's first blocks (the metadata) are gone, so
  // the index cannot be opened: /healthz says so. Cut in half, the first
  // blocks may still be read, and only requests that need a lost block fail.
  const bool unreadable = GetParam() != Damage::TruncatedToHalf;
  auto health = get(*server, "/healthz");
  ASSERT_TRUE(health) << "the server did not come up (" << (server->poll() ? server->poll()->describe() : "running")
                      << "); it said:\n" << log();
  json h = json::parse(health->body, nullptr, false);
  ASSERT_FALSE(h.is_discarded()) << "not JSON: " << health->body;
  if (unreadable) {
    EXPECT_EQ(health->status, 503) << health->body;
    EXPECT_EQ(h.value("status", ""), "unavailable") << health->body;
    EXPECT_NE(h.value("message", "").find(db.string()), std::string::npos) << "names the database: " << health->body;
  } else {
    EXPECT_TRUE(health->status == 200 || health->status == 503) << health->status << " " << health->body;
  }

  for (const char* path : {"/api/search?q=detention", "/api/search?q=report&topic=Family%20Detention",
                           "/api/search", "/api/releases/startup-1"}) {
    auto res = get(*server, path);
    ASSERT_TRUE(res) << path << ": no answer; the server said:\n" << log();
    json body = json::parse(res->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << path << " → not JSON: " << res->body;
    if (unreadable || res->status == 503) {
      EXPECT_EQ(res->status, 503) << path << " → " << res->body;
      EXPECT_EQ(body["error"].value("code", ""), "index_unavailable") << path << " → " << res->body;
      EXPECT_FALSE(body["error"].value("message", "").empty()) << path << " → " << res->body;
    } else {
      EXPECT_TRUE(res->status == 200 || res->status == 404) << path << " → " << res->status << " " << res->body;
    }
  }
  EXPECT_FALSE(server->poll()) << "the server stopped:\n" << log();
  if (unreadable) {
    EXPECT_NE(log().find(db.string()), std::string::npos) << "the log names the database:\n" << log();
  }
  server->kill(SIGTERM);
  ExitStatus status = server->wait_for(30s);
  EXPECT_TRUE(status.exited && status.code == 0) << "no clean stop: " << status.describe() << "\n" << log();
}

INSTANTIATE_TEST_SUITE_P(Damages, ServerStartupCorrupt,
                         ::testing::Values(Damage::TruncatedToZero, Damage::TruncatedToHalf, Damage::Garbled),
                         [](const auto& info) { return name_of(info.param); });

}  // namespace
}  // namespace pressroom
