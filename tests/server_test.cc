// End to end: a fixture archive indexed into a temp dir, the real server on an
// ephemeral loopback port, and assertions on real HTTP answers.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "tests/fixtures.h"
#include "tests/test_server.h"

namespace pressroom::testing {
namespace {

using nlohmann::json;

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
  r.location = "Tucson, AZ";
  r.url = "https://example.org/" + r.id;
  return r;
}

// The fixture archive. Facet expectations below are computed from this list,
// independently of the engine.
std::vector<Release> archive() {
  return {
      make("r01", "2015-03-02", "press-release", {"Family Detention"}, {"Ana Ruiz"},
           "Families held at the Dilley facility", "Mothers and children remain in family detention at Dilley."),
      make("r02", "2016-07-19", "statement", {"Asylum", "Due Process"}, {"Marcus Bell"},
           "Statement on asylum hearings", "Asylum seekers deserve lawyers at every hearing."),
      make("r03", "2018-06-20", "press-release", {"Family Detention", "Children's Rights"}, {"Ana Ruiz", "Elena Vásquez"},
           "Separated children must be reunited", "The detention of separated children harms them for life."),
      make("r04", "2019-02-11", "report", {"Detention Conditions"}, {"Jonah Feld"},
           "Report: medical neglect in detention", "Our report documents medical neglect in three detention centers."),
      make("r05", "2019-09-30", "media-advisory", {"Asylum"}, {"Tomás Herrera"},
           "Advisory: press call on metering", "WHAT: a press call on metering at ports of entry and asylum."),
      make("r06", "2020-04-01", "press-release", {"Public Health", "Detention Conditions"}, {"Rosa Delgado"},
           "COVID-19 spreads in detention", "Coronavirus cases rise in detention; release people now."),
      make("r07", "2020-11-18", "statement", {"Family Detention", "Public Health"}, {"Ana Ruiz"},
           "Family detention during the pandemic", "Family detention during a pandemic endangers children and parents."),
      make("r08", "2021-05-05", "op-ed", {"Labor Rights"}, {"Maribel Soto"},
           "Heat is a labor issue", "Farmworkers need water, shade and rest in extreme heat."),
      make("r09", "2021-08-09", "press-release", {"Asylum", "Border Enforcement"}, {"Marcus Bell", "Tomás Herrera"},
           "Expulsions continue at the border", "Expulsions under Title 42 send asylum seekers back to danger."),
      make("r10", "2022-01-12", "letter", {"Language Access"}, {},
           "Letter on interpreters in court", "Courts must provide interpreters in Indigenous languages."),
      make("r11", "2023-05-11", "statement", {"Asylum"}, {"Lucía Fernández"},
           "Declaración sobre el asilo", "La detención de familias solicitantes de asilo debe terminar, dijo Lucía Fernández.", "es"),
      make("r12", "2024-02-14", "press-release", {"Family Detention"}, {"Ana Ruiz"},
           "Family detention returns", "The government reopened family detention at Dilley; we will monitor it."),
  };
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string lines;
    for (const Release& r : archive()) lines += jsonl_line(r);
    dir_->write("archive/releases.jsonl", lines);
    db_ = (dir_->path() / "db").string();
    IndexStats stats = index_paths(db_, {(dir_->path() / "archive").string()});
    ASSERT_EQ(stats.added, archive().size());
    server_ = new TestServer(db_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static std::vector<std::string> ids(const json& response) {
    std::vector<std::string> out;
    for (const auto& hit : response["results"]) out.push_back(hit["id"]);
    return out;
  }

  // {value: count} of one facet in a response.
  static std::map<std::string, uint64_t> facet(const json& response, const std::string& name) {
    std::map<std::string, uint64_t> out;
    for (const auto& v : response["facets"][name]) out[v["value"]] = v["count"];
    return out;
  }

  static TempDir* dir_;
  static std::string db_;
  static TestServer* server_;
};

TempDir* ServerTest::dir_ = nullptr;
std::string ServerTest::db_;
TestServer* ServerTest::server_ = nullptr;

TEST_F(ServerTest, TextQueryFindsEveryMatchingReleaseWithAnExactTotal) {
  json r = server_->get_json("/api/search?q=detention&size=100");
  auto all = ids(r);
  std::set<std::string> got(all.begin(), all.end());
  EXPECT_EQ(got, (std::set<std::string>{"r01", "r03", "r04", "r06", "r07", "r12"}));
  EXPECT_EQ(r["total"], 6);
}

TEST_F(ServerTest, EmptyQueryBrowsesEverythingNewestFirst) {
  json r = server_->get_json("/api/search?size=3");
  EXPECT_EQ(r["total"], 12);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"r12", "r11", "r10"}));
}

TEST_F(ServerTest, TopicFilterIsCaseAndAccentInsensitive) {
  json r = server_->get_json("/api/search?topic=family%20detention&size=100");
  EXPECT_EQ(r["total"], 4);
  json r2 = server_->get_json("/api/search?topic=Fam%C3%8Dly%20Detention&size=100");
  EXPECT_EQ(r2["total"], 4);
}

TEST_F(ServerTest, RepeatedTopicsAreOredAndDifferentFacetsAreAnded) {
  json either = server_->get_json("/api/search?topic=Labor%20Rights&topic=Language%20Access");
  EXPECT_EQ(either["total"], 2);
  json both = server_->get_json("/api/search?topic=Family%20Detention&spokesperson=Ana%20Ruiz");
  EXPECT_EQ(both["total"], 4);
  json none = server_->get_json("/api/search?topic=Labor%20Rights&spokesperson=Ana%20Ruiz");
  EXPECT_EQ(none["total"], 0);
}

TEST_F(ServerTest, SpokespersonFilterMatchesMultiValuedField) {
  json r = server_->get_json("/api/search?spokesperson=tomas%20herrera&size=100");
  auto got = ids(r);
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), (std::set<std::string>{"r05", "r09"}));
}

TEST_F(ServerTest, TypeFilterSelectsOneType) {
  json r = server_->get_json("/api/search?type=statement&size=100");
  EXPECT_EQ(r["total"], 3);
  for (const auto& hit : r["results"]) EXPECT_EQ(hit["type"], "statement");
}

TEST_F(ServerTest, DateBoundsAreInclusiveAtEveryPrecision) {
  EXPECT_EQ(server_->get_json("/api/search?from=2019&to=2019")["total"], 2);
  EXPECT_EQ(server_->get_json("/api/search?from=2019-09&to=2020-04")["total"], 2);
  EXPECT_EQ(server_->get_json("/api/search?from=2020-04-01&to=2020-04-01")["total"], 1);
  EXPECT_EQ(server_->get_json("/api/search?from=2023")["total"], 2);
  EXPECT_EQ(server_->get_json("/api/search?to=2015-12-31")["total"], 1);
}

TEST_F(ServerTest, FacetCountsAreExactOverAllMatchesNotThePage) {
  json r = server_->get_json("/api/search?q=detention&from=2019&size=1");
  ASSERT_EQ(r["results"].size(), 1u);
  // Independently: the releases from 2019 on whose text mentions detention.
  // The year histogram ignores the date selection (disjunctive facets).
  std::map<std::string, uint64_t> topics, people, types, years;
  for (const Release& rel : archive()) {
    bool mentions = (rel.title + " " + rel.body).find("etention") != std::string::npos;
    if (!mentions) continue;
    ++years[rel.date.substr(0, 4)];
    if (rel.date < "2019") continue;
    for (const auto& t : rel.topics) ++topics[t];
    for (const auto& p : rel.spokespeople) ++people[p];
    ++types[rel.type];
  }
  EXPECT_EQ(r["total"], 4);
  EXPECT_EQ(facet(r, "topic"), topics);
  EXPECT_EQ(facet(r, "spokesperson"), people);
  EXPECT_EQ(facet(r, "type"), types);
  EXPECT_EQ(facet(r, "year"), years);
}

TEST_F(ServerTest, FacetValuesAreOrderedByCountAndYearsByYear) {
  json r = server_->get_json("/api/search");
  const auto& topics = r["facets"]["topic"];
  ASSERT_GE(topics.size(), 2u);
  EXPECT_EQ(topics[0]["value"], "Asylum");  // 4, ties with Family Detention broken by name
  EXPECT_EQ(topics[0]["count"], 4);
  EXPECT_EQ(topics[1]["value"], "Family Detention");
  const auto& years = r["facets"]["year"];
  for (size_t i = 1; i < years.size(); ++i) EXPECT_LT(years[i - 1]["value"], years[i]["value"]);
}

TEST_F(ServerTest, PagesPartitionTheResults) {
  json all = server_->get_json("/api/search?q=detention&size=100");
  std::vector<std::string> paged;
  for (int page = 1; page <= 3; ++page) {
    json r = server_->get_json("/api/search?q=detention&size=2&page=" + std::to_string(page));
    EXPECT_EQ(r["page"], page);
    EXPECT_EQ(r["total"], 6);
    for (auto& id : ids(r)) paged.push_back(id);
  }
  EXPECT_EQ(paged, ids(all));
}

TEST_F(ServerTest, SortByDateOrdersNewestFirstAndDateAscOldestFirst) {
  json desc = server_->get_json("/api/search?q=asylum&sort=date&size=100");
  json asc = server_->get_json("/api/search?q=asylum&sort=date-asc&size=100");
  auto d = ids(desc), a = ids(asc);
  ASSERT_GE(d.size(), 3u);
  std::reverse(a.begin(), a.end());
  EXPECT_EQ(d, a);
  std::vector<std::string> dates;
  for (const auto& hit : desc["results"]) dates.push_back(hit["date"]);
  EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend()));
}

TEST_F(ServerTest, RelevanceRanksTitleMatchesFirst) {
  json r = server_->get_json("/api/search?q=interpreters");
  ASSERT_GE(r["results"].size(), 1u);
  EXPECT_EQ(r["results"][0]["id"], "r10");
  EXPECT_GT(r["results"][0]["score"].get<double>(), 0.0);
  json heat = server_->get_json("/api/search?q=heat&sort=relevance");
  EXPECT_EQ(heat["results"][0]["id"], "r08");
}

TEST_F(ServerTest, ResultsCarryMetadataAndAMarkedSnippet) {
  json r = server_->get_json("/api/search?q=farmworkers");
  ASSERT_EQ(r["results"].size(), 1u);
  const json& hit = r["results"][0];
  EXPECT_EQ(hit["title"], "Heat is a labor issue");
  EXPECT_EQ(hit["date"], "2021-05-05");
  EXPECT_EQ(hit["type"], "op-ed");
  EXPECT_EQ(hit["topics"], json::array({"Labor Rights"}));
  EXPECT_EQ(hit["spokespeople"], json::array({"Maribel Soto"}));
  EXPECT_EQ(hit["location"], "Tucson, AZ");
  EXPECT_EQ(hit["url"], "https://example.org/r08");
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>Farmworkers</mark>"), std::string::npos) << hit["snippet"];
  EXPECT_FALSE(hit.contains("body"));
}

TEST_F(ServerTest, QuerySyntaxSupportsPhrasesBooleansAndFields) {
  EXPECT_EQ(server_->get_json("/api/search?q=%22family%20detention%22")["total"], 3);
  EXPECT_EQ(server_->get_json("/api/search?q=detention%20NOT%20family")["total"], 3);
  EXPECT_EQ(server_->get_json("/api/search?q=heat%20OR%20interpreters")["total"], 2);
  EXPECT_EQ(server_->get_json("/api/search?q=title:report")["total"], 1);
  EXPECT_EQ(server_->get_json("/api/search?q=topic:asylum%20type:statement")["total"], 2);
  EXPECT_EQ(server_->get_json("/api/search?q=spokesperson:%22Ana%20Ruiz%22")["total"], 4);
}

TEST_F(ServerTest, UnreadableSyntaxIsSearchedAsWords) {
  json r = server_->get_json("/api/search?q=%22family%20detention");
  EXPECT_GE(r["total"].get<int>(), 1);
}

TEST_F(ServerTest, ReleaseEndpointReturnsTheWholeRelease) {
  json r = server_->get_json("/api/releases/r07");
  EXPECT_EQ(r["id"], "r07");
  EXPECT_EQ(r["title"], "Family detention during the pandemic");
  EXPECT_NE(r["body"].get<std::string>().find("pandemic"), std::string::npos);
  EXPECT_EQ(r["spokespeople"], json::array({"Ana Ruiz"}));
}

TEST_F(ServerTest, UnknownReleaseIs404WithJsonError) {
  json r = server_->get_json("/api/releases/no-such-release", 404);
  EXPECT_EQ(r["error"]["code"], "not_found");
  EXPECT_FALSE(r["error"]["message"].get<std::string>().empty());
}

TEST_F(ServerTest, UnknownPathIs404WithJsonError) {
  json r = server_->get_json("/api/nothing-here", 404);
  EXPECT_EQ(r["error"]["code"], "not_found");
}

TEST_F(ServerTest, BadParametersAre400WithAMessageNamingThem) {
  for (const char* path : {"/api/search?size=0", "/api/search?size=101", "/api/search?page=abc",
                           "/api/search?from=2020-13", "/api/search?to=2021-02-30", "/api/search?sort=bogus",
                           "/api/search?from=2021&to=2020"}) {
    json r = server_->get_json(path, 400);
    EXPECT_EQ(r["error"]["code"], "invalid_parameter") << path;
    EXPECT_FALSE(r["error"]["message"].get<std::string>().empty()) << path;
  }
}

TEST_F(ServerTest, OverlongQueryIs400) {
  json r = server_->get_json("/api/search?q=" + std::string(1200, 'a'), 400);
  EXPECT_NE(r["error"]["message"].get<std::string>().find("q"), std::string::npos);
}

TEST_F(ServerTest, WriteMethodsAre405) {
  auto cli = server_->client();
  auto res = cli.Post("/api/search", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "method_not_allowed");
  EXPECT_NE(res->get_header_value("Allow").find("GET"), std::string::npos);
}

TEST_F(ServerTest, HealthReportsDocumentCountAndIndexTime) {
  json r = server_->get_json("/healthz");
  EXPECT_EQ(r["status"], "ok");
  EXPECT_EQ(r["documents"], 12);
  EXPECT_FALSE(r["indexed_at"].get<std::string>().empty());
  EXPECT_EQ(r["phrase_pairs"], false);  // 12 releases are too few to learn a list from
  EXPECT_EQ(r["word_sequences"], false);
}

// Its own archive and server, since it changes the index.
TEST(ServerUpdate, RunningServerServesTheIndexersNewStateWithoutRestart) {
  TempDir dir;
  std::string db = (dir.path() / "db").string();
  Release first = make("u1", "2020-01-01", "statement", {"Asylum"}, {}, "First statement", "Nothing about zebras.");
  dir.write("a/one.jsonl", jsonl_line(first));
  index_paths(db, {(dir.path() / "a").string()});
  TestServer server(db);
  EXPECT_EQ(server.get_json("/api/search?q=giraffes")["total"], 0);

  Release second = make("u2", "2020-02-02", "statement", {"Asylum"}, {}, "Second statement", "Giraffes arrived.");
  dir.write("a/two.jsonl", jsonl_line(second));
  index_paths(db, {(dir.path() / "a").string()});
  EXPECT_EQ(server.get_json("/api/search?q=giraffes")["total"], 1);
  EXPECT_EQ(server.get_json("/healthz")["documents"], 2);
}

}  // namespace
}  // namespace pressroom::testing
