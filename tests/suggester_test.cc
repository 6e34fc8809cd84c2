// Specification of common/suggester.h: completions for what is being typed.
#include "common/suggester.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/release_validation.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

Release titled(std::string id, std::string date, std::string title) {
  Release r;
  r.id = std::move(id);
  r.date = std::move(date);
  r.title = std::move(title);
  r.type = "statement";
  r.body = "Text of " + r.title;
  r.lang = "en";
  return r;
}

std::string build(const TempDir& dir, std::vector<Release> releases) {
  std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  for (Release& r : releases) {
    EXPECT_EQ(normalize_and_validate(r), std::nullopt) << r.id;
    db.add_document(schema::document_for(r, generator));
  }
  db.commit();
  return path;
}

std::vector<std::string> title_ids(const std::vector<Suggestion>& suggestions) {
  std::vector<std::string> ids;
  for (const Suggestion& s : suggestions)
    if (s.kind == "title") ids.push_back(s.id);
  return ids;
}

TEST(Suggester, TitlesComeNewestFirstWhateverTheOrderTheyWereIndexedIn) {
  TempDir dir;
  std::string db = build(dir, {titled("b", "2019-05-02", "Detention report"), titled("d", "2024-01-09", "Detainee letter"),
                               titled("a", "2013-07-01", "Detention statement"), titled("c", "2019-05-20", "Detained father"),
                               titled("e", "2024-01-09", "Detention again"), titled("f", "2020-02-02", "Unrelated words")});
  EXPECT_EQ(title_ids(suggest(Xapian::Database(db), "det", 10)), (std::vector<std::string>{"d", "e", "c", "b", "a"}));
}

TEST(Suggester, TitlesStopAtTheLimitWithTheNewest) {
  TempDir dir;
  std::string db = build(dir, {titled("old", "2014-03-03", "Heat rules"), titled("mid", "2018-03-03", "Heat deaths"),
                               titled("new", "2023-03-03", "Heat standard")});
  EXPECT_EQ(title_ids(suggest(Xapian::Database(db), "hea", 2)), (std::vector<std::string>{"new", "mid"}));
}

TEST(Suggester, TitlesFromManyMonthsApartComeNewestFirst) {
  TempDir dir;
  std::vector<Release> releases;
  std::vector<std::string> newest_first;
  for (int i = 0; i < 40; ++i) {  // one a quarter from 2010, among unrelated ones
    char date[40];
    std::snprintf(date, sizeof date, "%04d-%02d-15", 2010 + i / 4, 1 + 3 * (i % 4));
    std::string id = std::string("h").append(std::to_string(100 + i));
    releases.push_back(titled(id, date, "Harbour works"));
    releases.push_back(titled(std::string("u").append(std::to_string(i)), date, "Unrelated words"));
    newest_first.insert(newest_first.begin(), id);
  }
  newest_first.resize(25);
  EXPECT_EQ(title_ids(suggest(Xapian::Database(build(dir, releases)), "harb", 25)), newest_first);
}

TEST(Suggester, EarlierWordsMustMatchWhole) {
  TempDir dir;
  std::string db = build(dir, {titled("x", "2020-01-01", "Family detention returns"),
                               titled("y", "2021-01-01", "Families detained at night")});
  EXPECT_EQ(title_ids(suggest(Xapian::Database(db), "family det", 10)), (std::vector<std::string>{"x"}));
}

}  // namespace
}  // namespace pressroom
