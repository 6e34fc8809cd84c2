// Specification of common/release_validation.h: what every release must meet
// before it is indexed, and how it is normalised on the way.
#include "common/release_validation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressroom {
namespace {

// A release that passes validation; each test spoils one thing.
Release valid_release() {
  Release r;
  r.id = "2020-11-18-family-detention";
  r.title = "Family detention during the pandemic";
  r.date = "2020-11-18";
  r.type = "statement";
  r.topics = {"Family Detention"};
  r.spokespeople = {"Ana Ruiz"};
  r.body = "Family detention during a pandemic endangers children.";
  r.lang = "en";
  return r;
}

// The reason normalize_and_validate() gives, or "" when the release is valid.
std::string reason_for(Release r) {
  auto reason = normalize_and_validate(r);
  return reason ? *reason : std::string();
}

TEST(ReleaseValidation, AcceptsACompleteRelease) {
  Release r = valid_release();
  EXPECT_EQ(normalize_and_validate(r), std::nullopt);
}

// ------------------------------------------------------------- required fields

TEST(ReleaseValidation, RejectsAMissingId) {
  Release r = valid_release();
  r.id = "";
  EXPECT_NE(reason_for(r).find("id"), std::string::npos) << reason_for(r);
}

TEST(ReleaseValidation, RejectsAnIdOfOnlyWhitespace) {
  Release r = valid_release();
  r.id = "   ";
  EXPECT_NE(normalize_and_validate(r), std::nullopt);
}

TEST(ReleaseValidation, RejectsAMissingTitle) {
  Release r = valid_release();
  r.title = "";
  EXPECT_NE(reason_for(r).find("title"), std::string::npos) << reason_for(r);
}

TEST(ReleaseValidation, RejectsATitleOfOnlyWhitespace) {
  Release r = valid_release();
  r.title = " \t\n ";
  EXPECT_NE(reason_for(r).find("title"), std::string::npos) << reason_for(r);
}

TEST(ReleaseValidation, RejectsAMissingDate) {
  Release r = valid_release();
  r.date = "";
  EXPECT_NE(reason_for(r).find("date"), std::string::npos) << reason_for(r);
}

TEST(ReleaseValidation, RejectsAnImpossibleDate) {
  for (const std::string date : {"2021-02-29", "2020-02-30", "2020-13-01", "18/11/2020", "yesterday"}) {
    Release r = valid_release();
    r.date = date;
    std::string reason = reason_for(r);
    EXPECT_NE(reason.find("date"), std::string::npos) << date << " → '" << reason << "'";
  }
}

TEST(ReleaseValidation, AMissingTypeIsNotAReasonToReject) {
  Release r = valid_release();
  r.type = "";
  EXPECT_EQ(normalize_and_validate(r), std::nullopt);
}

// -------------------------------------------------------------------- UTF-8

TEST(ReleaseValidation, RejectsInvalidUtf8InAnyTextField) {
  const std::string bad = "caf\xC3";  // truncated sequence
  const std::vector<std::pair<std::string, void (*)(Release&, const std::string&)>> fields = {
      {"title", [](Release& r, const std::string& v) { r.title = v; }},
      {"body", [](Release& r, const std::string& v) { r.body = v; }},
      {"summary", [](Release& r, const std::string& v) { r.summary = v; }},
      {"location", [](Release& r, const std::string& v) { r.location = v; }},
      {"topics", [](Release& r, const std::string& v) { r.topics.push_back(v); }},
      {"spokespeople", [](Release& r, const std::string& v) { r.spokespeople.push_back(v); }},
      {"contacts", [](Release& r, const std::string& v) { r.contacts.push_back(v); }},
      {"quote text", [](Release& r, const std::string& v) { r.quotes.push_back({v, "Ana Ruiz", "", "", ""}); }},
      {"quote speaker", [](Release& r, const std::string& v) { r.quotes.push_back({"Text.", v, "", "", ""}); }},
      {"quote paragraph",
       [](Release& r, const std::string& v) { r.quotes.push_back({"Text.", "Ana Ruiz", "", "", v}); }},
      {"url", [](Release& r, const std::string& v) { r.url = v; }},
  };
  for (const auto& [name, spoil] : fields) {
    Release r = valid_release();
    spoil(r, bad);
    std::string reason = reason_for(r);
    EXPECT_NE(reason.find("UTF-8"), std::string::npos) << "invalid UTF-8 in " << name << " → '" << reason << "'";
  }
}

TEST(ReleaseValidation, RejectsInvalidUtf8InAQuoteRoleOrOrganisation) {
  // These are stored and served as JSON too: a release that passes here must
  // be one release_to_json() can serialise.
  const std::string bad = "Direc\xF0\x9F";  // truncated 4-byte sequence
  Release with_role = valid_release();
  with_role.quotes.push_back({"Text.", "Ana Ruiz", bad, "", ""});
  EXPECT_NE(reason_for(with_role).find("UTF-8"), std::string::npos) << "role → '" << reason_for(with_role) << "'";
  Release with_org = valid_release();
  with_org.quotes.push_back({"Text.", "Ana Ruiz", "", bad, ""});
  EXPECT_NE(reason_for(with_org).find("UTF-8"), std::string::npos) << "organisation → '" << reason_for(with_org) << "'";
}

TEST(ReleaseValidation, AcceptsAccentedAndNonLatinText) {
  Release r = valid_release();
  r.title = "Declaración sobre el asilo — Заявление 😀";
  r.spokespeople = {"Lucía Fernández"};
  EXPECT_EQ(normalize_and_validate(r), std::nullopt);
}

// ---------------------------------------------------------------- normalising

TEST(ReleaseValidation, TrimsAndCollapsesWhitespaceInTextFields) {
  Release r = valid_release();
  r.id = "  r01 ";
  r.title = "  Family   detention\n during the pandemic ";
  r.location = " Tucson,  AZ ";
  r.summary = "\tShort  summary ";
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.id, "r01");
  EXPECT_EQ(r.title, "Family detention during the pandemic");
  EXPECT_EQ(r.location, "Tucson, AZ");
  EXPECT_EQ(r.summary, "Short summary");
}

TEST(ReleaseValidation, NormalisesTheDateToYearMonthDay) {
  for (const std::string date : {"2020-11-18T23:30:00-05:00", "2020-11-18 09:00", " 2020-11-18 "}) {
    Release r = valid_release();
    r.date = date;
    ASSERT_EQ(normalize_and_validate(r), std::nullopt) << date;
    EXPECT_EQ(r.date, "2020-11-18") << date;
  }
}

TEST(ReleaseValidation, NormalisesTheTypeToLowerCaseHyphenated) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Press Release", "press-release"}, {"press_release", "press-release"},
      {"PRESS-RELEASE", "press-release"}, {"  Media   Advisory ", "media-advisory"},
      {"Op-Ed", "op-ed"},                 {"statement", "statement"}};
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(normalize_type(input), expected) << input;
    Release r = valid_release();
    r.type = input;
    ASSERT_EQ(normalize_and_validate(r), std::nullopt) << input;
    EXPECT_EQ(r.type, expected) << input;
  }
}

TEST(ReleaseValidation, NormalisesTheLanguageCode) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"EN", "en"}, {"es", "es"}, {"en-US", "en"}, {"es_MX", "es"}, {" ES ", "es"}};
  for (const auto& [input, expected] : cases) {
    Release r = valid_release();
    r.lang = input;
    ASSERT_EQ(normalize_and_validate(r), std::nullopt) << input;
    EXPECT_EQ(r.lang, expected) << input;
  }
}

TEST(ReleaseValidation, RemovesDuplicateTopicsCaseAndAccentInsensitivelyKeepingTheFirst) {
  Release r = valid_release();
  r.topics = {"Asylum", "asylum", "ASYLUM ", "Family Detention", "family  detention", "Acción", "accion"};
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum", "Family Detention", "Acción"}));
}

TEST(ReleaseValidation, RemovesDuplicateSpokespeople) {
  Release r = valid_release();
  r.spokespeople = {"Lucía Fernández", "Lucia Fernandez", "Ana Ruiz", "ana ruiz"};
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Lucía Fernández", "Ana Ruiz"}));
}

TEST(ReleaseValidation, RemovesEmptyListValuesAndTrimsTheRest) {
  Release r = valid_release();
  r.topics = {"", "  ", " Asylum  Policy ", "\t"};
  r.contacts = {"", "press@example.org"};
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum Policy"}));
  EXPECT_EQ(r.contacts, (std::vector<std::string>{"press@example.org"}));
}

TEST(ReleaseValidation, KeepsTheOrderOfDistinctTopics) {
  Release r = valid_release();
  r.topics = {"Public Health", "Asylum", "Due Process"};
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Public Health", "Asylum", "Due Process"}));
}

TEST(ReleaseValidation, TurnsTopicAndAuthorSlugsIntoNames) {
  Release r = valid_release();
  r.topics = {"user-experience", "Asylum"};
  r.spokespeople = {"angela-hooker", "jparcell"};
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.topics, (std::vector<std::string>{"User Experience", "Asylum"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Angela Hooker", "jparcell"}));
}

TEST(ReleaseValidation, ASlugAndTheNameItStandsForAreOneTopic) {
  Release r = valid_release();
  r.topics = {"Family Detention", "family-detention"};
  ASSERT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Family Detention"}));
}

// ------------------------------------------------------------------- id rules

TEST(ReleaseValidation, AcceptsIdsMadeOfRoutableCharacters) {
  const std::vector<std::string> ids = {
      "r01",  "2020-11-18-family-detention", "news/2020/hello-world", "archive.jsonl:17",
      "a_b.c~d", "news/2020/v1.2", "x", std::string(200, 'a')};
  for (const std::string& id : ids) EXPECT_TRUE(is_valid_release_id(id)) << id;
}

TEST(ReleaseValidation, RejectsIdsWithCharactersAUrlPathCannotHold) {
  const std::vector<std::string> ids = {"hello world", "a?b", "a#b", "a%20b", "a\\b", "tías",
                                        "a\"b", "a<b>", "a\tb", "a+b", "a&b"};
  for (const std::string& id : ids) EXPECT_FALSE(is_valid_release_id(id)) << "'" << id << "'";
}

TEST(ReleaseValidation, RejectsIdsWithEmptyOrDotSegments) {
  const std::vector<std::string> ids = {"",        "/a",     "a/",    "a//b", ".",     "..",
                                        "a/./b",   "a/../b", "../a",  "a/..", "./a",   "/"};
  for (const std::string& id : ids) EXPECT_FALSE(is_valid_release_id(id)) << "'" << id << "'";
}

TEST(ReleaseValidation, AcceptsDotsInsideASegment) {
  const std::vector<std::string> ids = {"a..b", "...", ".hidden", "v1.", "a/.b/c", "a/b../c"};
  for (const std::string& id : ids) EXPECT_TRUE(is_valid_release_id(id)) << "'" << id << "'";
}

TEST(ReleaseValidation, RejectsIdsLongerThanTwoHundredBytes) {
  EXPECT_FALSE(is_valid_release_id(std::string(201, 'a')));
}

TEST(ReleaseValidation, RejectsAReleaseWhoseIdCannotBeRouted) {
  for (const std::string id : {"has space inside", "a//b", "a/../b", "q?x=1"}) {
    Release r = valid_release();
    r.id = id;
    std::string reason = reason_for(r);
    EXPECT_NE(reason.find("id"), std::string::npos) << id << " → '" << reason << "'";
  }
}

TEST(ReleaseValidation, AcceptsAReleaseWithSlashesInItsId) {
  Release r = valid_release();
  r.id = "news/2020/family-detention";
  EXPECT_EQ(normalize_and_validate(r), std::nullopt);
  EXPECT_EQ(r.id, "news/2020/family-detention");
}

}  // namespace
}  // namespace pressroom
