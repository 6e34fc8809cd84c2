// Specification of common/slug_names.h: topics and authors that content
// systems list as slugs are read as names.
#include "common/slug_names.h"

#include <gtest/gtest.h>

namespace pressroom {
namespace {

TEST(SlugNames, AWordOrWordsOfLowerCaseLettersAndDigitsJoinedByHyphensIsASlug) {
  EXPECT_TRUE(is_slug("user-experience"));
  EXPECT_TRUE(is_slug("trade"));
  EXPECT_TRUE(is_slug("a11y"));
  EXPECT_TRUE(is_slug("plain_language"));
  EXPECT_TRUE(is_slug("section-508"));
}

TEST(SlugNames, SpacesCapitalsOtherCharactersAndBareNumbersAreNotSlugs) {
  EXPECT_FALSE(is_slug("family detention"));
  EXPECT_FALSE(is_slug("Due-Process"));
  EXPECT_FALSE(is_slug("acción"));
  EXPECT_FALSE(is_slug("508"));
  EXPECT_FALSE(is_slug("-asylum"));
  EXPECT_FALSE(is_slug("asylum-"));
  EXPECT_FALSE(is_slug("user--experience"));
  EXPECT_FALSE(is_slug(""));
}

TEST(SlugNames, ATopicSlugBecomesATitleWithSmallJoiningWordsInsideItLowerCase) {
  EXPECT_EQ(topic_name("user-experience"), "User Experience");
  EXPECT_EQ(topic_name("product-and-project-management"), "Product and Project Management");
  EXPECT_EQ(topic_name("trade"), "Trade");
  EXPECT_EQ(topic_name("derechos-de-los-migrantes"), "Derechos de los Migrantes");
  EXPECT_EQ(topic_name("section-508"), "Section 508");
}

TEST(SlugNames, ATopicThatIsNotASlugIsKeptAsWritten) {
  EXPECT_EQ(topic_name("Family Detention"), "Family Detention");
  EXPECT_EQ(topic_name("family detention"), "family detention");
  EXPECT_EQ(topic_name("COVID-19"), "COVID-19");
}

TEST(SlugNames, APersonsSlugOfSeveralWordsBecomesTheirName) {
  EXPECT_EQ(person_name("angela-hooker"), "Angela Hooker");
  EXPECT_EQ(person_name("ammie-farraj-feijoo"), "Ammie Farraj Feijoo");
  EXPECT_EQ(person_name("maria-de-la-cruz"), "Maria de la Cruz");
}

TEST(SlugNames, AnInitialIsCapitalisedAndWordPresssNumberDropped) {
  EXPECT_EQ(person_name("john-a-smith"), "John A Smith");
  EXPECT_EQ(person_name("angela-hooker-2"), "Angela Hooker");
}

TEST(SlugNames, AOneWordUserNameAndARealNameAreKeptAsWritten) {
  EXPECT_EQ(person_name("jparcell"), "jparcell");
  EXPECT_EQ(person_name("Ana Ruiz"), "Ana Ruiz");
  EXPECT_EQ(person_name("Jean-Luc Martin"), "Jean-Luc Martin");
}

TEST(SlugNames, ATopicSlugTakesTheCapitalsItsReleaseWritesItsWordsWith) {
  WordForms forms("ICE held them. DigitalGov and 18F wrote about ICE.", slug_words("ice-digitalgov-18f-and-open-data"));
  EXPECT_EQ(topic_name("ice", forms, "en"), "ICE");
  EXPECT_EQ(topic_name("ice-digitalgov-18f-and-open-data", forms, "en"), "ICE DigitalGov 18F and Open Data");
}

TEST(SlugNames, ATopicSlugOfASpanishReleaseIsInSentenceCaseWithItsNamesCapitalised) {
  WordForms forms("Los migrantes de Texas esperan. En Texas, ICE los detuvo.",
                  slug_words("derechos-de-los-migrantes-en-texas-e-ice"));
  EXPECT_EQ(topic_name("derechos-de-los-migrantes-en-texas-e-ice", forms, "es"),
            "Derechos de los migrantes en Texas e ICE");
  EXPECT_EQ(topic_name("derechos-de-los-migrantes", forms, "en"), "Derechos de los Migrantes");
}

TEST(SlugNames, APersonsSlugTakesTheCapitalsItsReleaseWritesTheNameWith) {
  WordForms forms("Michelle McNellis of the GSA blog team said so.",
                  slug_words("michelle-mcnellis-maria-de-la-cruz-gsa-blog-team"));
  EXPECT_EQ(person_name("michelle-mcnellis", forms), "Michelle McNellis");
  EXPECT_EQ(person_name("gsa-blog-team", forms), "GSA Blog Team");
  EXPECT_EQ(person_name("maria-de-la-cruz", forms), "Maria de la Cruz");
  EXPECT_EQ(person_name("jparcell", forms), "jparcell");
}

TEST(SlugNames, ANameThatIsNotASlugIsKeptAsWrittenWhateverTheText) {
  WordForms forms("ICE and FedRAMP", {"ice", "fedramp"});
  EXPECT_EQ(topic_name("Ice Storms", forms, "en"), "Ice Storms");
  EXPECT_EQ(person_name("Ana Ruiz", forms), "Ana Ruiz");
}

}  // namespace
}  // namespace pressroom
