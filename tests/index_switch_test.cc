// Specification of how a searcher follows an index that is replaced as a
// whole (common/database_set.h): a symlink or a stub swapped to a freshly
// built database is picked up on the next request, entirely, without a
// restart, and the old state is never mixed into the new one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/errors.h"
#include "common/search_request.h"
#include "common/searcher.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

constexpr const char* kArchive = PRESSROOM_SOURCE_DIR "/corpus";

// Points `link` at `target` in one rename(2), as pressroom-index --rebuild does.
void swap_symlink(const std::filesystem::path& link, const std::filesystem::path& target) {
  std::filesystem::path temp = link;
  temp += ".new";
  std::filesystem::remove(temp);
  std::filesystem::create_symlink(target, temp);
  ASSERT_EQ(::rename(temp.c_str(), link.c_str()), 0);
}

uint64_t total(Searcher& searcher, const std::string& q = "") {
  ParamMap params;
  if (!q.empty()) params.emplace("q", q);
  return searcher.search(parse_search_request(params)).total;
}

// Two builds of the archive, the old one smaller, and `live` pointing at the old one.
struct Builds {
  explicit Builds(const TempDir& dir)
      : old_build((dir.path() / "build-1").string()),
        new_build((dir.path() / "build-2").string()),
        live(dir.path() / "live") {
    testing::index_paths(old_build, {std::string(kArchive) + "/releases"});
    testing::index_paths(new_build, {kArchive});
    swap_symlink(live, old_build);
  }
  std::string old_build, new_build;
  std::filesystem::path live;
};

TEST(IndexSwitch, ASearcherOnASymlinkFollowsItToANewBuild) {
  TempDir dir;
  Builds builds(dir);
  const std::string& new_build = builds.new_build;
  const std::filesystem::path& live = builds.live;

  Searcher searcher(live.string());
  uint64_t old_total = total(searcher);
  Searcher reference(new_build);
  uint64_t new_total = total(reference);
  ASSERT_LT(old_total, new_total);

  swap_symlink(live, new_build);
  searcher.refresh();
  EXPECT_EQ(total(searcher), new_total);
  EXPECT_EQ(total(searcher, "detention"), total(reference, "detention"));
}

TEST(IndexSwitch, ASearcherKeepsAnsweringFromTheOldBuildUntilItRefreshes) {
  TempDir dir;
  Builds builds(dir);
  const std::string& new_build = builds.new_build;
  const std::filesystem::path& live = builds.live;
  Searcher searcher(live.string());
  uint64_t old_total = total(searcher);
  swap_symlink(live, new_build);
  // A request under way finishes on the state it started with.
  EXPECT_EQ(total(searcher), old_total);
}

TEST(IndexSwitch, ASearcherOnAStubFollowsItWhenTheStubIsReplaced) {
  TempDir dir;
  testing::index_paths((dir.path() / "a").string(), {std::string(kArchive) + "/releases"});
  testing::index_paths((dir.path() / "b").string(), {std::string(kArchive) + "/news"});
  std::filesystem::path stub = dir.path() / "archive.stub";
  {
    std::ofstream out(stub);
    out << "auto a\n";
  }
  Searcher searcher(stub.string());
  uint64_t only_a = total(searcher);
  std::filesystem::path temp = dir.path() / "archive.stub.new";
  {
    std::ofstream out(temp);
    out << "# both parts of the archive\nauto a\nauto b\n";
  }
  ASSERT_EQ(::rename(temp.c_str(), stub.c_str()), 0);
  searcher.refresh();
  Searcher b((dir.path() / "b").string());
  EXPECT_EQ(total(searcher), only_a + total(b));
}

TEST(IndexSwitch, AStubWithAnUnknownLineIsRefusedWithItsLineNumber) {
  TempDir dir;
  std::filesystem::path stub = dir.path() / "archive.stub";
  {
    std::ofstream out(stub);
    out << "# comment\nchert /somewhere\n";
  }
  try {
    Searcher searcher(stub.string());
    ADD_FAILURE() << "opened a stub with an unknown database type";
  } catch (const IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("archive.stub:2"), std::string::npos) << e.what();
  }
}

TEST(IndexSwitch, ASymlinkToNothingIsAClearError) {
  TempDir dir;
  std::filesystem::create_symlink(dir.path() / "missing", dir.path() / "live");
  try {
    Searcher searcher((dir.path() / "live").string());
    ADD_FAILURE() << "opened a dangling symlink";
  } catch (const IndexUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("live"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace pressroom
