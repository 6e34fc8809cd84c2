// Specification of common/suggestion_index.h: the vocabulary suggestions draw on.
#include "common/suggestion_index.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/database_set.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

std::string xs(const std::string& word) { return std::string(schema::prefix::kTitleWord) + word; }

// Title words with the given number of releases each: release k has every
// word with more than k releases.
void add_words(Xapian::WritableDatabase& db, const std::vector<std::pair<std::string, unsigned>>& words) {
  unsigned most = 0;
  for (const auto& w : words) most = std::max(most, w.second);
  for (unsigned k = 0; k < most; ++k) {
    Xapian::Document doc;
    for (const auto& [word, count] : words)
      if (count > k) doc.add_term(xs(word));
    db.add_document(doc);
  }
  db.commit();
}

// What a walk of every title word with the prefix finds (the suggester's way before the index).
std::vector<std::string> walked(const Xapian::Database& db, const std::string& prefix) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto t = db.allterms_begin(xs(prefix)); t != db.allterms_end(xs(prefix)); ++t)
    found.emplace_back(t.get_termfreq(), (*t).substr(schema::prefix::kTitleWord.size()));
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  if (found.size() > SuggestionIndex::kCompletions) found.resize(SuggestionIndex::kCompletions);
  std::vector<std::string> words;
  for (auto& f : found) words.push_back(f.second);
  return words;
}

std::vector<std::string> words(const std::vector<SuggestionIndex::Completion>& completions) {
  std::vector<std::string> out;
  for (const auto& c : completions) out.push_back(c.word);
  return out;
}

std::vector<std::string> terms(const std::vector<const SuggestionIndex::Name*>& names) {
  std::vector<std::string> out;
  for (const auto* n : names) out.push_back(n->term);
  return out;
}

TEST(SuggestionIndex, CompletionsOfEveryPrefixAreItsMostFrequentWordsTiesByWord) {
  // 4,096 words of 12 letters "a" and "b" (so that broad prefixes are kept
  // ready at several lengths), 1 to 7 releases each.
  std::vector<std::pair<std::string, unsigned>> vocabulary;
  for (unsigned n = 0; n < 4096; ++n) {
    std::string word;
    for (unsigned i = 0; i < 12; ++i) word.push_back((n >> i & 1) ? 'b' : 'a');
    vocabulary.emplace_back(word, 1 + (n * 2654435761u >> 7) % 7);
  }
  vocabulary.emplace_back("ab", 3);  // a word that is also a broad prefix
  TempDir dir;
  Xapian::WritableDatabase writable((dir.path() / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  add_words(writable, vocabulary);
  Xapian::Database db((dir.path() / "db").string());
  SuggestionIndex index(db);
  ASSERT_EQ(index.title_words(), 4097u);
  std::vector<std::string> prefixes = {"c", "abababababab", "abababababa", "ab"};
  for (unsigned length = 1; length <= 4; ++length)
    for (unsigned n = 0; n < (1u << length); ++n) {
      std::string prefix;
      for (unsigned i = 0; i < length; ++i) prefix.push_back((n >> i & 1) ? 'b' : 'a');
      prefixes.push_back(prefix);
    }
  for (const std::string& prefix : prefixes) {
    EXPECT_EQ(words(index.completions(prefix)), walked(db, prefix)) << prefix;
    EXPECT_EQ(words(SuggestionIndex(db, prefix).completions(prefix)), walked(db, prefix)) << prefix;
  }
}

TEST(SuggestionIndex, CompletionsCountTheReleasesOfEveryShard) {
  TempDir dir;
  Xapian::WritableDatabase one((dir.path() / "one").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::WritableDatabase two((dir.path() / "two").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  add_words(one, {{"harbour", 3}, {"harvest", 5}});
  add_words(two, {{"harbour", 3}});
  Xapian::Database both((dir.path() / "one").string());
  both.add_database(Xapian::Database((dir.path() / "two").string()));
  std::vector<SuggestionIndex::Completion> found = SuggestionIndex(both).completions("har");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].word, "harbour");
  EXPECT_EQ(found[0].count, 6u);
  EXPECT_EQ(found[1].word, "harvest");
}

TEST(SuggestionIndex, NamesMatchEveryTypedWordTheLastAsAPrefix) {
  TempDir dir;
  Xapian::WritableDatabase writable((dir.path() / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::Document doc;
  for (const char* term : {"Aana ruiz", "Aruth anders", "Bruins", "Banalysis"}) doc.add_boolean_term(term);
  writable.add_document(doc);
  writable.commit();
  SuggestionIndex index(Xapian::Database((dir.path() / "db").string()));
  EXPECT_EQ(terms(index.names_matching({"ru"})), (std::vector<std::string>{"Aana ruiz", "Aruth anders", "Bruins"}));
  EXPECT_EQ(terms(index.names_matching({"ana", "ru"})), (std::vector<std::string>{"Aana ruiz"}));
  EXPECT_EQ(terms(index.names_matching({"an", "ru"})), (std::vector<std::string>{}));  // earlier words whole
  EXPECT_EQ(terms(index.names_matching({"an"})),
            (std::vector<std::string>{"Aana ruiz", "Aruth anders", "Banalysis"}));  // spokespeople, then topics
}

void add_dates(const std::string& path, const std::vector<std::string>& dates) {
  Xapian::WritableDatabase writable(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (const std::string& date : dates) {
    Xapian::Document doc;
    std::string day(schema::prefix::kDay), month(schema::prefix::kMonth);
    doc.add_boolean_term(day.append(date));
    doc.add_boolean_term(month.append(date, 0, 6));
    writable.add_document(doc);
  }
  writable.commit();
}

TEST(SuggestionIndex, SpansReadForOneSuggestionAreMonths) {
  TempDir dir;
  add_dates((dir.path() / "db").string(), {"20240109", "20190502", "20240120"});
  SuggestionIndex index(Xapian::Database((dir.path() / "db").string()), "x");
  ASSERT_EQ(index.spans().size(), 2u);
  EXPECT_EQ(index.spans()[1].first, "20240101");
  EXPECT_EQ(index.spans()[1].last, "20240131");
  EXPECT_EQ(index.spans()[1].count, 2u);
}

TEST(SuggestionIndex, IsSharedForOneStateAndReadAgainAfterACommit) {
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  Xapian::WritableDatabase writable(path, Xapian::DB_CREATE_OR_OVERWRITE);
  add_words(writable, {{"harbour", 1}});
  Xapian::Database db(path);
  auto before = SuggestionIndex::for_revision(db, revision_key_of(db));
  EXPECT_EQ(before, SuggestionIndex::for_revision(db, revision_key_of(db)));
  EXPECT_EQ(words(before->completions("har")), (std::vector<std::string>{"harbour"}));

  add_words(writable, {{"harvest", 2}});
  db.reopen();
  auto after = SuggestionIndex::for_revision(db, revision_key_of(db));
  EXPECT_NE(before, after);
  EXPECT_EQ(words(after->completions("har")), (std::vector<std::string>{"harvest", "harbour"}));
}

}  // namespace
}  // namespace pressroom
