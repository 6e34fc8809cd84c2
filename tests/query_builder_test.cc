// Specification of common/query_builder.h: the query syntax users type, the
// facet and date filters, run against a small index built in a temp dir.
#include "common/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/document_settling.h"
#include "common/errors.h"
#include "common/release_validation.h"
#include "common/schema.h"
#include "common/word_sequence.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;
using Ids = std::set<std::string>;

Release make(std::string id, std::string date, std::string type, std::vector<std::string> topics,
             std::vector<std::string> people, std::string title, std::string body, std::string lang = "en") {
  Release r;
  r.id = std::move(id);
  r.date = std::move(date);
  r.type = std::move(type);
  r.topics = std::move(topics);
  r.spokespeople = std::move(people);
  r.title = std::move(title);
  r.body = std::move(body);
  r.lang = std::move(lang);
  return r;
}

std::vector<Release> archive() {
  return {
      make("d1", "2019-02-11", "press-release", {"Family Detention"}, {"Ana Ruiz"},
           "Family detention at Dilley", "Mothers and children remain in family detention at Dilley."),
      make("d2", "2020-03-15", "statement", {"Family Detention", "Asylum"}, {"Lucía Fernández"},
           "Detention of families ends", "The family was released from detention after weeks."),
      make("d3", "2021-08-09", "press-release", {"Asylum", "Border Enforcement"}, {"Marcus Bell"},
           "Asylum seekers at the border", "Asylum seekers wait at the border for hearings."),
      make("d4", "2018-06-20", "report", {"Asylum", "Due Process"}, {"Marcus Bell", "Lucía Fernández"},
           "Asylum hearings without lawyers", "Courts hold asylum hearings without lawyers."),
      make("d5", "2020-11-30", "op-ed", {"Labor Rights"}, {"Ana Ruiz"},
           "Heat and farmworkers", "Farmworkers need water and shade at the border crossing."),
      make("d6", "2023-05-11", "statement", {"Asilo"}, {"Lucía Fernández"}, "Declaración sobre el asilo",
           "La detención de familias solicitantes de asilo debe terminar.", "es"),
  };
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    path_ = (dir_->path() / "db").string();
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    for (Release r : archive()) {
      ASSERT_EQ(normalize_and_validate(r), std::nullopt) << r.id;
      db.add_document(schema::document_for(r, generator));
    }
    db.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override { db_ = Xapian::Database(path_); }

  BuiltQuery build(const SearchRequest& request) { return QueryBuilder(db_).build(request); }

  BuiltQuery build(const std::string& q) {
    SearchRequest request;
    request.q = q;
    return build(request);
  }

  Ids run(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
    Ids ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(it.get_document().get_value(schema::kId));
    return ids;
  }

  Ids search(const std::string& q) { return run(build(q).query); }
  Ids search(const SearchRequest& request) { return run(build(request).query); }

  static std::string show(const Ids& ids) {
    std::string out = "{";
    for (const std::string& id : ids) out += " " + id;
    return out + " }";
  }

  static TempDir* dir_;
  static std::string path_;
  Xapian::Database db_;
};

TempDir* QueryBuilderTest::dir_ = nullptr;
std::string QueryBuilderTest::path_;

// --------------------------------------------------------------------- words

TEST_F(QueryBuilderTest, WordsAreAndedByDefault) {
  EXPECT_EQ(search("family detention"), (Ids{"d1", "d2"}));
}

TEST_F(QueryBuilderTest, WordsMatchTheirStemmedForms) {
  EXPECT_EQ(search("waiting"), (Ids{"d3"}));  // the text says "wait"
  EXPECT_EQ(search("lawyer"), (Ids{"d4"}));   // the text says "lawyers"
}

TEST_F(QueryBuilderTest, QuotedPhraseMatchesOnlyAdjacentWords) {
  EXPECT_EQ(search("\"family detention\""), (Ids{"d1"}));
}

TEST_F(QueryBuilderTest, AWildcardInsideQuotesStandsForTheWordsItBegins) {
  EXPECT_EQ(search("\"famil* detention\""), (Ids{"d1"}));
  EXPECT_EQ(search("\"detention of famil*\""), (Ids{"d2"}));  // "families"
  EXPECT_EQ(search("\"asylum hear*\""), (Ids{"d4"}));
  EXPECT_EQ(search("\"asylum s*\""), (Ids{"d3"}));  // many words begin with s: "seekers"
  EXPECT_EQ(search("\"detention famil*\""), Ids{});           // still in order, side by side
  EXPECT_EQ(search("\"zzq* detention\""), Ids{});             // a pattern no word begins with
  EXPECT_EQ(search("\"asylum seekers*\""), Ids{});            // nor this: the index holds "seeker"
  EXPECT_EQ(search("\"famil*\""), (Ids{"d1", "d2", "d6"}));    // one word in quotes ("familias" too)
  EXPECT_EQ(search("\"detencion de famil*\""), (Ids{"d6"}));   // read in Spanish too
}

TEST(QueryBuilderWildcards, AQuotedWildcardLeavesWordsTypedWithoutAStarAlone) {
  // "police" and the pattern "polic" share a stem: the phrase typed without a
  // star must still not find "policy".
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    for (Release r : {make("police", "2020-01-01", "statement", {}, {}, "Police brutality", "Police brutality."),
                      make("policy", "2020-01-02", "statement", {}, {}, "Policy brutality", "Policy brutality.")}) {
      ASSERT_EQ(normalize_and_validate(r), std::nullopt) << r.id;
      db.add_document(schema::document_for(r, generator));
    }
    db.commit();
  }
  Xapian::Database db(path);
  SearchRequest request;
  request.q = "\"polic* brutality\" \"police brutality\"";
  Xapian::Enquire enquire(db);
  enquire.set_query(QueryBuilder(db).build(request).query);
  Xapian::MSet mset = enquire.get_mset(0, 10);
  Ids ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(it.get_document().get_value(schema::kId));
  EXPECT_EQ(ids, (Ids{"police"}));
}

TEST_F(QueryBuilderTest, TheWordsAQuotedWildcardStandsForAreHighlighted) {
  std::vector<std::string> marked = build("\"famil* detention\"").highlight_terms;
  EXPECT_NE(std::find(marked.begin(), marked.end(), "famili"), marked.end());
}

TEST(QueryBuilderWordSequences, AWildcardInsideQuotesStandsForTheWordsItBegins) {
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::TermGenerator generator;
    std::vector<Xapian::Document> documents;
    for (Release r : archive()) {
      ASSERT_EQ(normalize_and_validate(r), std::nullopt) << r.id;
      documents.push_back(schema::document_for(r, generator));
    }
    std::vector<const Xapian::Document*> sample;
    for (const Xapian::Document& d : documents) sample.push_back(&d);
    WordVocabulary vocabulary = WordVocabulary::learn(sample);
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (Xapian::Document& d : documents) {
      settle(d, nullptr, &vocabulary);
      db.add_document(d);
    }
    std::string stored = vocabulary.encode();
    db.set_metadata(schema::kMetaWordSequences, stored);
    db.set_metadata(schema::kMetaWordSequencesId, schema::word_sequences_id(stored));
    db.commit();
  }
  Xapian::Database db(path);
  auto search = [&](const std::string& q) {
    SearchRequest request;
    request.q = q;
    Xapian::Enquire enquire(db);
    enquire.set_query(QueryBuilder(db, nullptr, nullptr, true).build(request).query);
    Ids ids;
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(it.get_document().get_value(schema::kId));
    return ids;
  };
  EXPECT_EQ(search("\"famil* detention\""), (Ids{"d1"}));
  EXPECT_EQ(search("\"asylum s*\""), (Ids{"d3"}));
  EXPECT_EQ(search("\"detention famil*\""), Ids{});
}

TEST_F(QueryBuilderTest, AccentsAndCaseInTheQueryAreIgnored) {
  EXPECT_EQ(search("detención"), (Ids{"d6"}));
  EXPECT_EQ(search("DETENCION"), (Ids{"d6"}));
  EXPECT_EQ(search("Declaracion"), (Ids{"d6"}));
}

TEST_F(QueryBuilderTest, AndRequiresBothWords) {
  EXPECT_EQ(search("asylum AND border"), (Ids{"d3"}));
}

TEST_F(QueryBuilderTest, OrAcceptsEitherWord) {
  EXPECT_EQ(search("asylum OR border"), (Ids{"d3", "d4", "d5"}));
}

TEST_F(QueryBuilderTest, NotExcludesAWord) {
  EXPECT_EQ(search("asylum NOT border"), (Ids{"d4"}));
}

TEST_F(QueryBuilderTest, MinusExcludesAWord) {
  EXPECT_EQ(search("asylum -border"), (Ids{"d4"}));
}

TEST_F(QueryBuilderTest, EveryFormOfExclusionExcludes) {
  // "border" stems differently in English and Spanish: an exclusion must hold
  // whichever language's reading of the query a release meets.
  for (const std::string q : {"asylum AND NOT border", "(asylum NOT border)", "asylum -\"seekers wait\"",
                              "asylum NOT title:border", "+asylum -border", "asylum NOT (border OR heat)"})
    EXPECT_EQ(search(q), (Ids{"d4"})) << q;
}

TEST_F(QueryBuilderTest, PureNotFindsEverythingElse) {
  EXPECT_EQ(search("NOT asylum"), (Ids{"d1", "d2", "d5", "d6"}));
}

TEST_F(QueryBuilderTest, TrailingWildcardExpands) {
  EXPECT_EQ(search("farmwork*"), (Ids{"d5"}));
}

TEST(QueryBuilderWildcards, MarksTheFrequentWordsOfAPatternWithThousands) {
  // 2,100 rare words come before "wazzz" in the alphabet; the parser keeps
  // the most frequent expansions, so "wazzz" is what wa* finds releases by.
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    std::string rare;
    for (int i = 0; i < 2100; ++i) rare += " wa" + std::to_string(10000 + i);
    std::vector<Release> releases = {make("rare", "2020-01-01", "statement", {}, {}, "Rare words", rare)};
    for (int i = 0; i < 3; ++i)
      releases.push_back(make("often" + std::to_string(i), "2020-01-02", "statement", {}, {}, "Often", "wazzz here"));
    for (Release r : releases) {
      ASSERT_EQ(normalize_and_validate(r), std::nullopt) << r.id;
      db.add_document(schema::document_for(r, generator));
    }
    db.commit();
  }
  SearchRequest request;
  request.q = "wa*";
  BuiltQuery built = QueryBuilder(Xapian::Database(path)).build(request);
  std::set<std::string> marked(built.highlight_terms.begin(), built.highlight_terms.end());
  EXPECT_TRUE(marked.count("wazzz")) << marked.size() << " words marked";
}

TEST_F(QueryBuilderTest, TitlePrefixSearchesOnlyTitles) {
  EXPECT_EQ(search("border"), (Ids{"d3", "d5"}));
  EXPECT_EQ(search("title:border"), (Ids{"d3"}));
}

// ------------------------------------------------------------- boolean fields

TEST_F(QueryBuilderTest, TopicFieldMatchesWhateverTheCaseAndAccents) {
  for (const std::string q : {"topic:\"Family Detention\"", "topic:\"family detention\"",
                              "topic:\"FAMILY DETENTION\"", "topic:\"Family Detentión\""})
    EXPECT_EQ(search(q), (Ids{"d1", "d2"})) << q;
}

TEST_F(QueryBuilderTest, TopicFieldMatchesASingleWordTopicWithoutQuotes) {
  EXPECT_EQ(search("topic:asylum"), (Ids{"d2", "d3", "d4"}));
}

TEST_F(QueryBuilderTest, SpokespersonWithoutAccentsMatchesTheAccentedName) {
  EXPECT_EQ(search("spokesperson:\"Lucía Fernández\""), (Ids{"d2", "d4", "d6"}));
  EXPECT_EQ(search("spokesperson:\"lucia fernandez\""), (Ids{"d2", "d4", "d6"}));
}

TEST_F(QueryBuilderTest, TypeFieldSelectsAReleaseType) {
  EXPECT_EQ(search("type:statement"), (Ids{"d2", "d6"}));
  EXPECT_EQ(search("type:Press-Release"), (Ids{"d1", "d3"}));
}

TEST_F(QueryBuilderTest, LangFieldSelectsALanguage) {
  EXPECT_EQ(search("lang:es"), (Ids{"d6"}));
}

TEST_F(QueryBuilderTest, BooleanFieldsCombineWithWords) {
  EXPECT_EQ(search("asylum spokesperson:\"Marcus Bell\""), (Ids{"d3", "d4"}));
  EXPECT_EQ(search("hearings topic:\"due process\""), (Ids{"d4"}));
}

// ---------------------------------------------------------------- date ranges

TEST_F(QueryBuilderTest, DateRangeOfYearsIsInclusive) {
  EXPECT_EQ(search("date:2019..2021"), (Ids{"d1", "d2", "d3", "d5"}));
}

TEST_F(QueryBuilderTest, OpenEndedDateRangeFromAMonth) {
  EXPECT_EQ(search("date:2020-03.."), (Ids{"d2", "d3", "d5", "d6"}));
}

TEST_F(QueryBuilderTest, OpenStartedDateRangeToADay) {
  EXPECT_EQ(search("date:..2018-06-20"), (Ids{"d4"}));
  EXPECT_EQ(search("date:..2018-06-19"), Ids{});
}

TEST_F(QueryBuilderTest, DateRangeCombinesWithWords) {
  EXPECT_EQ(search("asylum date:2021..2021"), (Ids{"d3"}));
}

TEST_F(QueryBuilderTest, ADateFieldWithoutARangeIsThatYearMonthOrDay) {
  EXPECT_EQ(search("date:2020"), (Ids{"d2", "d5"}));
  EXPECT_EQ(search("date:2020-11"), (Ids{"d5"}));
  EXPECT_EQ(search("date:2020-03-15"), (Ids{"d2"}));
  EXPECT_EQ(search("date:2020-03-16"), Ids{});
  EXPECT_EQ(search("asylum date:2021"), (Ids{"d3"}));
}

TEST_F(QueryBuilderTest, AnInvalidDateFieldIsRetriedAsWords) {
  BuiltQuery built;
  ASSERT_NO_THROW(built = build("asylum date:2020-13"));
  EXPECT_TRUE(built.reparsed_as_plain);
  EXPECT_TRUE(built.has_text);
}

// -------------------------------------------------------------------- filters

TEST_F(QueryBuilderTest, FilterValuesOfOneFacetAreOred) {
  SearchRequest request;
  request.topics = {"Labor Rights", "due process"};
  EXPECT_EQ(search(request), (Ids{"d4", "d5"}));
}

TEST_F(QueryBuilderTest, FiltersOfDifferentFacetsAreAnded) {
  SearchRequest request;
  request.topics = {"Asylum", "Labor Rights"};
  EXPECT_EQ(search(request), (Ids{"d2", "d3", "d4", "d5"}));
  request.spokespeople = {"Marcus Bell"};
  EXPECT_EQ(search(request), (Ids{"d3", "d4"}));
  request.types = {"report"};
  EXPECT_EQ(search(request), (Ids{"d4"}));
}

TEST_F(QueryBuilderTest, FiltersMatchWhateverTheCaseAndAccents) {
  SearchRequest request;
  request.spokespeople = {"LUCIA  FERNANDEZ"};
  EXPECT_EQ(search(request), (Ids{"d2", "d4", "d6"}));
}

TEST_F(QueryBuilderTest, DateFilterIsInclusiveAtBothEnds) {
  SearchRequest request;
  request.from = "20200315";
  request.to = "20201130";
  EXPECT_EQ(search(request), (Ids{"d2", "d5"}));
}

TEST_F(QueryBuilderTest, DateFilterWithOnlyOneBound) {
  SearchRequest from_only;
  from_only.from = "20210101";
  EXPECT_EQ(search(from_only), (Ids{"d3", "d6"}));
  SearchRequest to_only;
  to_only.to = "20190211";
  EXPECT_EQ(search(to_only), (Ids{"d1", "d4"}));
}

TEST_F(QueryBuilderTest, FiltersApplyToTheText) {
  SearchRequest request;
  request.q = "asylum";
  request.types = {"press-release"};
  EXPECT_EQ(search(request), (Ids{"d3"}));
}

TEST_F(QueryBuilderTest, FiltersDoNotChangeTheRanking) {
  SearchRequest plain;
  plain.q = "asylum hearings";
  SearchRequest filtered = plain;
  filtered.topics = {"Asylum"};
  auto weights = [this](const SearchRequest& request) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(build(request).query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::map<std::string, double> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out[it.get_document().get_value(schema::kId)] = it.get_weight();
    return out;
  };
  auto a = weights(plain), b = weights(filtered);
  ASSERT_FALSE(b.empty());
  for (const auto& [id, weight] : b) EXPECT_DOUBLE_EQ(weight, a[id]) << id;
}

TEST_F(QueryBuilderTest, FilterForIsEmptyWithoutSelections) {
  EXPECT_TRUE(QueryBuilder(db_).filter_for(SearchRequest{}).empty());
  SearchRequest with_q;
  with_q.q = "asylum";
  EXPECT_TRUE(QueryBuilder(db_).filter_for(with_q).empty());
}

TEST_F(QueryBuilderTest, FilterForHoldsTheSelections) {
  SearchRequest request;
  request.topics = {"Asylum"};
  request.from = "20200101";
  EXPECT_EQ(run(QueryBuilder(db_).filter_for(request)), (Ids{"d2", "d3"}));
}

// ------------------------------------------------------------ browse and text

TEST_F(QueryBuilderTest, EmptyTextIsABrowseOfEverything) {
  for (const std::string q : {"", "   "}) {
    BuiltQuery built = build(q);
    EXPECT_FALSE(built.has_text) << "'" << q << "'";
    EXPECT_EQ(run(built.query).size(), 6u) << "'" << q << "'";
  }
}

TEST_F(QueryBuilderTest, BrowseWithFiltersMatchesTheFilteredSet) {
  SearchRequest request;
  request.types = {"statement"};
  BuiltQuery built = build(request);
  EXPECT_FALSE(built.has_text);
  EXPECT_EQ(run(built.query), (Ids{"d2", "d6"}));
}

TEST_F(QueryBuilderTest, TextQueryHasText) {
  BuiltQuery built = build("asylum");
  EXPECT_TRUE(built.has_text);
  EXPECT_FALSE(built.reparsed_as_plain);
}

// ------------------------------------------------------------ syntax errors

TEST_F(QueryBuilderTest, UnparsableSyntaxIsRetriedAsPlainWords) {
  // A dangling AND cannot be parsed; the words are searched instead.
  BuiltQuery built;
  ASSERT_NO_THROW(built = build("border AND"));
  EXPECT_TRUE(built.reparsed_as_plain);
  EXPECT_TRUE(built.has_text);
  EXPECT_EQ(run(built.query), (Ids{"d5"}));  // the only release with both "border" and "and"
}

TEST_F(QueryBuilderTest, NeverThrowsForOddSyntaxAroundAWord) {
  for (const std::string q : {"asylum (", "asylum )", "asylum \"", "asylum AND", "OR OR asylum", "title: asylum",
                              "topic: asylum", "asylum -", "asylum *", "NOT asylum NOT", "a AND (asylum OR",
                              "\"unclosed asylum", "((((asylum", "asylum ++", "asylum date:..", "asylum :"})
    EXPECT_NO_THROW(build(q)) << q;
}

TEST_F(QueryBuilderTest, TextWithoutAnySearchableWordIsAnInvalidQ) {
  for (const std::string q : {"(", "\"\"", "-", "*", "!!!", "&&"}) {
    try {
      build(q);
      ADD_FAILURE() << "no InvalidParameter for '" << q << "'";
    } catch (const InvalidParameter& e) {
      EXPECT_EQ(e.parameter(), "q") << q;
    }
  }
}

TEST_F(QueryBuilderTest, AnInvalidDateRangeDoesNotTurnTheSearchIntoABrowse) {
  // date:2020-13.. cannot be read as a range; retried as plain words the
  // search still has text and never matches releases without "asylum".
  BuiltQuery built;
  ASSERT_NO_THROW(built = build("asylum date:2020-13..2021"));
  EXPECT_TRUE(built.reparsed_as_plain);
  EXPECT_TRUE(built.has_text);
  Ids found = run(built.query);
  for (const std::string& id : found) EXPECT_TRUE(id == "d3" || id == "d4") << show(found);
}

// ---------------------------------------------------------------- highlighting

TEST_F(QueryBuilderTest, HighlightTermsAreTheStemmedWords) {
  BuiltQuery built = build("Detention hearings");
  Xapian::Stem english("english");
  std::set<std::string> terms(built.highlight_terms.begin(), built.highlight_terms.end());
  EXPECT_TRUE(terms.count(english("detention"))) << built.query.get_description();
  EXPECT_TRUE(terms.count(english("hearings"))) << built.query.get_description();
}

TEST_F(QueryBuilderTest, HighlightTermsExcludePrefixedTerms) {
  BuiltQuery built = build("detention title:asylum topic:\"Family Detention\" spokesperson:\"Ana Ruiz\" type:report");
  const std::string description = built.query.get_description();
  std::set<std::string> terms(built.highlight_terms.begin(), built.highlight_terms.end());
  EXPECT_TRUE(terms.count(Xapian::Stem("english")("detention"))) << description;
  for (const std::string& t : terms) {
    ASSERT_FALSE(t.empty()) << description;
    EXPECT_FALSE(t[0] >= 'A' && t[0] <= 'Z') << "prefixed term " << t << " in " << description;
    // The words of the field values are not body words to mark.
    for (const std::string field_word : {"asylum", "asylu", "famili", "family", "ana", "ruiz", "report"})
      EXPECT_NE(t, field_word) << description;
  }
}

TEST_F(QueryBuilderTest, HighlightTermsAreFoldedLikeTheIndex) {
  BuiltQuery built = build("Detención");
  std::set<std::string> terms(built.highlight_terms.begin(), built.highlight_terms.end());
  for (const std::string& t : terms) EXPECT_EQ(t.find("ó"), std::string::npos) << t;
  EXPECT_FALSE(terms.empty());
}

TEST_F(QueryBuilderTest, BrowseHasNoHighlightTerms) {
  SearchRequest request;
  request.topics = {"Asylum"};
  EXPECT_TRUE(build(request).highlight_terms.empty());
}

}  // namespace
}  // namespace pressroom
