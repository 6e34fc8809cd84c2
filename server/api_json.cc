#include "server/api_json.h"

#include "common/release_json.h"

namespace pressroom {

nlohmann::json search_result_json(const SearchResult& result, const SearchRequest& request, double took_ms) {
  nlohmann::json hits = nlohmann::json::array();
  for (const SearchHit& hit : result.hits) {
    const Release& r = hit.release;
    hits.push_back({{"id", r.id},
                    {"title", r.title},
                    {"date", r.date},
                    {"type", r.type},
                    {"topics", r.topics},
                    {"spokespeople", r.spokespeople},
                    {"location", r.location},
                    {"url", r.url},
                    {"lang", r.lang},
                    {"snippet", hit.snippet},
                    {"score", hit.score}});
  }
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : result.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetValue& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
    facets[name] = std::move(list);
  }
  nlohmann::json out = {{"total", result.total},
                        {"page", request.page},
                        {"size", request.size},
                        {"took_ms", took_ms},
                        {"results", std::move(hits)},
                        {"facets", std::move(facets)}};
  if (result.reparsed_as_plain) out["query_note"] = "the query syntax could not be read; searched for the words instead";
  return out;
}

nlohmann::json index_info_json(const IndexInfo& info) {
  return {{"status", "ok"},
          {"documents", info.documents},
          {"indexed_at", info.indexed_at},
          {"revision", info.revision},
          {"schema_version", info.schema_version}};
}

nlohmann::json error_json(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace pressroom
