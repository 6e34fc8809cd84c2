#include "common/pair_filter.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/positioned_words.h"
#include "common/word_sequence.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

Xapian::Document with_words(const std::vector<std::string>& words) { return testing::document_with_words(words); }

// Words "w0" … "w59", each in every release of the sample: every pair of
// them is filtered (when the index has no phrase-pair terms).
std::string word(size_t k) { return "w" + std::to_string(k); }
WordVocabulary everyday_vocabulary(unsigned filter_below_ppm = WordVocabulary::kNoPairTerms) {
  std::vector<std::string> all;
  for (size_t k = 0; k < 60; ++k) all.push_back(word(k)), all.push_back(word(k));
  Xapian::Document sample = with_words(all);
  return WordVocabulary::learn({&sample}, filter_below_ppm);
}

PairProbe probe_of(const std::vector<std::string>& phrase, const WordVocabulary& vocabulary) {
  std::vector<std::optional<uint32_t>> ranks;
  for (const std::string& w : phrase) ranks.push_back(vocabulary.rank(w));
  return PairProbe(ranks, vocabulary);
}

std::string filter_of(const std::vector<std::string>& words, const WordVocabulary& vocabulary) {
  return pair_filter(positioned_words(with_words(words)), vocabulary);
}

TEST(PairFilter, LetsThroughEveryPairAReleaseHasSideBySide) {
  WordVocabulary vocabulary = everyday_vocabulary();
  std::mt19937 random(5);
  for (int release = 0; release < 200; ++release) {
    std::vector<std::string> words;
    for (size_t i = 0, n = 5 + random() % 300; i < n; ++i) words.push_back(random() % 13 == 0 ? "" : word(random() % 60));
    std::string filter = filter_of(words, vocabulary);
    for (size_t i = 0; i + 2 < words.size(); ++i) {
      if (words[i].empty() || words[i + 1].empty()) continue;
      EXPECT_TRUE(probe_of({words[i], words[i + 1]}, vocabulary).holds(filter)) << release << " at " << i;
      if (!words[i + 2].empty())
        EXPECT_TRUE(probe_of({words[i], words[i + 1], words[i + 2]}, vocabulary).holds(filter)) << release;
    }
  }
}

TEST(PairFilter, TurnsAwayMostPairsAReleaseLacks) {
  WordVocabulary vocabulary = everyday_vocabulary();
  std::mt19937 random(7);
  size_t lacked = 0, passed = 0;
  for (int release = 0; release < 100; ++release) {
    std::vector<std::string> words;
    for (size_t i = 0; i < 150; ++i) words.push_back(word(random() % 60));
    std::set<std::pair<std::string, std::string>> had;
    for (size_t i = 0; i + 1 < words.size(); ++i) had.emplace(words[i], words[i + 1]);
    std::string filter = filter_of(words, vocabulary);
    for (size_t a = 0; a < 60; ++a)
      for (size_t b = 0; b < 60; ++b) {
        if (had.count({word(a), word(b)})) continue;
        ++lacked;
        passed += probe_of({word(a), word(b)}, vocabulary).holds(filter) ? 1 : 0;
      }
  }
  // Seven bits and three probes a pair: about 4% pass.
  EXPECT_LT(static_cast<double>(passed) / static_cast<double>(lacked), 0.06);
}

TEST(PairFilter, WordsAtOnePositionPairWithEveryWordAtTheNext) {
  WordVocabulary vocabulary = everyday_vocabulary();
  Xapian::Document doc = with_words({word(1), word(2)});
  doc.add_posting(word(3), 1);  // w1 and w3 at position 1
  std::string filter = pair_filter(positioned_words(doc), vocabulary);
  EXPECT_TRUE(probe_of({word(1), word(2)}, vocabulary).holds(filter));
  EXPECT_TRUE(probe_of({word(3), word(2)}, vocabulary).holds(filter));
}

TEST(PairFilter, AReleaseWithoutFilteredPairsHasNoFilterAndHoldsNoFilteredPhrase) {
  WordVocabulary vocabulary = everyday_vocabulary();
  EXPECT_EQ(filter_of({word(1), "", word(2), "rare", word(3)}, vocabulary), "");
  EXPECT_FALSE(probe_of({word(1), word(2)}, vocabulary).holds(""));
}

TEST(PairFilter, APhraseWithoutFilteredPairsIsNotProbed) {
  // Every product is 1,000,000 per million: with phrase-pair terms from
  // 200,000, none is filtered.
  WordVocabulary vocabulary = everyday_vocabulary(200000);
  EXPECT_EQ(filter_of({word(1), word(2)}, vocabulary), "");
  EXPECT_TRUE(probe_of({word(1), word(2)}, vocabulary).empty());
  EXPECT_TRUE(probe_of({word(1), word(2)}, vocabulary).holds(""));
  // Words outside the vocabulary, or a slot of alternatives, are not probed.
  EXPECT_TRUE(probe_of({"unknown", word(2)}, everyday_vocabulary()).empty());
  EXPECT_TRUE(PairProbe({std::nullopt, 1}, everyday_vocabulary()).empty());
}

TEST(PairFilter, AVocabularyWithoutFrequenciesGivesNoFilter) {
  std::optional<WordVocabulary> old = WordVocabulary::decode("2 1\nw1\nw2\n");
  ASSERT_TRUE(old);
  EXPECT_EQ(filter_of({"w1", "w2"}, *old), "");
  EXPECT_TRUE(probe_of({"w1", "w2"}, *old).empty());
}

}  // namespace
}  // namespace pressroom
