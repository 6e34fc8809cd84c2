// Specification of broad queries on several threads (common/ranged_match.h,
// Searcher::set_query_threads): a database searched with its document ids cut
// into ranges answers exactly as on one thread — results, order, scores,
// totals, facets and copies — whatever the number of ranges, on the sample
// archive and on an archive made of ties and copies.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "common/count_cache.h"
#include "common/docid_range.h"
#include "common/search_request.h"
#include "common/searcher.h"
#include "tests/fixtures.h"
#include "tests/support/sample_searches.h"
#include "tests/support/search_description.h"

namespace pressroom {
namespace {

using testing::describe;
using testing::TempDir;

constexpr const char* kArchive = PRESSROOM_SOURCE_DIR "/corpus";

// Every query shared out, however few its matches.
QueryThreads shared_out(unsigned ranges) {
  QueryThreads threads;
  threads.threads = threads.cores = 2;
  threads.min_matches = 1;
  threads.ranges = ranges;
  return threads;
}

class RangedSearch : public ::testing::Test {
 protected:
  // Counts must be made, not found: a count kept by one searcher would be
  // what the other answers with.
  void SetUp() override { CountCache::shared().set_capacity(0); }
  void TearDown() override { CountCache::shared().set_capacity(4096); }

  static void expect_same_answers(const std::string& db, const std::vector<ParamMap>& searches, unsigned ranges) {
    Searcher one(db);
    QueryThreads single;
    one.set_query_threads(single);
    Searcher ranged(db);
    ranged.set_query_threads(shared_out(ranges));
    size_t shared_out_searches = 0;
    for (const ParamMap& params : searches) {
      std::string label = "ranges=" + std::to_string(ranges);
      for (const auto& [k, v] : params) label += " " + k + "=" + v;
      SearchRequest request = parse_search_request(params);
      SearchResult shared = ranged.search(request);
      EXPECT_EQ(describe(shared), describe(one.search(request))) << label;
      shared_out_searches += shared.timings.threads == 2;
    }
    // Not a comparison of one thread with itself: nearly every search was
    // shared out, by ranges or by counting on a thread of its own (not a
    // browse without filters, counted from the tables alone, nor the
    // all-words count of several words ranked by relevance, made before the
    // page and walked on one thread).
    EXPECT_GE(shared_out_searches * 10, searches.size() * 8) << "ranges=" << ranges;
  }
};

TEST_F(RangedSearch, AnswersTheSampleArchiveAsOneThreadDoes) {
  TempDir dir;
  std::string db = (dir.path() / "db").string();
  testing::index_paths(db, {kArchive});
  for (unsigned ranges : {2u, 3u, 8u}) expect_same_answers(db, testing::sample_searches(), ranges);
}

TEST_F(RangedSearch, AnswersAnArchiveOfTiesAndCopiesAsOneThreadDoes) {
  // Few words, days, topics and speakers, so that weights and dates tie
  // across ranges; one release in five is a copy of an earlier one, so that
  // near-duplicate groups straddle ranges.
  const std::vector<std::string> words = {"harbour", "dredging", "water", "court", "ruling", "heat", "wages"};
  const std::vector<std::string> topics = {"Ports", "Labour", "Courts", "Climate"};
  const std::vector<std::string> people = {"Ana Ruiz", "Tom Berg", "Lea Moss"};
  std::mt19937 random(20261123);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  std::vector<Release> releases;
  for (int i = 0; i < 400; ++i) {
    Release r;
    r.id = "t" + std::to_string(i);
    char date[40];
    std::snprintf(date, sizeof date, "2021-%02zu-%02zu", 1 + pick(3), 1 + pick(4));
    r.date = date;
    r.type = pick(2) ? "press-release" : "statement";
    r.topics = {topics[pick(topics.size())]};
    if (pick(2)) r.topics.push_back(topics[pick(topics.size())]);
    r.spokespeople = {people[pick(people.size())]};
    if (i >= 10 && pick(5) == 0) {
      const Release& original = releases[pick(releases.size())];
      r.title = original.title;
      r.body = original.body;
    } else {
      r.title = words[pick(words.size())] + " " + words[pick(words.size())];
      for (int w = 0; w < 40; ++w) r.body += words[pick(3) == 0 ? pick(words.size()) : pick(2)] + (w % 8 == 7 ? ". " : " ");
    }
    releases.push_back(r);
  }
  TempDir dir;
  std::ofstream(dir.path() / "ties.jsonl") << [&] {
    std::string lines;
    for (const Release& r : releases) lines += testing::jsonl_line(r) + "\n";
    return lines;
  }();
  std::string db = (dir.path() / "db").string();
  testing::index_paths(db, {(dir.path() / "ties.jsonl").string()});
  ASSERT_GT(Xapian::Database(db).get_doccount(), 300u);

  std::vector<ParamMap> searches;
  for (const char* q : {"harbour", "dredging", "harbour dredging", "\"harbour dredging\"", "wages heat", "court -water"})
    for (const char* sort : {"relevance", "date", "date-asc"})
      for (const char* page : {"1", "4"}) searches.push_back({{"q", q}, {"sort", sort}, {"page", page}, {"size", "7"}});
  // Deep pages: each range holds fewer matches than the page needs fetched,
  // all of them together more.
  for (const char* q : {"harbour", "dredging water"})
    for (auto [size, page] : {std::pair{"7", "8"}, {"20", "3"}, {"50", "2"}})
      searches.push_back({{"q", q}, {"match", "any"}, {"page", page}, {"size", size}});
  searches.push_back({{"q", "harbour"}, {"topic", "Ports"}});
  searches.push_back({{"q", "water"}, {"spokesperson", "Ana Ruiz"}, {"type", "statement"}});
  searches.push_back({{"q", "court"}, {"from", "2021-02-01"}, {"to", "2021-03-02"}});
  searches.push_back({{"from", "2021-02-01"}, {"to", "2021-03-02"}, {"page", "2"}});
  searches.push_back({{"q", "ruling wages"}, {"match", "any"}, {"facets", "topic,spokesperson,type,year,month"}});
  for (unsigned ranges : {2u, 5u, 13u}) expect_same_answers(db, searches, ranges);
}

TEST(DocidRanges, CoverEveryIdOnceInOrder) {
  for (Xapian::docid last : {1u, 7u, 100u, 1001u})
    for (unsigned parts : {1u, 2u, 3u, 8u, 2000u}) {
      auto ranges = docid_ranges(last, parts);
      ASSERT_FALSE(ranges.empty());
      EXPECT_LE(ranges.size(), parts);
      Xapian::docid next = 1;
      for (auto [first, end] : ranges) {
        EXPECT_EQ(first, next);
        EXPECT_GE(end, first);
        next = end + 1;
      }
      EXPECT_EQ(next, last + 1) << last << "/" << parts;
    }
  EXPECT_TRUE(docid_ranges(0, 4).empty());
}

TEST(DocidRanges, AQueryWithinARangeMatchesOnlyItsIds) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 50; ++i) {
    Xapian::Document doc;
    doc.add_term(i % 3 ? "common" : "rare");
    db.add_document(doc);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(within_docids(Xapian::Query("common"), 10, 20));
  std::vector<Xapian::docid> ids;
  Xapian::MSet mset = enquire.get_mset(0, 100, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<Xapian::docid>{11, 12, 14, 15, 17, 18, 20}));
  // Past the last document: nothing, and no error.
  enquire.set_query(within_docids(Xapian::Query("common"), 60, 90));
  EXPECT_EQ(enquire.get_mset(0, 10, 100).size(), 0u);
}

}  // namespace
}  // namespace pressroom
