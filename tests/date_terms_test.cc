// Specification of common/date_terms.h: a date range given as year, month and
// day terms matches exactly the releases a range over the date value matches;
// and of the ways that OR of terms is answered from each release's date in
// memory (common/date_spans.h, common/day_filter.h, and the walk of
// common/match_walk.h given the days), which match the same releases.
#include "common/date_terms.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/date_spans.h"
#include "common/day_filter.h"
#include "common/facet_table.h"
#include "common/match_walk.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using Ids = std::set<Xapian::docid>;

class DateTermsTest : public ::testing::Test {
 protected:
  // One release every 9 days from 2016-11-20 to 2021-02-08, the first
  // and last days of some months and years included.
  void SetUp() override {
    Xapian::WritableDatabase db(dir_.path().string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    int y = 2016, m = 11, d = 20;
    for (int i = 0; y < 2021 || m < 2 || d <= 8; ++i) {
      Release r;
      r.id = std::string("r").append(std::to_string(i));
      char date[40];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
      r.date = date;
      r.type = "statement";
      r.title = std::string("Release ").append(r.id);
      r.body = std::string("Text of release ").append(r.id);
      Xapian::Document doc = schema::document_for(r, generator);
      doc.add_boolean_term(i % 3 == 0 ? "Kx" : "Ky");
      db.add_document(doc);
      static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      d += 9;
      int length = m == 2 && y % 4 != 0 ? 28 : kDays[m - 1];
      if (d > length) d -= length, m += 1;
      if (m > 12) m = 1, y += 1;
    }
    db.commit();
    db_ = Xapian::Database(dir_.path().string());
  }

  Ids run(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Ids ids;
    for (Xapian::docid did : enquire.get_mset(0, db_.get_doccount())) ids.insert(did);
    return ids;
  }

  // Each id matched with its weight, in rank order.
  std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    std::vector<std::pair<Xapian::docid, double>> out;
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  }

  // Random ranges lo..hi ("YYYYMMDD") around the archive's dates.
  std::vector<std::pair<std::string, std::string>> ranges(int count) const {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> year(2015, 2022), month(1, 12), day(1, 31);
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < count; ++i) {
      char a[40], b[40];
      std::snprintf(a, sizeof a, "%04d%02d%02d", year(random), month(random), day(random));
      std::snprintf(b, sizeof b, "%04d%02d%02d", year(random), month(random), day(random));
      out.emplace_back(std::min<std::string>(a, b), std::max<std::string>(a, b));
    }
    return out;
  }

  Ids by_value(const std::string& lo, const std::string& hi) const {
    return run(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDate, lo, hi));
  }

  // The query for lo..hi names every term of `used` and nothing starting
  // with one of `unused`.
  void expect_terms(const std::string& lo, const std::string& hi, const std::vector<std::string>& used,
                    const std::vector<std::string>& unused = {}) const {
    std::string description = date_range_query(lo, hi, db_).get_description();
    for (const std::string& term : used)
      EXPECT_NE(description.find(term), std::string::npos) << "no " << term << " in " << description;
    for (const std::string& start : unused)
      EXPECT_EQ(description.find(start), std::string::npos) << start << "... in " << description;
  }

  testing::TempDir dir_;
  Xapian::Database db_;
};

TEST_F(DateTermsTest, MatchesWhatARangeOverTheDateValueMatches) {
  for (const auto& [lo, hi] : ranges(300))
    EXPECT_EQ(run(date_range_query(lo, hi, db_)), by_value(lo, hi)) << lo << ".." << hi;
}

TEST_F(DateTermsTest, WholeYearsAreOneTermEach) {
  // Used: a term per year; unused: any month or day term of those years.
  expect_terms("20170101", "20181231", {"Y2017", "Y2018"}, {"M2017", "D2017", "M2018", "D2018"});
}

TEST_F(DateTermsTest, WholeMonthsAreOneTermEachAndTheRestDays) {
  // The last two days of March, then April and May whole.
  expect_terms("20190330", "20190531", {"D20190330", "D20190331", "M201904", "M201905"});
}

TEST_F(DateTermsTest, AnOpenEndStopsAtTheArchivesDates) {
  Xapian::Query open = date_range_query("", "99991231", db_);
  EXPECT_EQ(run(open).size(), db_.get_doccount());
  EXPECT_LT(open.get_length(), 80u) << open.get_description();
}

TEST_F(DateTermsTest, ARangeOutsideTheArchiveMatchesNothingYetIsNotAnEmptyQuery) {
  Xapian::Query none = date_range_query("20300101", "20301231", db_);
  EXPECT_FALSE(none.empty());
  EXPECT_TRUE(run(none).empty());
  EXPECT_TRUE(run(date_range_query("20200301", "20200201", db_)).empty());
}

TEST_F(DateTermsTest, SpansContainTheDaysOfExactlyTheReleasesTheTermsMatch) {
  int checked = 0;
  for (const auto& [lo, hi] : ranges(300)) {
    Xapian::Query query = date_range_query(lo, hi, db_);
    std::optional<DateSpans> spans = DateSpans::of(query);
    if (!spans) continue;  // a single term
    ++checked;
    Ids inside;
    for (Xapian::docid did = 1; did <= db_.get_lastdocid(); ++did)
      if (spans->contains(day_number(db_.get_document(did).get_value(schema::kDate)))) inside.insert(did);
    EXPECT_EQ(inside, run(query)) << lo << ".." << hi;
    EXPECT_EQ(spans->frequency(db_), run(query).size()) << lo << ".." << hi;
  }
  EXPECT_GT(checked, 200);
}

TEST_F(DateTermsTest, OnlyAnOrOfDateTermsHasSpans) {
  using Q = Xapian::Query;
  EXPECT_TRUE(DateSpans::of(Q(Q::OP_OR, Q("Y2017"), Q("M201801"))));
  EXPECT_FALSE(DateSpans::of(Q("Y2017")));
  EXPECT_FALSE(DateSpans::of(Q(Q::OP_OR, Q("Y2017"), Q("Kx"))));
  EXPECT_FALSE(DateSpans::of(Q(Q::OP_AND, Q("Y2017"), Q("M201701"))));
  EXPECT_FALSE(DateSpans::of(Q(Q::OP_OR, Q("Y201"), Q("M20180"))));
  EXPECT_FALSE(DateSpans::of(Q(Q::OP_OR, Q("Y2017"), Q("D2018010a"))));
}

TEST_F(DateTermsTest, DayNumberReadsEightDigitsOnly) {
  EXPECT_EQ(day_number("20200229"), 20200229u);
  EXPECT_EQ(day_number("2020-02-29"), 0u);
  EXPECT_EQ(day_number("2020022"), 0u);
  EXPECT_EQ(day_number(""), 0u);
}

TEST_F(DateTermsTest, AWalkGivenTheDaysMatchesWhatTheTermsMatch) {
  FacetTable table(db_);
  for (const auto& [lo, hi] : ranges(100)) {
    Xapian::Query query(Xapian::Query::OP_FILTER, Xapian::Query("Kx"), date_range_query(lo, hi, db_));
    std::unique_ptr<MatchWalk> walk = MatchWalk::of(db_, query, &table.days());
    ASSERT_TRUE(walk);
    Ids walked;
    walk->each([&](Xapian::docid did) { walked.insert(did); });
    EXPECT_EQ(walked, run(query)) << lo << ".." << hi;
  }
}

TEST_F(DateTermsTest, ADayFilterMatchesAndRanksAsTheTermsDo) {
  auto table = std::make_shared<const FacetTable>(db_);
  int replaced = 0;
  for (const auto& [lo, hi] : ranges(100)) {
    Xapian::Query text(Xapian::Query::OP_OR, Xapian::Query("release"), Xapian::Query("Kx"));
    Xapian::Query query(Xapian::Query::OP_FILTER, text, date_range_query(lo, hi, db_));
    Xapian::Query filtered = with_day_filters(query, table, db_);
    replaced += filtered.get_description().find("DayFilter") != std::string::npos;
    EXPECT_EQ(ranked(filtered), ranked(query)) << lo << ".." << hi;
  }
  EXPECT_GT(replaced, 60);
}

TEST_F(DateTermsTest, ADateRangeThatWeighsIsLeftAsTerms) {
  auto table = std::make_shared<const FacetTable>(db_);
  Xapian::Query range = date_range_query("20170315", "20190610", db_);
  Xapian::Query weighed(Xapian::Query::OP_AND, Xapian::Query("Kx"), range);
  EXPECT_EQ(with_day_filters(weighed, table, db_).get_description(), weighed.get_description());
  Xapian::Query excluded(Xapian::Query::OP_AND_NOT, Xapian::Query("Kx"), range);
  EXPECT_NE(with_day_filters(excluded, table, db_).get_description().find("DayFilter"), std::string::npos);
  EXPECT_EQ(run(with_day_filters(excluded, table, db_)), run(excluded));
}

}  // namespace
}  // namespace pressroom
