// Specification of common/suggester.h: completions for what is being typed.
#include "common/suggester.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/database_set.h"
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

TEST(Suggester, TitlesOfManyReleasesADayComeNewestFirstThenById) {
  TempDir dir;
  std::vector<Release> releases;
  for (int i = 0; i < 300; ++i) {  // three a day over a hundred days
    char date[40], id[40];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i / 3 / 28, 1 + i / 3 % 28);
    std::snprintf(id, sizeof id, "r%03d", 299 - i);
    releases.push_back(titled(id, date, "Heat warning"));
  }
  std::vector<std::string> expected;
  for (int i = 0; i < 20; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "r%03d", i);  // the newest day holds r000..r002, in id order
    expected.push_back(id);
  }
  std::string db = build(dir, releases);
  EXPECT_EQ(title_ids(suggest(Xapian::Database(db), "hea", 20)), expected);
}

std::string describe(const std::vector<Suggestion>& suggestions) {
  std::string text;
  for (const Suggestion& s : suggestions)
    text += s.kind + "|" + s.value + "|" + std::to_string(s.count) + "|" + s.id + "|" + s.date + "\n";
  return text;
}

TEST(Suggester, AnswersTheSameFromTheSharedIndexOfAState) {
  TempDir dir;
  std::vector<Release> releases;
  const char* titles[] = {"Family detention report", "Families detained", "Heat rules", "Harbour works",
                          "Detention standards", "Ruiz on heat"};
  for (int i = 0; i < 6; ++i) {
    Release r = titled("id" + std::to_string(i), "2020-0" + std::to_string(i + 1) + "-10", titles[i]);
    r.spokespeople = {i % 2 ? "Ana Ruiz" : "Rui Costa"};
    r.topics = {i % 3 ? "Detention" : "Heat"};
    releases.push_back(r);
  }
  Xapian::Database db(build(dir, releases));
  for (const char* typed : {"det", "family det", "ru", "ana ru", "h", "heat", "zzz"})
    EXPECT_EQ(describe(suggest(db, typed, 8, revision_key_of(db))), describe(suggest(db, typed, 8))) << typed;
  EXPECT_EQ(describe(suggest(db, "ru", 8, revision_key_of(db))),
            "spokesperson|Ana Ruiz|3||\nspokesperson|Rui Costa|3||\n"
            "title|Ruiz on heat|0|id5|2020-06-10\ntitle|Heat rules|0|id2|2020-03-10\n");
}

TEST(Suggester, SuggestsANewReleaseOnceTheIndexHasChanged) {
  TempDir dir;
  std::string path = build(dir, {titled("a", "2020-01-01", "Heat rules")});
  Xapian::Database db(path);
  EXPECT_EQ(title_ids(suggest(db, "hea", 8, revision_key_of(db))), (std::vector<std::string>{"a"}));
  {
    Xapian::WritableDatabase writable(path);
    Xapian::TermGenerator generator;
    Release r = titled("b", "2021-01-01", "Heatwave plan");
    ASSERT_EQ(normalize_and_validate(r), std::nullopt);
    writable.add_document(schema::document_for(r, generator));
    writable.commit();
  }
  db.reopen();
  EXPECT_EQ(title_ids(suggest(db, "hea", 8, revision_key_of(db))), (std::vector<std::string>{"b", "a"}));
}

// The index as a pressroom before schema version 6 wrote it: no title slot.
void drop_title_slots(const std::string& path) {
  Xapian::WritableDatabase db(path);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    doc.remove_value(schema::kTitle);
    db.replace_document(*it, doc);
  }
  db.commit();
}

std::vector<Release> titles_with_accents_and_punctuation() {
  std::vector<Release> releases;
  const char* titles[] = {"Family détention: report",     "FAMILY DETENTION, again",  "Family-detained fathers",
                          "Families detained",            "family (detention) rules", "Familia detenida en Texas",
                          "Family in detention overnight", "family’s detention letter", "Détente with the family",
                          "Family picnic notes",          "Family day"};
  for (int i = 0; i < 11; ++i) {
    char date[40];
    std::snprintf(date, sizeof date, "2021-%02d-03", i + 1);
    releases.push_back(titled("t" + std::to_string(i), date, titles[i]));
  }
  return releases;
}

TEST(Suggester, TitlesMatchAsTheirTermsDoWhateverTheirAccentsAndPunctuation) {
  TempDir dir;
  Xapian::Database db(build(dir, titles_with_accents_and_punctuation()));
  for (const char* typed : {"family det", "family de", "family detention", "famil det", "detention a", "family s", "the fam"})
    EXPECT_EQ(describe(suggest(db, typed, 10, revision_key_of(db))), describe(suggest(db, typed, 10))) << typed;
  EXPECT_EQ(title_ids(suggest(db, "family det", 10, revision_key_of(db))),
            (std::vector<std::string>{"t8", "t7", "t6", "t4", "t2", "t1", "t0"}));
}

TEST(Suggester, TitlesAreTheSameReadFromTheStoredReleaseOfAnOlderIndex) {
  TempDir with_slots, without_slots;
  Xapian::Database current(build(with_slots, titles_with_accents_and_punctuation()));
  std::string old_path = build(without_slots, titles_with_accents_and_punctuation());
  drop_title_slots(old_path);
  Xapian::Database old(old_path);
  for (const char* typed : {"family det", "fam", "detention a"})
    EXPECT_EQ(describe(suggest(old, typed, 10, revision_key_of(old))),
              describe(suggest(current, typed, 10, revision_key_of(current))))
        << typed;
}

TEST(Suggester, AnIndexWrittenBeforeTitleSlotsStillSuggestsTitles) {
  TempDir dir;
  std::string path = build(dir, {titled("a", "2020-01-01", "Heat rules"), titled("b", "2021-02-03", "Heat deaths")});
  drop_title_slots(path);
  Xapian::Database db(path);
  EXPECT_EQ(describe(suggest(db, "heat ru", 8, revision_key_of(db))), "title|Heat rules|0|a|2020-01-01\n");
  EXPECT_EQ(describe(suggest(db, "hea", 8, revision_key_of(db))),
            "title|Heat deaths|0|b|2021-02-03\ntitle|Heat rules|0|a|2020-01-01\n");
}


// A random archive: the shared index's answers are those of the query
// Xapian is asked without it, for one-, two- and three-word prefixes.
TEST(Suggester, AnswersOfTheSharedIndexAreThoseOfTheQueryOnARandomArchive) {
  const std::vector<std::string> vocabulary = {"harbour", "heat", "health", "hearing", "family", "families",
                                               "detention", "detained", "report", "rules", "ruiz", "water",
                                               "workers", "wages", "court", "council", "crisis"};
  std::mt19937 random(1123);
  std::vector<double> weights;
  for (size_t i = 0; i < vocabulary.size(); ++i) weights.push_back(1.0 / static_cast<double>(i % 5 + 1));
  std::discrete_distribution<size_t> pick_word(weights.begin(), weights.end());
  std::uniform_int_distribution<int> pick_length(1, 5), pick_day(0, 400);
  std::vector<Release> releases;
  for (int i = 0; i < 1500; ++i) {
    int day = pick_day(random);
    char date[40];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 19 + day / 336, 1 + day / 28 % 12, 1 + day % 28);
    std::string title;
    for (int w = pick_length(random); w > 0; --w) {
      if (!title.empty()) title.push_back(' ');
      title.append(vocabulary[pick_word(random)]);
    }
    releases.push_back(titled(std::string("r").append(std::to_string(i)), date, title));
  }
  TempDir dir;
  Xapian::Database db(build(dir, releases));
  for (const char* typed : {"h", "hea", "fam", "family det", "heat r", "court c", "water workers w", "crisis zz",
                            "zz", "report", "detention family h"})
    EXPECT_EQ(describe(suggest(db, typed, 8, revision_key_of(db))), describe(suggest(db, typed, 8))) << typed;
}

}  // namespace
}  // namespace pressroom
