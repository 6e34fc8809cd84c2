// The searches of the sample archive (corpus/) that equivalence tests ask
// two set-ups (shards against one database, several threads against one):
// every kind of query, filter, sort and page.
#pragma once

#include <vector>

#include "common/search_request.h"

namespace pressroom::testing {

inline std::vector<ParamMap> sample_searches() {
  return {
      {},
      {{"q", "detention"}},
      {{"q", "family detention"}},
      {{"q", "\"family detention\""}},
      {{"q", "asylum -mexico"}},
      {{"q", "covid 19"}},
      {{"q", "ICE"}},
      {{"q", "detain*"}},
      {{"q", "title:border"}},
      {{"q", "solicitantes de asilo"}},
      {{"q", "detention"}, {"match", "any"}},
      {{"q", "heat farmworkers water shade"}},
      {{"q", "detension"}},
      {{"q", "detension"}, {"autocorrect", "1"}},
      {{"q", "detention"}, {"sort", "date"}},
      {{"q", "detention"}, {"sort", "date-asc"}, {"page", "2"}},
      {{"q", "asylum"}, {"page", "3"}, {"size", "5"}},
      {{"q", "asylum"}, {"topic", "Family Detention"}},
      {{"topic", "Asylum"}, {"topic", "Family Detention"}},
      {{"q", "border"}, {"from", "2019"}, {"to", "2021"}},
      {{"q", "date:2020..2021 health"}},
      {{"from", "2020"}, {"to", "2021"}},
      {{"type", "statement"}},
      {{"q", "court"}, {"facets", "topic,year"}},
  };
}

}  // namespace pressroom::testing
