// Specification of publishing while serving (issues 7 and 8): while clients
// search without pause, the archive is fully rebuilt (pressroom-index
// --rebuild, switched in by a symlink) and updated in place; no request fails
// and every answer is wholly the old state or wholly the new one.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/search_request.h"
#include "common/searcher.h"
#include "tests/fixtures.h"
#include "tests/support/subprocess.h"
#include "tests/test_server.h"

namespace pressroom {
namespace {

using testing::TempDir;

constexpr const char* kArchive = PRESSROOM_SOURCE_DIR "/corpus";
const std::string kSmall = std::string(kArchive) + "/releases";  // the JSON Lines archive only
const std::string kLarge = kArchive;                             // everything

const std::vector<std::string> kPaths = {"/api/search?q=detention&facets=year,type",
                                         "/api/search?facets=topic,year", "/api/search?q=asylum&sort=date"};

// What identifies a state in an answer: the total and every facet count.
std::string signature(const nlohmann::json& answer) {
  return answer["total"].dump() + answer["facets"].dump();
}

void run_indexer(const std::vector<std::string>& args, const std::filesystem::path& log) {
  std::vector<std::string> argv = {PRESSROOM_INDEX_BIN, "--quiet"};
  argv.insert(argv.end(), args.begin(), args.end());
  testing::ExitStatus status = testing::run_command(argv, log, std::chrono::minutes(3));
  ASSERT_TRUE(status.exited && status.code == 0) << status.describe() << ": " << testing::read_text(log);
}

TEST(PublishUnderLoad, RebuildsAndUpdatesNeverFailARequestNorMixStates) {
  TempDir dir;
  // The two states, each built on its own, give the answers allowed.
  std::map<std::string, std::set<std::string>> allowed;  // path → signatures
  for (const std::string& archive : {kSmall, kLarge}) {
    std::string reference = (dir.path() / ("reference-" + std::to_string(allowed.size()))).string();
    testing::index_paths(reference, {archive});
    testing::TestServer server(reference);
    for (const std::string& path : kPaths) allowed[path].insert(signature(server.get_json(path)));
  }
  for (const std::string& path : kPaths) ASSERT_EQ(allowed[path].size(), 2u) << path << ": the states look alike";

  std::string live = (dir.path() / "live").string();
  run_indexer({"--db", live, "--rebuild", kSmall}, dir.path() / "index-0.log");
  ServerConfig config;
  config.threads = 8;
  testing::TestServer server(live, config);

  std::atomic<bool> done{false};
  std::atomic<int> requests{0};
  std::mutex mutex;
  std::vector<std::string> failures;
  std::set<std::string> seen;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client cli = server.client();
      cli.set_keep_alive(true);
      for (size_t i = static_cast<size_t>(c); !done; ++i) {
        const std::string& path = kPaths[i % kPaths.size()];
        auto res = cli.Get(path);
        ++requests;
        std::lock_guard lock(mutex);
        if (!res) {
          failures.push_back(path + ": " + httplib::to_string(res.error()));
        } else if (res->status != 200) {
          failures.push_back(path + ": HTTP " + std::to_string(res->status) + " " + res->body);
        } else {
          std::string sig = signature(nlohmann::json::parse(res->body));
          if (!allowed[path].count(sig)) failures.push_back(path + ": an answer of neither state: " + sig);
          seen.insert(sig);
        }
      }
    });
  }
  // Full rebuilds both ways, then updates in place both ways.
  run_indexer({"--db", live, "--rebuild", kLarge}, dir.path() / "index-1.log");
  run_indexer({"--db", live, "--rebuild", kSmall}, dir.path() / "index-2.log");
  run_indexer({"--db", live, "--rebuild", kLarge}, dir.path() / "index-3.log");
  run_indexer({"--db", live, "--prune", kSmall}, dir.path() / "index-4.log");
  run_indexer({"--db", live, kLarge}, dir.path() / "index-5.log");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  done = true;
  for (std::thread& t : clients) t.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << requests << " requests went wrong, first: "
                                << (failures.empty() ? "" : failures.front());
  size_t both = 0;
  for (const std::string& path : kPaths)
    for (const std::string& sig : allowed[path]) both += seen.count(sig);
  EXPECT_EQ(both, 2 * kPaths.size()) << "the clients did not see both states: the switches were not exercised";
  EXPECT_GT(requests, 50) << "too little load to prove anything";
  // The last state is the large archive, served without a restart.
  EXPECT_TRUE(allowed[kPaths[0]].count(signature(server.get_json(kPaths[0]))));
}

}  // namespace
}  // namespace pressroom
