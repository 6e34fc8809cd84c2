// pressroom-index --shards N: releases spread over N databases by a stable
// hash of their id, behind a stub file that opens them as one, and the
// combined database answering exactly as one database of the same releases.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "bench/synthetic_corpus.h"
#include "common/fnv1a.h"
#include "common/schema.h"
#include "common/searcher.h"
#include "common/sharding.h"
#include "tests/fixtures.h"
#include "tests/support/synthetic_archive.h"

namespace pressroom::testing {
namespace {

namespace fs = std::filesystem;

IndexStats index_into(const std::string& db, const std::string& archive, unsigned shards, bool prune = false,
                      uint64_t part_documents = 10000) {
  IndexOptions options;
  options.part_documents = part_documents;
  options.db_path = db;
  options.paths = {archive};
  options.shards = shards;
  options.prune = prune;
  return run_index(options);
}

// Facets as plain pairs, to compare two results.
std::map<std::string, std::vector<std::pair<std::string, uint64_t>>> plain(const FacetCounts& facets) {
  std::map<std::string, std::vector<std::pair<std::string, uint64_t>>> out;
  for (const auto& [name, values] : facets)
    for (const FacetValue& v : values) out[name].emplace_back(v.value, v.count);
  return out;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class IndexerShards : public ::testing::Test {
 protected:
  void SetUp() override { write_synthetic_jsonl(dir.path() / "archive" / "releases.jsonl", corpus, 0, 120); }

  std::string shard_path(unsigned i) const { return (fs::path(sharded) / shard_name(i)).string(); }

  TempDir dir;
  SyntheticCorpus corpus{42};
  std::string archive = (dir.path() / "archive").string();
  std::string single = (dir.path() / "single").string();
  std::string sharded = (dir.path() / "sharded").string();
};

TEST(ShardForId, IsFnv1aOfTheIdModuloTheCount) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(shard_for_id("a", 4), 0xaf63dc4c8601ec8cULL % 4);
  EXPECT_EQ(shard_for_id("a", 7), 0xaf63dc4c8601ec8cULL % 7);
  EXPECT_EQ(shard_for_id("anything", 1), 0u);
}

TEST(ShardLayout, StubListsTheShardsInOrder) {
  EXPECT_EQ(shard_name(3), "shard-03");
  EXPECT_EQ(stub_file_content(2), "auto shard-00\nauto shard-01\n");
  EXPECT_EQ(shard_metadata(3, 4), "3/4");
}

TEST_F(IndexerShards, EachReleaseIsInTheShardOfItsIdHash) {
  IndexStats stats = index_into(sharded, archive, 4);
  EXPECT_EQ(stats.added, 120u);
  EXPECT_EQ(slurp(fs::path(sharded) / kStubFile), stub_file_content(4));
  Xapian::doccount total = 0;
  for (unsigned i = 0; i < 4; ++i) {
    Xapian::Database shard(shard_path(i));
    EXPECT_EQ(shard.get_metadata(schema::kMetaShard), shard_metadata(i, 4));
    EXPECT_GT(shard.get_doccount(), 0u) << "shard " << i;
    for (auto it = shard.valuestream_begin(schema::kId); it != shard.valuestream_end(schema::kId); ++it)
      EXPECT_EQ(shard_for_id(*it, 4), i) << *it;
    total += shard.get_doccount();
  }
  EXPECT_EQ(total, 120u);
  EXPECT_EQ(Xapian::Database(sharded).get_doccount(), 120u);
}

TEST_F(IndexerShards, CombinedDatabaseCountsAndFacetsLikeOneDatabase) {
  // Built from parts of one release each: merged 32 at a time, then at the end.
  index_into(single, archive, 1, false, 1);
  index_into(sharded, archive, 3);
  Searcher one(single), three(sharded);
  for (const char* q : {"", "government", "minister funding", "\"press office\""}) {
    SearchResult a = one.search(parse_search_request({{"q", q}}));
    SearchResult b = three.search(parse_search_request({{"q", q}}));
    EXPECT_EQ(a.total, b.total) << q;
    EXPECT_EQ(plain(a.facets), plain(b.facets)) << q;
  }
}

TEST_F(IndexerShards, SpellingSuggestionsAreThoseOfOneDatabase) {
  // The single database is built, then updated; the shards are built at
  // once, each merged from parts of 7 releases.
  write_synthetic_jsonl(dir.path() / "archive" / "releases.jsonl", corpus, 0, 60);
  index_into(single, archive, 1);
  write_synthetic_jsonl(dir.path() / "archive" / "releases.jsonl", corpus, 0, 120);
  EXPECT_EQ(index_into(single, archive, 1).added, 60u);
  index_into(sharded, archive, 4, false, 7);
  Xapian::Database one(single), four(sharded);
  // Every title word, misspelt by dropping a letter or doubling one.
  int compared = 0;
  for (auto it = one.allterms_begin(std::string(schema::prefix::kTitleWord));
       it != one.allterms_end(std::string(schema::prefix::kTitleWord)) && compared < 400; ++it, ++compared) {
    std::string word = (*it).substr(schema::prefix::kTitleWord.size());
    if (word.size() < 4) continue;
    for (std::string typo : {word.substr(0, 2) + word.substr(3), word.substr(0, 2) + word[2] + word.substr(2)})
      EXPECT_EQ(one.get_spelling_suggestion(typo), four.get_spelling_suggestion(typo)) << typo;
  }
  EXPECT_GT(compared, 100);
}

TEST_F(IndexerShards, DatabaseMetadataReadsTheSameThroughTheCombinedDatabase) {
  index_into(sharded, archive, 2);
  write_synthetic_jsonl(dir.path() / "archive" / "more.jsonl", corpus, 120, 130);
  index_into(sharded, archive, 2);
  Xapian::Database combined(sharded);
  EXPECT_EQ(combined.get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kVersion));
  EXPECT_EQ(combined.get_metadata(schema::kMetaIndexerRuns), "2");
  for (unsigned i = 0; i < 2; ++i) {
    Xapian::Database shard(shard_path(i));
    for (const char* key : {schema::kMetaSchemaVersion, schema::kMetaIndexedAt, schema::kMetaIndexerRuns,
                            schema::kMetaLastRunSkipped})
      EXPECT_EQ(shard.get_metadata(key), combined.get_metadata(key)) << key << " in shard " << i;
  }
}

TEST_F(IndexerShards, EachShardRecordsTheFacetPositionsItUses) {
  index_into(sharded, archive, 3, false, /*part_documents=*/16);
  write_synthetic_jsonl(dir.path() / "archive" / "more.jsonl", corpus, 120, 160);
  index_into(sharded, archive, 3);
  for (unsigned i = 0; i < 3; ++i) {
    Xapian::Database shard(shard_path(i));
    FacetSlots slots = FacetSlots::of(shard);
    EXPECT_GT(slots.topic_positions, 0u);
    EXPECT_EQ(shard.get_metadata(schema::kMetaFacetPositions),
              std::to_string(slots.topic_positions) + " " + std::to_string(slots.spokesperson_positions))
        << "shard " << i;
  }
}

TEST_F(IndexerShards, UpdatesAndPrunedDeletionsGoToTheRightShard) {
  index_into(sharded, archive, 3);
  // 10 releases change, 20 leave the archive, 5 arrive.
  write_synthetic_jsonl(dir.path() / "archive" / "releases.jsonl", corpus, 0, 100,
                        [n = 0](SyntheticRelease& r) mutable {
                          if (n++ < 10) r.title += " revised";
                        });
  write_synthetic_jsonl(dir.path() / "archive" / "new.jsonl", corpus, 1000, 1005);
  IndexStats stats = index_into(sharded, archive, 0, /*prune=*/true);
  EXPECT_EQ(stats.replaced, 10u);
  EXPECT_EQ(stats.unchanged, 90u);
  EXPECT_EQ(stats.added, 5u);
  EXPECT_EQ(stats.deleted, 20u);
  Xapian::Database combined(sharded);
  EXPECT_EQ(combined.get_doccount(), 105u);
  for (unsigned i = 0; i < 3; ++i) {
    Xapian::Database shard(shard_path(i));
    for (auto it = shard.valuestream_begin(schema::kId); it != shard.valuestream_end(schema::kId); ++it)
      EXPECT_EQ(shard_for_id(*it, 3), i) << *it;
  }
  std::string revised_id = corpus.release(0).id;
  Xapian::PostingIterator p = combined.postlist_begin(std::string(schema::prefix::kId) + revised_id);
  ASSERT_NE(p, combined.postlist_end(std::string(schema::prefix::kId) + revised_id));
  EXPECT_NE(schema::release_from(combined.get_document(*p)).title.find("revised"), std::string::npos);
  EXPECT_EQ(combined.get_termfreq(std::string(schema::prefix::kId) + corpus.release(110).id), 0u);
}

TEST_F(IndexerShards, AnotherShardCountIsRefused) {
  index_into(sharded, archive, 2);
  index_into(single, archive, 0);
  EXPECT_THROW(index_into(sharded, archive, 3), IndexError);
  EXPECT_THROW(index_into(single, archive, 2), IndexError);
  EXPECT_EQ(index_into(sharded, archive, 2).unchanged, 120u);
  EXPECT_EQ(index_into(sharded, archive, 0).unchanged, 120u);
}

TEST_F(IndexerShards, CommandExitsTwoOnAnotherShardCount) {
  index_into(sharded, archive, 2);
  std::string cmd = std::string(PRESSROOM_INDEX_BIN) + " -q --shards 4 --db " + sharded + " " + archive + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  int status = pclose(pipe);
  EXPECT_EQ(WEXITSTATUS(status), 2) << out;
  EXPECT_NE(out.find("--rebuild"), std::string::npos) << out;
}

}  // namespace
}  // namespace pressroom::testing
