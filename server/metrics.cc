#include "server/metrics.h"

#include <prometheus/text_serializer.h>

#include <chrono>
#include <ctime>

namespace pressroom {
namespace {

const prometheus::Histogram::BucketBoundaries kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                                  0.1,   0.25,   0.5,   1,    2.5,   5};

// Seconds since an ISO 8601 UTC time ("2026-11-23T04:01:30Z"), or -1.
double age_of(const std::string& iso) {
  std::tm tm{};
  if (iso.size() < 19 || !strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return -1;
  std::time_t then = timegm(&tm);
  return std::difftime(std::time(nullptr), then);
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("pressroom_http_requests_total")
                    .Help("HTTP requests answered, by route and status")
                    .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("pressroom_http_request_duration_seconds")
                   .Help("Time to answer an HTTP request, by route")
                   .Register(*registry_)),
      in_flight_(prometheus::BuildGauge()
                     .Name("pressroom_http_requests_in_flight")
                     .Help("Requests being answered now")
                     .Register(*registry_)
                     .Add({})),
      documents_(prometheus::BuildGauge()
                     .Name("pressroom_index_documents")
                     .Help("Releases in the index")
                     .Register(*registry_)
                     .Add({})),
      index_age_(prometheus::BuildGauge()
                     .Name("pressroom_index_age_seconds")
                     .Help("Seconds since the indexer last changed the index")
                     .Register(*registry_)
                     .Add({})),
      index_up_(prometheus::BuildGauge()
                    .Name("pressroom_index_up")
                    .Help("1 when the index can be read, 0 otherwise")
                    .Register(*registry_)
                    .Add({})),
      indexer_runs_(prometheus::BuildGauge()
                        .Name("pressroom_indexer_runs")
                        .Help("Indexer runs that changed this index")
                        .Register(*registry_)
                        .Add({})),
      indexer_skipped_(prometheus::BuildGauge()
                           .Name("pressroom_indexer_last_run_skipped")
                           .Help("Records or files the last indexer run skipped with errors")
                           .Register(*registry_)
                           .Add({})) {}

std::string Metrics::route_of(const std::string& path) {
  if (starts_with(path, "/api/releases/"))
    return path.size() > 8 && path.compare(path.size() - 8, 8, "/related") == 0 ? "/api/releases/{id}/related"
                                                                              : "/api/releases/{id}";
  if (starts_with(path, "/releases/")) return "/releases/{id}";
  if (starts_with(path, "/archive")) return "/archive";
  if (starts_with(path, "/static/")) return "/static";
  for (const char* known : {"/api/search", "/api/suggest", "/api/statements", "/api/openapi.json", "/healthz",
                            "/metrics", "/feed.atom", "/export.csv", "/export.jsonl", "/opensearch.xml",
                            "/sitemap.xml", "/widget.js", "/"})
    if (path == known) return known;
  return "other";
}

void Metrics::observe(const std::string& path, int status, double seconds) {
  std::string route = route_of(path);
  requests_.Add({{"route", route}, {"status", std::to_string(status)}}).Increment();
  latency_.Add({{"route", route}}, kLatencyBuckets).Observe(seconds);
}

void Metrics::request_started() { in_flight_.Increment(); }
void Metrics::request_finished() { in_flight_.Decrement(); }

std::string Metrics::scrape(const IndexInfo* info) {
  index_up_.Set(info ? 1 : 0);
  if (info) {
    documents_.Set(static_cast<double>(info->documents));
    index_age_.Set(age_of(info->indexed_at));
    indexer_runs_.Set(static_cast<double>(info->indexer_runs));
    indexer_skipped_.Set(static_cast<double>(info->last_run_skipped));
  }
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace pressroom
