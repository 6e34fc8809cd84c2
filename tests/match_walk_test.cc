// Specification of common/match_walk.h: a walk of a query's posting lists
// finds exactly the documents Xapian's matcher finds, for every query made of
// terms and set operations, and declines every other query.
#include "common/match_walk.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <string>
#include <vector>

#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;
using Q = Xapian::Query;

// Documents 1..400 with terms drawn so that every term is in some documents
// and not in others: "a".."h" unevenly, plus boolean "Kx"/"Ky".
class MatchWalkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db((dir_.path() / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    std::mt19937 random(11);
    for (int i = 0; i < 400; ++i) {
      Xapian::Document doc;
      const char* words[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
      for (int w = 0; w < 8; ++w)
        if (random() % (w + 2) == 0) doc.add_term(words[w]);
      doc.add_boolean_term(random() % 3 == 0 ? "Kx" : "Ky");
      doc.add_term("all");
      db.add_document(doc);
    }
    // Gaps in the ids, as deletions leave them.
    for (Xapian::docid did : {3u, 50u, 51u, 399u}) db.delete_document(did);
    db.commit();
    db_ = Xapian::Database((dir_.path() / "db").string());
  }

  std::vector<Xapian::docid> matched(const Q& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount(), db_.get_doccount());
    std::vector<Xapian::docid> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::vector<Xapian::docid> walked(const Q& query) {
    std::unique_ptr<MatchWalk> walk = MatchWalk::of(db_, query);
    EXPECT_TRUE(walk) << query.get_description();
    std::vector<Xapian::docid> ids;
    if (walk) walk->each([&](Xapian::docid did) { ids.push_back(did); });
    return ids;
  }

  TempDir dir_;
  Xapian::Database db_;
};

TEST_F(MatchWalkTest, TermWalksItsPostingList) {
  EXPECT_EQ(walked(Q("c")), matched(Q("c")));
  EXPECT_EQ(walked(Q("c")).size(), db_.get_termfreq("c"));
}

TEST_F(MatchWalkTest, AbsentTermMatchesNothing) { EXPECT_TRUE(walked(Q("zzz")).empty()); }

TEST_F(MatchWalkTest, MatchAllWalksEveryDocumentLeftAfterDeletions) {
  std::vector<Xapian::docid> all = walked(Q::MatchAll);
  EXPECT_EQ(all.size(), db_.get_doccount());
  EXPECT_EQ(all, matched(Q::MatchAll));
}

TEST_F(MatchWalkTest, MatchNothingWalksNothing) { EXPECT_TRUE(walked(Q::MatchNothing).empty()); }

TEST_F(MatchWalkTest, AndAndFilterAreIntersections) {
  Q a_and_b(Q::OP_AND, Q("a"), Q("b"));
  EXPECT_EQ(walked(a_and_b), matched(a_and_b));
  std::vector<Q> three{Q("a"), Q("c"), Q("d")};
  Q and3(Q::OP_AND, three.begin(), three.end());
  EXPECT_EQ(walked(and3), matched(and3));
  Q filtered(Q::OP_FILTER, Q("a"), Q("Kx"));
  EXPECT_EQ(walked(filtered), matched(filtered));
  EXPECT_FALSE(walked(filtered).empty());
}

TEST_F(MatchWalkTest, OrSynonymAndMaxAreUnions) {
  for (Q::op op : {Q::OP_OR, Q::OP_SYNONYM, Q::OP_MAX}) {
    std::vector<Q> parts{Q("e"), Q("g"), Q("h"), Q("zzz")};
    Q query(op, parts.begin(), parts.end());
    EXPECT_EQ(walked(query), matched(query)) << query.get_description();
  }
}

TEST_F(MatchWalkTest, AndNotTakesAwayEveryLaterPart) {
  std::vector<Q> parts{Q("a"), Q("b"), Q("Kx")};
  Q query(Q::OP_AND_NOT, parts.begin(), parts.end());
  EXPECT_EQ(walked(query), matched(query));
}

TEST_F(MatchWalkTest, AndMaybeAndScaleWeightMatchTheirFirstPart) {
  Q maybe(Q::OP_AND_MAYBE, Q("c"), Q("d"));
  EXPECT_EQ(walked(maybe), matched(maybe));
  Q scaled(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, Q("c"), Q("f")), 0.0);
  EXPECT_EQ(walked(scaled), matched(scaled));
}

TEST_F(MatchWalkTest, NestedShapesAsTheQueryBuilderMakesThem) {
  // Words ANDed, a date-like OR of terms, a type filter, a NOT.
  Q words(Q::OP_AND, Q(Q::OP_SYNONYM, Q("a"), Q("b")), Q("c"));
  Q filter(Q::OP_AND, Q(Q::OP_OR, Q("d"), Q("e")), Q("Ky"));
  Q query(Q::OP_AND_NOT, Q(Q::OP_FILTER, words, filter), Q("h"));
  EXPECT_EQ(walked(query), matched(query));
  Q browse(Q::OP_FILTER, Q::MatchAll, Q("Kx"));
  EXPECT_EQ(walked(browse), matched(browse));
}

TEST_F(MatchWalkTest, RandomTreesMatchWhatTheMatcherMatches) {
  std::mt19937 random(5);
  const char* terms[] = {"a", "b", "c", "d", "e", "f", "g", "h", "Kx", "Ky", "all", "zzz"};
  const Q::op ops[] = {Q::OP_AND, Q::OP_OR, Q::OP_AND_NOT, Q::OP_FILTER, Q::OP_AND_MAYBE, Q::OP_SYNONYM, Q::OP_MAX};
  std::function<Q(int)> tree = [&](int depth) -> Q {
    if (depth == 0 || random() % 3 == 0) return Q(terms[random() % 12]);
    Q::op op = ops[random() % 7];
    std::vector<Q> parts;
    for (unsigned i = 0, n = 2 + random() % 2; i < n; ++i) parts.push_back(tree(depth - 1));
    return Q(op, parts.begin(), parts.end());
  };
  for (int i = 0; i < 300; ++i) {
    Q query = tree(3);
    ASSERT_EQ(walked(query), matched(query)) << query.get_description();
  }
}

TEST_F(MatchWalkTest, SkipToNamesTheFirstMatchAtOrAfterAnId) {
  Q query(Q::OP_AND, Q("a"), Q("Kx"));
  std::vector<Xapian::docid> all = matched(query);
  ASSERT_GE(all.size(), 3u);
  std::unique_ptr<MatchWalk> walk = MatchWalk::of(db_, query);
  EXPECT_EQ(walk->skip_to(all[1]), all[1]);
  EXPECT_EQ(walk->skip_to(all[1] + 1), all[2]);
  EXPECT_EQ(walk->skip_to(all.back() + 1), 0u);
}

TEST_F(MatchWalkTest, PositionalRangedAndOtherQueriesAreLeftToTheMatcher) {
  std::vector<Q> words{Q("a", 1, 1), Q("b", 1, 2)};
  for (const Q& declined : {Q(Q::OP_PHRASE, words.begin(), words.end(), 2),
                            Q(Q::OP_NEAR, words.begin(), words.end(), 5),
                            Q(Q::OP_WILDCARD, "a"),
                            Q(Q::OP_VALUE_RANGE, 0, "a", "b"),
                            Q(Q::OP_XOR, Q("a"), Q("b")),
                            Q(Q::OP_ELITE_SET, words.begin(), words.end(), 1)}) {
    EXPECT_FALSE(MatchWalk::walkable(declined)) << declined.get_description();
    EXPECT_EQ(MatchWalk::of(db_, declined), nullptr);
    // Inside a set operation too: the whole query is declined.
    Q inside(Q::OP_AND, Q("c"), declined);
    EXPECT_FALSE(MatchWalk::walkable(inside)) << inside.get_description();
  }
  EXPECT_TRUE(MatchWalk::walkable(Q(Q::OP_AND, Q("a"), Q("b"))));
}

TEST_F(MatchWalkTest, WalksTheIdsOfSeveralDatabasesCombined) {
  TempDir other_dir;
  {
    Xapian::WritableDatabase other((other_dir.path() / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < 30; ++i) {
      Xapian::Document doc;
      doc.add_term(i % 2 ? "a" : "b");
      other.add_document(doc);
    }
    other.commit();
  }
  Xapian::Database combined = db_;
  combined.add_database(Xapian::Database((other_dir.path() / "db").string()));
  Xapian::Database saved = db_;
  db_ = combined;
  Q query(Q::OP_OR, Q("a"), Q("c"));
  EXPECT_EQ(walked(query), matched(query));
  db_ = saved;
}

}  // namespace
}  // namespace pressroom
