// Specification of common/dateline.h: the place and date of a dateline, the
// date of a release's header lines (never a date from its text), and the
// release type its labels and cues name.
#include "common/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressroom {
namespace {

const std::string kLead = " Puentes Human Rights Center today called on the county to act.";

// ---------------------------------------------------------------- parse_dateline

struct DatelineCase {
  std::string paragraph, location, date;
};

void expect_datelines(const std::vector<DatelineCase>& cases) {
  for (const DatelineCase& c : cases) {
    auto dateline = parse_dateline(c.paragraph);
    ASSERT_TRUE(dateline) << c.paragraph;
    EXPECT_EQ(dateline->location, c.location) << c.paragraph;
    EXPECT_EQ(dateline->date, c.date) << c.paragraph;
  }
}

TEST(MetadataDateline, ReadsAPlaceInCapitalsWithItsState) {
  expect_datelines({{"TUCSON, AZ \xE2\x80\x94" + kLead, "Tucson, AZ", ""},
                    {"EL PASO, TX \xE2\x80\x94" + kLead, "El Paso, TX", ""},
                    {"SOUTH TUCSON, AZ \xE2\x80\x93" + kLead, "South Tucson, AZ", ""}});
}

TEST(MetadataDateline, ReadsAPlaceWithoutAState) {
  expect_datelines({{"WASHINGTON \xE2\x80\x94" + kLead, "Washington", ""}});
}

TEST(MetadataDateline, ReadsSeveralPlaces) {
  expect_datelines({{"TUCSON, AZ and EL PASO, TX \xE2\x80\x94" + kLead, "Tucson, AZ and El Paso, TX", ""},
                    {"Tucson, AZ and El Paso, TX \xE2\x80\x94" + kLead, "Tucson, AZ and El Paso, TX", ""}});
}

TEST(MetadataDateline, WritesStatesAsPostalCodes) {
  expect_datelines({{"TUCSON, Ariz. \xE2\x80\x94" + kLead, "Tucson, AZ", ""},
                    {"LAS CRUCES, N.M. \xE2\x80\x94" + kLead, "Las Cruces, NM", ""},
                    {"SAN DIEGO, Calif. - " + kLead, "San Diego, CA", ""}});
}

TEST(MetadataDateline, ReadsTheDateThatFollowsThePlace) {
  expect_datelines({{"EL PASO, TX \xE2\x80\x94 November 18, 2020 \xE2\x80\x94" + kLead, "El Paso, TX", "2020-11-18"},
                    {"TUCSON, Ariz., Aug. 5, 2021 \xE2\x80\x94" + kLead, "Tucson, AZ", "2021-08-05"},
                    {"TUCSON, AZ (June 21, 2022) \xE2\x80\x94" + kLead, "Tucson, AZ", "2022-06-21"},
                    {"WASHINGTON, Feb. 7, 2023 \xE2\x80\x94" + kLead, "Washington", "2023-02-07"},
                    {"YUMA, AZ, 14 de junio de 2016 \xE2\x80\x94" + kLead, "Yuma, AZ", "2016-06-14"}});
}

TEST(MetadataDateline, ProperCaseWordsNeedAStateToBeAPlace) {
  EXPECT_FALSE(parse_dateline("Today \xE2\x80\x94" + kLead));
  EXPECT_FALSE(parse_dateline("In Tucson \xE2\x80\x94" + kLead));
}

TEST(MetadataDateline, ALabelBeforeADashIsNotAPlace) {
  EXPECT_FALSE(parse_dateline("STATEMENT \xE2\x80\x94 November 29, 2016"));
  EXPECT_FALSE(parse_dateline("FOR IMMEDIATE RELEASE \xE2\x80\x94" + kLead));
  EXPECT_FALSE(parse_dateline("MEDIA ADVISORY \xE2\x80\x94" + kLead));
}

TEST(MetadataDateline, ADatelineIntroducesASentence) {
  EXPECT_FALSE(parse_dateline("TUCSON, AZ \xE2\x80\x94 November 18, 2020"));
}

TEST(MetadataDateline, TellsWhereTheLeadBegins) {
  std::string paragraph = "TUCSON, AZ \xE2\x80\x94 November 18, 2020 \xE2\x80\x94" + kLead;
  auto dateline = parse_dateline(paragraph);
  ASSERT_TRUE(dateline);
  EXPECT_EQ(paragraph.substr(dateline->length), kLead);
}

// ---------------------------------------------------------------- read_opening: date and place

TEST(MetadataOpening, TakesTheDatelinesDate) {
  Opening o = read_opening("Title", "Posted on March 1, 2023\n\nTUCSON, AZ \xE2\x80\x94 March 2, 2023 \xE2\x80\x94" + kLead);
  EXPECT_EQ(o.date, "2023-03-02");
  EXPECT_EQ(o.location, "Tucson, AZ");
}

TEST(MetadataOpening, TakesTheDateOfAHeaderLine) {
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"May 22, 2020 \xE2\x80\xA2 Press Release", "2020-05-22"},
      {"Published 20 April 2016", "2016-04-20"},
      {"Date: 2021-12-07", "2021-12-07"},
      {"Declaraci\xC3\xB3n | 15 de febrero de 2022", "2022-02-15"},
      {"FOR IMMEDIATE RELEASE\nNovember 18, 2020\nContact: Leah Carter, Press Officer", "2020-11-18"}};
  for (const auto& [header, date] : headers)
    EXPECT_EQ(read_opening("Title", header + "\n\nEL PASO, TX \xE2\x80\x94" + kLead).date, date) << header;
}

TEST(MetadataOpening, TakesAHeaderDateWhenThereIsNoDateline) {
  Opening o = read_opening("Opinion: A Child Should Never Face a Judge Alone",
                           "By Elena V\xC3\xA1squez\n\nAugust 2, 2022\n\nLast month I sat beside a twelve-year-old girl in "
                           "an immigration courtroom in Phoenix, and her feet did not reach the floor of the room.");
  EXPECT_EQ(o.date, "2022-08-02");
  EXPECT_EQ(o.location, "");
}

TEST(MetadataOpening, NeverTakesADateFromTheText) {
  Opening o = read_opening("Title", "TUCSON, AZ \xE2\x80\x94 A federal judge cited the March 3, 2019 ruling today.\n\n"
                                    "The hearing is set for June 1, 2021.");
  EXPECT_EQ(o.date, "");
}

TEST(MetadataOpening, NeverTakesAnAdvisorysEventDate) {
  Opening o = read_opening("Advisory", "SAN DIEGO, CA \xE2\x80\x94 Faith leaders will hold a press conference at the port.\n\n"
                                       "WHEN: Thursday, May 12, 2016, 10:00 a.m.");
  EXPECT_EQ(o.date, "");
}

TEST(MetadataOpening, ReadsALetterStylePlaceAndDateLine) {
  Opening o = read_opening("Testimonio", "Testimonio de Isabel N\xC3\xBA\xC3\xB1" "ez\n\nTucson, 22 de marzo de 2023\n\n"
                                         "Buenas noches, alcaldesa y miembros del Concejo. Mi nombre es Isabel y trabajo con "
                                         "familias que hablan lenguas ind\xC3\xADgenas de M\xC3\xA9xico y Guatemala.");
  EXPECT_EQ(o.location, "Tucson");
  EXPECT_EQ(o.date, "2023-03-22");
}

TEST(MetadataOpening, HeaderBlockOfShortLinesIsNotTheLead) {
  Opening o = read_opening("Testimony", "Testimony of Henry Lin, Voting Rights Counsel, Puentes Human Rights Center\n"
                                        "Before the Arizona House Committee on Municipal Oversight and Elections\n"
                                        "February 14, 2024\n\n"
                                        "Chair and members of the committee, thank you for the opportunity to testify on "
                                        "House Bill 2311.");
  EXPECT_EQ(o.date, "2024-02-14");
}

// ---------------------------------------------------------------- types

TEST(MetadataOpening, NamesTheTypeOfALabel) {
  const std::vector<std::pair<std::string, std::string>> labels = {
      {"Press Releases", "press-release"},   {"FOR IMMEDIATE RELEASE", "press-release"},
      {"Comunicado de prensa", "press-release"}, {"STATEMENT", "statement"},
      {"Declaraciones", "statement"},        {"Report", "report"},
      {"INFORME", "report"},                 {"Media Advisories", "media-advisory"},
      {"Aviso a los medios", "media-advisory"}, {"Op-Ed", "op-ed"},
      {"Art\xC3\xAD" "culo de opini\xC3\xB3n", "op-ed"}, {"Opinion", "op-ed"},
      {"Letter", "letter"},                  {"Carta", "letter"},
      {"Testimony", "testimony"},            {"Testimonio", "testimony"},
      {"Newsroom", ""},                      {"For release", ""}};
  for (const auto& [label, type] : labels) EXPECT_EQ(type_for_label(label), type) << label;
}

struct TypeCase {
  std::string title, body, type;
};

TEST(MetadataOpening, ChoosesTheTypeItsLabelsAndCuesName) {
  const std::string lead = "TUCSON, AZ \xE2\x80\x94 Puentes Human Rights Center today called on the county to restore funding.";
  const std::vector<TypeCase> cases = {
      {"Title", "MEDIA ADVISORY\n\n" + lead, "media-advisory"},
      {"Title", "May 22, 2020 \xE2\x80\xA2 Statement\n\n" + lead, "statement"},
      {"Title", "Home \xE2\x80\xBA News \xE2\x80\xBA Op-Eds\n\n" + lead, "op-ed"},
      {"Report: Waiting in Danger", lead, "report"},
      {"Aviso a los medios: conferencia", lead, "media-advisory"},
      {"Statement on the Asylum Ban", lead, "statement"},
      {"Testimony of Naomi Pierce on Evictions", lead, "testimony"},
      {"Letter to the Governor", lead, "letter"},
      {"Title", "WASHINGTON \xE2\x80\x94 Marcus Bell issued the following statement after the vote:\n\n\xE2\x80\x9CWe are dismayed.\xE2\x80\x9D",
       "statement"},
      {"Title", lead + "\n\nWHAT: Press conference\n\nWHEN: Thursday\n\nWHERE: City Hall", "media-advisory"},
      {"Title", "By Henry Lin\n\nEvery ten years, the census decides how political power is divided in this country.\n\n"
                "Henry Lin is Voting Rights Counsel at Puentes Human Rights Center.",
       "op-ed"},
      {"Title", lead + "\n\nDear Governor,\n\nWe write to ask for help.\n\nSincerely,\n\nMarcus Bell", "letter"},
      {"Title", "TUCSON, AZ \xE2\x80\x94 A report released today by Puentes finds delays in medical care.", "report"}};
  for (const TypeCase& c : cases) EXPECT_EQ(read_opening(c.title, c.body).type, c.type) << c.title << " | " << c.body;
}

TEST(MetadataOpening, AGenericPressReleaseLabelLosesToASpecificCue) {
  Opening o = read_opening("Statement on the Asylum Ban",
                           "Home \xE2\x80\xBA News \xE2\x80\xBA Press Releases\n\nEL PASO, TX \xE2\x80\x94" + kLead);
  EXPECT_EQ(o.type, "statement");
}

TEST(MetadataOpening, NoCueNoType) {
  EXPECT_EQ(read_opening("Puentes Opens a Legal Clinic", "TUCSON, AZ \xE2\x80\x94" + kLead).type, "");
}

}  // namespace
}  // namespace pressroom
