// Specification of common/user_names.h: which spokespeople read as a content
// system's user names, which people a release's text names that a user name
// could stand for, and what a run suggests for the aliases file.
#include "common/user_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressroom {
namespace {

using Names = std::vector<std::string>;

TEST(UserNames, OneLowerCaseWordOfLettersAndDigitsIsAUserName) {
  for (const char* user : {"jparcell", "bbrantley", "kdaniel2", "andreanocesigritz"})
    EXPECT_TRUE(looks_like_user_name(user)) << user;
  for (const char* other : {"Jacob Parcell", "tyrus-manuel", "Jparcell", "jp", "abc", "ab12", "jacob_parcell",
                            "jparcell@example.gov", ""})
    EXPECT_FALSE(looks_like_user_name(other)) << other;
}

TEST(UserNames, AnInitialAndASurnameNameThePerson) {
  EXPECT_EQ(names_for_user("jparcell", "Posted by Jacob Parcell, who leads the team."), (Names{"Jacob Parcell"}));
}

TEST(UserNames, AFirstNameAndASurnameRunTogetherNameThePerson) {
  EXPECT_EQ(names_for_user("jeremyzilar", "Thanks to Jeremy Zilar for the photos."), (Names{"Jeremy Zilar"}));
  EXPECT_EQ(names_for_user("andreanocesigritz", "Andrea Noce Sigritz wrote this."), (Names{"Andrea Noce Sigritz"}));
  EXPECT_EQ(names_for_user("anocesigritz", "Andrea Noce Sigritz wrote this."), (Names{"Andrea Noce Sigritz"}));
}

TEST(UserNames, TitlesAndMiddleInitialsAreNotPartOfTheName) {
  // As a byline in Markdown: emphasis around it, a title and a middle initial.
  EXPECT_EQ(names_for_user("wbrantley", "**_Dr. William A. Brantley_** is the branch chief."), (Names{"William Brantley"}));
  EXPECT_EQ(names_for_user("wabrantley", "Dr. William A. Brantley is the branch chief."), (Names{"William Brantley"}));
}

TEST(UserNames, TheNameMayFollowOtherCapitalisedWords) {
  EXPECT_EQ(names_for_user("jherman", "Program Director Justin Herman said so."), (Names{"Justin Herman"}));
}

TEST(UserNames, HyphensApostrophesAndPossessivesDoNotMatter) {
  EXPECT_EQ(names_for_user("anocesigritz", "Andrea Noce-Sigritz wrote this."), (Names{"Andrea Noce-Sigritz"}));
  EXPECT_EQ(names_for_user("wsullivan", "It was Will Sullivan's idea."), (Names{"Will Sullivan"}));
  EXPECT_EQ(names_for_user("wsullivan", "It was Will Sullivan\u2019s idea."), (Names{"Will Sullivan"}));
  EXPECT_EQ(names_for_user("codonnell", "Ciara O'Donnell said."), (Names{"Ciara O'Donnell"}));
}

TEST(UserNames, ACapitalisedWordBeforeTheNameIsNotPartOfIt) {
  EXPECT_EQ(names_for_user("bbrantley", "By Bill Brantley"), (Names{"Bill Brantley"}));
  EXPECT_EQ(names_for_user("therrera", "Today Tom Herrera said so."), (Names{"Tom Herrera"}));
  EXPECT_EQ(names_for_user("dmccleskey", "Dawn Pointer McCleskey is an analyst."), (Names{"Dawn Pointer McCleskey"}));
}

TEST(UserNames, DashesQuotesAndNoBreakSpacesAroundANameDoNotHideIt) {
  for (const char* text : {"\u2014Jacob Parcell", "\u201CJacob Parcell\u201D", "Jacob Parcell\u2014GSA",
                           "Jacob\u00A0Parcell", "Posted by Jacob\nParcell"})
    EXPECT_EQ(names_for_user("jparcell", text), (Names{"Jacob Parcell"})) << text;
  EXPECT_TRUE(names_for_user("jparcell", "Jacob\n\nParcell").empty()) << "a blank line ends the name";
}

TEST(UserNames, LettersBeyondAsciiAreLetters) {
  EXPECT_EQ(names_for_user("aruiz", "\u00C1ngel Ruiz spoke."), (Names{"\u00C1ngel Ruiz"}));
  EXPECT_EQ(names_for_user("codonnell", "Ciara O\u2019Donnell said."), (Names{"Ciara O\u2019Donnell"}));
}

TEST(UserNames, DigitsEndingAUserNameAreNotPartOfTheName) {
  EXPECT_EQ(names_for_user("kdaniel2", "Kim Daniel wrote this."), (Names{"Kim Daniel"}));
}

TEST(UserNames, AccentsAndCaseDoNotMatter) {
  EXPECT_EQ(names_for_user("lfernandez", "Lucía Fernández, the director, spoke."), (Names{"Lucía Fernández"}));
}

TEST(UserNames, WordsApartOrLowerCaseAreNotAName) {
  EXPECT_TRUE(names_for_user("jparcell", "Jacob, Parcell and others.").empty()) << "a comma between";
  EXPECT_TRUE(names_for_user("jparcell", "jacob parcell wrote").empty()) << "not capitalised";
  EXPECT_TRUE(names_for_user("jparcell", "Jacob Parcells wrote").empty()) << "another surname";
  EXPECT_TRUE(names_for_user("jparcell", "").empty());
}

TEST(UserNames, EachPersonOnceAndEveryCandidate) {
  EXPECT_EQ(names_for_user("jparcell", "Jacob Parcell and Jane Parcell. Jacob Parcell again."),
            (Names{"Jacob Parcell", "Jane Parcell"}));
}

TEST(UserNames, TheEvidenceSuggestsTheNameMostReleasesGive) {
  UserNameEvidence evidence;
  evidence.add("jparcell", {"Jacob Parcell"});
  evidence.add("jparcell", {"Jacob Parcell", "Jane Parcell"});
  evidence.add("jparcell", {"Jane Parcell"});
  evidence.add("jparcell", {"Jacob Parcell"});
  evidence.add("jparcell", {});
  evidence.add("bbrantley", {});
  evidence.add("zz99", {});
  evidence.add("zz99", {});
  evidence.add("aaaa", {});
  evidence.add("aaaa", {});
  std::vector<UserNameEvidence::Suggestion> s = evidence.suggestions();
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].user, "jparcell");
  EXPECT_EQ(s[0].releases, 5u);
  EXPECT_EQ(s[0].name, "Jacob Parcell");
  EXPECT_EQ(s[0].named_in, 3u);
  EXPECT_EQ(s[1].user, "aaaa") << "most releases first, then by user name";
  EXPECT_EQ(s[2].user, "zz99");
  EXPECT_EQ(s[2].name, "");
  EXPECT_EQ(s[3].user, "bbrantley");
  EXPECT_EQ(s[3].named_in, 0u);
}

TEST(UserNames, ARepeatedNameInOneReleaseCountsOnce) {
  UserNameEvidence evidence;
  evidence.add("jparcell", {"Jacob Parcell", "Jacob Parcell"});
  EXPECT_EQ(evidence.suggestions()[0].named_in, 1u);
}

}  // namespace
}  // namespace pressroom
