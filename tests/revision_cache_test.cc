// Specification of common/revision_cache.h: objects built once per index state.
#include "common/revision_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace pressroom {
namespace {

std::shared_ptr<const std::string> made(const std::string& text) { return std::make_shared<const std::string>(text); }

TEST(RevisionIdentity, IsTheKeyWithoutItsRevisions) {
  EXPECT_EQ(revision_identity("u1:7"), "u1");
  EXPECT_EQ(revision_identity("u1:7;u2:3;"), "u1;u2;");
}

TEST(RevisionCache, BuildsOncePerStateAndSharesIt) {
  RevisionCache<std::string> cache;
  int builds = 0;
  auto build = [&] { ++builds; return made("a"); };
  auto first = cache.get("u1:1", build);
  auto second = cache.get("u1:1", build);
  EXPECT_EQ(builds, 1);
  EXPECT_EQ(first, second);
}

TEST(RevisionCache, HoldsAStateOnceItIsBuilt) {
  RevisionCache<std::string> cache;
  EXPECT_FALSE(cache.holds("u1:1"));
  cache.get("u1:1", [] { return made("a"); });
  EXPECT_TRUE(cache.holds("u1:1"));
  EXPECT_FALSE(cache.holds("u1:2"));
}

TEST(RevisionCache, KeepsTheTwoLatestStatesOfAnIndex) {
  RevisionCache<std::string> cache;
  int builds = 0;
  auto build = [&] { ++builds; return made("x"); };
  cache.get("u1:1;u2:1;", build);
  cache.get("u1:2;u2:1;", build);
  cache.get("u3:1;", build);  // another index does not push these out
  cache.get("u1:2;u2:2;", build);
  EXPECT_EQ(builds, 4);
  cache.get("u1:2;u2:1;", build);  // still kept
  cache.get("u3:1;", build);
  EXPECT_EQ(builds, 4);
  cache.get("u1:1;u2:1;", build);  // the oldest of its index: built again
  EXPECT_EQ(builds, 5);
}

TEST(RevisionCache, AFailedBuildIsTriedAgain) {
  RevisionCache<std::string> cache;
  EXPECT_THROW(cache.get("u1:1", []() -> std::shared_ptr<const std::string> { throw std::runtime_error("read"); }),
               std::runtime_error);
  EXPECT_EQ(*cache.get("u1:1", [] { return made("ok"); }), "ok");
}

}  // namespace
}  // namespace pressroom
