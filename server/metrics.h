// /metrics in the Prometheus text format, through prometheus-cpp: requests by
// route and status, latency histograms, requests in flight, and the index's
// document count, age and indexer runs, read when scraped.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

#include "common/searcher.h"

namespace pressroom {

class Metrics {
 public:
  Metrics();

  // One finished request. `path` is reduced to its route ("/api/releases/{id}").
  void observe(const std::string& path, int status, double seconds);
  void request_started();
  void request_finished();

  // The text exposition, with the index figures of `info` (null when the
  // index cannot be read, which is itself reported).
  std::string scrape(const IndexInfo* info);

  // "/api/releases/2020/x/related" → "/api/releases/{id}/related".
  static std::string route_of(const std::string& path);

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Gauge& in_flight_;
  prometheus::Gauge& documents_;
  prometheus::Gauge& index_age_;
  prometheus::Gauge& index_up_;
  prometheus::Gauge& indexer_runs_;
  prometheus::Gauge& indexer_skipped_;
};

}  // namespace pressroom
