// Specification of common/word_forms.h: how a release writes the words a
// slug has lost the capitals of.
#include "common/word_forms.h"

#include <gtest/gtest.h>

namespace pressroom {
namespace {

TEST(WordForms, GivesAWordTheCapitalsTheTextWritesItWith) {
  WordForms forms("Families held by ICE were released. ICE said so.", {"ice"});
  EXPECT_EQ(forms.own_capitals("ice"), "ICE");
  EXPECT_EQ(forms.own_capitals("Ice"), "ICE");  // asked in any case
}

TEST(WordForms, KeepsCapitalsInsideAWordAndAfterDigits) {
  WordForms forms("FedRAMP covers it; 18F built it.", {"fedramp", "18f"});
  EXPECT_EQ(forms.own_capitals("fedramp"), "FedRAMP");
  EXPECT_EQ(forms.own_capitals("18f"), "18F");
}

TEST(WordForms, GivesNoCapitalsWhenAnotherFormIsAsCommon) {
  WordForms forms("The DATA Act passed. We publish data.", {"data"});
  EXPECT_EQ(forms.own_capitals("data"), std::nullopt);
}

TEST(WordForms, ReadsAWordBesideCurlyQuotesDashesAndApostrophes) {
  WordForms forms("“ICE” said ICE’s agents—ICE—came. ICE\xC2\xA0" "agents.", {"ice"});
  EXPECT_EQ(forms.own_capitals("ice"), "ICE");
  WordForms names("Dijo: ¿Texas? «Texas» y texas.", {"texas"});
  EXPECT_FALSE(names.capitalised("texas"));  // after ¿ and « it may begin a sentence
  WordForms inside("Llegaron además Texas y Texas y texas.", {"texas"});
  EXPECT_TRUE(inside.capitalised("texas"));
}

TEST(WordForms, DoesNotTakeCapitalsFromAHeadingInCapitals) {
  WordForms forms("OPEN DATA\nSee the DATA HERE.", {"data"});
  EXPECT_EQ(forms.own_capitals("data"), std::nullopt);
  WordForms agency("ICE ERO agents came; ICE said so and ICE left.", {"ice"});
  EXPECT_EQ(agency.own_capitals("ice"), "ICE");  // once beside another acronym, mostly not
}

TEST(WordForms, GivesNoCapitalsToAWordTheTextWritesPlainOrNotAtAll) {
  WordForms forms("Mobile first. We build mobile sites.", {"mobile", "privacy"});
  EXPECT_EQ(forms.own_capitals("mobile"), std::nullopt);
  EXPECT_EQ(forms.own_capitals("privacy"), std::nullopt);
  EXPECT_EQ(forms.own_capitals("unasked"), std::nullopt);
}

TEST(WordForms, MatchesWholeWordsOnly) {
  WordForms forms("ICEBERG and NOTICE", {"ice"});
  EXPECT_EQ(forms.own_capitals("ice"), std::nullopt);
}

TEST(WordForms, CountsACapitalInsideASentenceAsAName) {
  WordForms forms("Families in Texas wait. Texas courts and the Texas border.", {"texas"});
  EXPECT_TRUE(forms.capitalised("texas"));
}

TEST(WordForms, DoesNotCountACapitalThatOnlyBeginsSentences) {
  WordForms forms("Migrantes llegan. Los migrantes esperan. \"Migrantes\" dijo.", {"migrantes"});
  EXPECT_FALSE(forms.capitalised("migrantes"));
}

}  // namespace
}  // namespace pressroom
