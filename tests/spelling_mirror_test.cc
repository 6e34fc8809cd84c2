// Specification of common/spelling_mirror.h: every database the indexer
// writes mirrors its spelling table in its metadata, whatever the layout and
// the kind of run; a searcher's local copy of the mirrors suggests as the
// spelling tables themselves and is shared and removed as it should be.
#include "common/spelling_mirror.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/synthetic_corpus.h"
#include "common/schema.h"
#include "common/sharding.h"
#include "indexer/indexer.h"
#include "indexer/shard_writer.h"
#include "tests/fixtures.h"
#include "tests/support/synthetic_archive.h"

namespace pressroom::testing {
namespace {

namespace fs = std::filesystem;

// "word=frequency ..." of a spelling table as Xapian lists it.
std::string table_of(const Xapian::Database& db) {
  std::string out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    out += *it + "=" + std::to_string(it.get_termfreq()) + " ";
  return out;
}

// The same, read from the database's mirror; "(no mirror)" or "(broken)".
std::string mirror_of(const Xapian::Database& db) {
  std::string head = db.get_metadata(schema::kMetaSpelling);
  auto chunks = schema::spelling_mirror_chunks(head);
  if (!chunks) return "(no mirror)";
  std::vector<std::string> values;
  for (size_t i = 0; i < *chunks; ++i) values.push_back(db.get_metadata(schema::spelling_chunk_key(i)));
  auto words = schema::decode_spelling_mirror(head, values);
  if (!words) return "(broken)";
  std::string out;
  for (const schema::SpellingEntry& w : *words) out += w.word + "=" + std::to_string(w.frequency) + " ";
  return out;
}

void add_words(Xapian::WritableDatabase& db, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    char word[32];
    std::snprintf(word, sizeof word, "palabra%08zu", i);
    db.add_spelling(word, 1 + static_cast<Xapian::termcount>(i % 3));
  }
}

// ----------------------------------------------------------- write_spelling_mirror

TEST(WriteSpellingMirror, TheMirrorIsTheSpellingTableWithTheChangesNotYetCommitted) {
  TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  db.add_spelling("detention", 4);
  db.add_spelling("asylum", 2);
  db.commit();
  db.add_spelling("dilley");
  EXPECT_TRUE(write_spelling_mirror(db));
  db.commit();
  EXPECT_EQ(mirror_of(db), "asylum=2 detention=4 dilley=1 ");
  EXPECT_EQ(mirror_of(db), table_of(db));
}

TEST(WriteSpellingMirror, AMirrorThatIsCurrentIsNotWrittenAgain) {
  TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  db.add_spelling("detention", 4);
  write_spelling_mirror(db);
  db.commit();
  Xapian::rev revision = db.get_revision();
  EXPECT_FALSE(write_spelling_mirror(db));
  db.commit();
  EXPECT_EQ(db.get_revision(), revision) << "an unchanged table made a commit";
}

TEST(WriteSpellingMirror, AnEmptyTableHasAnEmptyMirror) {
  TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  EXPECT_TRUE(write_spelling_mirror(db));
  db.commit();
  EXPECT_EQ(mirror_of(db), "");
}

TEST(WriteSpellingMirror, AShrunkTableDeletesTheChunksItNoLongerNeeds) {
  TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  add_words(db, 70000);  // ≈ 1.3 MB: two chunks
  write_spelling_mirror(db);
  db.commit();
  ASSERT_EQ(schema::spelling_mirror_chunks(db.get_metadata(schema::kMetaSpelling)), 2u);
  for (size_t i = 10; i < 70000; ++i) {
    char word[32];
    std::snprintf(word, sizeof word, "palabra%08zu", i);
    db.remove_spelling(word, 10);
  }
  write_spelling_mirror(db);
  db.commit();
  EXPECT_EQ(schema::spelling_mirror_chunks(db.get_metadata(schema::kMetaSpelling)), 1u);
  EXPECT_EQ(db.get_metadata(schema::spelling_chunk_key(1)), "");
  EXPECT_EQ(mirror_of(db), table_of(db));
}

// ------------------------------------------------------- the indexer keeps it

class IndexerSpellingMirror : public ::testing::Test {
 protected:
  void SetUp() override { write_synthetic_jsonl(archive / "releases.jsonl", corpus, 0, 60); }

  IndexStats run(unsigned shards = 0, bool rebuild = false, uint64_t part_documents = 10000) {
    IndexOptions options;
    options.db_path = db.string();
    options.paths = {archive.string()};
    options.shards = shards;
    options.rebuild = rebuild;
    options.part_documents = part_documents;
    options.threads = 2;
    return run_index(options);
  }
  void expect_every_shard_mirrored(unsigned shards) {
    for (unsigned i = 0; i < shards; ++i) {
      Xapian::Database shard(shards == 1 ? db.string() : (db / shard_name(i)).string());
      EXPECT_NE(table_of(shard), "") << "shard " << i << " has no spelling words to compare";
      EXPECT_EQ(mirror_of(shard), table_of(shard)) << "shard " << i;
    }
  }

  TempDir dir;
  SyntheticCorpus corpus{11};
  fs::path archive = dir.path() / "archive";
  fs::path db = dir.path() / "index.db";
};

TEST_F(IndexerSpellingMirror, ANewDatabaseBuiltInPartsMirrorsTheMergedTable) {
  run(1, false, /*part_documents=*/7);
  expect_every_shard_mirrored(1);
}

TEST_F(IndexerSpellingMirror, AnInPlaceUpdateMirrorsTheUpdatedTable) {
  run();
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 60, 90);
  IndexStats stats = run();
  ASSERT_EQ(stats.added, 30u);
  expect_every_shard_mirrored(1);
}

TEST(ShardWriterSpellingMirror, EveryCommitOfAnUpdatingWriterCarriesTheMirror) {
  // An in-place update commits every --commit-every documents: a reader
  // between two of them sees a mirror of the table it sees.
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase(path, Xapian::DB_CREATE).commit();
  auto writer = ShardWriter::updating(Xapian::WritableDatabase(path, Xapian::DB_OPEN), 16);
  writer->add_spellings({{"detention", 3}, {"dilley", 1}});
  writer->commit();
  auto uncommitted = writer->finish_uncommitted();  // waits for the commit above
  Xapian::Database reader(path);
  EXPECT_EQ(table_of(reader), "detention=3 dilley=1 ");
  EXPECT_EQ(mirror_of(reader), table_of(reader));
}

TEST_F(IndexerSpellingMirror, EachShardMirrorsItsOwnTable) {
  run(3);
  expect_every_shard_mirrored(3);
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 60, 90);
  run(3);
  expect_every_shard_mirrored(3);
}

TEST_F(IndexerSpellingMirror, ARebuildMirrorsTheNewBuild) {
  run(2);
  write_synthetic_jsonl(archive / "more.jsonl", corpus, 60, 90);
  run(3, /*rebuild=*/true, /*part_documents=*/9);
  ASSERT_TRUE(fs::is_symlink(db));
  expect_every_shard_mirrored(3);
}

TEST_F(IndexerSpellingMirror, APrunedArchiveMirrorsTheSmallerTable) {
  run();
  write_synthetic_jsonl(archive / "releases.jsonl", corpus, 0, 20);
  IndexOptions options;
  options.db_path = db.string();
  options.paths = {archive.string()};
  options.prune = true;
  ASSERT_EQ(run_index(options).deleted, 40u);
  expect_every_shard_mirrored(1);
}

// ---------------------------------------------------------------- RemoteSpellings

// Local shards stand for remote ones: RemoteSpellings reads only metadata.
class RemoteSpellingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_synthetic_jsonl(dir.path() / "archive" / "releases.jsonl", corpus, 0, 80);
    IndexOptions options;
    options.db_path = sharded;
    options.paths = {(dir.path() / "archive").string()};
    options.shards = 3;
    run_index(options);
    for (unsigned i = 0; i < 3; ++i) shards.emplace_back((fs::path(sharded) / shard_name(i)).string());
  }

  TempDir dir;
  SyntheticCorpus corpus{3};
  std::string sharded = (dir.path() / "sharded").string();
  std::vector<Xapian::Database> shards;
};

TEST_F(RemoteSpellingsTest, TheCopySuggestsAsTheShardsSpellingTables) {
  auto copy = RemoteSpellings::of(shards);
  ASSERT_TRUE(copy);
  Xapian::Database from_copy = copy->open();
  Xapian::Database combined(sharded);
  EXPECT_EQ(table_of(from_copy), table_of(combined));
  int compared = 0;
  for (auto it = combined.spellings_begin(); it != combined.spellings_end(); ++it) {
    std::string word = *it;
    if (word.size() < 5) continue;
    std::string typo = word.substr(0, 2) + word.substr(3);
    EXPECT_EQ(from_copy.get_spelling_suggestion(typo), combined.get_spelling_suggestion(typo)) << typo;
    ++compared;
  }
  EXPECT_GT(compared, 50);
}

TEST_F(RemoteSpellingsTest, OneCopyIsSharedWhileItIsUsed) {
  auto first = RemoteSpellings::of(shards);
  auto second = RemoteSpellings::of(shards);
  ASSERT_TRUE(first);
  EXPECT_EQ(first.get(), second.get());
}

TEST_F(RemoteSpellingsTest, TheCopyIsRemovedWithItsLastUser) {
  auto copy = RemoteSpellings::of(shards);
  ASSERT_TRUE(copy);
  std::string folder = copy->folder();
  ASSERT_TRUE(fs::exists(folder));
  copy.reset();
  EXPECT_FALSE(fs::exists(folder));
}

TEST_F(RemoteSpellingsTest, AChangedMirrorGivesANewCopy) {
  auto before = RemoteSpellings::of(shards);
  {
    Xapian::WritableDatabase shard((fs::path(sharded) / shard_name(1)).string(), Xapian::DB_OPEN);
    shard.add_spelling("zanjón", 2);
    write_spelling_mirror(shard);
    shard.commit();
  }
  for (Xapian::Database& shard : shards) shard.reopen();
  auto after = RemoteSpellings::of(shards);
  ASSERT_TRUE(before && after);
  EXPECT_NE(before->folder(), after->folder());
  EXPECT_EQ(after->open().get_spelling_suggestion("zanjon"), "zanjón");
  EXPECT_EQ(before->open().get_spelling_suggestion("zanjon"), "");
}

TEST_F(RemoteSpellingsTest, AShardWithoutAMirrorGivesNoCopy) {
  {
    Xapian::WritableDatabase shard((fs::path(sharded) / shard_name(2)).string(), Xapian::DB_OPEN);
    shard.set_metadata(schema::kMetaSpelling, "");  // as an index written before mirrors
    shard.commit();
  }
  for (Xapian::Database& shard : shards) shard.reopen();
  EXPECT_EQ(RemoteSpellings::of(shards), nullptr);
}

}  // namespace
}  // namespace pressroom::testing
