// Specification of common/dates.h: which calendar days exist, how release
// dates are normalised, and how partial dates become inclusive bounds.
#include "common/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace pressroom {
namespace {

struct Day {
  int year, month, day;
};

std::string show(const Day& d) {
  return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
}

// ---------------------------------------------------------------- is_valid_day

TEST(Dates, AcceptsOrdinaryDaysIncludingEveryMonthEnd) {
  const std::vector<Day> days = {{2020, 1, 1},   {2020, 1, 31},  {2021, 2, 28}, {2020, 3, 31},
                                 {2020, 4, 30},  {2020, 5, 31},  {2020, 6, 30}, {2020, 7, 31},
                                 {2020, 8, 31},  {2020, 9, 30},  {2020, 10, 31}, {2020, 11, 30},
                                 {2020, 12, 31}, {1000, 1, 1},   {9999, 12, 31}};
  for (const Day& d : days) EXPECT_TRUE(is_valid_day(d.year, d.month, d.day)) << show(d);
}

TEST(Dates, RejectsTheDayAfterEachMonthEnd) {
  const std::vector<Day> days = {{2021, 1, 32}, {2021, 2, 29}, {2021, 3, 32}, {2021, 4, 31},
                                 {2021, 5, 32}, {2021, 6, 31}, {2021, 7, 32}, {2021, 8, 32},
                                 {2021, 9, 31}, {2021, 10, 32}, {2021, 11, 31}, {2021, 12, 32}};
  for (const Day& d : days) EXPECT_FALSE(is_valid_day(d.year, d.month, d.day)) << show(d);
}

TEST(Dates, RejectsThe30thOfFebruary) {
  EXPECT_FALSE(is_valid_day(2020, 2, 30));
  EXPECT_FALSE(is_valid_day(2021, 2, 30));
}

TEST(Dates, AcceptsThe29thOfFebruaryOnlyInLeapYears) {
  struct Case {
    int year;
    bool leap;
  };
  // Divisible by 4, except centuries, except centuries divisible by 400.
  const std::vector<Case> cases = {{2020, true},  {2024, true},  {2000, true},  {1600, true},
                                   {2019, false}, {2021, false}, {1900, false}, {2100, false}};
  for (const Case& c : cases) EXPECT_EQ(is_valid_day(c.year, 2, 29), c.leap) << "year " << c.year;
}

TEST(Dates, RejectsMonthAndDayZeroAndMonthThirteen) {
  const std::vector<Day> days = {{2020, 0, 1}, {2020, 13, 1}, {2020, 1, 0}, {2020, -1, 1}, {2020, 1, -1}};
  for (const Day& d : days) EXPECT_FALSE(is_valid_day(d.year, d.month, d.day)) << show(d);
}

TEST(Dates, RejectsYearsOutsideOneThousandToNineThousandNineHundredNinetyNine) {
  const std::vector<Day> days = {{999, 12, 31}, {10000, 1, 1}, {0, 1, 1}, {-2020, 1, 1}};
  for (const Day& d : days) EXPECT_FALSE(is_valid_day(d.year, d.month, d.day)) << show(d);
}

// ---------------------------------------------------------- normalize_iso_date

TEST(Dates, NormalizesAPlainIsoDateToItself) {
  EXPECT_EQ(normalize_iso_date("2020-11-18"), "2020-11-18");
}

TEST(Dates, TrimsSurroundingWhitespace) {
  EXPECT_EQ(normalize_iso_date("  2020-11-18\n"), "2020-11-18");
}

TEST(Dates, IsoDateTimeKeepsItsDateWhateverTheOffset) {
  // A release dated late in its own zone stays on that day: no shift to UTC.
  const std::vector<std::string> inputs = {
      "2020-11-18T23:30:00-05:00", "2020-11-18T00:15:00+09:00", "2020-11-18T12:00:00Z",
      "2020-11-18T23:59:59.999-08:00", "2020-11-18t08:00:00z"};
  for (const std::string& input : inputs) EXPECT_EQ(normalize_iso_date(input), "2020-11-18") << input;
}

TEST(Dates, AcceptsDateWithSpaceSeparatedTime) {
  EXPECT_EQ(normalize_iso_date("2020-11-18 09:30"), "2020-11-18");
}

TEST(Dates, AcceptsYamlTimestampsWithAOneDigitHourAndAnySpacing) {
  const std::vector<std::string> inputs = {"2017-09-06 3:00:31 -0400", "2017-09-06T3:00:31Z",
                                           "2017-09-06   09:30", "2017-09-06\t9:30:00.25 +02:00"};
  for (const std::string& input : inputs) EXPECT_EQ(normalize_iso_date(input), "2017-09-06") << input;
}

TEST(Dates, NormalizeRejectsAnHourOfThreeDigitsOrNone) {
  for (const std::string input : {"2017-09-06 123:00", "2017-09-06 :30", "2017-09-06 9:3", "2017-09-06 9"})
    EXPECT_EQ(normalize_iso_date(input), std::nullopt) << input;
}

TEST(Dates, NormalizeRejectsImpossibleDays) {
  const std::vector<std::string> inputs = {"2020-02-30", "2021-02-29", "2020-04-31", "2020-13-01",
                                           "2020-00-10", "2020-01-00", "0999-12-31"};
  for (const std::string& input : inputs) EXPECT_EQ(normalize_iso_date(input), std::nullopt) << input;
}

TEST(Dates, NormalizeAcceptsLeapDay) {
  EXPECT_EQ(normalize_iso_date("2024-02-29"), "2024-02-29");
}

TEST(Dates, NormalizeRejectsOtherFormatsAndGarbage) {
  const std::vector<std::string> inputs = {
      "",           "   ",         "2020",        "2020-11",    "2020/11/18", "18-11-2020",
      "2020-1-18",  "2020-11-8",   "20201118",    "Nov 18, 2020", "2020-11-18x", "2020-11-181",
      "yyyy-mm-dd", "2020-1a-18",  "+2020-11-18", "2020-11-18,"};
  for (const std::string& input : inputs)
    EXPECT_EQ(normalize_iso_date(input), std::nullopt) << "'" << input << "'";
}

TEST(Dates, NormalizeRejectsADateFollowedByTextThatIsNotATime) {
  // The contract accepts a date-time or "YYYY-MM-DD HH:MM", and nullopt for
  // anything else: trailing words are not a time.
  const std::vector<std::string> inputs = {"2020-11-18Tgarbage", "2020-11-18 lunchtime", "2020-11-18T",
                                           "2020-11-18 and 2020-11-19"};
  for (const std::string& input : inputs)
    EXPECT_EQ(normalize_iso_date(input), std::nullopt) << "'" << input << "'";
}

// ------------------------------------------------------------------ date_bound

struct BoundCase {
  std::string text;
  std::string lower;
  std::string upper;
};

TEST(Dates, BoundOfAYearIsItsFirstAndLastDay) {
  EXPECT_EQ(date_bound("2020", BoundSide::Lower), "20200101");
  EXPECT_EQ(date_bound("2020", BoundSide::Upper), "20201231");
}

TEST(Dates, BoundOfAMonthIsItsFirstAndLastDay) {
  const std::vector<BoundCase> cases = {
      {"2021-01", "20210101", "20210131"}, {"2021-02", "20210201", "20210228"},
      {"2020-02", "20200201", "20200229"}, {"1900-02", "19000201", "19000228"},
      {"2000-02", "20000201", "20000229"}, {"2021-04", "20210401", "20210430"},
      {"2021-06", "20210601", "20210630"}, {"2021-09", "20210901", "20210930"},
      {"2021-11", "20211101", "20211130"}, {"2021-12", "20211201", "20211231"}};
  for (const BoundCase& c : cases) {
    EXPECT_EQ(date_bound(c.text, BoundSide::Lower), c.lower) << c.text;
    EXPECT_EQ(date_bound(c.text, BoundSide::Upper), c.upper) << c.text;
  }
}

TEST(Dates, BoundOfADayIsThatDayOnBothSides) {
  EXPECT_EQ(date_bound("2020-11-18", BoundSide::Lower), "20201118");
  EXPECT_EQ(date_bound("2020-11-18", BoundSide::Upper), "20201118");
  EXPECT_EQ(date_bound("2020-02-29", BoundSide::Upper), "20200229");
}

TEST(Dates, BoundRejectsImpossibleMonthsAndDays) {
  const std::vector<std::string> inputs = {"2020-13", "2020-00", "2020-02-30", "2021-02-29",
                                           "2020-04-31", "2020-01-00", "2020-01-32"};
  for (const std::string& input : inputs) {
    EXPECT_EQ(date_bound(input, BoundSide::Lower), std::nullopt) << input;
    EXPECT_EQ(date_bound(input, BoundSide::Upper), std::nullopt) << input;
  }
}

TEST(Dates, BoundRejectsGarbage) {
  const std::vector<std::string> inputs = {"",         "20",        "999",        "0999",       "abcd",
                                           "20200",    "2020-",     "2020-1",     "2020/11",    "2020-11-",
                                           "2020-11-1", "2020-11-181", "2020-11-18T10:00", "2020-1x",
                                           "20201118", "2020 ",     "year"};
  for (const std::string& input : inputs) {
    EXPECT_EQ(date_bound(input, BoundSide::Lower), std::nullopt) << "'" << input << "'";
    EXPECT_EQ(date_bound(input, BoundSide::Upper), std::nullopt) << "'" << input << "'";
  }
}

TEST(Dates, BoundsSortAsStrings) {
  // The index compares YYYYMMDD values as strings; bounds must sort like dates.
  EXPECT_LT(*date_bound("2019-12", BoundSide::Upper), *date_bound("2020", BoundSide::Lower));
  EXPECT_LT(*date_bound("2020-09-30", BoundSide::Upper), *date_bound("2020-10", BoundSide::Lower));
}

// ---------------------------------------------------------------- compact_date

TEST(Dates, CompactDateDropsTheHyphens) {
  EXPECT_EQ(compact_date("2020-11-18"), "20201118");
  EXPECT_EQ(compact_date("1999-01-02"), "19990102");
}

TEST(Dates, ExpandCompactDatePutsTheHyphensBack) {
  EXPECT_EQ(expand_compact_date("20201118"), "2020-11-18");
  EXPECT_EQ(expand_compact_date(compact_date("1999-01-02")), "1999-01-02");
}

}  // namespace
}  // namespace pressroom
