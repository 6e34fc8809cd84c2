// Phrase pairs (common/phrase_pairs.h): a new index learns which words are
// frequent, gives each release a term for every two adjacent such words, and
// a phrase of them is answered by that term with the answers positions give.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bench/synthetic_corpus.h"
#include "common/phrase_pairs.h"
#include "common/query_builder.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "common/sharding.h"
#include "indexer/indexer.h"
#include "tests/fixtures.h"
#include "tests/support/synthetic_archive.h"

namespace pressroom::testing {
namespace {

namespace fs = std::filesystem;

// A document of `text` as the indexer writes free text: stemmed, with positions.
Xapian::Document text_document(const std::string& text) {
  Xapian::Document document;
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("en"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  generator.set_document(document);
  generator.index_text(text);
  return document;
}

// The list learned from `texts`, one document each, whatever their number.
PhrasePairs learned_from(const std::vector<std::string>& texts) {
  std::vector<Xapian::Document> documents;
  for (const std::string& text : texts) documents.push_back(text_document(text));
  std::vector<const Xapian::Document*> sample;
  for (const Xapian::Document& d : documents) sample.push_back(&d);
  return PhrasePairs::learn(sample, 1);
}

std::vector<std::string> pair_terms(const Xapian::Document& document) {
  std::vector<std::string> terms;
  std::string prefix(schema::prefix::kPhrasePair);
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t)
    if ((*t).compare(0, prefix.size(), prefix) == 0) terms.push_back(*t);
  return terms;
}

// "port" and "school" in every text, "harbour" in one of five (20%: with
// "port" at 100% the product is 20%, the threshold), "rare" in none but one.
const std::vector<std::string> kTexts = {
    "the port schools opened", "port schools and harbour", "port schools closed",
    "port schools reopened", "port schools rare words",
};

TEST(PhrasePairs, LearnsTheWordsFrequentEnoughToMakeAPair) {
  PhrasePairs pairs = learned_from(kTexts);
  EXPECT_TRUE(pairs.indexed("port", "school"));
  EXPECT_TRUE(pairs.indexed("school", "port"));
  EXPECT_TRUE(pairs.indexed("harbour", "port"));
  EXPECT_FALSE(pairs.indexed("harbour", "rare"));  // 20% × 20% is 4%
  EXPECT_FALSE(pairs.indexed("port", "unknown"));
}

TEST(PhrasePairs, LearnsNothingFromTooFewReleases) {
  Xapian::Document one = text_document("port schools");
  EXPECT_TRUE(PhrasePairs::learn({&one}, 2).empty());
}

TEST(PhrasePairs, StoredFormReadsBackAsTheSameList) {
  PhrasePairs pairs = learned_from(kTexts);
  std::optional<PhrasePairs> read = PhrasePairs::decode(pairs.encode());
  ASSERT_TRUE(read);
  EXPECT_EQ(read->encode(), pairs.encode());
  EXPECT_EQ(read->words(), pairs.words());
  EXPECT_TRUE(read->indexed("port", "school"));
}

TEST(PhrasePairs, SomethingElseIsNotAStoredList) {
  EXPECT_FALSE(PhrasePairs::decode(""));
  EXPECT_FALSE(PhrasePairs::decode("2 200000\n"));
  EXPECT_FALSE(PhrasePairs::decode("1 200000\nport\n"));
  EXPECT_FALSE(PhrasePairs::decode("1 200000\nport\t1001\n"));
  EXPECT_FALSE(PhrasePairs::decode("1 200000\nport\t900"));
  EXPECT_TRUE(PhrasePairs::decode("1 200000\nport\t900\n"));
}

TEST(PhrasePairs, AdjacentListedWordsGetTheirTermAndOthersDoNot) {
  PhrasePairs pairs = learned_from(kTexts);
  Xapian::Document document = text_document("port schools near the harbour port");
  std::vector<std::string> terms = pair_terms(document);
  EXPECT_TRUE(terms.empty()) << "no terms before add_terms";
  pairs.add_terms(document);
  terms = pair_terms(document);
  EXPECT_EQ(terms, (std::vector<std::string>{phrase_pair_term("harbour", "port"), phrase_pair_term("port", "school")}));
}

TEST(PhrasePairs, WordsApartInTheTextMakeNoPair) {
  PhrasePairs pairs = learned_from(kTexts);
  auto document_of = [](bool gap) {
    Xapian::Document document;
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("en"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    generator.set_document(document);
    generator.index_text("a title ending in port");
    if (gap) generator.increase_termpos();  // as between a release's title and its body
    generator.index_text("schools begin the body");
    return document;
  };
  Xapian::Document apart = document_of(true), together = document_of(false);
  pairs.add_terms(apart);
  pairs.add_terms(together);
  EXPECT_TRUE(pair_terms(apart).empty());
  EXPECT_EQ(pair_terms(together), std::vector<std::string>{phrase_pair_term("port", "school")});
}

TEST(PhrasePairs, PairTermsLeaveTheDocumentLengthAlone) {
  PhrasePairs pairs = learned_from(kTexts);
  Xapian::Document document = text_document("port schools port schools");
  Xapian::termcount before = 0, after = 0;
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) before += t.get_wdf();
  pairs.add_terms(document);
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) after += t.get_wdf();
  EXPECT_EQ(after, before);
  EXPECT_EQ(pair_terms(document).size(), 2u);  // "port school" and "school port"
}

std::string rewritten(const std::string& text, const PhrasePairs& pairs) {
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("en"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  return with_phrase_pairs(parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT), pairs).get_description();
}

TEST(PhrasePairs, ATwoWordPhraseOfListedWordsBecomesItsWordsFilteredByThePairTerm) {
  EXPECT_EQ(rewritten("\"port schools\"", learned_from(kTexts)),
            "Query(((port@1 AND school@2) FILTER XPport school))");
}

TEST(PhrasePairs, PhrasesOfUnlistedWordsAndNearQueriesKeepTheirPositionCheck) {
  PhrasePairs pairs = learned_from(kTexts);
  EXPECT_EQ(rewritten("\"rare words\"", pairs), "Query((rare@1 PHRASE 2 word@2))");
  EXPECT_EQ(rewritten("port ADJ/3 schools", pairs), "Query((port@1 PHRASE 4 school@2))");
  EXPECT_EQ(rewritten("port NEAR schools", pairs), "Query((port@1 NEAR 11 school@2))");
}

TEST(PhrasePairs, ALongerPhraseIsCheckedOnlyWhereItsPairsAre) {
  EXPECT_EQ(rewritten("\"harbour port schools\"", learned_from(kTexts)),
            "Query(((harbour@1 PHRASE 3 port@2 PHRASE 3 school@3) FILTER (XPharbour port AND XPport school)))");
}

TEST(PhrasePairs, PhrasesInsideOtherOperatorsAreRewrittenToo) {
  EXPECT_EQ(rewritten("rare -\"port schools\"", learned_from(kTexts)),
            "Query((rare@1 AND_NOT ((port@2 AND school@3) FILTER XPport school)))");
  EXPECT_EQ(rewritten("\"port schools\" OR rare", learned_from(kTexts)),
            "Query((((port@1 AND school@2) FILTER XPport school) OR rare@3))");
}

TEST(PhrasePairs, AnEmptyListChangesNoQuery) {
  EXPECT_EQ(rewritten("\"port schools\"", PhrasePairs()), "Query((port@1 PHRASE 2 school@2))");
}

// Indexing and searching: the same synthetic archive with and without pairs.
class PhrasePairIndex : public ::testing::Test {
 protected:
  void SetUp() override { write_synthetic_jsonl(archive / "releases.jsonl", corpus, 0, 300); }

  IndexStats index(const fs::path& db, size_t sample, unsigned shards = 0, bool word_sequences = false) {
    IndexOptions options;
    options.word_sequences = word_sequences;
    options.db_path = db.string();
    options.paths = {archive.string()};
    options.phrase_pair_sample = sample;
    options.phrase_pair_sample_max = sample;  // most releases come after the sample
    options.shards = shards;
    options.threads = 2;
    return run_index(options);
  }
  // Neither a list nor a pair term anywhere.
  static void expect_no_pairs(const fs::path& path) {
    Xapian::Database db(path.string());
    EXPECT_FALSE(PhrasePairs::decode(db.get_metadata(schema::kMetaPhrasePairs)));
    std::string prefix(schema::prefix::kPhrasePair);
    EXPECT_EQ(db.allterms_begin(prefix), db.allterms_end(prefix));
  }
  static std::vector<std::string> pair_terms_of(const Xapian::Document& document) {
    std::vector<std::string> terms;
    for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t)
      if ((*t).rfind(schema::prefix::kPhrasePair, 0) == 0) terms.push_back(*t);
    return terms;
  }
  // The most frequent pair terms of `db`'s list as phrases, e.g. "\"of the\"".
  static std::vector<std::string> frequent_phrases(const fs::path& db, size_t count) {
    Xapian::Database database(db.string());
    std::vector<std::pair<Xapian::doccount, std::string>> pairs;
    std::string prefix(schema::prefix::kPhrasePair);
    for (auto t = database.allterms_begin(prefix); t != database.allterms_end(prefix); ++t)
      pairs.emplace_back(t.get_termfreq(), (*t).substr(prefix.size()));
    std::sort(pairs.rbegin(), pairs.rend());
    std::vector<std::string> phrases;
    for (size_t i = 0; i < pairs.size() && i < count; ++i) phrases.push_back("\"" + pairs[i].second + "\"");
    return phrases;
  }
  static std::vector<std::string> ids(Searcher& searcher, const std::string& q, uint64_t& total) {
    SearchRequest request;
    request.q = q;
    request.sort = SortOrder::Relevance;
    request.size = 20;
    SearchResult result = searcher.search(request);
    total = result.total;
    std::vector<std::string> out;
    for (const SearchHit& hit : result.hits) out.push_back(hit.release.id + " " + std::to_string(hit.score));
    return out;
  }

  TempDir dir;
  SyntheticCorpus corpus{7};
  fs::path archive = dir.path() / "archive";
  fs::path with_pairs = dir.path() / "pairs.db";
  fs::path without = dir.path() / "plain.db";
};

TEST_F(PhrasePairIndex, ANewIndexStoresItsListAndEveryReleaseHasItsPairs) {
  index(with_pairs, 50);  // learned from about the first 50 of 300
  Xapian::Database db(with_pairs.string());
  std::optional<PhrasePairs> list = PhrasePairs::decode(db.get_metadata(schema::kMetaPhrasePairs));
  ASSERT_TRUE(list && !list->empty());
  // Every release has exactly the pairs the list gives its words, whether it
  // was in the sample, prepared while the list was learned, or after.
  for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
    Xapian::Document stored = db.get_document(id);
    Xapian::Document words;
    for (auto t = stored.termlist_begin(); t != stored.termlist_end(); ++t) {
      if ((*t).rfind(schema::prefix::kPhrasePair, 0) == 0) continue;
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) words.add_posting(*t, *p, 0);
    }
    list->add_terms(words);
    std::vector<std::string> expected = pair_terms_of(words);
    ASSERT_FALSE(expected.empty()) << "document " << id;
    EXPECT_EQ(pair_terms_of(stored), expected) << "document " << id;
  }
}

TEST_F(PhrasePairIndex, PhrasesFindTheSameReleasesWithTheSameWeightsWithPairTerms) {
  index(with_pairs, 100);
  index(without, IndexOptions::kNoPhrasePairs);
  EXPECT_EQ(Xapian::Database(without.string()).get_metadata(schema::kMetaPhrasePairs), schema::kPhrasePairsOff);
  Searcher paired(with_pairs.string()), plain(without.string());
  std::vector<std::string> phrases = frequent_phrases(with_pairs, 8);
  ASSERT_EQ(phrases.size(), 8u);
  Xapian::Database db(with_pairs.string());
  std::optional<PhrasePairs> list = PhrasePairs::decode(db.get_metadata(schema::kMetaPhrasePairs));
  ASSERT_TRUE(list);
  for (const std::string& q : phrases) {
    SearchRequest request;
    request.q = q;
    QueryBuilder builder(db, nullptr, &*list);
    ASSERT_NE(builder.build(request).query.get_description().find(schema::prefix::kPhrasePair), std::string::npos)
        << q << " is answered by its pair term";
    uint64_t paired_total = 0, plain_total = 0;
    EXPECT_EQ(ids(paired, q, paired_total), ids(plain, q, plain_total)) << q;
    EXPECT_EQ(paired_total, plain_total) << q;
    EXPECT_GT(plain_total, 0u) << q;
  }
}

TEST_F(PhrasePairIndex, ASearchAnswersAListedPhraseFromItsPairTerm) {
  // An index without pair terms, made to claim a list: the phrase then finds
  // nothing, which shows the search relies on the terms.
  index(without, IndexOptions::kNoPhrasePairs);
  index(with_pairs, 100);
  std::string list = Xapian::Database(with_pairs.string()).get_metadata(schema::kMetaPhrasePairs);
  std::string q = frequent_phrases(with_pairs, 1).at(0);
  uint64_t total = 0;
  {
    Searcher plain(without.string());
    ids(plain, q, total);
    ASSERT_GT(total, 0u);
  }
  {
    Xapian::WritableDatabase db(without.string(), Xapian::DB_OPEN);
    db.set_metadata(schema::kMetaPhrasePairs, list);
    db.commit();
  }
  Searcher claimed(without.string());
  ids(claimed, q, total);
  EXPECT_EQ(total, 0u);
}

// Word sequences (common/word_sequence.h) learn their vocabulary from the
// same sample: releases held back while it is learned, in flight when it is
// known, and prepared after it all get theirs.
TEST_F(PhrasePairIndex, AnIndexWithWordSequencesAnswersPhrasesAsOneWithPositions) {
  index(with_pairs, 50);
  fs::path sequences = dir.path() / "sequences.db";
  EXPECT_TRUE(index(sequences, 50, 0, true).word_sequences);
  {
    Xapian::Database db(sequences.string());
    EXPECT_FALSE(db.has_positions());
    EXPECT_EQ(db.get_value_freq(schema::kWordSequence), db.get_doccount());
  }
  // Phrases of frequent words (pair terms) and runs of words from releases
  // across the archive (position checks).
  std::vector<std::string> phrases = frequent_phrases(with_pairs, 4);
  Xapian::Database positions(with_pairs.string());
  for (Xapian::docid id : {3u, 120u, 260u}) {
    std::vector<std::string> words;
    std::string word;
    for (char c : schema::release_from(positions.get_document(id)).body + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        word.push_back(c);
      } else if (!word.empty()) {
        words.push_back(word);
        word.clear();
      }
    }
    ASSERT_GE(words.size(), 12u);
    phrases.push_back("\"" + words[4] + " " + words[5] + " " + words[6] + "\"");
    phrases.push_back("\"" + words[9] + " " + words[10] + "\"");
    phrases.push_back(words[2] + " NEAR " + words[8]);
  }
  Searcher with_positions(with_pairs.string()), with_sequences(sequences.string());
  size_t found = 0;
  for (const std::string& q : phrases) {
    uint64_t positions_total = 0, sequences_total = 0;
    EXPECT_EQ(ids(with_sequences, q, sequences_total), ids(with_positions, q, positions_total)) << q;
    EXPECT_EQ(sequences_total, positions_total) << q;
    found += positions_total > 0;
  }
  EXPECT_EQ(found, phrases.size()) << "every phrase is taken from a release";
}

TEST_F(PhrasePairIndex, IndexInfoSaysWhetherTheIndexHasPairs) {
  index(with_pairs, 100);
  index(without, IndexOptions::kNoPhrasePairs);
  EXPECT_TRUE(Searcher(with_pairs.string()).info().phrase_pairs);
  EXPECT_FALSE(Searcher(without.string()).info().phrase_pairs);
}

TEST_F(PhrasePairIndex, AnUpdateGivesNewReleasesThePairsOfTheStoredList) {
  write_synthetic_jsonl(archive / "releases.jsonl", corpus, 0, 200);
  index(with_pairs, 100);
  std::string list = Xapian::Database(with_pairs.string()).get_metadata(schema::kMetaPhrasePairs);
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 300, 310);
  EXPECT_EQ(index(with_pairs, 100).added, 10u);
  Xapian::Database db(with_pairs.string());
  EXPECT_EQ(db.get_metadata(schema::kMetaPhrasePairs), list);
  EXPECT_FALSE(pair_terms_of(db.get_document(db.get_lastdocid())).empty());
}

TEST_F(PhrasePairIndex, AnIndexBuiltWithoutAListNeverGetsOne) {
  index(without, IndexOptions::kNoPhrasePairs);
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 300, 310);
  IndexStats update = index(without, 100);
  EXPECT_EQ(update.added, 10u);
  EXPECT_FALSE(update.phrase_pairs);
  EXPECT_TRUE(update.phrase_pairs_declined);  // built so on purpose: no advice to rebuild
  expect_no_pairs(without);
}

TEST_F(PhrasePairIndex, AnIndexEmptiedAndFilledAgainFromTooFewReleasesDropsItsList) {
  index(with_pairs, 100);
  ASSERT_NE(Xapian::Database(with_pairs.string()).get_metadata(schema::kMetaPhrasePairs), "");
  {
    Xapian::WritableDatabase db(with_pairs.string(), Xapian::DB_OPEN);
    for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) db.delete_document(id);
    db.commit();
  }
  // The releases come back, too few to learn from: they get no pair terms,
  // so the index must not claim the list it had.
  EXPECT_EQ(index(with_pairs, 1000).added, 300u);
  expect_no_pairs(with_pairs);
}

TEST_F(PhrasePairIndex, AnIndexOfFewerReleasesThanTheSampleLearnsNoList) {
  index(with_pairs, 1000);
  expect_no_pairs(with_pairs);
}

TEST_F(PhrasePairIndex, EveryShardOfANewShardedIndexHoldsTheSameList) {
  index(with_pairs, 100, 2);
  std::string first, second;
  {
    Xapian::Database a((with_pairs / shard_name(0)).string()), b((with_pairs / shard_name(1)).string());
    first = a.get_metadata(schema::kMetaPhrasePairs);
    second = b.get_metadata(schema::kMetaPhrasePairs);
  }
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second);
}

TEST_F(PhrasePairIndex, ShardsThatDisagreeAnswerPhrasesByPositions) {
  // Shard 0 claims a list its releases do not have terms for; shard 1 has
  // none: the search must not use the list.
  index(without, IndexOptions::kNoPhrasePairs, 2);
  index(with_pairs, 100);
  std::string list = Xapian::Database(with_pairs.string()).get_metadata(schema::kMetaPhrasePairs);
  std::string q = frequent_phrases(with_pairs, 1).at(0);
  uint64_t before = 0, after = 0;
  {
    Searcher plain(without.string());
    ids(plain, q, before);
  }
  {
    Xapian::WritableDatabase shard((without / shard_name(0)).string(), Xapian::DB_OPEN);
    shard.set_metadata(schema::kMetaPhrasePairs, list);
    shard.commit();
  }
  Searcher mixed(without.string());
  ids(mixed, q, after);
  EXPECT_GT(before, 0u);
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace pressroom::testing
