// Specification of common/release_date.h: the date fields of archives and
// CMS exports, machine-written or written by people, turned into YYYY-MM-DD.
#include "common/release_date.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/date_cases.h"

namespace pressroom {
namespace {

void expect_dates(const std::vector<testing::DateCase>& cases) { testing::expect_dates(parse_release_date, cases); }

void expect_rejected(const std::vector<std::string>& texts) { testing::expect_no_dates(parse_release_date, texts); }

TEST(ReleaseDate, AcceptsIsoDatesAndYamlTimestamps) {
  expect_dates({{"2020-11-18", "2020-11-18"},
                {"2020-11-18T23:30:00-05:00", "2020-11-18"},
                {"2017-09-06 3:00:31 -0400", "2017-09-06"}});
}

TEST(ReleaseDate, AcceptsDatesAsPeopleWriteThem) {
  expect_dates({{"November 18, 2020", "2020-11-18"}, {"18 de noviembre de 2020", "2020-11-18"}});
}

TEST(ReleaseDate, AcceptsACompactDateOnlyWhenItIsARealDay) {
  expect_dates({{"20201118", "2020-11-18"}});
  expect_rejected({"20201318", "20200230"});
}

TEST(ReleaseDate, ReadsUnixSecondsAndMillisecondsAsTheirUtcDay) {
  expect_dates({{"1605700800", "2020-11-18"},       // 2020-11-18T12:00:00Z
                {"1605743999", "2020-11-18"},       // 23:59:59Z
                {"1605744000", "2020-11-19"},       // midnight UTC starts the next day
                {"1605700800000", "2020-11-18"},
                {"951782400", "2000-02-29"},        // a leap day
                {"915148800", "1999-01-01"}});      // nine digits: before September 2001
}

TEST(ReleaseDate, KeepsTheWrittenDayOfAnRssOrEmailDate) {
  expect_dates({{"Wed, 18 Nov 2020 23:30:00 -0500", "2020-11-18"},
                {"Wed, 18 Nov 2020 10:00:00 GMT", "2020-11-18"},
                {"18 Nov 2020 10:00", "2020-11-18"},
                {"November 18, 2020 10:00 AM EST", "2020-11-18"},
                {"November 18, 2020 at 9:30 a.m.", "2020-11-18"},
                {"miércoles, 18 de noviembre de 2020 a las 10:00", "2020-11-18"}});
}

TEST(ReleaseDate, RejectsAWrittenDateFollowedByWordsThatAreNotATime) {
  expect_rejected({"November 18, 2020 press conference", "November 18, 2020 10:00 in Tucson",
                   "Board meeting November 18, 2020 10:00", "November 18, 2020 10"});
}

TEST(ReleaseDate, RejectsAmbiguousAndMalformedDates) {
  expect_rejected({"", "  ", "11/12/2020", "18/11/2020", "yesterday", "2020", "November 2020", "12345",
                   "99999999999999", "February 30, 2021 10:00"});
}

}  // namespace
}  // namespace pressroom
