// pressroom-index --rebuild: the whole archive is built beside the served
// index and switched in with one rename(2) of a symbolic link, so a reader
// sees the old build or the new one, never a half-built or missing index.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "bench/synthetic_corpus.h"
#include "common/schema.h"
#include "common/sharding.h"
#include "indexer/build_switch.h"
#include "tests/fixtures.h"
#include "tests/support/subprocess.h"
#include "tests/support/synthetic_archive.h"

namespace pressroom::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class IndexerRebuild : public ::testing::Test {
 protected:
  void SetUp() override { write_synthetic_jsonl(archive / "releases.jsonl", corpus, 0, 40); }

  IndexStats run(bool rebuild, unsigned shards = 0, std::vector<std::string> paths = {}) {
    IndexOptions options;
    options.db_path = db.string();
    options.paths = paths.empty() ? std::vector<std::string>{archive.string()} : paths;
    options.rebuild = rebuild;
    options.shards = shards;
    return run_index(options);
  }
  // The builds kept, by folder name.
  std::vector<std::string> builds() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db.string() + ".builds"))
      if (entry.path().filename() != ".lock") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  fs::path target() const { return fs::canonical(db); }

  TempDir dir;
  SyntheticCorpus corpus{5};
  fs::path archive = dir.path() / "archive";
  fs::path db = dir.path() / "index.db";
};

TEST_F(IndexerRebuild, ServedPathBecomesALinkToTheNewBuild) {
  EXPECT_EQ(run(true).added, 40u);
  ASSERT_TRUE(fs::is_symlink(db));
  EXPECT_EQ(fs::read_symlink(db).parent_path(), fs::path("index.db.builds"));
  EXPECT_EQ(target().parent_path(), fs::canonical(db.string() + ".builds"));
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 40u);
  EXPECT_EQ(builds().size(), 1u);
}

TEST_F(IndexerRebuild, PlainIndexBecomesThePreviousBuild) {
  run(false);
  ASSERT_TRUE(fs::is_directory(db) && !fs::is_symlink(db));
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 40, 50);
  run(true);
  ASSERT_TRUE(fs::is_symlink(db));
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 50u);
  std::vector<std::string> kept = builds();
  ASSERT_EQ(kept.size(), 2u);
  std::string before = kept[0].find("-before") != std::string::npos ? kept[0] : kept[1];
  EXPECT_NE(before.find("-before"), std::string::npos);
  EXPECT_EQ(Xapian::Database(db.string() + ".builds/" + before).get_doccount(), 40u);
}

TEST_F(IndexerRebuild, KeepsThePreviousBuildAndDeletesOlderOnes) {
  run(true);
  fs::path first = target();
  run(true);
  fs::path second = target();
  run(true);
  EXPECT_NE(target(), second);
  EXPECT_FALSE(fs::exists(first));
  EXPECT_TRUE(fs::exists(second)) << "the previous build stays for readers that hold it";
  EXPECT_EQ(builds().size(), 2u);
}

TEST_F(IndexerRebuild, ReaderOfTheOldBuildKeepsReadingIt) {
  run(true);
  Xapian::Database reader(db.string());
  write_synthetic_jsonl(archive / "releases.jsonl", corpus, 0, 30);  // 10 releases leave the archive
  run(true);
  EXPECT_EQ(reader.get_doccount(), 40u);
  for (Xapian::PostingIterator p = reader.postlist_begin(""); p != reader.postlist_end(""); ++p)
    EXPECT_FALSE(reader.get_document(*p).get_data().empty());
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 30u);
}

TEST_F(IndexerRebuild, UpdatesGoThroughTheLinkIntoTheCurrentBuild) {
  run(true);
  fs::path current = target();
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 40, 45);
  IndexStats stats = run(false);
  EXPECT_EQ(stats.added, 5u);
  EXPECT_EQ(stats.unchanged, 40u);
  EXPECT_EQ(target(), current);
  EXPECT_EQ(Xapian::Database(current.string()).get_doccount(), 45u);
}

TEST_F(IndexerRebuild, CanChangeTheShardCount) {
  run(false);
  EXPECT_THROW(run(false, 3), IndexError);
  run(true, 3);
  EXPECT_TRUE(fs::is_regular_file(db / kStubFile));
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 40u);
  EXPECT_EQ(Xapian::Database((db / shard_name(2)).string()).get_metadata(schema::kMetaShard), "2/3");
  EXPECT_EQ(run(false).unchanged, 40u);
  run(true, 1);
  EXPECT_FALSE(fs::exists(db / kStubFile));
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 40u);
}

TEST_F(IndexerRebuild, MissingPathIsRefusedAndTheLiveIndexStays) {
  run(true);
  fs::path current = target();
  EXPECT_THROW(run(true, 0, {archive.string(), (dir.path() / "gone").string()}), IndexError);
  EXPECT_EQ(target(), current);
  EXPECT_EQ(builds().size(), 1u);
}

TEST_F(IndexerRebuild, KilledRebuildLeavesTheLiveIndexAndIsCleanedUpNextRun) {
  run(true);
  fs::path current = target();
  write_synthetic_jsonl(archive / "big.jsonl", corpus, 1000, 4000);
  Subprocess rebuild({PRESSROOM_INDEX_BIN, "-q", "--rebuild", "--db", db.string(), archive.string()},
                     dir.path() / "rebuild.log");
  auto partial_exists = [&] {
    for (const auto& entry : fs::directory_iterator(db.string() + ".builds"))
      if (entry.path().filename().string().find(".partial") != std::string::npos) return true;
    return false;
  };
  auto deadline = std::chrono::steady_clock::now() + 60s;
  while (!partial_exists() && !rebuild.poll() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(200ms);
  rebuild.kill(SIGKILL);
  ExitStatus status = rebuild.wait();
  ASSERT_FALSE(status.exited) << "the rebuild ended before it could be killed; " << status.describe();
  EXPECT_EQ(target(), current);
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), 40u);
  EXPECT_TRUE(partial_exists());

  IndexStats stats = run(false);
  EXPECT_EQ(stats.added, 3000u);
  EXPECT_FALSE(partial_exists()) << "the next run removes the abandoned build";
  EXPECT_EQ(target(), current);
}

TEST_F(IndexerRebuild, SecondRebuildAtOnceIsRefused) {
  run(true);
  BuildSwitch holder(db.string());
  EXPECT_THROW(run(true), IndexError);
}

}  // namespace
}  // namespace pressroom::testing
