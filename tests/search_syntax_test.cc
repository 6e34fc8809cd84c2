// Every example of docs/search-syntax.md, run against the sample archive: the
// documentation cannot promise what the engine does not do.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "common/searcher.h"
#include "common/synonyms.h"
#include "tests/fixtures.h"

namespace pressroom::testing {
namespace {

struct Example {
  std::string query, finds, never;
  int line = 0;
};

std::vector<Example> examples_in_docs() {
  std::ifstream in(std::string(PRESSROOM_SOURCE_DIR) + "/docs/search-syntax.md");
  std::vector<Example> examples;
  std::string line;
  bool inside = false;
  int number = 0;
  // | `query` | what it does | `finds` | `never` |
  std::regex row(R"(^\|\s*`([^`]+)`\s*\|[^|]*\|\s*`([^`]+)`\s*\|\s*(?:`([^`]+)`)?\s*\|\s*$)");
  while (std::getline(in, line)) {
    ++number;
    if (line.find("<!-- examples:begin -->") != std::string::npos) inside = true;
    if (line.find("<!-- examples:end -->") != std::string::npos) inside = false;
    std::smatch m;
    if (inside && std::regex_match(line, m, row)) examples.push_back({m[1], m[2], m[3], number});
  }
  return examples;
}

class SearchSyntaxDocs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = (dir_->path() / "db").string();
    index_paths(db_, {std::string(PRESSROOM_SOURCE_DIR) + "/corpus"});
    synonyms_ = new Synonyms(Synonyms::load(std::string(PRESSROOM_SOURCE_DIR) + "/corpus/synonyms.yaml"));
  }
  static void TearDownTestSuite() {
    delete synonyms_;
    delete dir_;
  }
  static TempDir* dir_;
  static std::string db_;
  static Synonyms* synonyms_;
};

TempDir* SearchSyntaxDocs::dir_ = nullptr;
std::string SearchSyntaxDocs::db_;
Synonyms* SearchSyntaxDocs::synonyms_ = nullptr;

TEST_F(SearchSyntaxDocs, HasExamples) { EXPECT_GE(examples_in_docs().size(), 25u); }

TEST_F(SearchSyntaxDocs, EveryExampleFindsWhatTheDocsSay) {
  Searcher searcher(db_, synonyms_);
  for (const Example& example : examples_in_docs()) {
    SearchResult result = searcher.search(parse_search_request({{"q", example.query}, {"size", "100"}}));
    std::set<std::string> ids;
    for (const SearchHit& hit : result.hits) ids.insert(hit.release.id);
    EXPECT_TRUE(ids.count(example.finds))
        << "docs/search-syntax.md:" << example.line << ": `" << example.query << "` should find " << example.finds
        << " (total " << result.total << ")";
    if (!example.never.empty()) {
      EXPECT_FALSE(ids.count(example.never))
          << "docs/search-syntax.md:" << example.line << ": `" << example.query << "` must not find " << example.never;
    }
  }
}

}  // namespace
}  // namespace pressroom::testing
