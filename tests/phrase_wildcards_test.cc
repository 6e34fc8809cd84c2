// Specification of common/phrase_wildcards.h: which quoted words are
// wildcards, how they are handed to the parser, and what a pattern stands
// for. Phrases with wildcards are searched in tests/query_builder_test.cc.
#include "common/phrase_wildcards.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "tests/fixtures.h"

namespace pressroom {
namespace {

using Words = std::vector<std::string>;

TEST(QuotedWildcards, MarkTheWordsEndingInAStarInsideQuotes) {
  QuotedWildcards w("\"famil* detention\" polic* \"port of entr*\"");
  EXPECT_EQ(w.patterns(), (Words{"famil", "entr"}));
  EXPECT_EQ(w.text(), "\"0pwc00 detention\" polic* \"port of 0pwc10\"");
}

TEST(QuotedWildcards, LeaveAQueryWithoutThemAsItIs) {
  QuotedWildcards w("polic* \"family detention\" AND (x OR y)");
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(w.text(), "polic* \"family detention\" AND (x OR y)");
}

TEST(QuotedWildcards, AreLowerCased) {
  QuotedWildcards w("\"Famil* a\" \"famil* b\"");
  EXPECT_EQ(w.patterns(), (Words{"famil", "famil"}));
  EXPECT_EQ(w.text(), "\"0pwc00 a\" \"0pwc10 b\"");
}

TEST(QuotedWildcards, CountCurlyQuotesAndFieldPhrases) {
  EXPECT_EQ(QuotedWildcards("\u201cfamil* detention\u201d").patterns(), (Words{"famil"}));
  QuotedWildcards field("location:\"el pas*\"");
  EXPECT_EQ(field.patterns(), (Words{"pas"}));
  EXPECT_EQ(field.text(), "location:\"el 0pwc00\"");
}

TEST(QuotedWildcards, IgnoreAStarThatEndsNoWord) {
  EXPECT_TRUE(QuotedWildcards("\"* detention\" \"a *\"").empty());
}

TEST(QuotedWildcards, GiveAMarkerBackAsItsPattern) {
  QuotedWildcards w("\"famil* detention\"");
  EXPECT_EQ(w.pattern_of("0pwc00"), "famil*");
  EXPECT_EQ(w.pattern_of("detent"), "detent");
  EXPECT_EQ(w.pattern_of("0pwc10"), "0pwc10");  // no such marker
}

TEST(QuotedWildcards, MarkersSurviveEveryStemmer) {
  for (const char* language : {"english", "spanish"}) {
    Xapian::Stem stem(language);
    for (const char* marker : {"0pwc00", "0pwc10", "0pwc120"}) EXPECT_EQ(stem(marker), marker) << language;
  }
}

TEST(MostFrequentTerms, KeepsTheMostFrequentInAlphabeticalOrder) {
  testing::TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    // famila in 1 release, familb in 3, familc in 2; another word in all.
    for (int i = 0; i < 3; ++i) {
      Xapian::Document d;
      d.add_term("other");
      d.add_term("familb");
      if (i == 0) d.add_term("famila");
      if (i < 2) d.add_term("familc");
      db.add_document(d);
    }
    db.commit();
  }
  Xapian::Database db(path);
  EXPECT_EQ(most_frequent_terms(db, "famil", 2), (Words{"familb", "familc"}));
  EXPECT_EQ(most_frequent_terms(db, "famil", 10), (Words{"famila", "familb", "familc"}));
  EXPECT_EQ(most_frequent_terms(db, "zz", 10), Words{});
}

}  // namespace
}  // namespace pressroom
