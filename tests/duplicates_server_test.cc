// Near-duplicate releases against the real server: copies of one release are
// one result, counted once in the total and the facets, with the other
// copies reachable from it (JSON, release page, search page); related
// releases leave out the release and its copies; a quote that copies share
// is one statement.
#include <gtest/gtest.h>

#include <set>

#include "tests/fixtures.h"
#include "tests/test_server.h"

namespace pressroom::testing {
namespace {

using nlohmann::json;

const char* kShelter =
    "NOGALES, AZ — Puentes Human Rights Center opened an overnight shelter on Tuesday for families released from "
    "federal custody without bus tickets, money or a place to sleep.\n\n"
    "The shelter, in a former parish hall, has forty beds, a kitchen run by volunteers and a room where lawyers "
    "explain the next steps of each family's immigration case. More than 300 people were left at the bus station "
    "last month.\n\n"
    "“Nobody should spend their first night in this country on a bench,” said Carlos Medina, San Diego Office "
    "Director, who coordinated the opening. Donations of blankets and phone cards are welcome.";

const char* kCourts =
    "PHOENIX, AZ — Immigration court hearings in Phoenix were postponed for the third time this year after the "
    "court lost its interpreters for Indigenous languages, leaving families in limbo for months.\n\n"
    "Puentes observers counted 57 hearings cancelled in two weeks. Many of the people waiting speak Mam or "
    "K'iche' and cannot follow proceedings in Spanish.\n\n"
    "“Postponing a hearing is not a neutral act when a family's safety depends on it,” said Isabel Núñez.";

const char* kShelterReport =
    "TUCSON, AZ — A survey of 200 families released at bus stations in southern Arizona found that most had no "
    "money for food and did not know the address of their next immigration hearing.\n\n"
    "Puentes volunteers who run the overnight shelters for released families conducted the interviews over six "
    "months, and recommend that federal agencies coordinate releases with shelters in advance.";

Release make(const std::string& id, const std::string& title, const std::string& date, const std::string& body,
             std::vector<std::string> topics, std::string type = "press-release") {
  Release r;
  r.id = id;
  r.title = title;
  r.date = date;
  r.type = std::move(type);
  r.body = body;
  r.topics = std::move(topics);
  r.spokespeople = {"Carlos Medina"};
  r.url = "https://puentes.example.org/news/" + id;
  return r;
}

Quote shelter_quote() {
  return {"Nobody should spend their first night in this country on a bench.", "Carlos Medina",
          "San Diego Office Director", "Puentes", ""};
}

// The shelter release posted three times: the original, a corrected re-post
// and a summary-only record of it in another export.
std::vector<Release> archive() {
  Release original = make("shelter", "Puentes Opens Overnight Shelter in Nogales", "2023-03-14", kShelter,
                          {"Asylum", "Housing Justice"});
  original.quotes = {shelter_quote()};
  std::string fixed = kShelter;
  fixed.replace(fixed.find("forty beds"), 10, "forty-two beds");
  Release updated = make("shelter-updated", "UPDATED: Puentes Opens Overnight Shelter in Nogales", "2023-03-14",
                         fixed, {"Asylum", "Housing Justice"});
  updated.quotes = {shelter_quote()};
  Release summary = make("shelter-summary", "Puentes opens overnight shelter in Nogales", "2023-03-14", "",
                         {"Asylum"}, "statement");
  summary.summary = "Puentes Human Rights Center opened an overnight shelter on Tuesday for families released from "
                    "federal custody without bus tickets, money or a place to sleep.";
  std::vector<Release> out = {
      original, updated, summary,
      make("courts", "Phoenix Hearings Postponed Again", "2023-04-02", kCourts, {"Due Process"}),
      make("shelter-report", "Released Families Left Without Food or Addresses", "2023-09-20", kShelterReport,
           {"Asylum", "Housing Justice"}, "report")};
  // Releases on other subjects, so that word statistics mean something.
  const std::vector<std::pair<std::string, std::string>> others = {
      {"Voters in Yuma County Face Longer Lines", "Early voting sites in Yuma County were cut from nine to four, "
                                                  "and voters waited up to three hours in the heat on Saturday."},
      {"Tenants Win Repairs on the Southside", "After a year of organizing, tenants at two apartment complexes "
                                               "won new roofs, working air conditioning and a rent freeze."},
      {"Heat Rule Petition Delivered", "Farmworkers delivered a petition with six thousand signatures asking the "
                                       "state for an enforceable heat standard in the fields."},
      {"Youth Fellows Teach Rights Workshops", "High school fellows taught twenty workshops on constitutional "
                                               "rights in libraries and churches across the county."},
      {"Checkpoint Records Lawsuit Filed", "Puentes sued for records of stops at an interior checkpoint where "
                                           "residents of tribal lands say they are questioned daily."},
  };
  for (size_t i = 0; i < others.size(); ++i) {
    std::string n = std::to_string(i + 1);
    out.push_back(make("other-" + n, others[i].first, "2022-0" + n + "-10", others[i].second, {"Policing"}));
  }
  return out;
}

const std::set<std::string> kShelterGroup = {"shelter", "shelter-updated", "shelter-summary"};

class Duplicates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string lines;
    for (const Release& r : archive()) lines += jsonl_line(r);
    dir_->write("archive/releases.jsonl", lines);
    std::string db = (dir_->path() / "db").string();
    IndexStats stats = index_paths(db, {(dir_->path() / "archive").string()});
    EXPECT_EQ(stats.duplicates, 2u);
    server_ = new TestServer(db);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static std::set<std::string> ids_of(const json& list) {
    std::set<std::string> out;
    for (const auto& item : list) out.insert(item["id"].get<std::string>());
    return out;
  }
  static TempDir* dir_;
  static TestServer* server_;
};

TempDir* Duplicates::dir_ = nullptr;
TestServer* Duplicates::server_ = nullptr;

TEST_F(Duplicates, CopiesAreOneResultWithTheOthersListed) {
  json r = server_->get_json("/api/search?q=overnight%20shelter%20Nogales");
  std::vector<json> shelters;
  for (const auto& hit : r["results"])
    if (kShelterGroup.count(hit["id"])) shelters.push_back(hit);
  ASSERT_EQ(shelters.size(), 1u) << r.dump(1);
  const json& hit = shelters[0];
  std::set<std::string> expected = kShelterGroup;
  expected.erase(hit["id"].get<std::string>());
  EXPECT_EQ(ids_of(hit["duplicates"]), expected);
  for (const auto& copy : hit["duplicates"]) {
    EXPECT_EQ(copy["date"], "2023-03-14");
    EXPECT_NE(copy["title"].get<std::string>().find("Shelter"), std::string::npos) << copy;
    EXPECT_EQ(copy["url"], "https://puentes.example.org/news/" + copy["id"].get<std::string>());
  }
  EXPECT_EQ(r["total"], r["results"].size());
}

TEST_F(Duplicates, AReleaseWithoutCopiesListsNone) {
  json r = server_->get_json("/api/search?q=interpreters");
  ASSERT_EQ(r["results"].size(), 1u);
  EXPECT_TRUE(r["results"][0]["duplicates"].empty());
}

TEST_F(Duplicates, TotalAndFacetsCountResultsNotCopies) {
  json r = server_->get_json("/api/search?size=100");
  EXPECT_EQ(r["total"], 8);  // the shelter, the courts, the report and five others
  EXPECT_EQ(r["results"].size(), 8u);
  uint64_t types = 0;
  for (const auto& v : r["facets"]["type"]) types += v["count"].get<uint64_t>();
  EXPECT_EQ(types, 8u);
  for (const auto& v : r["facets"]["topic"]) {
    std::string value = v["value"];
    if (value == "Asylum" || value == "Housing Justice") {
      EXPECT_EQ(v["count"], 2) << value << ": the shelter's copies count once";
    }
  }
}

TEST_F(Duplicates, AFacetCountIsTheTotalItsSelectionShows) {
  json all = server_->get_json("/api/search");
  for (const auto& v : all["facets"]["topic"]) {
    std::string value = v["value"];
    json chosen = server_->get_json("/api/search?topic=" + httplib::detail::encode_query_param(value));
    EXPECT_EQ(chosen["total"], v["count"]) << value;
  }
}

TEST_F(Duplicates, TheReleaseApiListsTheCopies) {
  json r = server_->get_json("/api/releases/shelter-updated");
  EXPECT_EQ(ids_of(r["duplicates"]), (std::set<std::string>{"shelter", "shelter-summary"}));
  EXPECT_TRUE(server_->get_json("/api/releases/courts")["duplicates"].empty());
}

TEST_F(Duplicates, RelatedLeavesOutTheReleaseAndItsCopies) {
  json r = server_->get_json("/api/releases/shelter/related");
  std::set<std::string> got = ids_of(r["related"]);
  for (const std::string& id : kShelterGroup) EXPECT_FALSE(got.count(id)) << id;
  EXPECT_TRUE(got.count("shelter-report")) << r.dump(1);
  // From elsewhere, the copies are one related release.
  json other = server_->get_json("/api/releases/shelter-report/related?size=10");
  size_t copies = 0;
  for (const std::string& id : ids_of(other["related"])) copies += kShelterGroup.count(id);
  EXPECT_EQ(copies, 1u) << other.dump(1);
}

TEST_F(Duplicates, AQuoteThatCopiesShareIsOneStatement) {
  json r = server_->get_json("/api/statements?spokesperson=Carlos%20Medina");
  EXPECT_EQ(r["total"], 1) << r.dump(1);
  ASSERT_EQ(r["results"].size(), 1u);
  EXPECT_TRUE(kShelterGroup.count(r["results"][0]["release"]["id"]));
}

TEST_F(Duplicates, TheReleasePageLinksTheOtherCopies) {
  auto res = server_->get("/releases/shelter");
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("Also published as"), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/releases/shelter-updated\""), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/releases/shelter-summary\""), std::string::npos);
  auto alone = server_->get("/releases/courts");
  EXPECT_EQ(alone->body.find("Also published as"), std::string::npos);
}

TEST_F(Duplicates, ASearchPageHitLinksToItsCopies) {
  auto res = server_->get("/?q=overnight+shelter");
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("2 duplicates</a>"), std::string::npos);
  EXPECT_NE(res->body.find("#duplicates\""), std::string::npos);
}

}  // namespace
}  // namespace pressroom::testing
