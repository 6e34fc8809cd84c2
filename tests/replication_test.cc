// Specification of read replicas made by Xapian's own replication
// (xapian-replicate-server on the primary, xapian-replicate on the replica,
// both on loopback): after each indexer run and replication the replica
// answers exactly as the primary, and a searcher reading the replica follows
// it without a restart.
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "common/search_request.h"
#include "common/searcher.h"
#include "tests/fixtures.h"
#include "tests/support/search_description.h"
#include "tests/support/xapian_servers.h"

namespace pressroom {
namespace {

using testing::describe;
using testing::TempDir;

constexpr const char* kArchive = PRESSROOM_SOURCE_DIR "/corpus";

std::vector<ParamMap> searches() {
  return {{}, {{"q", "detention"}}, {{"q", "\"family detention\""}}, {{"q", "asilo"}}, {{"topic", "Asylum"}},
          {{"q", "detension"}}};
}

class Replication : public ::testing::Test {
 protected:
  void SetUp() override {
    // Changesets let a replica catch up by the changes alone rather than a
    // full copy; the indexer's commits record them when this is set.
    ::setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
    std::filesystem::create_directories(dir_.path() / "primary");
    primary_ = (dir_.path() / "primary" / "archive").string();
    replica_ = (dir_.path() / "replica").string();
  }
  void TearDown() override { ::unsetenv("XAPIAN_MAX_CHANGESETS"); }

  // xapian-replicate-server offering the primary's folder.
  std::unique_ptr<testing::XapianServer> start_replication_server() {
    return std::make_unique<testing::XapianServer>(
        std::vector<std::string>{"/usr/bin/xapian-replicate-server"},
        std::vector<std::string>{"--interface", "127.0.0.1", (dir_.path() / "primary").string()},
        dir_.path() / "replicate-server.log");
  }

  // One run of xapian-replicate against the primary's replication server.
  void replicate(int port) {
    testing::ExitStatus status = testing::run_command(
        {"/usr/bin/xapian-replicate", "-h", "127.0.0.1", "-p", std::to_string(port), "-m", "archive", "-o", "-r", "0",
         replica_},
        dir_.path() / "replicate.log", std::chrono::seconds(60));
    ASSERT_TRUE(status.exited && status.code == 0)
        << status.describe() << ": " << testing::read_text(dir_.path() / "replicate.log");
  }

  void expect_replica_answers_as_primary(Searcher& replica) {
    Searcher primary(primary_);
    replica.refresh();
    for (const ParamMap& params : searches())
      EXPECT_EQ(describe(replica.search(parse_search_request(params))),
                describe(primary.search(parse_search_request(params))));
    EXPECT_EQ(replica.info().documents, primary.info().documents);
  }

  TempDir dir_;
  std::string primary_, replica_;
};

TEST_F(Replication, AReplicaFollowsThePrimaryAfterEachIndexerRun) {
  // The primary starts with the JSON Lines archive, then gets the news.
  testing::index_paths(primary_, {std::string(kArchive) + "/releases"});
  auto server = start_replication_server();
  replicate(server->port());
  Searcher replica(replica_);
  uint64_t before = replica.info().documents;
  EXPECT_GT(before, 0u);
  expect_replica_answers_as_primary(replica);

  testing::index_paths(primary_, {std::string(kArchive) + "/releases", std::string(kArchive) + "/news"});
  replicate(server->port());
  expect_replica_answers_as_primary(replica);
  EXPECT_GT(replica.info().documents, before) << "the searcher kept the old state of the replica";
}

TEST_F(Replication, AReplicaFollowsAPrunedPrimary) {
  testing::index_paths(primary_, {kArchive});
  auto server = start_replication_server();
  replicate(server->port());
  Searcher replica(replica_);
  expect_replica_answers_as_primary(replica);

  testing::index_paths(primary_, {std::string(kArchive) + "/news"}, /*prune=*/true);
  replicate(server->port());
  expect_replica_answers_as_primary(replica);
}

}  // namespace
}  // namespace pressroom
