#include "common/pair_filter_table.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

Xapian::Document with_filter(const std::string& filter) {
  Xapian::Document doc;
  if (!filter.empty()) doc.add_value(schema::kPairFilter, filter);
  return doc;
}

TEST(PairFilterTable, GivesEachReleaseItsFilterAndNothingToOneWithout) {
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    db.add_document(with_filter("ab"));
    db.add_document(with_filter(""));
    db.add_document(with_filter(std::string("\0\x01\xff", 3)));
    db.commit();
  }
  auto table = PairFilterTable::of(Xapian::Database(path));
  ASSERT_TRUE(table);
  EXPECT_EQ(table->filter(1), "ab");
  EXPECT_EQ(table->filter(2), "");
  EXPECT_EQ(table->filter(3), std::string("\0\x01\xff", 3));
  EXPECT_EQ(table->filter(4), "");  // past the last release
  EXPECT_EQ(table->filter(0), "");
}

TEST(PairFilterTable, IsReadAgainOnceTheDatabaseChanges) {
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
  writer.add_document(with_filter("old"));
  writer.commit();
  Xapian::Database reader(path);
  auto before = PairFilterTable::of(reader);
  EXPECT_EQ(PairFilterTable::of(reader), before);  // the same state: the same table
  writer.replace_document(1, with_filter("new"));
  writer.add_document(with_filter("added"));
  writer.commit();
  reader.reopen();
  auto after = PairFilterTable::of(reader);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->filter(1), "new");
  EXPECT_EQ(after->filter(2), "added");
  EXPECT_EQ(before->filter(1), "old");  // a search still holding it reads its own state
}

TEST(PairFilterTable, AHandleOverSeveralDatabasesHasNoTable) {
  TempDir dir;
  for (const char* name : {"a", "b"}) {
    Xapian::WritableDatabase db((dir.path() / name).string(), Xapian::DB_CREATE);
    db.add_document(with_filter("x"));
    db.commit();
  }
  Xapian::Database both((dir.path() / "a").string());
  both.add_database(Xapian::Database((dir.path() / "b").string()));
  EXPECT_EQ(PairFilterTable::of(both), nullptr);
}

// A database of one release whose filter is `filter`, at `path`.
std::string one_release_database(const TempDir& dir, const std::string& name, const std::string& filter) {
  std::string path = (dir.path() / name).string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
  db.add_document(with_filter(filter));
  db.commit();
  return path;
}

using Clock = PairFilterTables::Clock;

TEST(PairFilterTables, KeepTablesInUseLatelyWhateverTheirTotal) {
  TempDir dir;
  PairFilterTables tables(/*kept_bytes=*/1, std::chrono::seconds(60));
  Clock::time_point t0{};
  auto a = tables.table_of(Xapian::Database(one_release_database(dir, "a", "aaaa")), t0);
  tables.table_of(Xapian::Database(one_release_database(dir, "b", "bbbb")), t0 + std::chrono::seconds(59));
  EXPECT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables.table_of(Xapian::Database((dir.path() / "a").string()), t0 + std::chrono::seconds(59)), a);
}

TEST(PairFilterTables, DropATableIdleLongerThanAllowedOncePastTheirBytes) {
  TempDir dir;
  PairFilterTables tables(/*kept_bytes=*/1, std::chrono::seconds(60));
  Clock::time_point t0{};
  std::string a_path = one_release_database(dir, "a", "aaaa");
  auto a = tables.table_of(Xapian::Database(a_path), t0);
  tables.table_of(Xapian::Database(one_release_database(dir, "b", "bbbb")), t0 + std::chrono::seconds(61));
  EXPECT_EQ(tables.size(), 1u);
  auto again = tables.table_of(Xapian::Database(a_path), t0 + std::chrono::seconds(62));
  EXPECT_NE(again, a);  // read anew
  EXPECT_EQ(again->filter(1), "aaaa");
}

TEST(PairFilterTables, KeepIdleTablesWhileUnderTheirBytes) {
  TempDir dir;
  PairFilterTables tables(/*kept_bytes=*/1 << 20, std::chrono::seconds(60));
  Clock::time_point t0{};
  tables.table_of(Xapian::Database(one_release_database(dir, "a", "aaaa")), t0);
  tables.table_of(Xapian::Database(one_release_database(dir, "b", "bbbb")), t0 + std::chrono::hours(1));
  EXPECT_EQ(tables.size(), 2u);
}

TEST(PairFilterTables, ReadATableOnceForSearchesAskingAtTheSameTime) {
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (int i = 0; i < 20000; ++i) db.add_document(with_filter(std::string(40, static_cast<char>(i))));
    db.commit();
  }
  for (int round = 0; round < 5; ++round) {
    PairFilterTables tables;
    std::vector<std::shared_ptr<const PairFilterTable>> seen(4);
    std::latch start(static_cast<std::ptrdiff_t>(seen.size()));
    std::vector<std::thread> searches;
    for (auto& table : seen)
      searches.emplace_back([&] {
        Xapian::Database db(path);
        start.arrive_and_wait();  // all ask at once, while the first is reading
        table = tables.table_of(db, Clock::now());
      });
    for (std::thread& search : searches) search.join();
    for (const auto& table : seen) EXPECT_EQ(table, seen.front()) << "round " << round;
    EXPECT_EQ(tables.size(), 1u);
  }
}

}  // namespace
}  // namespace pressroom
