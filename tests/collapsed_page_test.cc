// Specification of collapsed_page() (common/duplicate_groups.h): the page of
// results with each near-duplicate group once is the page Xapian's own
// collapse key gives, on one database and on shards, at any offset, also
// when copies outrank everything else and fill more than a page.
#include <gtest/gtest.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "common/duplicate_groups.h"
#include "common/facet_table.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using Ids = std::vector<std::string>;

class CollapsedPageTest : public ::testing::Test {
 protected:
  // 40 releases about harbour dredging; releases 0..14 are copies of one
  // group (and rank first: the word is in their titles too), 20..22 of another.
  void SetUp() override {
    for (int shard = 0; shard < 2; ++shard)
      writers_.emplace_back((dir_.path() / ("s" + std::to_string(shard))).string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    for (int i = 0; i < 40; ++i) {
      Release r;
      r.id = std::string("r").append(std::to_string(100 + i));
      r.date = std::string("2020-01-").append(i % 28 < 9 ? "0" : "").append(std::to_string(i % 28 + 1));
      r.type = "statement";
      r.title = i < 15 ? "Harbour dredging harbour" : std::string("Notice ").append(std::to_string(i));
      r.body = std::string("The harbour dredging work, part ").append(std::to_string(i % 7)).append(".");
      Xapian::Document doc = schema::document_for(r, generator);
      if (i < 15) schema::set_duplicate_group(doc, "r100");
      if (i >= 20 && i <= 22) schema::set_duplicate_group(doc, "r120");
      one_.add_document(doc);
      // Copies of a group live in one shard, as the indexer keeps them.
      int shard = i < 15 ? 0 : (i >= 20 && i <= 22) ? 1 : i % 2;
      writers_[shard].add_document(doc);
    }
    one_.commit();
    for (auto& w : writers_) w.commit();
  }

  static Ids ids_of(const ResultPage& page) {
    Ids ids;
    for (const Xapian::MSetIterator& hit : page.hits) ids.push_back(hit.get_document().get_value(schema::kId));
    return ids;
  }

  static Ids by_collapse_key(const Xapian::Database& db, Xapian::doccount offset, Xapian::doccount size) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("harbour"));
    collapse_duplicates(enquire);
    ResultPage page = whole_page(enquire.get_mset(offset, size, db.get_doccount()));
    return ids_of(page);
  }

  static Ids by_tables(const Xapian::Database& db, const std::vector<Xapian::Database>& parts, Xapian::doccount offset,
                       Xapian::doccount size) {
    std::vector<std::shared_ptr<const FacetTable>> tables;
    for (const Xapian::Database& part : parts) tables.push_back(std::make_shared<const FacetTable>(part));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("harbour"));
    // As Searcher::page() fetches with match spies attached: every match
    // first; then every one again only over shards.
    ResultPage page = collapsed_page(enquire, tables, offset, size, db.get_doccount(),
                                     parts.size() > 1 ? db.get_doccount() : 0);
    return ids_of(page);
  }

  testing::TempDir dir_;
  Xapian::WritableDatabase one_{(dir_.path() / "one").string(), Xapian::DB_CREATE};
  std::vector<Xapian::WritableDatabase> writers_;
};

TEST_F(CollapsedPageTest, OneDatabaseGivesThePagesOfXapiansCollapseKey) {
  Xapian::Database db((dir_.path() / "one").string());
  for (Xapian::doccount offset : {0u, 3u, 10u, 20u, 30u})
    for (Xapian::doccount size : {1u, 5u, 10u})
      EXPECT_EQ(by_tables(db, {db}, offset, size), by_collapse_key(db, offset, size)) << offset << "+" << size;
}

TEST_F(CollapsedPageTest, ShardsGiveThePagesOfXapiansCollapseKey) {
  Xapian::Database s0((dir_.path() / "s0").string()), s1((dir_.path() / "s1").string());
  Xapian::Database both = s0;
  both.add_database(s1);
  for (Xapian::doccount offset : {0u, 4u, 10u, 21u})
    for (Xapian::doccount size : {2u, 10u})
      EXPECT_EQ(by_tables(both, {s0, s1}, offset, size), by_collapse_key(both, offset, size)) << offset << "+" << size;
}

TEST_F(CollapsedPageTest, AGroupOfCopiesShowsOnceEvenWhenItFillsMoreThanAPage) {
  Xapian::Database db((dir_.path() / "one").string());
  Ids first = by_tables(db, {db}, 0, 10);
  ASSERT_EQ(first.size(), 10u);
  int copies = 0;
  for (const std::string& id : first) copies += id < "r115";
  EXPECT_EQ(copies, 1);
  EXPECT_EQ(by_tables(db, {db}, 0, 100).size(), 40u - 14u - 2u);
}

}  // namespace
}  // namespace pressroom
