// Specification of common/search_request.h: what the API's query string
// means, and the InvalidParameter each malformed parameter earns.
#include "common/search_request.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/errors.h"

namespace pressroom {
namespace {

// The parameter named by the InvalidParameter that `params` raises, or
// "(accepted)" / "(other exception)" so that failures say what happened.
std::string rejected_parameter(const ParamMap& params) {
  try {
    parse_search_request(params);
    return "(accepted)";
  } catch (const InvalidParameter& e) {
    EXPECT_FALSE(std::string(e.what()).empty()) << "an error without a message for " << e.parameter();
    return e.parameter();
  } catch (const std::exception& e) {
    return std::string("(other exception: ") + e.what() + ")";
  }
}

std::string show(const ParamMap& params) {
  std::string out;
  for (const auto& [k, v] : params) out += (out.empty() ? "" : "&") + k + "=" + v;
  return out;
}

// -------------------------------------------------------------------- defaults

TEST(SearchRequest, DefaultsWithoutParameters) {
  SearchRequest r = parse_search_request({});
  EXPECT_EQ(r.q, "");
  EXPECT_TRUE(r.topics.empty());
  EXPECT_TRUE(r.spokespeople.empty());
  EXPECT_TRUE(r.types.empty());
  EXPECT_EQ(r.from, "");
  EXPECT_EQ(r.to, "");
  EXPECT_EQ(r.sort, SortOrder::DateDesc);
  EXPECT_EQ(r.page, 1);
  EXPECT_EQ(r.size, 10);
}

TEST(SearchRequest, SortsByRelevanceWhenThereIsText) {
  EXPECT_EQ(parse_search_request({{"q", "asylum"}}).sort, SortOrder::Relevance);
}

TEST(SearchRequest, SortsByDateWithoutText) {
  EXPECT_EQ(parse_search_request({{"topic", "Asylum"}}).sort, SortOrder::DateDesc);
  EXPECT_EQ(parse_search_request({{"q", "   "}}).sort, SortOrder::DateDesc);
}

TEST(SearchRequest, IgnoresUnknownParameters) {
  SearchRequest r = parse_search_request({{"utm_source", "newsletter"}, {"q", "asylum"}, {"x", "\xFF"}});
  EXPECT_EQ(r.q, "asylum");
}

TEST(SearchRequest, TrimsTheQueryText) {
  EXPECT_EQ(parse_search_request({{"q", "  family   detention "}}).q, "family detention");
}

// --------------------------------------------------------------------- facets

TEST(SearchRequest, CollectsRepeatedFacetParametersInOrder) {
  SearchRequest r = parse_search_request({{"topic", "Asylum"},
                                          {"topic", "Family Detention"},
                                          {"spokesperson", "Ana Ruiz"},
                                          {"spokesperson", "Lucía Fernández"},
                                          {"type", "statement"},
                                          {"type", "report"}});
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum", "Family Detention"}));
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Ana Ruiz", "Lucía Fernández"}));
  EXPECT_EQ(r.types, (std::vector<std::string>{"statement", "report"}));
}

TEST(SearchRequest, DropsEmptyFacetValues) {
  SearchRequest r = parse_search_request({{"topic", ""}, {"topic", "  "}, {"topic", "Asylum"}});
  EXPECT_EQ(r.topics, (std::vector<std::string>{"Asylum"}));
}

// ----------------------------------------------------------------- date bounds

TEST(SearchRequest, FromIsTheFirstDayAndToTheLastDayOfWhatTheyName) {
  struct Case {
    std::string from, to, expected_from, expected_to;
  };
  const std::vector<Case> cases = {
      {"2020", "2021", "20200101", "20211231"},
      {"2020-02", "2020-02", "20200201", "20200229"},
      {"2021-02", "2021-04", "20210201", "20210430"},
      {"2020-11-18", "2020-11-18", "20201118", "20201118"},
  };
  for (const Case& c : cases) {
    SearchRequest r = parse_search_request({{"from", c.from}, {"to", c.to}});
    EXPECT_EQ(r.from, c.expected_from) << "from=" << c.from;
    EXPECT_EQ(r.to, c.expected_to) << "to=" << c.to;
  }
}

TEST(SearchRequest, AcceptsOneBoundAlone) {
  SearchRequest from_only = parse_search_request({{"from", "2019"}});
  EXPECT_EQ(from_only.from, "20190101");
  EXPECT_EQ(from_only.to, "");
  SearchRequest to_only = parse_search_request({{"to", "2019-06"}});
  EXPECT_EQ(to_only.from, "");
  EXPECT_EQ(to_only.to, "20190630");
}

TEST(SearchRequest, RejectsMalformedOrImpossibleBoundsNamingTheParameter) {
  for (const std::string value : {"2020-02-30", "2020-13", "20", "last year", "2020/01/01", "18-11-2020"}) {
    EXPECT_EQ(rejected_parameter({{"from", value}}), "from") << value;
    EXPECT_EQ(rejected_parameter({{"to", value}}), "to") << value;
  }
}

TEST(SearchRequest, RejectsFromAfterTo) {
  EXPECT_EQ(rejected_parameter({{"from", "2021"}, {"to", "2020"}}), "from");
  EXPECT_EQ(rejected_parameter({{"from", "2020-11-19"}, {"to", "2020-11-18"}}), "from");
}

TEST(SearchRequest, AcceptsFromEqualToAndOverlappingPartialBounds) {
  // from=2020-06 and to=2020 overlap: June 1 to December 31.
  SearchRequest r = parse_search_request({{"from", "2020-06"}, {"to", "2020"}});
  EXPECT_EQ(r.from, "20200601");
  EXPECT_EQ(r.to, "20201231");
  EXPECT_EQ(rejected_parameter({{"from", "2020-11-18"}, {"to", "2020-11-18"}}), "(accepted)");
}

// ----------------------------------------------------------------------- sort

TEST(SearchRequest, ReadsEachSortOrder) {
  const std::vector<std::pair<std::string, SortOrder>> cases = {
      {"relevance", SortOrder::Relevance}, {"date", SortOrder::DateDesc}, {"date-asc", SortOrder::DateAsc}};
  for (const auto& [value, expected] : cases) {
    EXPECT_EQ(parse_search_request({{"sort", value}, {"q", "asylum"}}).sort, expected) << value;
    EXPECT_EQ(parse_search_request({{"sort", value}}).sort, expected) << value << " without q";
  }
}

TEST(SearchRequest, RejectsAnUnknownSort) {
  for (const std::string value : {"newest", "Date", "date_asc", "score", "relevance,date"})
    EXPECT_EQ(rejected_parameter({{"sort", value}}), "sort") << value;
}

// ------------------------------------------------------------ page and size

TEST(SearchRequest, ReadsPageAndSize) {
  SearchRequest r = parse_search_request({{"page", "3"}, {"size", "25"}});
  EXPECT_EQ(r.page, 3);
  EXPECT_EQ(r.size, 25);
}

TEST(SearchRequest, SizeMustBeFromOneToTheMaximum) {
  EXPECT_EQ(parse_search_request({{"size", "1"}}).size, 1);
  EXPECT_EQ(parse_search_request({{"size", std::to_string(kMaxPageSize)}}).size, kMaxPageSize);
  for (const std::string& value : std::vector<std::string>{"0", "-1", std::to_string(kMaxPageSize + 1), "ten",
                                                            "10.5", "1e2", "+5", "5x", "99999999999999999999"})
    EXPECT_EQ(rejected_parameter({{"size", value}}), "size") << value;
}

TEST(SearchRequest, PageMustBeAPositiveInteger) {
  for (const std::string value : {"0", "-2", "two", "1.5", "99999999999999999999"})
    EXPECT_EQ(rejected_parameter({{"page", value}}), "page") << value;
}

TEST(SearchRequest, PageTimesSizeMayReachTheResultWindowButNotPassIt) {
  const int size = 100;
  const int last_page = kMaxResultWindow / size;
  EXPECT_EQ(rejected_parameter({{"page", std::to_string(last_page)}, {"size", std::to_string(size)}}), "(accepted)");
  EXPECT_EQ(rejected_parameter({{"page", std::to_string(last_page + 1)}, {"size", std::to_string(size)}}), "page");
  // With the default size of 10, the last page is kMaxResultWindow / 10.
  EXPECT_EQ(rejected_parameter({{"page", std::to_string(kMaxResultWindow / 10)}}), "(accepted)");
  EXPECT_EQ(rejected_parameter({{"page", std::to_string(kMaxResultWindow / 10 + 1)}}), "page");
}

// --------------------------------------------------------------------- UTF-8

TEST(SearchRequest, RejectsInvalidUtf8NamingTheParameter) {
  const std::string bad = "caf\xC3";
  for (const std::string name : {"q", "topic", "spokesperson", "type", "from", "to", "sort"})
    EXPECT_EQ(rejected_parameter({{name, bad}}), name) << name;
}

TEST(SearchRequest, RejectsInvalidUtf8InAnyRepetitionOfQ) {
  EXPECT_EQ(rejected_parameter({{"q", "\xFF"}, {"q", "asylum"}}), "q");
}

TEST(SearchRequest, AcceptsAccentedText) {
  SearchRequest r = parse_search_request({{"q", "detención"}, {"spokesperson", "Lucía Fernández"}});
  EXPECT_EQ(r.q, "detención");
  EXPECT_EQ(r.spokespeople, (std::vector<std::string>{"Lucía Fernández"}));
}

// -------------------------------------------------------------- query length

TEST(SearchRequest, AcceptsAQueryOfTheMaximumLength) {
  EXPECT_EQ(rejected_parameter({{"q", std::string(kMaxQueryBytes, 'a')}}), "(accepted)");
}

TEST(SearchRequest, RejectsAnOverLongQuery) {
  EXPECT_EQ(rejected_parameter({{"q", std::string(kMaxQueryBytes + 1, 'a')}}), "q");
  std::string words = "asylum";
  while (words.size() <= kMaxQueryBytes) words += " asylum";
  EXPECT_EQ(rejected_parameter({{"q", words}}), "q") << words.size() << " bytes";
}

// ------------------------------------------------------------- match / facets

TEST(SearchRequest, ReadsTheMatchMode) {
  EXPECT_EQ(parse_search_request({}).match, MatchMode::All);
  EXPECT_EQ(parse_search_request({{"match", "any"}}).match, MatchMode::Any);
  EXPECT_EQ(parse_search_request({{"match", "all"}}).match, MatchMode::All);
  EXPECT_EQ(rejected_parameter({{"match", "some"}}), "match");
}

TEST(SearchRequest, ReadsTheFacetSelection) {
  FacetSelection all = parse_search_request({}).facets;
  EXPECT_TRUE(all.topic && all.spokesperson && all.type && all.year && all.month);
  FacetSelection some = parse_search_request({{"facets", "topic,year"}}).facets;
  EXPECT_TRUE(some.topic);
  EXPECT_TRUE(some.year);
  EXPECT_FALSE(some.spokesperson);
  EXPECT_FALSE(some.type);
  EXPECT_FALSE(parse_search_request({{"facets", "none"}}).facets.any());
  EXPECT_EQ(rejected_parameter({{"facets", "topic,colour"}}), "facets");
}

TEST(SearchRequest, ErrorsNameTheParameterInTheirMessage) {
  for (const ParamMap& params : std::vector<ParamMap>{{{"size", "0"}}, {{"sort", "x"}}, {{"from", "x"}}}) {
    try {
      parse_search_request(params);
      ADD_FAILURE() << "accepted " << show(params);
    } catch (const InvalidParameter& e) {
      EXPECT_NE(std::string(e.what()).find(e.parameter()), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace pressroom
