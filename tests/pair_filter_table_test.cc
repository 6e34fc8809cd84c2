#include "common/pair_filter_table.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

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

}  // namespace
}  // namespace pressroom
