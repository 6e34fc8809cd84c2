// Search behaviours journalists rely on, against the real server: both
// languages, accents, compounds and numbers, synonyms, spelling, suggestions,
// disjunctive facets, match modes and explanations.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "tests/fixtures.h"
#include "tests/test_server.h"

namespace pressroom::testing {
namespace {

using nlohmann::json;

Release make(std::string id, std::string date, std::vector<std::string> topics, std::vector<std::string> people,
             std::string title, std::string body, std::string lang = "en", std::string type = "press-release") {
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
      make("en-covid", "2020-04-01", {"Public Health"}, {"Rosa Delgado"}, "COVID-19 in detention",
           "Cases of COVID-19 rise in detention centers run by Immigration and Customs Enforcement."),
      make("en-covid19", "2020-05-01", {"Public Health"}, {"Rosa Delgado"}, "Testing shortfall",
           "Only 2,500 tests for covid19 reached the facilities."),
      make("en-ice", "2019-01-10", {"Deportation"}, {"Marcus Bell"}, "ICE raids in Tucson",
           "ICE agents detained workers at dawn."),
      make("es-familias", "2021-03-30", {"Family Detention"}, {"Lucía Fernández"}, "Detención de familias",
           "La detención de familias solicitantes de asilo causa daño a los niños, afirmó Lucía Fernández.", "es"),
      make("es-accion", "2022-10-04", {"Asylum"}, {"Tías Moreno"}, "Acción urgente por los niños",
           "Pedimos acción inmediata para proteger a los niños en la frontera, dijo Tías Moreno.", "es"),
      make("en-asylum-seekers", "2018-06-01", {"Asylum"}, {"Marcus Bell"}, "Asylum seekers turned away",
           "Asylum seekers were turned away at ports of entry under metering."),
      make("en-seekers-apart", "2018-07-02", {"Border Enforcement"}, {"Tomás Herrera"}, "Seekers of asylum",
           "Seekers of safety: seekers asked for asylum, and asylum was denied to seekers."),
      make("en-wage-together", "2022-02-01", {"Wages"}, {"Iris Campos"}, "Claims filed",
           "Workers filed wage theft claims against a contractor in Yuma on Monday."),
      make("en-wage-apart", "2022-02-02", {"Wages"}, {"Iris Campos"}, "Theft of wages",
           "The theft of wages is theft from wage earners, the wage board said."),
      make("en-title42", "2021-08-09", {"Asylum", "Border Enforcement"}, {"Tomás Herrera"},
           "Expulsions under Title 42", "Title 42 expulsions continue at the border."),
      make("en-heat", "2023-07-01", {"Labor Rights"}, {"Maribel Soto"}, "Farmworkers and extreme heat",
           "Farmworkers need water and shade during extreme heat.", "en", "statement"),
      make("en-housing", "2023-09-01", {"Housing Justice"}, {"Naomi Pierce"}, "Tenants win repairs",
           "Tenants in Tucson won repairs after a long campaign.", "en", "statement"),
  };
}

Release with_quotes(Release r, std::vector<Quote> quotes) {
  r.quotes = std::move(quotes);
  return r;
}

// Releases with attributed quotes, for the statements search.
std::vector<Release> quoted() {
  return {
      with_quotes(make("q-heat", "2023-07-02", {"Labor Rights"}, {"Maribel Soto"}, "Heat rules now",
                       "Maribel Soto spoke about heat."),
                  {{"Heat kills farmworkers every summer.", "Maribel Soto", "Labor Rights Coordinator", "Puentes", ""},
                   {"We need shade and water.", "Maribel Soto", "Labor Rights Coordinator", "Puentes", ""}}),
      with_quotes(make("q-family", "2020-11-19", {"Family Detention"}, {"Ana Ruiz"}, "Family detention must end",
                       "Ana Ruiz on family detention."),
                  {{"Family detention harms children.", "Ana Ruiz", "Executive Director", "Puentes", ""}}),
  };
}

class SearchFeatures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string lines;
    for (const Release& r : archive()) lines += jsonl_line(r);
    for (const Release& r : quoted()) lines += jsonl_line(r);
    dir_->write("archive/releases.jsonl", lines);
    dir_->write("synonyms.yaml",
                "- [ICE, Immigration and Customs Enforcement]\n"
                "- [asylum seeker, asylum seekers, solicitante de asilo, solicitantes de asilo]\n"
                "- [wage theft, robo de salario]\n");
    std::string db = (dir_->path() / "db").string();
    index_paths(db, {(dir_->path() / "archive").string()});
    ServerConfig config;
    config.synonyms_path = (dir_->path() / "synonyms.yaml").string();
    server_ = new TestServer(db, config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static std::set<std::string> ids(const std::string& path) {
    json r = server_->get_json(path);
    std::set<std::string> out;
    for (const auto& hit : r["results"]) out.insert(hit["id"]);
    return out;
  }
  static std::map<std::string, uint64_t> facet(const json& response, const std::string& name) {
    std::map<std::string, uint64_t> out;
    for (const auto& v : response["facets"][name]) out[v["value"]] = v["count"];
    return out;
  }
  static TempDir* dir_;
  static TestServer* server_;
};

TempDir* SearchFeatures::dir_ = nullptr;
TestServer* SearchFeatures::server_ = nullptr;

TEST_F(SearchFeatures, AccentsAndCaseDoNotMatter) {
  EXPECT_EQ(ids("/api/search?q=ACCION"), std::set<std::string>{"es-accion"});
  EXPECT_EQ(ids("/api/search?q=acci%C3%B3n"), std::set<std::string>{"es-accion"});
  EXPECT_EQ(ids("/api/search?q=Tias%20Moreno"), std::set<std::string>{"es-accion"});
  EXPECT_EQ(ids("/api/search?q=T%C3%ADas"), std::set<std::string>{"es-accion"});
}

TEST_F(SearchFeatures, SpanishReleasesAreStemmedInSpanish) {
  // "familia" finds "familias" through the Spanish stemmer.
  EXPECT_TRUE(ids("/api/search?q=familia").count("es-familias"));
  json r = server_->get_json("/api/search?q=detenci%C3%B3n%20familia");
  EXPECT_EQ(r["exact_total"], 1);
  EXPECT_EQ(r["results"][0]["id"], "es-familias");
}

TEST_F(SearchFeatures, OneQueryMeetsBothLanguages) {
  // "niños" in Spanish releases and "seekers" in English ones, in one search.
  EXPECT_EQ(ids("/api/search?q=ni%C3%B1os%20OR%20seekers&match=all"),
            (std::set<std::string>{"es-familias", "es-accion", "en-asylum-seekers", "en-seekers-apart"}));
}

TEST_F(SearchFeatures, HyphenatedWordsMatchHoweverTheyAreTyped) {
  std::set<std::string> both{"en-covid", "en-covid19"};
  EXPECT_EQ(ids("/api/search?q=COVID-19"), both);
  EXPECT_EQ(ids("/api/search?q=covid19"), both);
  EXPECT_EQ(ids("/api/search?q=covid%2019"), both);
}

TEST_F(SearchFeatures, GroupedNumbersMatchWithOrWithoutCommas) {
  EXPECT_EQ(ids("/api/search?q=2500"), std::set<std::string>{"en-covid19"});
  EXPECT_EQ(ids("/api/search?q=2%2C500"), std::set<std::string>{"en-covid19"});
}

TEST_F(SearchFeatures, PhraseWithNumberMatches) {
  EXPECT_EQ(ids("/api/search?q=%22Title%2042%22"), std::set<std::string>{"en-title42"});
}

TEST_F(SearchFeatures, AcronymFindsTheLongFormAndIsExplained) {
  json r = server_->get_json("/api/search?q=ICE");
  std::set<std::string> got;
  for (const auto& hit : r["results"]) got.insert(hit["id"]);
  EXPECT_EQ(got, (std::set<std::string>{"en-ice", "en-covid"}));
  ASSERT_TRUE(r.contains("synonyms"));
  EXPECT_EQ(r["synonyms"][0]["matched"], "ICE");
  EXPECT_EQ(r["synonyms"][0]["added"][0], "Immigration and Customs Enforcement");
}

TEST_F(SearchFeatures, SynonymsCrossLanguages) {
  EXPECT_TRUE(ids("/api/search?q=asylum%20seekers").count("es-familias"));
}

TEST_F(SearchFeatures, SynonymWordsTypedWithoutQuotesStillMatchApart) {
  // Without quotes the words need not be side by side, as without synonyms.
  EXPECT_EQ(ids("/api/search?q=asylum%20seekers"),
            (std::set<std::string>{"en-asylum-seekers", "en-seekers-apart", "es-familias"}));
  EXPECT_EQ(ids("/api/search?q=%22asylum%20seekers%22"), std::set<std::string>{"en-asylum-seekers"});
}

TEST_F(SearchFeatures, SynonymWordsSideBySideRankFirst) {
  // en-wage-apart says both words more often, so on the words alone it would lead.
  json r = server_->get_json("/api/search?q=wage%20theft");
  std::vector<std::string> order;
  for (const auto& hit : r["results"]) order.push_back(hit["id"]);
  EXPECT_EQ(order, (std::vector<std::string>{"en-wage-together", "en-wage-apart"}));
}

TEST_F(SearchFeatures, MatchAllWithoutFullMatchesGoesOnWithPartialOnes) {
  json r = server_->get_json("/api/search?q=farmworkers%20tenants");
  EXPECT_EQ(r["relaxed"], true);
  EXPECT_EQ(r["exact_total"], 0);
  EXPECT_EQ(r["total"], 2);
}

TEST_F(SearchFeatures, RelaxedResultsKeepFullMatchesFirst) {
  json r = server_->get_json("/api/search?q=tenants%20repairs%20farmworkers");
  EXPECT_EQ(r["relaxed"], true);
  EXPECT_EQ(r["exact_total"], 0);
  EXPECT_EQ(r["results"][0]["id"], "en-housing");
  json full = server_->get_json("/api/search?q=tenants%20repairs");
  EXPECT_EQ(full["exact_total"], 1);
  EXPECT_EQ(full["results"][0]["id"], "en-housing");
}

TEST_F(SearchFeatures, SyntaxIsNeverRelaxed) {
  json r = server_->get_json("/api/search?q=farmworkers%20AND%20tenants");
  EXPECT_EQ(r["total"], 0);
  EXPECT_FALSE(r.contains("relaxed"));
  json sorted = server_->get_json("/api/search?q=farmworkers%20tenants&sort=date");
  EXPECT_EQ(sorted["total"], 0);
}

TEST_F(SearchFeatures, MatchAnyRanksByHowManyWordsMatch) {
  json any = server_->get_json("/api/search?q=farmworkers%20tenants%20campaign&match=any");
  EXPECT_EQ(any["total"], 2);
  EXPECT_EQ(any["results"][0]["id"], "en-housing");  // two of the three words
  EXPECT_EQ(any["match"], "any");
}

TEST_F(SearchFeatures, BadMatchModeIs400) {
  json r = server_->get_json("/api/search?q=x&match=some", 400);
  EXPECT_EQ(r["error"]["code"], "invalid_parameter");
}

TEST_F(SearchFeatures, DisjunctiveFacetsIgnoreTheirOwnSelection) {
  json r = server_->get_json("/api/search?topic=Asylum");
  EXPECT_EQ(r["total"], 3);
  auto topics = facet(r, "topic");
  // Every topic still shows what choosing it would add.
  EXPECT_EQ(topics["Asylum"], 3u);
  EXPECT_EQ(topics["Public Health"], 2u);
  EXPECT_EQ(topics["Labor Rights"], 2u);
  // Other facets apply the topic selection.
  auto people = facet(r, "spokesperson");
  EXPECT_EQ(people.count("Rosa Delgado"), 0u);
  EXPECT_EQ(people["Marcus Bell"], 1u);
}

TEST_F(SearchFeatures, OtherFacetSelectionsStillNarrowAFacet) {
  json r = server_->get_json("/api/search?topic=Asylum&type=statement");
  EXPECT_EQ(r["total"], 0);
  auto topics = facet(r, "topic");  // topics among statements
  EXPECT_EQ(topics, (std::map<std::string, uint64_t>{{"Labor Rights", 1}, {"Housing Justice", 1}}));  // statements only
}

TEST_F(SearchFeatures, FacetsParameterChoosesWhatIsCounted) {
  json r = server_->get_json("/api/search?facets=topic,year");
  EXPECT_TRUE(r["facets"].contains("topic"));
  EXPECT_TRUE(r["facets"].contains("year"));
  EXPECT_FALSE(r["facets"].contains("spokesperson"));
  json none = server_->get_json("/api/search?facets=none");
  EXPECT_TRUE(none["facets"].empty());
  server_->get_json("/api/search?facets=colour", 400);
}

TEST_F(SearchFeatures, MonthHistogramOnlyForShortSpans) {
  json wide = server_->get_json("/api/search");
  EXPECT_FALSE(wide["facets"].contains("month"));
  json narrow = server_->get_json("/api/search?from=2020&to=2021");
  ASSERT_TRUE(narrow["facets"].contains("month"));
  auto months = facet(narrow, "month");
  EXPECT_EQ(months["2020-04"], 1u);
  EXPECT_EQ(months["2021-08"], 1u);
}

TEST_F(SearchFeatures, YearHistogramIgnoresTheDateSelection) {
  json r = server_->get_json("/api/search?from=2020&to=2020");
  EXPECT_EQ(r["total"], 3);
  auto years = facet(r, "year");
  EXPECT_EQ(years.size(), 6u);  // all years stay visible for the histogram
  EXPECT_EQ(years["2020"], 3u);
  EXPECT_EQ(years["2023"], 3u);
}

TEST_F(SearchFeatures, ExplainShowsEachTermsWeight) {
  json r = server_->get_json("/api/search?q=extreme%20heat&explain=1");
  ASSERT_GE(r["results"].size(), 1u);
  EXPECT_EQ(r["results"][0]["id"], "en-heat");
  const json& parts = r["results"][0]["explain"]["terms"];
  ASSERT_GE(parts.size(), 2u);
  double sum = 0;
  for (const auto& p : parts) sum += p["weight"].get<double>();
  // Weights are shown to nine significant digits, each part rounded alone.
  double score = r["results"][0]["score"].get<double>();
  EXPECT_NEAR(sum, score, 1e-7 * score);
}

TEST_F(SearchFeatures, ExplainShowsTheWordsAWildcardMatched) {
  json r = server_->get_json("/api/search?q=extrem*%20heat&explain=1");
  ASSERT_GE(r["results"].size(), 1u);
  EXPECT_EQ(r["results"][0]["id"], "en-heat");
  const json& parts = r["results"][0]["explain"]["terms"];
  double sum = 0;
  bool expansion = false;
  for (const auto& p : parts) {
    sum += p["weight"].get<double>();
    expansion |= p["term"].get<std::string>().rfind("extrem", 0) == 0;
  }
  EXPECT_TRUE(expansion) << parts.dump();
  double score = r["results"][0]["score"].get<double>();
  EXPECT_NEAR(sum, score, 1e-7 * score);
}

TEST_F(SearchFeatures, SuggestCompletesNamesTopicsAndTitles) {
  json r = server_->get_json("/api/suggest?q=ros");
  ASSERT_FALSE(r["suggestions"].empty());
  EXPECT_EQ(r["suggestions"][0]["kind"], "spokesperson");
  EXPECT_EQ(r["suggestions"][0]["value"], "Rosa Delgado");
  EXPECT_EQ(r["suggestions"][0]["count"], 2);
  json by_last_name = server_->get_json("/api/suggest?q=fernan");
  EXPECT_EQ(by_last_name["suggestions"][0]["value"], "Lucía Fernández");
  json topic = server_->get_json("/api/suggest?q=public%20he");
  EXPECT_EQ(topic["suggestions"][0]["kind"], "topic");
  EXPECT_EQ(topic["suggestions"][0]["value"], "Public Health");
  json title = server_->get_json("/api/suggest?q=expulsi");
  bool found = false;
  for (const auto& s : title["suggestions"]) found |= s["kind"] == "title" && s["id"] == "en-title42";
  EXPECT_TRUE(found) << title.dump();
}

TEST_F(SearchFeatures, SuggestWithNothingTypedIsEmpty) {
  EXPECT_TRUE(server_->get_json("/api/suggest?q=")["suggestions"].empty());
}

TEST_F(SearchFeatures, QueryWithoutSearchableWordsIs400) {
  json r = server_->get_json("/api/search?q=%28%28%20%29", 400);
  EXPECT_EQ(r["error"]["code"], "invalid_parameter");
}

TEST_F(SearchFeatures, MisspeltQueryGetsADidYouMeanFromTheArchivesWords) {
  json r = server_->get_json("/api/search?q=farmwokers");
  EXPECT_EQ(r["total"], 0);
  EXPECT_EQ(r["did_you_mean"], "farmworkers");
}

TEST_F(SearchFeatures, AutocorrectRunsTheSuggestion) {
  json r = server_->get_json("/api/search?q=farmwokers&autocorrect=1");
  EXPECT_EQ(r["corrected_from"], "farmwokers");
  EXPECT_GE(r["total"].get<int>(), 1);
  EXPECT_EQ(r["results"][0]["id"], "en-heat");
}

TEST_F(SearchFeatures, MisspeltNameIsCorrected) {
  json r = server_->get_json("/api/search?q=Delgato");
  EXPECT_EQ(r["did_you_mean"], "delgado");
}

TEST_F(SearchFeatures, StatementsFindWhatASpokespersonSaidAboutATopic) {
  json r = server_->get_json("/api/statements?q=heat&spokesperson=Maribel%20Soto");
  ASSERT_EQ(r["total"], 1);
  const json& hit = r["results"][0];
  EXPECT_EQ(hit["speaker"], "Maribel Soto");
  EXPECT_EQ(hit["role"], "Labor Rights Coordinator");
  EXPECT_EQ(hit["date"], "2023-07-02");
  EXPECT_EQ(hit["release"]["id"], "q-heat");
  EXPECT_NE(hit["text"].get<std::string>().find("<mark>Heat</mark>"), std::string::npos) << hit;
}

TEST_F(SearchFeatures, StatementsFindAQuotedPhraseOnlyInTheQuotesThatSayIt) {
  // Quote words have no positions: the phrase is checked in each quote's text.
  json r = server_->get_json("/api/statements?q=%22family%20detention%22");
  ASSERT_EQ(r["total"], 1) << r;
  EXPECT_EQ(r["results"][0]["release"]["id"], "q-family");
  r = server_->get_json("/api/statements?q=%22shade%20and%20water%22");
  ASSERT_EQ(r["total"], 1) << r;
  EXPECT_NE(r["results"][0]["text"].get<std::string>().find("<mark>shade</mark>"), std::string::npos) << r;
  EXPECT_EQ(server_->get_json("/api/statements?q=%22water%20and%20shade%22")["total"], 0);
  EXPECT_EQ(server_->get_json("/api/statements?q=%22detention%20family%22")["total"], 0);
}

TEST_F(SearchFeatures, StatementsWithoutQueryListEveryQuoteNewestFirstWithFacets) {
  json r = server_->get_json("/api/statements");
  EXPECT_EQ(r["total"], 3);
  EXPECT_EQ(r["results"][0]["release"]["id"], "q-heat");
  std::map<std::string, uint64_t> people;
  for (const auto& v : r["facets"]["spokesperson"]) people[v["value"]] = v["count"];
  EXPECT_EQ(people, (std::map<std::string, uint64_t>{{"Maribel Soto", 2}, {"Ana Ruiz", 1}}));
  json by_topic = server_->get_json("/api/statements?topic=Family%20Detention");
  EXPECT_EQ(by_topic["total"], 1);
  EXPECT_EQ(by_topic["results"][0]["speaker"], "Ana Ruiz");
}

TEST_F(SearchFeatures, RelatedReleasesAreLikeTheReleaseAndExcludeIt) {
  json r = server_->get_json("/api/releases/en-covid/related");
  ASSERT_FALSE(r["related"].empty());
  std::set<std::string> got;
  for (const auto& hit : r["related"]) got.insert(hit["id"]);
  EXPECT_FALSE(got.count("en-covid"));
  EXPECT_EQ(r["related"][0]["id"], "en-covid19");
}

TEST_F(SearchFeatures, RelatedOfAnUnknownReleaseIs404) {
  server_->get_json("/api/releases/nope/related", 404);
}

}  // namespace
}  // namespace pressroom::testing
