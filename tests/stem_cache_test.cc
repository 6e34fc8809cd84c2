// Specification of common/stem_cache.h: a cached stemmer gives Xapian's
// stems, word for word, in both languages, and keeps doing so once full.
#include "common/stem_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressroom {
namespace {

TEST(StemCache, GivesTheSnowballStemOfEveryWord) {
  const std::vector<std::string> words = {"families", "family", "detention", "detained", "running", "runs",
                                          "ninos",    "acompanados", "detencion", "a", "2500", "covid19",
                                          "families"};  // asked twice: the second answer comes from the cache
  for (const char* language : {"english", "spanish"}) {
    Xapian::Stem plain(language);
    Xapian::Stem cached(new CachedStem(language));
    for (const std::string& word : words) EXPECT_EQ(cached(word), plain(word)) << language << ": " << word;
  }
}

TEST(StemCache, StartsAgainWhenFull) {
  Xapian::Stem plain("english");
  Xapian::Stem cached(new CachedStem("english"));
  for (size_t i = 0; i < CachedStem::kMaxWords + 10; ++i) {
    std::string word = "word" + std::to_string(i) + "ing";
    ASSERT_EQ(cached(word), plain(word)) << word;
  }
  EXPECT_EQ(cached("detentions"), plain("detentions"));
}

TEST(StemCache, UnknownLanguageIsAnError) {
  EXPECT_THROW(CachedStem("klingon"), Xapian::InvalidArgumentError);
}

}  // namespace
}  // namespace pressroom
