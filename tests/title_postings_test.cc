// Specification of common/title_postings.h: title words' releases, newest first.
#include "common/title_postings.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>
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


// The releases of a random archive over three shards of unequal size, some
// without a sort key, checked against a search of every release.
TEST(TitlePostings, AgreesWithAScanOfEveryReleaseOverShardsOfUnequalSize) {
  const std::vector<std::string> vocabulary = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
                                               "hotel", "india", "juliet", "kilo", "lima", "mike", "november",
                                               "oscar", "papa", "quebec", "romeo", "sierra", "tango"};
  std::mt19937 random(20261123);
  std::vector<double> weights;
  for (size_t i = 0; i < vocabulary.size(); ++i) weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<size_t> pick_word(weights.begin(), weights.end());
  std::uniform_int_distribution<int> pick_length(1, 6), pick_day(1, 40);

  struct Expected {
    std::string id, date;
    std::set<std::string> words;
    bool keyed;
    Xapian::docid docid;  // in the combined database
  };
  std::vector<Expected> all_releases;
  TempDir dir;
  Xapian::Database db;
  const size_t sizes[] = {700, 250, 50};
  size_t next_id = 0;
  for (size_t shard = 0; shard < 3; ++shard) {
    std::vector<Titled> releases;
    for (size_t i = 0; i < sizes[shard]; ++i) {
      char id[40], date[40];
      std::snprintf(id, sizeof id, "r%04zu", next_id++);
      std::snprintf(date, sizeof date, "2020-%02d-%02d", 1 + pick_day(random) / 28, 1 + pick_day(random) % 28);
      std::string title;
      std::set<std::string> words;
      for (int w = pick_length(random); w > 0; --w) {
        const std::string& word = vocabulary[pick_word(random)];
        if (!title.empty()) title.push_back(' ');
        title.append(word);
        words.insert(word);
      }
      releases.push_back({id, date, title});
      // Every 37th release lost its sort key (an index older than the key).
      bool keyed = next_id % 37 != 0;
      all_releases.push_back({id, date, words, keyed, static_cast<Xapian::docid>(i * 3 + shard + 1)});
    }
    std::string path = build(dir, "s" + std::to_string(shard), releases);
    {
      Xapian::WritableDatabase writable(path);
      for (size_t i = 0; i < releases.size(); ++i) {
        if (all_releases[all_releases.size() - releases.size() + i].keyed) continue;
        Xapian::Document doc = writable.get_document(static_cast<Xapian::docid>(i + 1));
        doc.remove_value(schema::kSortNewest);
        writable.replace_document(static_cast<Xapian::docid>(i + 1), doc);
      }
      writable.commit();
    }
    db.add_database(Xapian::Database(path));
  }
  // Newest first by date then id; releases without a key last, by docid.
  std::sort(all_releases.begin(), all_releases.end(), [](const Expected& a, const Expected& b) {
    if (a.keyed != b.keyed) return a.keyed;
    if (!a.keyed) return a.docid < b.docid;
    return a.date != b.date ? a.date > b.date : a.id < b.id;
  });

  TitlePostings postings(db);
  const std::vector<std::vector<std::string>> alls = {{}, {"alpha"}, {"delta"}, {"alpha", "bravo"}, {"sierra"},
                                                      {"tango", "alpha"}, {"zulu"}};
  const std::vector<std::vector<std::string>> anys = {
      {"alpha"}, {"bravo", "charlie"}, {"foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"},
      {"alpha", "tango"}, {"romeo"}, {"zulu", "echo"}};
  for (const auto& all : alls)
    for (const auto& any : anys)
      for (size_t limit : {1u, 8u, 2000u}) {
        Ids expected;
        for (const Expected& r : all_releases) {
          bool every = std::all_of(all.begin(), all.end(), [&](const std::string& w) { return r.words.count(w); });
          bool some = std::any_of(any.begin(), any.end(), [&](const std::string& w) { return r.words.count(w); });
          if (every && some && expected.size() < limit) expected.push_back(r.id);
        }
        std::string label = "all:";
        for (const std::string& w : all) label += " " + w;
        label += " any:";
        for (const std::string& w : any) label += " " + w;
        EXPECT_EQ(ids(db, postings.newest(all, any, limit)), expected) << label << " limit " << limit;
      }
}

}  // namespace
}  // namespace pressroom
