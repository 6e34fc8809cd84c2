// Specification of common/searcher.h: searches, sorting, paging, facets and
// release lookup over an index built in a temp dir by the real indexer.
#include "common/searcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/errors.h"
#include "common/schema.h"
#include "tests/fixtures.h"

namespace pressroom {
namespace {

using testing::TempDir;

Release make(std::string id, std::string date, std::string type, std::vector<std::string> topics,
             std::vector<std::string> people, std::string title, std::string body) {
  Release r;
  r.id = std::move(id);
  r.date = std::move(date);
  r.type = std::move(type);
  r.topics = std::move(topics);
  r.spokespeople = std::move(people);
  r.title = std::move(title);
  r.body = std::move(body);
  r.lang = "en";
  return r;
}

// Expected results below are worked out by hand from this list.
std::vector<Release> archive() {
  return {
      make("s01", "2019-02-11", "press-release", {"Family Detention"}, {"Ana Ruiz"}, "Families held at Dilley",
           "Mothers and children remain in family detention at Dilley."),
      make("s02", "2020-03-15", "statement", {"Asylum"}, {"Lucía Fernández"}, "Statement on asylum hearings",
           "Asylum seekers deserve lawyers at every hearing."),
      make("s03", "2021-08-09", "press-release", {"Asylum", "Border Enforcement"}, {"Marcus Bell"},
           "Expulsions continue at the border", "Expulsions send asylum seekers back to danger."),
      make("s04", "2018-06-20", "report", {"Detention Conditions"}, {"Jonah Feld"},
           "Report: medical neglect in detention", "Our report documents medical neglect in three detention centers."),
      make("s05", "2020-11-30", "op-ed", {"Labor Rights"}, {"Ana Ruiz"}, "Heat is a labor issue",
           "Farmworkers need water, shade and rest."),
      // Three releases as long as each other weigh the same for "zebra" (t-c is
      // not a copy of t-a: another title).
      make("t-b", "2020-01-01", "statement", {"Wildlife"}, {}, "Quarterly zebra update", "The zebra count is unchanged."),
      make("t-a", "2021-01-01", "statement", {"Wildlife"}, {}, "Quarterly zebra update", "The zebra count is unchanged."),
      make("t-c", "2021-01-01", "statement", {"Wildlife"}, {}, "Quarterly zebra notice", "The zebra count is unchanged."),
  };
}

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const SearchHit& hit : result.hits) ids.push_back(hit.release.id);
  return ids;
}

std::string show(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const std::string& id : ids) out += " " + id;
  return out + " ]";
}

std::string show(const std::vector<FacetValue>& values) {
  std::string out;
  for (const FacetValue& v : values) out += v.value + "=" + std::to_string(v.count) + " ";
  return out;
}

std::map<std::string, uint64_t> as_map(const SearchResult& result, const std::string& facet) {
  std::map<std::string, uint64_t> out;
  auto it = result.facets.find(facet);
  if (it == result.facets.end()) return out;
  for (const FacetValue& v : it->second) out[v.value] = v.count;
  return out;
}

SearchRequest text(const std::string& q, SortOrder sort = SortOrder::Relevance) {
  SearchRequest request;
  request.q = q;
  request.sort = sort;
  return request;
}

SearchRequest browse(int page = 1, int size = 10) {
  SearchRequest request;
  request.page = page;
  request.size = size;
  return request;
}

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string corpus;
    for (const Release& r : archive()) corpus += testing::jsonl_line(r);
    auto file = dir_->write("corpus/archive.jsonl", corpus);
    db_path_ = (dir_->path() / "db").string();
    IndexStats stats = testing::index_paths(db_path_, {file.string()});
    ASSERT_EQ(stats.added, archive().size());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static TempDir* dir_;
  static std::string db_path_;
};

TempDir* SearcherTest::dir_ = nullptr;
std::string SearcherTest::db_path_;

// --------------------------------------------------------------- opening

TEST(Searcher, AMissingDatabaseIsIndexUnavailable) {
  TempDir dir;
  EXPECT_THROW(Searcher((dir.path() / "no-such-db").string()), IndexUnavailable);
}

TEST(Searcher, AFolderThatIsNotADatabaseIsIndexUnavailable) {
  TempDir dir;
  dir.write("not-a-db/readme.txt", "hello");
  EXPECT_THROW(Searcher((dir.path() / "not-a-db").string()), IndexUnavailable);
}

TEST(Searcher, AXapianDatabaseThatIsNotAPressroomIndexIsIndexUnavailable) {
  TempDir dir;
  std::string path = (dir.path() / "other").string();
  {
    Xapian::WritableDatabase other(path, Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.set_data("someone else's document");
    doc.add_term("hello");
    other.add_document(doc);
    other.commit();
  }
  EXPECT_THROW(Searcher{path}, IndexUnavailable);
}

TEST_F(SearcherTest, InfoDescribesTheIndex) {
  Searcher searcher(db_path_);
  IndexInfo info = searcher.info();
  EXPECT_EQ(info.documents, archive().size());
  EXPECT_EQ(info.schema_version, schema::kVersion);
  EXPECT_FALSE(info.indexed_at.empty());
}

// ----------------------------------------------------------------- totals

TEST_F(SearcherTest, TotalIsTheExactNumberOfMatches) {
  Searcher searcher(db_path_);
  EXPECT_EQ(searcher.search(text("asylum")).total, 2u);
  EXPECT_EQ(searcher.search(text("zebra")).total, 3u);
  EXPECT_EQ(searcher.search(browse()).total, archive().size());
}

TEST_F(SearcherTest, TotalIsExactEvenWhenThePageIsSmaller) {
  Searcher searcher(db_path_);
  SearchRequest request = text("zebra");
  request.size = 1;
  SearchResult result = searcher.search(request);
  EXPECT_EQ(result.total, 3u);
  EXPECT_EQ(result.hits.size(), 1u);
}

TEST_F(SearcherTest, NoMatchGivesNoHits) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(text("xylophone"));
  EXPECT_EQ(result.total, 0u);
  EXPECT_TRUE(result.hits.empty());
}

// ------------------------------------------------------------- pagination

TEST_F(SearcherTest, PagesFollowEachOtherWithoutGapsOrRepeats) {
  Searcher searcher(db_path_);
  std::vector<std::string> all = ids_of(searcher.search(browse(1, 100)));
  ASSERT_EQ(all.size(), archive().size());
  std::vector<std::string> paged;
  for (int page = 1; page <= 3; ++page) {
    SearchResult result = searcher.search(browse(page, 3));
    EXPECT_EQ(result.total, archive().size()) << "page " << page;
    EXPECT_EQ(result.hits.size(), page < 3 ? 3u : 2u) << "page " << page;
    for (const std::string& id : ids_of(result)) paged.push_back(id);
  }
  EXPECT_EQ(paged, all) << show(paged) << " vs " << show(all);
}

TEST_F(SearcherTest, APageAfterTheLastIsEmptyButKeepsTheTotal) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(browse(5, 10));
  EXPECT_TRUE(result.hits.empty());
  EXPECT_EQ(result.total, archive().size());
}

// ---------------------------------------------------------------- sorting

TEST_F(SearcherTest, BrowseIsNewestFirstThenById) {
  Searcher searcher(db_path_);
  EXPECT_EQ(ids_of(searcher.search(browse(1, 100))),
            (std::vector<std::string>{"s03", "t-a", "t-c", "s05", "s02", "t-b", "s01", "s04"}));
}

TEST_F(SearcherTest, DateAscIsOldestFirstThenById) {
  Searcher searcher(db_path_);
  SearchRequest request = browse(1, 100);
  request.sort = SortOrder::DateAsc;
  EXPECT_EQ(ids_of(searcher.search(request)),
            (std::vector<std::string>{"s04", "s01", "t-b", "s02", "s05", "t-a", "t-c", "s03"}));
}

TEST_F(SearcherTest, DateSortAppliesToTextSearches) {
  Searcher searcher(db_path_);
  EXPECT_EQ(ids_of(searcher.search(text("asylum", SortOrder::DateDesc))), (std::vector<std::string>{"s03", "s02"}));
  EXPECT_EQ(ids_of(searcher.search(text("asylum", SortOrder::DateAsc))), (std::vector<std::string>{"s02", "s03"}));
}

TEST_F(SearcherTest, RelevanceRanksByScore) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(text("detention"));
  ASSERT_EQ(ids_of(result), (std::vector<std::string>{"s04", "s01"})) << show(ids_of(result));
  EXPECT_GT(result.hits[0].score, result.hits[1].score);
}

TEST_F(SearcherTest, RelevanceTiesAreBrokenNewestFirstThenById) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(text("zebra"));
  ASSERT_EQ(result.hits.size(), 3u);
  EXPECT_DOUBLE_EQ(result.hits[0].score, result.hits[2].score);  // the premise: equal weights
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"t-a", "t-c", "t-b"}));
}

TEST_F(SearcherTest, BrowseHitsScoreZero) {
  Searcher searcher(db_path_);
  for (const SearchHit& hit : searcher.search(browse()).hits) EXPECT_EQ(hit.score, 0) << hit.release.id;
}

TEST_F(SearcherTest, TextHitsHaveAPositiveScore) {
  Searcher searcher(db_path_);
  for (const SearchHit& hit : searcher.search(text("asylum")).hits) EXPECT_GT(hit.score, 0) << hit.release.id;
}

// ----------------------------------------------------------------- facets

TEST_F(SearcherTest, FacetsCountEveryMatchNotOnlyThePage) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(browse(1, 1));
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(as_map(result, "type"),
            (std::map<std::string, uint64_t>{{"press-release", 2}, {"statement", 4}, {"report", 1}, {"op-ed", 1}}));
  EXPECT_EQ(as_map(result, "topic"), (std::map<std::string, uint64_t>{{"Family Detention", 1},
                                                                      {"Asylum", 2},
                                                                      {"Border Enforcement", 1},
                                                                      {"Detention Conditions", 1},
                                                                      {"Labor Rights", 1},
                                                                      {"Wildlife", 3}}));
  EXPECT_EQ(as_map(result, "spokesperson"), (std::map<std::string, uint64_t>{{"Ana Ruiz", 2},
                                                                             {"Lucía Fernández", 1},
                                                                             {"Marcus Bell", 1},
                                                                             {"Jonah Feld", 1}}));
  EXPECT_EQ(as_map(result, "year"),
            (std::map<std::string, uint64_t>{{"2018", 1}, {"2019", 1}, {"2020", 3}, {"2021", 3}}));
}

TEST_F(SearcherTest, FacetsCountOnlyTheMatches) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(text("asylum"));
  EXPECT_EQ(as_map(result, "type"), (std::map<std::string, uint64_t>{{"press-release", 1}, {"statement", 1}}));
  EXPECT_EQ(as_map(result, "topic"), (std::map<std::string, uint64_t>{{"Asylum", 2}, {"Border Enforcement", 1}}));
  EXPECT_EQ(as_map(result, "year"), (std::map<std::string, uint64_t>{{"2020", 1}, {"2021", 1}}));
}

TEST_F(SearcherTest, FiltersNarrowTheHits) {
  Searcher searcher(db_path_);
  SearchRequest request = browse(1, 100);
  request.types = {"statement"};
  request.from = "20210101";
  SearchResult result = searcher.search(request);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"t-a", "t-c"}));
  EXPECT_EQ(result.total, 2u);
}

// A CMS export (Hugo, WordPress) names topics and authors by their slugs.
class SlugArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string corpus =
        testing::jsonl_line(make("h1", "2021-05-04", "press-release", {"user-experience"}, {"angela-hooker"},
                                 "Testing forms with users",
                                 "We watched people fill in the form. “Every field we removed was one less reason "
                                 "to give up,” said Angela Hooker.")) +
        testing::jsonl_line(make("h2", "2022-05-04", "press-release", {"plain-language", "covid-19"}, {"jparcell"},
                                 "Writing for everyone", "Short words help every reader.")) +
        testing::jsonl_line(make("h3", "2022-06-04", "press-release", {"COVID-19"}, {}, "Clinic hours",
                                 "The clinic opens on Saturdays."));
    auto file = dir_.write("corpus/hugo.jsonl", corpus);
    db_path_ = (dir_.path() / "db").string();
    ASSERT_EQ(testing::index_paths(db_path_, {file.string()}).added, 3u);
  }
  TempDir dir_;
  std::string db_path_;
};

// Slugs lose capitals ("ice", "michelle-mcnellis"); the releases' own text
// gives them back, and a Spanish release's topic is in sentence case.
TEST(SlugCapitals, FacetsNameSlugsWithTheCapitalsTheReleasesWrite) {
  TempDir dir;
  Release es = make("e1", "2022-07-01", "press-release", {"derechos-de-los-migrantes"}, {},
                    "Derechos en la frontera", "Los migrantes esperan en la frontera. ICE los detuvo.");
  es.lang = "es";
  std::string corpus =
      testing::jsonl_line(make("c1", "2022-06-01", "press-release", {"ice", "open-data"}, {"michelle-mcnellis"},
                               "Detention data released",
                               "ICE released its detention data. Michelle McNellis read the data.")) +
      testing::jsonl_line(es);
  auto file = dir.write("corpus/cms.jsonl", corpus);
  std::string db = (dir.path() / "db").string();
  ASSERT_EQ(testing::index_paths(db, {file.string()}).added, 2u);
  SearchResult result = Searcher(db).search(browse());
  EXPECT_EQ(as_map(result, "topic")["ICE"], 1u) << show(result.facets["topic"]);
  EXPECT_EQ(as_map(result, "topic")["Open Data"], 1u) << show(result.facets["topic"]);
  EXPECT_EQ(as_map(result, "topic")["Derechos de los migrantes"], 1u) << show(result.facets["topic"]);
  EXPECT_EQ(as_map(result, "spokesperson")["Michelle McNellis"], 1u) << show(result.facets["spokesperson"]);
  SearchRequest request = browse();
  request.topics = {"ice"};
  EXPECT_EQ(ids_of(Searcher(db).search(request)), (std::vector<std::string>{"c1"}));
}

TEST(SlugCapitals, AReleaseWhoseTextGivesNoCapitalsIsNamedAsTheArchiveNamesIt) {
  TempDir dir;
  std::string corpus;
  for (const char* id : {"g1", "g2"})
    corpus += testing::jsonl_line(make(id, "2022-06-01", "press-release", {"open-data"}, {"gsa-press-team"},
                                       std::string("GSA data ") + id, std::string("GSA published data set ") + id + "."));
  corpus += testing::jsonl_line(make("g3", "2022-06-02", "press-release", {"open-data"}, {"gsa-press-team"},
                                     "Fund report", "The fund published its report."));
  auto file = dir.write("corpus/cms.jsonl", corpus);
  std::string db = (dir.path() / "db").string();
  ASSERT_EQ(testing::index_paths(db, {file.string()}).added, 3u);
  std::optional<Release> fund = Searcher(db).release("g3");  // before any search
  ASSERT_TRUE(fund);
  EXPECT_EQ(fund->spokespeople, (std::vector<std::string>{"GSA Press Team"}));
  SearchResult result = Searcher(db).search(browse());
  ASSERT_EQ(result.hits.size(), 3u);
  for (const SearchHit& hit : result.hits)
    EXPECT_EQ(hit.release.spokespeople, (std::vector<std::string>{"GSA Press Team"})) << hit.release.id;
}

TEST_F(SlugArchiveTest, FacetsNameSlugTopicsAndAuthorsAsPeopleReadThem) {
  SearchResult result = Searcher(db_path_).search(browse());
  EXPECT_EQ(as_map(result, "topic")["User Experience"], 1u) << show(result.facets["topic"]);
  EXPECT_EQ(as_map(result, "spokesperson")["Angela Hooker"], 1u) << show(result.facets["spokesperson"]);
  EXPECT_EQ(as_map(result, "spokesperson")["jparcell"], 1u) << show(result.facets["spokesperson"]);
}

TEST_F(SlugArchiveTest, AFilterFindsTheSameReleasesBySlugOrByName) {
  Searcher searcher(db_path_);
  for (const char* topic : {"user-experience", "User Experience"}) {
    SearchRequest request = browse();
    request.topics = {topic};
    EXPECT_EQ(ids_of(searcher.search(request)), (std::vector<std::string>{"h1"})) << topic;
  }
  for (const char* person : {"angela-hooker", "Angela Hooker"}) {
    SearchRequest request = browse();
    request.spokespeople = {person};
    EXPECT_EQ(ids_of(searcher.search(request)), (std::vector<std::string>{"h1"})) << person;
  }
  EXPECT_EQ(ids_of(searcher.search(text("topic:plain-language"))), (std::vector<std::string>{"h2"}));
}

TEST_F(SlugArchiveTest, HyphensDoNotTellTwoSpellingsOfATopicApart) {
  Searcher searcher(db_path_);
  SearchResult all = searcher.search(browse());
  EXPECT_EQ(as_map(all, "topic")["COVID-19"] + as_map(all, "topic")["Covid 19"], 2u) << show(all.facets["topic"]);
  EXPECT_EQ(all.facets["topic"].size(), 3u) << show(all.facets["topic"]);
  SearchRequest request = browse();
  request.topics = {"covid-19"};
  EXPECT_EQ(searcher.search(request).total, 2u);
}

TEST_F(SlugArchiveTest, AStatementFilterFindsTheSpeakerBySlugOrByName) {
  Searcher searcher(db_path_);
  for (const char* person : {"angela-hooker", "Angela Hooker"}) {
    SearchRequest request = browse();
    request.spokespeople = {person};
    StatementResult result = searcher.statements(request);
    ASSERT_EQ(result.total, 1u) << person;
    EXPECT_EQ(result.hits[0].quote.speaker, "Angela Hooker") << person;
  }
}

// An index written before schema version 7 keyed topics by fold_key() alone
// ("Buser-experience"); until it is indexed again a filter still finds them.
TEST_F(SlugArchiveTest, AFilterFindsTopicsOfAnIndexWrittenBeforeVersion7) {
  {
    Xapian::WritableDatabase db(db_path_, Xapian::DB_OPEN);
    Xapian::docid id = *db.postlist_begin("Qh1");
    Xapian::Document doc = db.get_document(id);
    doc.remove_term(schema::topic_term("user-experience"));
    doc.add_boolean_term("Buser-experience");
    db.replace_document(id, doc);
    db.commit();
  }
  SearchRequest request = browse();
  request.topics = {"user-experience"};
  EXPECT_EQ(ids_of(Searcher(db_path_).search(request)), (std::vector<std::string>{"h1"}));
}

TEST_F(SearcherTest, ASelectedFacetIsCountedAsIfItWereNotSelected) {
  // Disjunctive facets: with topic=Asylum selected, the topic facet still
  // offers the other topics of the unfiltered matches; other facets apply it.
  Searcher searcher(db_path_);
  SearchRequest request = browse();
  request.topics = {"Asylum"};
  SearchResult result = searcher.search(request);
  EXPECT_EQ(result.total, 2u);
  EXPECT_EQ(as_map(result, "topic")["Wildlife"], 3u) << show(result.facets["topic"]);
  EXPECT_EQ(as_map(result, "topic")["Asylum"], 2u) << show(result.facets["topic"]);
  EXPECT_EQ(as_map(result, "type"), (std::map<std::string, uint64_t>{{"press-release", 1}, {"statement", 1}}));
}

TEST_F(SearcherTest, MonthsAreCountedOnlyWhenTheMatchesSpanThreeYearsOrLess) {
  Searcher searcher(db_path_);
  SearchResult wide = searcher.search(browse());  // 2018 to 2021: four years
  EXPECT_EQ(wide.facets.count("month"), 0u) << show(wide.facets["month"]);
  SearchResult narrow = searcher.search(text("zebra"));  // 2020 and 2021
  EXPECT_EQ(as_map(narrow, "month"), (std::map<std::string, uint64_t>{{"2020-01", 1}, {"2021-01", 2}}));
}

// ------------------------------------------------------------------- hits

TEST_F(SearcherTest, HitsCarryTheReleaseWithoutItsBody) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(text("lawyers"));
  ASSERT_EQ(ids_of(result), (std::vector<std::string>{"s02"}));
  const Release& r = result.hits[0].release;
  EXPECT_EQ(r.title, "Statement on asylum hearings");
  EXPECT_EQ(r.date, "2020-03-15");
  EXPECT_EQ(r.type, "statement");
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Lucía Fernández"}));
  EXPECT_TRUE(r.body.empty()) << r.body;
}

TEST(Searcher, HitsLeaveOutQuotesButTheReleasePageHasThem) {
  // Quotes come from extraction, not from the archive formats: write the
  // document directly, as the indexer would.
  TempDir dir;
  std::string path = (dir.path() / "db").string();
  Release r = make("q1", "2020-05-05", "statement", {}, {"Ana Ruiz"}, "Statement on lawyers",
                   "\"Everyone deserves a lawyer,\" said Ana Ruiz.");
  r.quotes = {{"Everyone deserves a lawyer.", "Ana Ruiz", "Director", "Casa Abierta", r.body}};
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    db.add_document(schema::document_for(r, generator));
    db.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kVersion));
    db.set_metadata(schema::kMetaIndexedAt, "2020-05-05T00:00:00Z");
    db.commit();
  }
  Searcher searcher(path);
  SearchResult result = searcher.search(text("lawyer"));
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_TRUE(result.hits[0].release.quotes.empty());
  EXPECT_TRUE(result.hits[0].release.body.empty());
  std::optional<Release> page = searcher.release("q1");
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->quotes.size(), 1u);
  EXPECT_EQ(page->quotes[0].organisation, "Casa Abierta");
  EXPECT_EQ(page->body, r.body);
}

TEST_F(SearcherTest, SnippetMarksTheQueryWords) {
  Searcher searcher(db_path_);
  SearchResult result = searcher.search(text("lawyers"));
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_NE(result.hits[0].snippet.find("<mark>lawyers</mark>"), std::string::npos) << result.hits[0].snippet;
}

TEST_F(SearcherTest, BrowseSnippetIsTheOpeningOfTheBody) {
  Searcher searcher(db_path_);
  SearchRequest request = browse();
  request.types = {"op-ed"};
  SearchResult result = searcher.search(request);
  ASSERT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.hits[0].snippet, "Farmworkers need water, shade and rest.");
}

// ---------------------------------------------------------------- release

TEST_F(SearcherTest, ReleaseByIdIsTheWholeRelease) {
  Searcher searcher(db_path_);
  std::optional<Release> r = searcher.release("s02");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->id, "s02");
  EXPECT_EQ(r->title, "Statement on asylum hearings");
  EXPECT_EQ(r->body, "Asylum seekers deserve lawyers at every hearing.");
  EXPECT_EQ(r->spokespeople, (std::vector<std::string>{"Lucía Fernández"}));
}

TEST_F(SearcherTest, ReleaseOfAnUnknownIdIsNullopt) {
  Searcher searcher(db_path_);
  for (const std::string id : {"s99", "", "S02", "s0", "s02 "}) EXPECT_EQ(searcher.release(id), std::nullopt) << id;
}

// ---------------------------------------------------------------- refresh

TEST(Searcher, RefreshSeesAReleaseIndexedAfterOpening) {
  TempDir dir;
  std::string db = (dir.path() / "db").string();
  auto first = dir.write("corpus/a.jsonl", testing::jsonl_line(make("a1", "2020-01-01", "statement", {}, {},
                                                                     "First release", "Original text.")));
  testing::index_paths(db, {first.string()});

  Searcher searcher(db);
  ASSERT_EQ(searcher.search(browse()).total, 1u);

  auto second = dir.write("corpus/b.jsonl", testing::jsonl_line(make("b1", "2021-01-01", "statement", {}, {},
                                                                      "Second release", "Added later.")));
  testing::index_paths(db, {second.string()});

  searcher.refresh();
  SearchResult result = searcher.search(browse());
  EXPECT_EQ(result.total, 2u);
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"b1", "a1"}));
  EXPECT_TRUE(searcher.release("b1").has_value());
}

TEST(Searcher, RefreshWithoutChangesKeepsServing) {
  TempDir dir;
  std::string db = (dir.path() / "db").string();
  auto file = dir.write("corpus/a.jsonl", testing::jsonl_line(make("a1", "2020-01-01", "statement", {}, {},
                                                                    "First release", "Original text.")));
  testing::index_paths(db, {file.string()});
  Searcher searcher(db);
  searcher.refresh();
  searcher.refresh();
  EXPECT_EQ(searcher.search(browse()).total, 1u);
}

}  // namespace
}  // namespace pressroom
