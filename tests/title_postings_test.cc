// Specification of common/title_postings.h: title words' releases, newest first.
#include "common/title_postings.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <string>
#include <vector>

#include "common/release_validation.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

struct Titled {
  std::string id, date, title;
};

std::string build(const TempDir& dir, const std::string& name, const std::vector<Titled>& releases) {
  std::string path = (dir.path() / name).string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  for (const Titled& t : releases) {
    Release r;
    r.id = t.id;
    r.date = t.date;
    r.title = t.title;
    r.type = "statement";
    r.body = "Text.";
    r.lang = "en";
    EXPECT_EQ(normalize_and_validate(r), std::nullopt) << r.id;
    db.add_document(schema::document_for(r, generator));
  }
  db.commit();
  return path;
}

std::vector<std::string> ids(const Xapian::Database& db, const std::vector<Xapian::docid>& docids) {
  std::vector<std::string> out;
  for (Xapian::docid did : docids) out.push_back(db.get_document(did).get_value(schema::kId));
  return out;
}

using Ids = std::vector<std::string>;

TEST(TitlePostings, GivesTheNewestFirstWhateverTheOrderOfIndexing) {
  TempDir dir;
  Xapian::Database db(build(dir, "db", {{"b", "2019-05-02", "Heat rules"}, {"d", "2024-01-09", "Heat deaths"},
                                        {"a", "2013-07-01", "Heat plan"}, {"c", "2019-05-20", "Cold snap"}}));
  TitlePostings postings(db);
  EXPECT_EQ(ids(db, postings.newest({}, {"heat"}, 10)), (Ids{"d", "b", "a"}));
}

TEST(TitlePostings, ReleasesOfOneDayComeInIdOrder) {
  TempDir dir;
  Xapian::Database db(build(dir, "db", {{"r2", "2024-01-09", "Heat"}, {"r0", "2024-01-09", "Heat"},
                                        {"r1", "2024-01-09", "Heat"}, {"q", "2023-01-09", "Heat"}}));
  EXPECT_EQ(ids(db, TitlePostings(db).newest({}, {"heat"}, 10)), (Ids{"r0", "r1", "r2", "q"}));
}

TEST(TitlePostings, MatchesEveryWordOfAllAndOneOfAny) {
  TempDir dir;
  Xapian::Database db(build(dir, "db", {{"a", "2020-01-01", "Family detention report"},
                                        {"b", "2020-02-01", "Family detained"},
                                        {"c", "2020-03-01", "Detention of a family member"},
                                        {"d", "2020-04-01", "Family day"},
                                        {"e", "2020-05-01", "Detention centre"}}));
  TitlePostings postings(db);
  EXPECT_EQ(ids(db, postings.newest({"family"}, {"detention", "detained"}, 10)), (Ids{"c", "b", "a"}));
  EXPECT_EQ(ids(db, postings.newest({"family", "report"}, {"detention"}, 10)), (Ids{"a"}));
}

TEST(TitlePostings, AWordNoTitleHasMatchesNothing) {
  TempDir dir;
  Xapian::Database db(build(dir, "db", {{"a", "2020-01-01", "Family detention"}}));
  TitlePostings postings(db);
  EXPECT_TRUE(postings.newest({"zebra"}, {"detention"}, 10).empty());
  EXPECT_TRUE(postings.newest({"family"}, {"zebra"}, 10).empty());
  EXPECT_TRUE(postings.newest({"family"}, {}, 10).empty());
  EXPECT_EQ(ids(db, postings.newest({"family"}, {"zebra", "detention"}, 10)), (Ids{"a"}));
}

TEST(TitlePostings, StopsAtTheLimit) {
  TempDir dir;
  Xapian::Database db(build(dir, "db", {{"a", "2020-01-01", "Heat"}, {"b", "2021-01-01", "Heat"},
                                        {"c", "2022-01-01", "Heat"}}));
  EXPECT_EQ(ids(db, TitlePostings(db).newest({}, {"heat"}, 2)), (Ids{"c", "b"}));
}

// Which list is walked depends on the lists' lengths: a rare whole word is
// walked and looked up in the completions, a common one is looked up.
TEST(TitlePostings, FindsTheSameWhicheverListIsWalked) {
  TempDir dir;
  std::vector<Titled> releases;
  for (int i = 0; i < 60; ++i) {
    char id[16], date[16];
    std::snprintf(id, sizeof id, "h%02d", i);
    std::snprintf(date, sizeof date, "2020-%02d-%02d", 1 + i / 28, 1 + i % 28);
    releases.push_back({id, date, i % 20 == 3 ? "Heat rules" : "Heat wave"});
  }
  releases.push_back({"rare", "2019-01-01", "Rare heat rules"});
  Xapian::Database db(build(dir, "db", releases));
  TitlePostings postings(db);
  // common "heat" against rare "rules": the completions are walked
  EXPECT_EQ(ids(db, postings.newest({"heat"}, {"rules"}, 10)), (Ids{"h43", "h23", "h03", "rare"}));
  // rare "rare" against common "heat": the whole word is walked
  EXPECT_EQ(ids(db, postings.newest({"rare"}, {"heat", "wave"}, 10)), (Ids{"rare"}));
  EXPECT_EQ(ids(db, postings.newest({"rules"}, {"heat", "wave"}, 10)), (Ids{"h43", "h23", "h03", "rare"}));
}

TEST(TitlePostings, ReadsShardsAsOneArchive) {
  TempDir dir;
  Xapian::Database db;
  db.add_database(Xapian::Database(build(dir, "s0", {{"a", "2020-01-01", "Heat"}, {"c", "2022-01-01", "Heat"}})));
  db.add_database(Xapian::Database(build(dir, "s1", {{"b", "2021-01-01", "Heat"}, {"d", "2023-01-01", "Cold"}})));
  EXPECT_EQ(ids(db, TitlePostings(db).newest({}, {"heat", "cold"}, 10)), (Ids{"d", "c", "b", "a"}));
}

}  // namespace
}  // namespace pressroom
