#include "common/word_sequence.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/phrase_check.h"
#include "tests/fixtures.h"

namespace pressroom {

// Beside SlotHit, for argument-dependent lookup.
bool operator==(const SlotHit& a, const SlotHit& b) { return a.position == b.position && a.slots == b.slots; }

namespace {

Xapian::Document with_words(const std::vector<std::string>& words) { return testing::document_with_words(words); }

WordVocabulary vocabulary_of(const std::vector<std::vector<std::string>>& sample) {
  std::vector<Xapian::Document> documents;
  for (const auto& words : sample) documents.push_back(with_words(words));
  std::vector<const Xapian::Document*> pointers;
  for (const Xapian::Document& d : documents) pointers.push_back(&d);
  return WordVocabulary::learn(pointers);
}

// "w000" … "w<n-1>": word k seen `most` - k times, so its rank is k.
std::string ranked_word(int k) {
  char name[8];
  std::snprintf(name, sizeof name, "w%03d", k);
  return name;
}
WordVocabulary ranked_vocabulary(int n, int most) {
  Xapian::Document sample;
  Xapian::termpos at = 0;
  for (int k = 0; k < n; ++k)
    for (int i = 0; i < most - k; ++i) sample.add_posting(ranked_word(k), ++at);
  return WordVocabulary::learn({&sample});
}

std::vector<SlotHit> hits_of(const std::string& sequence, const std::vector<std::vector<std::string>>& slots,
                             const WordVocabulary& vocabulary) {
  std::vector<SlotHit> hits;
  decode_slot_hits(sequence, code_phrase(slots, vocabulary), hits);
  return hits;
}

TEST(WordVocabulary, RanksWordsSeenTwiceOrMoreMostFrequentFirst) {
  WordVocabulary v = vocabulary_of({{"the", "port", "the"}, {"the", "port", "once"}});
  EXPECT_EQ(v.rank("the"), 0u);
  EXPECT_EQ(v.rank("port"), 1u);
  EXPECT_FALSE(v.rank("once").has_value());
  EXPECT_EQ(v.size(), 2u);
}

TEST(WordVocabulary, DecodesWhatItEncodes) {
  WordVocabulary v = vocabulary_of({{"a", "b", "a", "c", "b", "a", "c"}});
  std::optional<WordVocabulary> back = WordVocabulary::decode(v.encode());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->encode(), v.encode());
  for (const char* w : {"a", "b", "c"}) EXPECT_EQ(back->rank(w), v.rank(w)) << w;
}

TEST(WordVocabulary, KnowsHowManyReleasesItWasLearnedFrom) {
  WordVocabulary v = vocabulary_of({{"a", "a"}, {"b", "b"}, {"a"}});
  EXPECT_EQ(v.sample(), 3u);
  EXPECT_EQ(WordVocabulary::decode(v.encode())->sample(), 3u);
}

TEST(WordVocabulary, RefusesWhatIsNotAnEncoding) {
  EXPECT_FALSE(WordVocabulary::decode(""));
  EXPECT_FALSE(WordVocabulary::decode("1\na\n"));       // format 1: its sequences read otherwise
  EXPECT_FALSE(WordVocabulary::decode("2\na\n"));       // no sample size
  EXPECT_FALSE(WordVocabulary::decode("2 x\na\n"));
  EXPECT_FALSE(WordVocabulary::decode("2 9\na\na\n"));  // a word twice
  EXPECT_FALSE(WordVocabulary::decode("2 9\na"));       // cut short
  EXPECT_TRUE(WordVocabulary::decode("2 0\n"));         // empty, but a vocabulary
  EXPECT_FALSE(WordVocabulary::decode("3 9 10000 200000 2\na\n"));         // fewer words than it says
  EXPECT_FALSE(WordVocabulary::decode("3 9 10000 200000 1\na\n1 500\n"));  // a frequency of no word
  EXPECT_FALSE(WordVocabulary::decode("3 9 10000 200000 1\na\n0 1001\n")); // more than every release
  EXPECT_FALSE(WordVocabulary::decode("3 9 10000 1\na\n"));                // a bound missing
}

TEST(WordVocabulary, KeepsTheDocumentFrequenciesOfPairFiltersThroughItsStoredForm) {
  // "a" in every release, "b" in half, "c" in a quarter; "d" in one of four.
  WordVocabulary v = vocabulary_of({{"a", "b", "c", "a"}, {"a", "b", "a"}, {"a", "a"}, {"a", "d", "d"}});
  std::optional<WordVocabulary> back = WordVocabulary::decode(v.encode());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->encode(), v.encode());
  for (const WordVocabulary* vocabulary : {&v, &*back}) {
    EXPECT_TRUE(vocabulary->has_pair_filter());
    EXPECT_TRUE(vocabulary->filtered_pair(*vocabulary->rank("a"), *vocabulary->rank("b")));
    EXPECT_TRUE(vocabulary->filtered_pair(*vocabulary->rank("b"), *vocabulary->rank("a")));
  }
}

TEST(WordVocabulary, LeavesPairsWithPhrasePairTermsToThem) {
  std::vector<Xapian::Document> documents = {with_words({"a", "b", "c"}), with_words({"a", "b"}),
                                             with_words({"a", "c"}), with_words({"a", "a"})};
  std::vector<const Xapian::Document*> sample;
  for (const Xapian::Document& d : documents) sample.push_back(&d);
  // a: 1000 per mille, b and c: 500; the pair terms take products of 600,000 and more.
  WordVocabulary v = WordVocabulary::learn(sample, 600000);
  EXPECT_FALSE(v.filtered_pair(*v.rank("a"), *v.rank("a")));  // 1,000,000: a pair term
  EXPECT_TRUE(v.filtered_pair(*v.rank("a"), *v.rank("b")));   // 500,000
  EXPECT_TRUE(v.filtered_pair(*v.rank("b"), *v.rank("c")));   // 250,000
}

TEST(WordVocabulary, AVocabularyOfFormatTwoHasNoPairFilter) {
  std::optional<WordVocabulary> v = WordVocabulary::decode("2 9\na\nb\n");
  ASSERT_TRUE(v);
  EXPECT_FALSE(v->has_pair_filter());
  EXPECT_FALSE(v->filtered_pair(0, 1));
}

TEST(WordSequence, TakesThePositionsAndKeepsEveryWdf) {
  Xapian::Document doc = with_words({"port", "of", "port"});
  doc.add_term("port", 3);  // extra weight, as the title gets
  doc.add_boolean_term("Tpress");
  take_word_sequence(doc, vocabulary_of({}));
  std::map<std::string, Xapian::termcount> wdf;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    EXPECT_EQ(t.positionlist_count(), 0u) << *t;
    wdf[*t] = t.get_wdf();
  }
  EXPECT_EQ(wdf, (std::map<std::string, Xapian::termcount>{{"Tpress", 0}, {"of", 1}, {"port", 5}}));
}

TEST(WordSequence, GivesEachWordItsPositionWithGapsRanksAndSpelledWords) {
  WordVocabulary v = vocabulary_of({{"the", "the", "port", "port"}});
  // "the" and "port" are ranked, "río" and "x" spelled; positions 4-6 and 9 left out.
  Xapian::Document doc = with_words({"the", "río", "port", "", "", "", "the", "x", "", "port"});
  std::string sequence = take_word_sequence(doc, v);
  EXPECT_EQ(hits_of(sequence, {{"port"}, {"río"}}, v), (std::vector<SlotHit>{{2, 2}, {3, 1}, {10, 1}}));
  EXPECT_EQ(hits_of(sequence, {{"the"}, {"x", "port"}}, v),
            (std::vector<SlotHit>{{1, 1}, {3, 2}, {7, 1}, {8, 2}, {10, 2}}));
  EXPECT_TRUE(hits_of(sequence, {{"absent"}}, v).empty());
}

TEST(WordSequence, RanksPast125AndLongGapsTakeSeveralBytesAndStayExact) {
  // 300 words, word k seen 400 - k times: ranks 0-299, two bytes from 125.
  WordVocabulary v = ranked_vocabulary(300, 400);
  ASSERT_EQ(v.rank("w200"), 200u);
  ASSERT_EQ(v.rank("w136"), 136u);  // the same low six bits as 200: the quick test lets it through
  Xapian::Document doc;
  doc.add_posting("w200", 1);
  doc.add_posting("w136", 2);
  doc.add_posting("w005", 500);  // a gap of 497 positions
  doc.add_posting("zzz", 501);   // spelled out
  std::string sequence = take_word_sequence(doc, v);
  EXPECT_EQ(hits_of(sequence, {{"w200"}, {"w005"}, {"zzz"}}, v), (std::vector<SlotHit>{{1, 1}, {500, 2}, {501, 4}}));
}

TEST(WordSequence, ASlotOfHundredsOfWordsIsDecodedExactly) {
  // A wildcard's slot: 300 words, ranked (one and two bytes) and spelled.
  WordVocabulary v = ranked_vocabulary(300, 400);
  std::vector<std::string> wildcard;
  for (int k = 0; k < 300; k += 2) wildcard.push_back(ranked_word(k));
  wildcard.push_back("zspelled");
  Xapian::Document doc = with_words({"w001", "w200", "w003", "zspelled", "w299", "w298", "w137"});
  std::string sequence = take_word_sequence(doc, v);
  EXPECT_EQ(hits_of(sequence, {wildcard, {"w137"}}, v),
            (std::vector<SlotHit>{{2, 1}, {4, 1}, {6, 1}, {7, 2}}));
}

TEST(WordSequence, KeepsTwoWordsAtOnePositionAndAPositionZero) {
  WordVocabulary v = vocabulary_of({});
  Xapian::Document doc;
  doc.add_posting("zero", 0);
  doc.add_posting("a", 5);
  doc.add_posting("b", 5);
  std::string sequence = take_word_sequence(doc, v);
  EXPECT_EQ(hits_of(sequence, {{"zero"}, {"a"}, {"b"}}, v), (std::vector<SlotHit>{{0, 1}, {5, 6}}));
}

TEST(WordSequence, ADocumentWithoutPositionsHasAnEmptySequence) {
  Xapian::Document doc;
  doc.add_term("word");
  EXPECT_EQ(take_word_sequence(doc, vocabulary_of({})), "");
}

TEST(WordSequence, ABrokenSequenceThrowsRatherThanReadPastItsEnd) {
  WordVocabulary v = vocabulary_of({});
  Xapian::Document doc = with_words({"detention"});
  std::string sequence = take_word_sequence(doc, v);
  std::vector<SlotHit> hits;
  CodedPhrase slots = code_phrase({{"detention"}}, v);
  EXPECT_THROW(decode_slot_hits(sequence.substr(0, sequence.size() - 2), slots, hits), Xapian::DatabaseCorruptError);
  EXPECT_THROW(decode_slot_hits(std::string(1, '\x80'), slots, hits), Xapian::DatabaseCorruptError);
}

std::optional<bool> adjacent(const std::string& sequence, const std::vector<std::vector<std::string>>& slots,
                             const WordVocabulary& vocabulary) {
  return holds_adjacent(sequence, code_phrase(slots, vocabulary));
}

TEST(WordSequence, FindsWordsSideBySideInOrder) {
  WordVocabulary v = vocabulary_of({{"port", "of", "entry", "port", "of", "entry"}});
  Xapian::Document doc = with_words({"the", "port", "of", "entry", "", "port"});
  std::string sequence = take_word_sequence(doc, v);
  EXPECT_EQ(adjacent(sequence, {{"port"}, {"of"}, {"entry"}}, v), true);
  EXPECT_EQ(adjacent(sequence, {{"the"}, {"port"}}, v), true);  // "the" spelled out
  EXPECT_EQ(adjacent(sequence, {{"entry"}, {"port"}}, v), false);  // a position left out between
  EXPECT_EQ(adjacent(sequence, {{"of"}, {"port"}}, v), false);
  EXPECT_EQ(adjacent(sequence, {{"port"}, {"absent"}}, v), false);
}

TEST(WordSequence, AGapIsNotTakenForAWord) {
  // "a" has code 3, "b" code 4; a gap of 3 positions is written as kSkip, 3:
  // the bytes 3, 4 follow, but no "a" is there.
  WordVocabulary v = vocabulary_of({{"a", "a", "b"}});
  Xapian::Document doc;
  doc.add_posting("b", 1);
  doc.add_posting("b", 5);
  std::string sequence = take_word_sequence(doc, v);
  ASSERT_NE(sequence.find("\x03\x04"), std::string::npos);
  EXPECT_EQ(adjacent(sequence, {{"a"}, {"b"}}, v), false);
}

TEST(WordSequence, APartOfALongerCodeIsNotTakenForAWord) {
  // Rank 390 is code 393, the bytes 0x89 0x03: its last byte is the code of rank 0.
  WordVocabulary v = ranked_vocabulary(400, 500);
  ASSERT_EQ(v.rank("w390"), 390u);
  Xapian::Document doc = with_words({"w390", "w001"});
  std::string sequence = take_word_sequence(doc, v);
  EXPECT_EQ(adjacent(sequence, {{"w000"}, {"w001"}}, v), false);
  EXPECT_EQ(adjacent(sequence, {{"w390"}, {"w001"}}, v), true);
}

TEST(WordSequence, LeavesToTheDecoderWhatABytesSearchCannotTell) {
  WordVocabulary v = vocabulary_of({});
  Xapian::Document shared;
  shared.add_posting("a", 1);
  shared.add_posting("b", 2);
  shared.add_posting("c", 2);
  EXPECT_EQ(adjacent(take_word_sequence(shared, v), {{"a"}, {"c"}}, v), std::nullopt);
  Xapian::Document doc = with_words({"a", "b"});
  EXPECT_EQ(adjacent(take_word_sequence(doc, v), {{"a"}, {"b", "c"}}, v), std::nullopt);
}

TEST(WordSequence, TheBytesSearchAgreesWithTheDecoderOnRandomReleases) {
  // 600 words (one-, two- and spelled codes), releases with gaps, exact
  // phrases of two to four words: taken from the release or made up.
  std::mt19937 random(7);
  std::vector<std::string> words;
  for (int k = 0; k < 700; ++k) words.push_back(std::string("w").append(std::to_string(k)));
  Xapian::Document sample;
  Xapian::termpos at = 0;
  for (int k = 0; k < 600; ++k)
    for (int n = 0; n < 2 + (600 - k) / 20; ++n) sample.add_posting(words[k], ++at);
  WordVocabulary v = WordVocabulary::learn({&sample});
  int found = 0;
  for (int round = 0; round < 400; ++round) {
    Xapian::Document doc;
    std::vector<std::string> text;
    Xapian::termpos position = 0;
    for (int i = 0; i < 200; ++i) {
      if (random() % 23 == 0) position += 1 + random() % 300;
      text.push_back(words[random() % (i % 3 ? 20 : words.size())]);
      doc.add_posting(text.back(), ++position);
    }
    std::string sequence = take_word_sequence(doc, v);
    std::vector<std::vector<std::string>> slots;
    size_t from = random() % 190;
    for (size_t n = 2 + random() % 3, i = 0; i < n; ++i)
      slots.push_back({round % 2 ? text[from + i] : words[random() % 20]});
    std::vector<SlotHit> hits = hits_of(sequence, slots, v);
    bool expected = phrase_holds(hits, slots.size(), 0, true);
    found += expected;
    EXPECT_EQ(adjacent(sequence, slots, v), expected) << "round " << round;
  }
  EXPECT_GT(found, 100);  // both answers tested
}

// phrase_holds: hits are (position, slot bits).
TEST(PhraseCheck, AnExactPhraseNeedsItsWordsInOrderSideBySide) {
  EXPECT_TRUE(phrase_holds({{3, 1}, {4, 2}}, 2, 0, true));
  EXPECT_FALSE(phrase_holds({{3, 1}, {5, 2}}, 2, 0, true));
  EXPECT_FALSE(phrase_holds({{3, 2}, {4, 1}}, 2, 0, true));
  EXPECT_TRUE(phrase_holds({{1, 1}, {3, 1}, {4, 2}}, 2, 2, true));  // a later start
}

TEST(PhraseCheck, ARepeatedWordNeedsTwoPositions) {
  EXPECT_FALSE(phrase_holds({{7, 3}}, 2, 2, true));          // "bye bye" against one "bye"
  EXPECT_TRUE(phrase_holds({{7, 3}, {8, 3}}, 2, 2, true));
  EXPECT_FALSE(phrase_holds({{7, 3}}, 2, 10, false));
  EXPECT_TRUE(phrase_holds({{7, 3}, {12, 3}}, 2, 10, false));
}

TEST(PhraseCheck, AWiderWindowAllowsWordsBetweenButNotPastIt) {
  // ADJ/window 4 over three slots: first to last at most 3 apart.
  EXPECT_TRUE(phrase_holds({{1, 1}, {2, 2}, {4, 4}}, 3, 4, true));
  EXPECT_FALSE(phrase_holds({{1, 1}, {2, 2}, {5, 4}}, 3, 4, true));
}

TEST(PhraseCheck, NearTakesAnyOrderWithinTheWindow) {
  EXPECT_TRUE(phrase_holds({{1, 2}, {10, 1}}, 2, 10, false));
  EXPECT_FALSE(phrase_holds({{1, 2}, {11, 1}}, 2, 10, false));
  // A word that fills either slot goes to the one the other word cannot fill.
  EXPECT_TRUE(phrase_holds({{1, 3}, {2, 1}}, 2, 10, false));
  EXPECT_FALSE(phrase_holds({{1, 3}, {2, 1}}, 3, 10, false));
}

}  // namespace
}  // namespace pressroom
