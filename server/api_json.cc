#include "server/api_json.h"

#include <cmath>

#include "common/release_json.h"

namespace pressroom {

namespace {

nlohmann::json facets_json(const FacetCounts& counts) {
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, values] : counts) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetValue& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
    facets[name] = std::move(list);
  }
  return facets;
}

// Weights to nine significant digits: the last bits of a sum of term
// weights depend on the order Xapian adds them, which differs between one
// database and shards; nobody reads more digits than these.
double shown_weight(double weight) {
  if (weight == 0) return 0;
  double scale = std::pow(10.0, 8 - std::floor(std::log10(std::fabs(weight))));
  return std::round(weight * scale) / scale;
}

}  // namespace

nlohmann::json duplicates_json(const std::vector<Release>& duplicates) {
  nlohmann::json list = nlohmann::json::array();
  for (const Release& r : duplicates)
    list.push_back({{"id", r.id}, {"title", r.title}, {"date", r.date}, {"type", r.type}, {"url", r.url}});
  return list;
}

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
                    {"score", shown_weight(hit.score)},
                    {"duplicates", duplicates_json(hit.duplicates)}});
    if (request.explain) {
      nlohmann::json parts = nlohmann::json::array();
      for (const WeightPart& part : hit.explain) parts.push_back({{"term", part.term}, {"weight", shown_weight(part.weight)}});
      hits.back()["explain"] = {{"weighting", "BM25 (k1=1, b=0.5); title words count 3x"}, {"terms", parts}};
    }
  }
  nlohmann::json facets = facets_json(result.facets);
  nlohmann::json out = {{"total", result.total},
                        {"page", request.page},
                        {"size", request.size},
                        {"took_ms", took_ms},
                        {"results", std::move(hits)},
                        {"facets", std::move(facets)}};
  if (result.reparsed_as_plain) out["query_note"] = "the query syntax could not be read; searched for the words instead";
  if (!result.synonyms.empty()) {
    nlohmann::json uses = nlohmann::json::array();
    for (const SynonymUse& use : result.synonyms) uses.push_back({{"matched", use.matched}, {"added", use.added}});
    out["synonyms"] = std::move(uses);
  }
  if (!result.did_you_mean.empty()) out["did_you_mean"] = result.did_you_mean;
  if (!result.corrected_from.empty()) out["corrected_from"] = result.corrected_from;
  out["match"] = request.match == MatchMode::All ? "all" : "any";
  if (result.relaxed) {
    out["relaxed"] = true;
    out["exact_total"] = result.exact_total;
  }
  return out;
}

nlohmann::json statement_result_json(const StatementResult& result, const SearchRequest& request, double took_ms) {
  nlohmann::json hits = nlohmann::json::array();
  for (const StatementHit& hit : result.hits) {
    hits.push_back({{"text", hit.text_html},
                    {"speaker", hit.quote.speaker},
                    {"role", hit.quote.role},
                    {"organisation", hit.quote.organisation},
                    {"date", hit.date},
                    {"release", {{"id", hit.release_id}, {"title", hit.release_title}, {"url", hit.release_url}}}});
  }
  nlohmann::json out = {{"total", result.total}, {"page", request.page},    {"size", request.size},
                        {"took_ms", took_ms},    {"results", std::move(hits)}, {"facets", facets_json(result.facets)}};
  if (result.truncated) out["note"] = "only the first 5,000 matching releases were read for statements";
  return out;
}

nlohmann::json related_json(const std::string& id, const std::vector<RelatedHit>& hits) {
  nlohmann::json list = nlohmann::json::array();
  for (const RelatedHit& hit : hits) {
    const Release& r = hit.release;
    list.push_back({{"id", r.id},     {"title", r.title}, {"date", r.date},           {"type", r.type},
                    {"topics", r.topics}, {"spokespeople", r.spokespeople}, {"url", r.url}, {"score", shown_weight(hit.score)}});
  }
  return {{"id", id}, {"related", std::move(list)}};
}

nlohmann::json index_info_json(const IndexInfo& info) {
  nlohmann::json out = {{"status", info.missing_shards.empty() ? "ok" : "partial"},
                        {"documents", info.documents},
                        {"indexed_at", info.indexed_at},
                        {"revision", info.revision},
                        {"schema_version", info.schema_version},
                        {"shards", info.shards},
                        {"remote_shards", info.remote},
                        {"phrase_pairs", info.phrase_pairs},
                        {"word_sequences", info.word_sequences}};
  mark_partial(out, info.missing_shards);
  return out;
}

void mark_partial(nlohmann::json& answer, const std::vector<std::string>& missing) {
  if (missing.empty()) return;
  answer["partial"] = true;
  answer["missing_shards"] = missing;
}

nlohmann::json error_json(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace pressroom
