// Specification of common/date_text.h: dates as releases, listings and
// reports write them, in English and Spanish, turned into YYYY-MM-DD.
#include "common/date_text.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/support/date_cases.h"

namespace pressroom {
namespace {

void expect_parses(const std::vector<testing::DateCase>& cases) { testing::expect_dates(parse_written_date, cases); }

void expect_rejects(const std::vector<std::string>& texts) { testing::expect_no_dates(parse_written_date, texts); }

// ------------------------------------------------------------ parse_written_date

TEST(WrittenDate, ParsesEnglishMonthDayYear) {
  expect_parses({{"November 18, 2020", "2020-11-18"},
                 {"November 18 2020", "2020-11-18"},
                 {"Nov 18, 2020", "2020-11-18"},
                 {"Nov. 18, 2020", "2020-11-18"},
                 {"Sept. 8, 2021", "2021-09-08"},
                 {"Sep 8, 2021", "2021-09-08"},
                 {"May 5, 2022", "2022-05-05"},
                 {"November 18th, 2020", "2020-11-18"},
                 {"March 1st, 2019", "2019-03-01"},
                 {"January 2nd 2024", "2024-01-02"},
                 {"April 23rd, 2025", "2025-04-23"}});
}

TEST(WrittenDate, ParsesEnglishDayMonthYear) {
  expect_parses({{"18 November 2020", "2020-11-18"},
                 {"18 Nov 2020", "2020-11-18"},
                 {"18 Nov. 2020", "2020-11-18"},
                 {"18-Nov-2020", "2020-11-18"},
                 {"1st March 2019", "2019-03-01"},
                 {"18 November, 2020", "2020-11-18"}});
}

TEST(WrittenDate, ParsesSpanishForms) {
  expect_parses({{"18 de noviembre de 2020", "2020-11-18"},
                 {"18 de noviembre del 2020", "2020-11-18"},
                 {"1 de enero de 2021", "2021-01-01"},
                 {"1.º de julio de 2020", "2020-07-01"},
                 {"1º de julio de 2020", "2020-07-01"},
                 {"noviembre 18, 2020", "2020-11-18"},
                 {"18 nov. 2020", "2020-11-18"},
                 {"3 de agosto de 2022", "2022-08-03"},
                 {"15 de setiembre de 2021", "2021-09-15"},
                 {"15 de septiembre de 2021", "2021-09-15"},
                 {"9 de diciembre de 2019", "2019-12-09"},
                 {"20 de abril de 2023", "2023-04-20"}});
}

TEST(WrittenDate, ParsesEveryEnglishAndSpanishMonth) {
  const std::vector<std::string> english = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  const std::vector<std::string> spanish = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                                            "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  for (int m = 0; m < 12; ++m) {
    std::string expected = "2021-" + std::string(m < 9 ? "0" : "") + std::to_string(m + 1) + "-07";
    EXPECT_EQ(parse_written_date(english[m] + " 7, 2021"), expected) << english[m];
    EXPECT_EQ(parse_written_date("7 de " + spanish[m] + " de 2021"), expected) << spanish[m];
  }
}

TEST(WrittenDate, ParsesYearFirstNumericForms) {
  expect_parses({{"2020-11-18", "2020-11-18"},
                 {"2020/11/18", "2020-11-18"},
                 {"2020-11-18T09:30:00-07:00", "2020-11-18"},
                 {"2020-11-18 09:30", "2020-11-18"}});
}

TEST(WrittenDate, IgnoresCase) {
  expect_parses({{"NOVEMBER 18, 2020", "2020-11-18"},
                 {"18 DE NOVIEMBRE DE 2020", "2020-11-18"},
                 {"nov 18, 2020", "2020-11-18"}});
}

TEST(WrittenDate, IgnoresALeadingWeekday) {
  expect_parses({{"Wednesday, November 18, 2020", "2020-11-18"},
                 {"Wed., Nov. 18, 2020", "2020-11-18"},
                 {"miércoles 18 de noviembre de 2020", "2020-11-18"},
                 {"MIÉRCOLES, 18 DE NOVIEMBRE DE 2020", "2020-11-18"},
                 {"sábado 21 de noviembre de 2020", "2020-11-21"}});
}

TEST(WrittenDate, IgnoresSurroundingPunctuationAndSpaces) {
  expect_parses({{"  (Nov. 18, 2020)  ", "2020-11-18"},
                 {"\xE2\x80\x94 November 18, 2020 \xE2\x80\x94", "2020-11-18"},
                 {"November\xC2\xA0" "18,\xC2\xA0" "2020", "2020-11-18"},  // no-break spaces
                 {"November 18, 2020.", "2020-11-18"},
                 {"\n\tNovember 18, 2020\n", "2020-11-18"}});
}

TEST(WrittenDate, GivesTheFirstDayOfARange) {
  expect_parses({{"December 3\xE2\x80\x93" "4, 2021", "2021-12-03"},
                 {"December 3-4, 2021", "2021-12-03"},
                 {"3\xE2\x80\x93" "4 December 2021", "2021-12-03"}});
}

TEST(WrittenDate, RejectsDatesWithoutADay) {
  expect_rejects({"November 2020", "noviembre de 2020", "2020", "2020-11", "Q4 2020"});
}

TEST(WrittenDate, RejectsImpossibleDays) {
  expect_rejects({"February 30, 2021", "February 29, 2021", "31 de abril de 2020", "2021-13-01",
                  "November 31, 2020", "November 0, 2020"});
}

TEST(WrittenDate, AcceptsTheLeapDay) { EXPECT_EQ(parse_written_date("February 29, 2020"), "2020-02-29"); }

TEST(WrittenDate, RejectsAmbiguousDayMonthNumbers) {
  // 11/12/2020 is November 12 in Tucson and 11 December in Hermosillo.
  expect_rejects({"11/12/2020", "12-11-2020", "11.12.2020", "18/11/2020"});
}

TEST(WrittenDate, RejectsTextAroundADate) {
  expect_rejects({"Posted on November 18, 2020", "November 18, 2020 at 10 a.m.", "TUCSON, AZ — November 18, 2020"});
}

TEST(WrittenDate, RejectsNonDates) {
  expect_rejects({"", "   ", "Press Release", "May we all", "18 November", "November 18", "18 2020",
                  "November 18, 20", "November 18, 20201", "\xFF\xFE garbage \xC3"});
}

// ------------------------------------------------------------ find / locate

TEST(WrittenDate, FindsTheDateOfADateline) {
  const std::string text =
      "TUCSON, AZ \xE2\x80\x94 November 18, 2020 \xE2\x80\x94 Puentes Human Rights Center today called on ICE "
      "to release every family held since October 2, 2020.";
  EXPECT_EQ(find_written_date(text), "2020-11-18");
}

TEST(WrittenDate, LocatesTheBytesTheDateOccupies) {
  const std::string text = "EL PASO, TX \xE2\x80\x94 Oct. 3, 2019 \xE2\x80\x94 Statement";
  auto found = locate_written_date(text);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->date, "2019-10-03");
  EXPECT_EQ(text.substr(found->begin, found->end - found->begin), "Oct. 3, 2019");
}

TEST(WrittenDate, LocateLeavesAWeekdayOutside) {
  const std::string text = "Published Wednesday, November 18, 2020.";
  auto found = locate_written_date(text);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(text.substr(found->begin, found->end - found->begin), "November 18, 2020");
}

TEST(WrittenDate, FindsSpanishAndNumericDatesInText) {
  EXPECT_EQ(find_written_date("NOGALES, Sonora, a 19 de mayo de 2021.- Puentes abrirá"), "2021-05-19");
  EXPECT_EQ(find_written_date("Updated 2023-04-05T16:30:00Z by the web team"), "2023-04-05");
  EXPECT_EQ(find_written_date("Publicado el miércoles 3 de agosto del 2022"), "2022-08-03");
}

TEST(WrittenDate, FindsTheFirstOfSeveralDates) {
  EXPECT_EQ(find_written_date("Released 20 February 2020; data collected through January 31, 2020."),
            "2020-02-20");
}

TEST(WrittenDate, FindsNothingWhereThereIsNoDate) {
  for (const std::string text : {"", "Families may be released in 2020.", "The May 2020 report",
                                 "Call (520) 555-0143 before 5 p.m.", "Section 18 of the 2020 act",
                                 "Room 12, November Building"})
    EXPECT_FALSE(find_written_date(text).has_value()) << "'" << text << "'";
}

TEST(WrittenDate, DoesNotTakeDigitsGluedToOtherCharacters) {
  EXPECT_FALSE(find_written_date("Case A18 November 2020").has_value());
  EXPECT_FALSE(find_written_date("serial 12020-11-18").has_value());
  EXPECT_FALSE(find_written_date("build v2020-11-18").has_value());
}

TEST(WrittenDate, SkipsAnImpossibleDateAndFindsTheNextOne) {
  EXPECT_EQ(find_written_date("February 30, 2021 was a typo for March 2, 2021"), "2021-03-02");
}

TEST(WrittenDate, TakesNoOverlongUtf8ForDigitsOrLetters) {
  // "\xC0\xB1" is an overlong '1': once, it made the tokenizer loop forever.
  EXPECT_FALSE(find_written_date("\xC0\xB1").has_value());
  EXPECT_FALSE(parse_written_date("\xC0\xB1").has_value());
  EXPECT_FALSE(find_written_date("November \xC0\xB1\xC0\xB8, 2020").has_value());
  EXPECT_EQ(find_written_date("\xC0\xB1 \xE0\x80\xB2 \xED\xA0\x80 May 2, 2021"), "2021-05-02");
}

TEST(WrittenDate, SurvivesInvalidUtf8) {
  EXPECT_EQ(find_written_date("\xC3 \xFF November 18, 2020 \xE2\x80"), "2020-11-18");
  EXPECT_FALSE(find_written_date("\xC3\xC3\xC3\xFF\xFE").has_value());
}

}  // namespace
}  // namespace pressroom
