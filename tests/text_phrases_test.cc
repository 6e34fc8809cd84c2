#include "common/text_phrases.h"

#include <gtest/gtest.h>

#include "common/schema.h"

namespace pressroom {
namespace {

TEST(TextPhrases, WordsAreStrippedOfAccentsAndStemmedAsTheIndexerDoes) {
  EXPECT_EQ(stemmed_words("Families' détention, now!", schema::stemmer_for("en")),
            (std::vector<std::string>{"famili", "detent", "now"}));
}

TEST(TextPhrases, APhraseHoldsOnlyAsConsecutiveWordsInItsOrder) {
  const Xapian::Stem& english = schema::stemmer_for("en");
  std::vector<std::string> quote = stemmed_words("Family detention harms children.", english);
  EXPECT_TRUE(holds_phrases(quote, {stemmed_words("family detention", english)}));
  EXPECT_TRUE(holds_phrases(quote, {stemmed_words("Families' detention", english), stemmed_words("harms", english)}));
  EXPECT_FALSE(holds_phrases(quote, {stemmed_words("detention family", english)}));
  EXPECT_FALSE(holds_phrases(quote, {stemmed_words("family harms", english)}));
  EXPECT_FALSE(holds_phrases(quote, {stemmed_words("family detention", english), stemmed_words("adults", english)}));
  EXPECT_TRUE(holds_phrases(quote, {}));
}

TEST(TextPhrases, AWordTypedWithAStarStandsForTheWordsItBegins) {
  const Xapian::Stem& english = schema::stemmer_for("en");
  EXPECT_EQ(phrase_words("famil* Detention", english), (std::vector<std::string>{"famil*", "detent"}));
  std::vector<std::string> quote = stemmed_words("Families in detention and family detention.", english);
  EXPECT_TRUE(holds_phrases(quote, {phrase_words("famil* detention", english)}));
  EXPECT_FALSE(holds_phrases(quote, {phrase_words("detention famil*", english)}));
  EXPECT_FALSE(holds_phrases(quote, {phrase_words("fam detention", english)}));  // no star: the word itself
}

}  // namespace
}  // namespace pressroom
