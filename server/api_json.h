// The JSON shapes of the HTTP API (docs/api.md): how engine results are
// presented. Kept apart from the routes so handlers stay parse → call → encode.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "common/search_request.h"
#include "common/searcher.h"

namespace pressroom {

nlohmann::json search_result_json(const SearchResult& result, const SearchRequest& request, double took_ms);

nlohmann::json index_info_json(const IndexInfo& info);

nlohmann::json statement_result_json(const StatementResult& result, const SearchRequest& request, double took_ms);

// The copies of a release (Searcher::duplicates, SearchHit::duplicates):
// [{id, title, date, type, url}].
nlohmann::json duplicates_json(const std::vector<Release>& duplicates);

// {"id": id, "related": [{id, title, date, type, topics, spokespeople, url, score}]}
nlohmann::json related_json(const std::string& id, const std::vector<RelatedHit>& hits);

// Marks an answer that lacks the releases of unreachable shards (--allow-partial):
// "partial": true and "missing_shards": [host:port...]; nothing when `missing` is empty.
void mark_partial(nlohmann::json& answer, const std::vector<std::string>& missing);

// {"error": {"code": code, "message": message}}
nlohmann::json error_json(const std::string& code, const std::string& message);

}  // namespace pressroom
