// Specification of common/phrase_wildcards.h: which quoted words are
// wildcards, and what a pattern stands for. Phrases with wildcards are
// searched in tests/query_builder_test.cc.
#include "common/phrase_wildcards.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "tests/fixtures.h"

namespace pressroom {
namespace {

using Words = std::vector<std::string>;

TEST(QuotedWildcards, AreTheWordsEndingInAStarInsideQuotes) {
  EXPECT_EQ(quoted_wildcards("\"famil* detention\" polic* \"port of entr*\""), (Words{"famil", "entr"}));
  EXPECT_EQ(quoted_wildcards("polic* \"family detention\""), Words{});
}

TEST(QuotedWildcards, AreLowerCasedAndListedOnce) {
  EXPECT_EQ(quoted_wildcards("\"Famil* a\" \"famil* b\""), (Words{"famil"}));
}

TEST(QuotedWildcards, CountCurlyQuotesAndFieldPhrases) {
  EXPECT_EQ(quoted_wildcards("\u201cfamil* detention\u201d"), (Words{"famil"}));
  EXPECT_EQ(quoted_wildcards("location:\"el pas*\""), (Words{"pas"}));
}

TEST(QuotedWildcards, IgnoreAStarThatEndsNoWord) {
  EXPECT_EQ(quoted_wildcards("\"* detention\" \"a *\""), Words{});
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
