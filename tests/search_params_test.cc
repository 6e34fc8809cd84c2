// A search's URL state: canonical order, one-change copies, encoding.
#include "server/search_params.h"

#include <gtest/gtest.h>

namespace pressroom {
namespace {

SearchParams of(std::initializer_list<std::pair<const std::string, std::string>> items) {
  return SearchParams::from(ParamMap(items));
}

TEST(SearchParams, KeepsKnownParametersInCanonicalOrder) {
  SearchParams p = of({{"page", "2"}, {"utm_source", "x"}, {"topic", "B"}, {"q", "family detention"}, {"topic", "A"},
                       {"from", " "}, {"sort", "date"}});
  EXPECT_EQ(p.query_string(), "q=family%20detention&topic=B&topic=A&sort=date&page=2");
  EXPECT_EQ(p.href("/"), "/?q=family%20detention&topic=B&topic=A&sort=date&page=2");
  EXPECT_EQ(SearchParams().href("/feed.atom"), "/feed.atom");
}

TEST(SearchParams, DerivesOneChangeCopies) {
  SearchParams p = of({{"q", "x"}, {"topic", "Family Detention"}, {"page", "3"}});
  EXPECT_TRUE(p.has("topic", "family detention"));  // folded like the engine
  EXPECT_TRUE(p.has("topic", "FAMÍLY DETENTION"));
  EXPECT_EQ(p.without("topic", "FAMILY detention").href("/"), "/?q=x&page=3");
  EXPECT_EQ(p.first_page().with("type", "statement").href("/"), "/?q=x&topic=Family%20Detention&type=statement");
  EXPECT_EQ(p.with_only("page", "4").href("/"), "/?q=x&topic=Family%20Detention&page=4");
  EXPECT_EQ(p.with("topic", "").href("/"), p.href("/"));
  EXPECT_EQ(p.get("page"), "3");
  EXPECT_EQ(p.all("topic"), std::vector<std::string>{"Family Detention"});
}

TEST(PercentEncode, LeavesOnlyUnreservedCharacters) {
  EXPECT_EQ(percent_encode("a b&c=d/é?#+\"<>'"), "a%20b%26c%3Dd%2F%C3%A9%3F%23%2B%22%3C%3E%27");
  EXPECT_EQ(percent_encode("news/2020/a-b_c.d~e", true), "news/2020/a-b_c.d~e");
}

}  // namespace
}  // namespace pressroom
