// Specification of common/date_terms.h: a date range given as year, month and
// day terms matches exactly the releases a range over the date value matches.
#include "common/date_terms.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <set>
#include <string>
#include <vector>

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
      db.add_document(schema::document_for(r, generator));
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
  std::mt19937 random(7);
  std::uniform_int_distribution<int> year(2015, 2022), month(1, 12), day(1, 31);
  for (int i = 0; i < 300; ++i) {
    char a[40], b[40];
    std::snprintf(a, sizeof a, "%04d%02d%02d", year(random), month(random), day(random));
    std::snprintf(b, sizeof b, "%04d%02d%02d", year(random), month(random), day(random));
    std::string lo = std::min<std::string>(a, b), hi = std::max<std::string>(a, b);
    EXPECT_EQ(run(date_range_query(lo, hi, db_)), by_value(lo, hi)) << lo << ".." << hi;
  }
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

}  // namespace
}  // namespace pressroom
