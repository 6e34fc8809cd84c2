// Specification of server/index_warmer.h: a new index state is prepared
// before a request needs it.
#include "server/index_warmer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <string>
#include <thread>

#include "common/database_set.h"
#include "common/release_validation.h"
#include "common/schema.h"
#include "common/suggestion_index.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

void add_release(const std::string& path, const std::string& id, const std::string& title) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  Release r;
  r.id = id;
  r.date = "2024-05-06";
  r.title = title;
  r.type = "statement";
  r.body = "Text of " + title;
  r.lang = "en";
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  Xapian::TermGenerator generator;
  db.add_document(schema::document_for(r, generator));
  db.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kVersion));
  db.commit();
}

// The state a searcher of `path` reads now, as the shared indexes key it.
std::string current_state(const std::string& path) { return revision_key(open_database_set({path})); }

// Waits up to ten seconds for the suggestion index of `state`.
bool warmed_within_ten_seconds(const std::string& state) {
  for (int i = 0; i < 1000 && !SuggestionIndex::built_for(state); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return SuggestionIndex::built_for(state);
}

// A server on an index of one release, its warmer turning every 10 ms.
class WarmedServer : public ::testing::Test {
 protected:
  WarmedServer() { add_release(path, "a", "Harbour works"); }

  TempDir dir;
  std::string path = (dir.path() / "db").string();
  SearcherPool pool{{path}, nullptr};
};

TEST_F(WarmedServer, PreparesTheStateTheIndexIsAtWhenStarted) {
  IndexWarmer warmer(pool, std::chrono::milliseconds(10));
  EXPECT_TRUE(warmed_within_ten_seconds(current_state(path)));
}

TEST_F(WarmedServer, PreparesEachNewStateOfAServerInUse) {
  IndexWarmer warmer(pool, std::chrono::milliseconds(10));
  ASSERT_TRUE(warmed_within_ten_seconds(current_state(path)));
  add_release(path, "b", "Heat rules");
  { auto request = pool.borrow(); }  // a request that needed neither
  EXPECT_TRUE(warmed_within_ten_seconds(current_state(path)));
}

TEST_F(WarmedServer, LeavesTheNewStatesOfAnIdleServerAlone) {
  IndexWarmer warmer(pool, std::chrono::milliseconds(10));
  ASSERT_TRUE(warmed_within_ten_seconds(current_state(path)));
  add_release(path, "b", "Heat rules");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // thirty turns of the warmer
  EXPECT_FALSE(SuggestionIndex::built_for(current_state(path)));
}

TEST(IndexWarmer, StopsPromptlyWhenTheIndexCannotBeRead) {
  TempDir dir;
  SearcherPool pool({(dir.path() / "missing").string()}, nullptr);
  auto started = std::chrono::steady_clock::now();
  { IndexWarmer warmer(pool, std::chrono::seconds(60)); }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

}  // namespace
}  // namespace pressroom
