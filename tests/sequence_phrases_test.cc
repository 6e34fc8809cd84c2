#include "common/sequence_phrases.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/document_settling.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/word_sequence.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

// The same random releases twice over two shards each: with Xapian's
// positions, and with word sequences. Few distinct words, so that phrases,
// repeated words and near misses are common.
class SequencePhrases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::mt19937 random(11);
    const std::vector<std::string> words = {"port", "of", "the", "entry", "family", "detention",
                                            "border", "asylum", "court", "ruling", "new", "rule"};
    std::geometric_distribution<size_t> pick(0.25);
    std::vector<Xapian::Document> documents;
    for (int d = 0; d < 400; ++d) {
      Xapian::Document doc;
      Xapian::termpos position = 0;
      size_t length = 5 + random() % 60;
      for (size_t i = 0; i < length; ++i) {
        if (random() % 17 == 0) position += 3;  // a gap, as between fields
        doc.add_posting(words[pick(random) % words.size()], ++position);
      }
      if (random() % 3 == 0) doc.add_posting("XLel", ++position), doc.add_posting("XLpaso", ++position);
      doc.add_boolean_term(std::string("Q").append(std::to_string(d)));  // not "Q" + …: GCC 12 warns wrongly (PR 105329)
      doc.set_data(std::to_string(d));
      documents.push_back(doc);
    }
    std::vector<const Xapian::Document*> sample;
    for (int d = 0; d < 60; ++d) sample.push_back(&documents[d]);
    WordVocabulary vocabulary = WordVocabulary::learn(sample);
    std::string stored = vocabulary.encode();
    for (int shard = 0; shard < 2; ++shard) {
      Xapian::WritableDatabase positions((dir_->path() / ("positions" + std::to_string(shard))).string(),
                                         Xapian::DB_CREATE);
      Xapian::WritableDatabase sequences((dir_->path() / ("sequences" + std::to_string(shard))).string(),
                                         Xapian::DB_CREATE);
      for (size_t d = shard; d < documents.size(); d += 2) {
        positions.add_document(documents[d]);
        Xapian::Document copy = documents[d];
        settle(copy, nullptr, &vocabulary);
        sequences.add_document(copy);
      }
      sequences.set_metadata(schema::kMetaWordSequences, stored);
      sequences.set_metadata(schema::kMetaWordSequencesId, schema::word_sequences_id(stored));
      positions.commit();
      sequences.commit();
    }
    words_ = new std::vector<std::string>(words);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete words_;
  }

  static Xapian::Database open(const std::string& kind) {
    Xapian::Database db((dir_->path() / (kind + "0")).string());
    db.add_database(Xapian::Database((dir_->path() / (kind + "1")).string()));
    return db;
  }

  // Every match in order: the release and its weight.
  static std::vector<std::string> matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.push_back(it.get_document().get_data() + " " + std::to_string(it.get_weight()));
    return out;
  }

  static inline TempDir* dir_ = nullptr;
  static inline std::vector<std::string>* words_ = nullptr;
};

TEST_F(SequencePhrases, ANewIndexOfSequencesHasNoXapianPositions) {
  EXPECT_FALSE(open("sequences").has_positions());
  EXPECT_TRUE(open("positions").has_positions());
}

TEST_F(SequencePhrases, PhrasesAndNearMatchWhatXapianPositionsMatchWithTheSameWeights) {
  Xapian::Database positions = open("positions"), sequences = open("sequences");
  std::mt19937 random(5);
  size_t compared = 0, matched = 0;
  for (int q = 0; q < 300; ++q) {
    size_t n = 2 + random() % 3;
    std::vector<Xapian::Query> slots;
    for (size_t i = 0; i < n; ++i) {
      Xapian::Query word((*words_)[random() % 6]);
      // Sometimes a slot any of two words fill, as a wildcard or synonym makes.
      if (random() % 5 == 0) word = Xapian::Query(Xapian::Query::OP_OR, word, Xapian::Query((*words_)[random() % 12]));
      slots.push_back(word);
    }
    auto op = random() % 2 ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR;
    Xapian::termcount window = random() % 3 == 0 ? 0 : static_cast<Xapian::termcount>(n + random() % 8);
    Xapian::Query query(op, slots.begin(), slots.end(), window);
    std::vector<std::string> expected = matches(positions, query);
    Xapian::Query rewritten = with_word_sequences(query);
    ASSERT_NE(rewritten.get_description(), query.get_description());
    std::vector<std::string> found = matches(sequences, rewritten);
    // On an index that keeps Xapian's positions the same source reads them.
    EXPECT_EQ(matches(positions, rewritten), found) << query.get_description();
    bool alternatives = false;
    for (const Xapian::Query& slot : slots) alternatives |= slot.get_type() != Xapian::Query::LEAF_TERM;
    if (op == Xapian::Query::OP_NEAR && alternatives) {
      // Xapian 1.4's NEAR check misses some arrangements when one word can
      // fill two slots; every release it finds is found here too.
      std::set<std::string> all(found.begin(), found.end());
      for (const std::string& hit : expected) EXPECT_TRUE(all.count(hit)) << hit << " " << query.get_description();
      continue;
    }
    EXPECT_EQ(found, expected) << query.get_description();
    ++compared;
    matched += !expected.empty();
  }
  EXPECT_GT(compared, 200u);
  EXPECT_GT(matched, 100u) << "too few phrases match to compare anything";
}

TEST_F(SequencePhrases, APhraseInsideOtherOperatorsIsRewrittenToo) {
  Xapian::Database positions = open("positions"), sequences = open("sequences");
  std::vector<Xapian::Query> words = {Xapian::Query("family"), Xapian::Query("detention")};
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 2);
  std::vector<Xapian::Query> place = {Xapian::Query("XLel"), Xapian::Query("XLpaso")};
  Xapian::Query location(Xapian::Query::OP_PHRASE, place.begin(), place.end(), 2);
  Xapian::Query query(Xapian::Query::OP_AND_NOT,
                      Xapian::Query(Xapian::Query::OP_OR, phrase, Xapian::Query(Xapian::Query::OP_AND, location,
                                                                                 Xapian::Query("court"))),
                      Xapian::Query("asylum"));
  std::vector<std::string> expected = matches(positions, query);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(matches(sequences, with_word_sequences(query)), expected);
}

TEST_F(SequencePhrases, ARewrittenQuerySurvivesSerialisationWithTheRegistry) {
  Xapian::Database sequences = open("sequences");
  std::vector<Xapian::Query> words = {Xapian::Query("border"), Xapian::Query("port")};
  Xapian::Query query = with_word_sequences(Xapian::Query(Xapian::Query::OP_NEAR, words.begin(), words.end(), 4));
  Xapian::Query back = Xapian::Query::unserialise(query.serialise(), query_registry());
  EXPECT_EQ(back.get_description(), query.get_description());
  EXPECT_EQ(matches(sequences, back), matches(sequences, query));
  EXPECT_FALSE(matches(sequences, back).empty());
}

// The releases `query` matches, ignoring weights.
std::set<std::string> releases(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::set<std::string> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(it.get_document().get_data());
  return out;
}

TEST_F(SequencePhrases, TheSourceAloneWalksToTheSameReleases) {
  // Alone, the source leads: its own walk of the words' posting lists
  // (skip_to, next) rather than the check of another's candidates.
  Xapian::Database positions = open("positions"), sequences = open("sequences");
  std::mt19937 random(9);
  size_t matched = 0;
  for (int q = 0; q < 60; ++q) {
    PhraseSpec spec;
    std::vector<Xapian::Query> words;
    for (size_t i = 0; i < 2 + random() % 2; ++i) {
      spec.slots.push_back({(*words_)[random() % 6]});
      words.emplace_back(spec.slots.back()[0]);
    }
    spec.window = static_cast<Xapian::termpos>(words.size());
    std::set<std::string> expected =
        releases(positions, Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), spec.window));
    EXPECT_EQ(releases(sequences, word_sequence_phrase(spec)), expected);
    matched += !expected.empty();
  }
  EXPECT_GT(matched, 10u);
}

TEST_F(SequencePhrases, APhraseOfMoreThan32WordsIsCheckedToo) {
  // A run of 34 words at consecutive positions in some release.
  Xapian::Database positions = open("positions"), sequences = open("sequences");
  std::vector<std::string> run;
  for (Xapian::docid id = 1; id <= positions.get_lastdocid() && run.empty(); ++id) {
    std::map<Xapian::termpos, std::string> at;
    for (auto t = positions.termlist_begin(id); t != positions.termlist_end(id); ++t)
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at[*p] = *t;
    for (auto start = at.begin(); start != at.end() && run.empty(); ++start) {
      std::vector<std::string> words;
      for (auto it = start; it != at.end() && it->first == start->first + words.size(); ++it) words.push_back(it->second);
      if (words.size() >= 34) run.assign(words.begin(), words.begin() + 34);
    }
  }
  ASSERT_EQ(run.size(), 34u);
  std::vector<Xapian::Query> words(run.begin(), run.end());
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 34);
  std::vector<std::string> expected = matches(positions, phrase);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(matches(sequences, with_word_sequences(phrase)), expected);
  // Reversed, it is found in neither.
  std::vector<Xapian::Query> reversed(words.rbegin(), words.rend());
  Xapian::Query backwards(Xapian::Query::OP_PHRASE, reversed.begin(), reversed.end(), 34);
  EXPECT_EQ(matches(sequences, with_word_sequences(backwards)), matches(positions, backwards));
}

TEST_F(SequencePhrases, APhraseLongerThanACheckTakesIsRefusedNotAnsweredAsAnd) {
  std::vector<Xapian::Query> words;
  for (size_t i = 0; i < kMaxSlots + 1; ++i) words.emplace_back((*words_)[i % words_->size()]);
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 0);
  EXPECT_THROW(with_word_sequences(phrase), InvalidParameter);
}

TEST_F(SequencePhrases, WhatIsNotAPhraseOfTermsIsLeftAsItIs) {
  Xapian::Query plain(Xapian::Query::OP_AND, Xapian::Query("port"), Xapian::Query("entry"));
  EXPECT_EQ(with_word_sequences(plain).get_description(), plain.get_description());
  Xapian::Query wildcard(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_WILDCARD, "bord"), Xapian::Query("port"));
  EXPECT_EQ(with_word_sequences(wildcard).get_description(), wildcard.get_description());
}

}  // namespace
}  // namespace pressroom
