// Ranking quality on the sample archive. The judged query set
// (tests/relevance/judged_queries.jsonl; docs/relevance.md says how it was
// built and judged) runs through the Searcher as the server runs it — the
// whole of corpus/ indexed, corpus/synonyms.yaml loaded as scripts/serve.sh
// does, default relevance order — and each query is scored by nDCG@10:
// gain 2^grade − 1, discount log2(rank + 1), ideal DCG from every judged
// release of the query. Unjudged hits count as grade 0. Copies of one
// release (near duplicates) are one result, as the search shows them: a
// group is judged by its best-graded member, wherever it is listed.
//
//   build/tests/pressroom_tests --gtest_filter='Relevance*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "common/release.h"
#include "common/search_request.h"
#include "common/searcher.h"
#include "common/synonyms.h"
#include "tests/fixtures.h"

namespace pressroom::testing {
namespace {

constexpr const char* kJudgedQueries = PRESSROOM_SOURCE_DIR "/tests/relevance/judged_queries.jsonl";
constexpr const char* kArchive = PRESSROOM_SOURCE_DIR "/corpus";
constexpr const char* kSynonyms = PRESSROOM_SOURCE_DIR "/corpus/synonyms.yaml";

constexpr size_t kDepth = 10;          // nDCG@10: the first page
constexpr double kMinMeanNdcg = 0.8;   // the bar set by issue 4
constexpr size_t kMinQueries = 40;

struct JudgedQuery {
  int qid = 0;
  std::string q;
  ParamMap params;                      // extra API parameters (from, to, type, ...)
  std::string note;                     // what the journalist wants
  std::map<std::string, int> grades;    // release id → 1 related, 2 highly relevant, 3 exactly it
};

// Reads the judged set; a malformed line fails the test with its line number
// and is left out.
std::vector<JudgedQuery> load_judged_queries() {
  std::ifstream in(kJudgedQueries);
  EXPECT_TRUE(in) << "cannot read " << kJudgedQueries;
  std::vector<JudgedQuery> queries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      nlohmann::json j = nlohmann::json::parse(line);
      JudgedQuery query;
      query.qid = j.at("qid").get<int>();
      query.q = j.at("q").get<std::string>();
      query.note = j.value("note", "");
      const nlohmann::json params = j.value("params", nlohmann::json::object());
      for (const auto& [name, value] : params.items()) {
        if (value.is_array()) {
          for (const auto& each : value) query.params.emplace(name, each.get<std::string>());
        } else {
          query.params.emplace(name, value.get<std::string>());
        }
      }
      for (const auto& [id, grade] : j.at("judgements").items()) query.grades[id] = grade.get<int>();
      queries.push_back(std::move(query));
    } catch (const nlohmann::json::exception& e) {
      ADD_FAILURE() << kJudgedQueries << ":" << number << ": " << e.what();
    }
  }
  return queries;
}

double gain(int grade) { return std::exp2(grade) - 1; }

// DCG of grades listed in rank order (the first kDepth count).
double dcg(const std::vector<int>& grades) {
  double sum = 0;
  for (size_t rank = 0; rank < grades.size() && rank < kDepth; ++rank) {
    sum += gain(grades[rank]) / std::log2(static_cast<double>(rank) + 2);
  }
  return sum;
}

// nDCG@10 of a ranking against the judgements; 0 when nothing is judged relevant.
double ndcg(const std::vector<std::string>& ranked_ids, const std::map<std::string, int>& grades) {
  std::vector<int> got;
  for (const std::string& id : ranked_ids) {
    auto it = grades.find(id);
    got.push_back(it == grades.end() ? 0 : it->second);
  }
  std::vector<int> ideal;
  for (const auto& [id, grade] : grades) ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  double best = dcg(ideal);
  return best > 0 ? dcg(got) / best : 0;
}

std::string fixed(double value, int digits = 3) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

// Why `release` cannot be returned under the query's filters (from, to, type,
// topic, spokesperson), or "" when it can. Other parameters do not filter.
std::string outside_filters(const Release& release, const ParamMap& params) {
  auto values = [&](const std::string& name) {
    std::vector<std::string> out;
    auto [begin, end] = params.equal_range(name);
    for (auto it = begin; it != end; ++it) out.push_back(it->second);
    return out;
  };
  auto one_of = [](const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
    return wanted.empty() || std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
             return std::find(have.begin(), have.end(), w) != have.end();
           });
  };
  // YYYY, YYYY-MM and YYYY-MM-DD bounds compare with the date's prefix of the same length.
  for (const std::string& from : values("from")) {
    if (release.date.substr(0, from.size()) < from) return "dated " + release.date + ", before from=" + from;
  }
  for (const std::string& to : values("to")) {
    if (release.date.substr(0, to.size()) > to) return "dated " + release.date + ", after to=" + to;
  }
  if (!one_of(values("type"), {release.type})) return "of type " + release.type;
  if (!one_of(values("topic"), release.topics)) return "outside the topic filter";
  if (!one_of(values("spokesperson"), release.spokespeople)) return "outside the spokesperson filter";
  return "";
}

// The name a release's group of copies is judged under: the smallest id
// among the release and its near duplicates.
std::string group_name(Searcher& searcher, const std::string& id) {
  std::string name = id;
  for (const Release& copy : searcher.duplicates(id)) name = std::min(name, copy.id);
  return name;
}

class Relevance : public ::testing::Test {
 protected:
  // One index of the whole sample archive for every test in the suite.
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = (dir_->path() / "db").string();
    index_paths(db_, {kArchive});
    if (std::filesystem::exists(kSynonyms)) synonyms_ = new Synonyms(Synonyms::load(kSynonyms));
  }
  static void TearDownTestSuite() {
    delete synonyms_;
    synonyms_ = nullptr;
    delete dir_;
    dir_ = nullptr;
  }

  static TempDir* dir_;
  static std::string db_;
  static Synonyms* synonyms_;
};

TempDir* Relevance::dir_ = nullptr;
std::string Relevance::db_;
Synonyms* Relevance::synonyms_ = nullptr;

TEST_F(Relevance, JudgedSetHasAtLeast40WellFormedQueries) {
  std::vector<JudgedQuery> queries = load_judged_queries();
  EXPECT_GE(queries.size(), kMinQueries);
  std::set<int> qids;
  for (const JudgedQuery& query : queries) {
    EXPECT_TRUE(qids.insert(query.qid).second) << "qid " << query.qid << " appears twice";
    EXPECT_FALSE(query.q.empty()) << "qid " << query.qid;
    EXPECT_FALSE(query.note.empty()) << "qid " << query.qid << " says nothing about what is wanted";
    bool any_relevant = false;
    for (const auto& [id, grade] : query.grades) {
      EXPECT_TRUE(grade >= 0 && grade <= 3) << "qid " << query.qid << ", " << id << ": grade " << grade;
      any_relevant = any_relevant || grade > 0;
    }
    EXPECT_TRUE(any_relevant) << "qid " << query.qid << " judges no release relevant";
  }
}

// A renamed or dropped file must not silently zero a query.
TEST_F(Relevance, EveryJudgedReleaseExistsInTheSampleArchive) {
  Searcher searcher(db_, synonyms_);
  for (const JudgedQuery& query : load_judged_queries()) {
    for (const auto& [id, grade] : query.grades) {
      EXPECT_TRUE(searcher.release(id).has_value()) << "qid " << query.qid << " (" << query.q << ") judges " << id
                                                    << ", which the index of corpus/ does not hold";
    }
  }
}

// A judgement the query's own filters exclude could never be retrieved; it
// would only inflate the ideal DCG.
TEST_F(Relevance, JudgedReleasesLieInsideTheirQueryFilters) {
  Searcher searcher(db_, synonyms_);
  for (const JudgedQuery& query : load_judged_queries()) {
    if (query.params.empty()) continue;
    for (const auto& [id, grade] : query.grades) {
      std::optional<Release> release = searcher.release(id);
      if (!release) continue;  // reported by EveryJudgedReleaseExistsInTheSampleArchive
      EXPECT_EQ(outside_filters(*release, query.params), "") << "qid " << query.qid << " judges " << id;
    }
  }
}

TEST_F(Relevance, MeanNdcgAt10OnTheJudgedSetIsAtLeast0_8) {
  std::vector<JudgedQuery> queries = load_judged_queries();
  ASSERT_FALSE(queries.empty());
  Searcher searcher(db_, synonyms_);

  double total = 0;
  std::ostringstream report;
  report << "qid  nDCG@10  query\n";
  for (const JudgedQuery& query : queries) {
    ParamMap params = query.params;
    params.emplace("q", query.q);
    params.emplace("size", std::to_string(kDepth));

    std::vector<std::string> ranked;
    try {
      SearchResult result = searcher.search(parse_search_request(params));
      for (const SearchHit& hit : result.hits) ranked.push_back(group_name(searcher, hit.release.id));
    } catch (const InvalidParameter& e) {
      ADD_FAILURE() << "qid " << query.qid << ": " << e.what();
    }
    std::map<std::string, int> group_grades;
    for (const auto& [id, grade] : query.grades) {
      int& best = group_grades[group_name(searcher, id)];
      best = std::max(best, grade);
    }
    double score = ndcg(ranked, group_grades);
    total += score;
    RecordProperty("ndcg_at_10_q" + std::to_string(query.qid), fixed(score));

    report << (query.qid < 10 ? " " : "") << query.qid << "   " << fixed(score) << "   " << query.q;
    for (const auto& [name, value] : query.params) report << "  [" << name << "=" << value << "]";
    report << "\n";
    if (score < kMinMeanNdcg) {
      // What the search work needs to see: the grade at each rank, and the
      // best releases that did not make the page.
      report << "           grades by rank:";
      for (const std::string& id : ranked) {
        auto it = group_grades.find(id);
        report << " " << (it == group_grades.end() ? 0 : it->second);
      }
      std::set<std::string> shown(ranked.begin(), ranked.end());
      std::vector<std::pair<int, std::string>> missed;
      for (const auto& [id, grade] : group_grades) {
        if (grade >= 2 && !shown.count(id)) missed.emplace_back(grade, id);
      }
      std::sort(missed.rbegin(), missed.rend());
      report << "; missing:";
      for (const auto& [grade, id] : missed) report << " " << id << " (" << grade << ")";
      report << "\n";
    }
    // Unjudged releases on the page: either noise or a judgement to add
    // (new corpus sections bring releases nobody has judged yet).
    std::vector<std::string> unjudged;
    for (const std::string& id : ranked) {
      if (!group_grades.count(id)) unjudged.push_back(id);
    }
    if (!unjudged.empty()) {
      report << "           unjudged on the page:";
      for (const std::string& id : unjudged) report << " " << id;
      report << "\n";
    }
  }
  double mean = total / static_cast<double>(queries.size());
  RecordProperty("mean_ndcg_at_10", fixed(mean));
  report << "mean nDCG@10 over " << queries.size() << " queries: " << fixed(mean) << "\n";
  std::cout << report.str();

  EXPECT_GE(mean, kMinMeanNdcg) << "see the per-query figures above and docs/relevance.md";
}

}  // namespace
}  // namespace pressroom::testing
