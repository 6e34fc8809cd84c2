// pressroom-engine-bench: the engine's own limit on the shared query mix.
//
// Runs every query of the harness's queries.jsonl (../shared/bench/README.md,
// "Query mix") through pressroom::Searcher in-process, with the parameters of
// its `http` field parsed by parse_search_request() exactly as the server
// would, and reports per query kind and for the whole mix the latency
// percentiles and queries per second. No HTTP, no JSON encoding of the answer:
// the difference to an HTTP replay of the same mix is the server's overhead.
//
//   pressroom-engine-bench --db=DB [--queries=queries.jsonl] [--passes=3]
//       [--suggest=prefixes.txt] [--dump=results.jsonl] [--warmup=0] [--benchmark_*...]
//
// The database and the query file can also come from PRESSROOM_BENCH_DB and
// PRESSROOM_BENCH_QUERIES. Every benchmark runs each of its queries exactly
// `passes` times, round robin (each thread from its own offset), after one
// untimed warm-up pass over the whole mix; its counters are
//   qps          queries per second (all threads together, wall clock)
//   p50/p95/p99  per-query latency in ms (interpolated like the harness's
//                bench.py; with 2 threads, the mean of the threads' percentiles)
// Families:
//   search/KIND, search/all      the mix as the server answers it
//   search/all/threads:2         two threads, a Searcher (and database handle) each
//   search_nofacets/all          the same with facets=none: facet cost by difference
//   search_peer_facets/all       facets=topic,spokesperson,year: what the peers count
//   suggest/prefixes             Searcher::suggestions(prefix, 8), with --suggest
// --dump writes one JSON line per query (qid, kind, total, top ids, facets) from
// the warm-up pass, to check agreement with the HTTP replay and other engines.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/count_cache.h"
#include "common/search_request.h"
#include "common/searcher.h"

namespace {

using pressroom::ParamMap;
using pressroom::SearchRequest;
using pressroom::Searcher;

struct BenchQuery {
  int qid = 0;
  std::string kind;
  std::string http;  // the GET path, as the HTTP replay sends it
  ParamMap params;   // its query string, decoded
};

struct Config {
  std::string db;
  std::string queries;
  std::string suggest;
  std::string dump;
  int passes = 3;
  bool warmup = true;
  pressroom::QueryThreads query_threads = pressroom::QueryThreads::for_this_machine();
};

Config config;
std::vector<BenchQuery> mix;
std::vector<std::string> prefixes;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding with '+' as a space, as cpp-httplib decodes query strings.
std::string url_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

ParamMap params_of_path(std::string_view path) {
  ParamMap params;
  size_t question = path.find('?');
  if (question == std::string_view::npos) return params;
  std::string_view query = path.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = url_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
    params.emplace(std::move(key), std::move(value));
  }
  return params;
}

std::vector<BenchQuery> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the query file '" + path + "'");
  std::vector<BenchQuery> queries;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("http") || !j.contains("kind"))
      throw std::runtime_error(path + ":" + std::to_string(line_no) + ": not a query line (needs kind and http)");
    BenchQuery q;
    q.qid = j.value("qid", line_no - 1);
    q.kind = j["kind"].get<std::string>();
    q.http = j["http"].get<std::string>();
    q.params = params_of_path(q.http);
    queries.push_back(std::move(q));
  }
  if (queries.empty()) throw std::runtime_error("no queries in '" + path + "'");
  return queries;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read '" + path + "'");
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// One Searcher per thread, kept across benchmarks, as a server worker keeps it.
Searcher& thread_searcher() {
  thread_local std::unique_ptr<Searcher> searcher;
  if (!searcher) {
    searcher = std::make_unique<Searcher>(config.db);
    searcher->set_query_threads(config.query_threads);
  }
  return *searcher;
}

// Linear interpolation between closest ranks, as bench.py's pct().
double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  double k = (values.size() - 1) * p / 100.0;
  size_t lo = static_cast<size_t>(std::floor(k)), hi = static_cast<size_t>(std::ceil(k));
  return values[lo] + (values[hi] - values[lo]) * (k - lo);
}

void set_latency_counters(benchmark::State& state, const std::vector<double>& ms) {
  using benchmark::Counter;
  state.counters["p50_ms"] = Counter(percentile(ms, 50), Counter::kAvgThreads);
  state.counters["p95_ms"] = Counter(percentile(ms, 95), Counter::kAvgThreads);
  state.counters["p99_ms"] = Counter(percentile(ms, 99), Counter::kAvgThreads);
  state.counters["qps"] = Counter(static_cast<double>(state.iterations()), Counter::kIsRate);
}

// The requests a benchmark runs: the mix's queries of `kind` ("all" = every
// one), with `extra` parameters added (replacing any of the same name).
std::vector<SearchRequest> requests_for(const std::string& kind, const ParamMap& extra) {
  std::vector<SearchRequest> requests;
  for (const BenchQuery& q : mix) {
    if (kind != "all" && q.kind != kind) continue;
    ParamMap params = q.params;
    for (const auto& [name, value] : extra) {
      params.erase(name);
      params.emplace(name, value);
    }
    requests.push_back(pressroom::parse_search_request(params));
  }
  return requests;
}

void run_searches(benchmark::State& state, const std::vector<SearchRequest>& requests) {
  Searcher& searcher = thread_searcher();
  std::vector<double> ms;
  ms.reserve(static_cast<size_t>(state.max_iterations));
  // Threads start at different offsets, as the harness's clients do.
  size_t next = requests.size() * static_cast<size_t>(state.thread_index()) /
                static_cast<size_t>(std::max(1, state.threads()));
  uint64_t matches = 0;
  for (auto _ : state) {
    const SearchRequest& request = requests[next];
    next = next + 1 == requests.size() ? 0 : next + 1;
    auto t0 = std::chrono::steady_clock::now();
    pressroom::SearchResult result = searcher.search(request);
    auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(result);
    matches += result.total;
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  set_latency_counters(state, ms);
  state.counters["matches/q"] =
      benchmark::Counter(state.iterations() ? static_cast<double>(matches) / state.iterations() : 0,
                         benchmark::Counter::kAvgThreads);
}

void run_suggestions(benchmark::State& state) {
  Searcher& searcher = thread_searcher();
  std::vector<double> ms;
  size_t next = 0;
  for (auto _ : state) {
    const std::string& typed = prefixes[next];
    next = next + 1 == prefixes.size() ? 0 : next + 1;
    auto t0 = std::chrono::steady_clock::now();
    auto suggestions = searcher.suggestions(typed, 8);
    auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(suggestions);
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  set_latency_counters(state, ms);
}

// The untimed warm-up pass: every query once, which also proves that none of
// them fails, and (with --dump) what the engine answered.
void warm_up_and_dump() {
  std::FILE* out = nullptr;
  if (!config.dump.empty()) {
    out = std::fopen(config.dump.c_str(), "w");
    if (!out) throw std::runtime_error("cannot write '" + config.dump + "'");
  }
  Searcher& searcher = thread_searcher();
  for (const BenchQuery& q : mix) {
    pressroom::SearchResult result = searcher.search(pressroom::parse_search_request(q.params));
    if (!out) continue;
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& hit : result.hits) ids.push_back(hit.release.id);
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [name, values] : result.facets) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& v : values) list.push_back({v.value, v.count});
      facets[name] = std::move(list);
    }
    nlohmann::json line = {{"qid", q.qid}, {"kind", q.kind}, {"total", result.total}, {"ids", ids},
                           {"facets", facets}};
    std::fputs((line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n").c_str(), out);
  }
  if (out) std::fclose(out);
}

void register_benchmarks() {
  std::vector<std::string> kinds;
  for (const BenchQuery& q : mix)
    if (std::find(kinds.begin(), kinds.end(), q.kind) == kinds.end()) kinds.push_back(q.kind);
  std::sort(kinds.begin(), kinds.end());
  const auto passes = static_cast<benchmark::IterationCount>(config.passes);

  auto add = [&](const std::string& family, const std::string& kind, const ParamMap& extra, int threads) {
    auto requests = std::make_shared<std::vector<SearchRequest>>(requests_for(kind, extra));
    auto* b = benchmark::RegisterBenchmark((family + "/" + kind).c_str(), [requests](benchmark::State& state) {
      run_searches(state, *requests);
    });
    b->Iterations(passes * static_cast<benchmark::IterationCount>(requests->size()))
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    if (threads > 1) b->Threads(threads);
  };
  for (const std::string& kind : kinds) add("search", kind, {}, 1);
  add("search", "all", {}, 1);
  add("search", "all", {}, 2);
  add("search_nofacets", "all", {{"facets", "none"}}, 1);
  add("search_peer_facets", "all", {{"facets", "topic,spokesperson,year"}}, 1);
  if (!prefixes.empty()) {
    benchmark::RegisterBenchmark("suggest/prefixes", run_suggestions)
        ->Iterations(passes * static_cast<benchmark::IterationCount>(prefixes.size()))
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
  }
}

const char* env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

void print_usage() {
  std::fprintf(stderr,
               "usage: pressroom-engine-bench --db=DB [--queries=queries.jsonl] [--passes=N]\n"
               "         [--suggest=prefixes.txt] [--dump=results.jsonl] [--warmup=0] [--benchmark_...]\n"
               "  --db       pressroom index (or PRESSROOM_BENCH_DB)\n"
               "  --queries  the harness's query mix (or PRESSROOM_BENCH_QUERIES; default %s)\n"
               "  --passes   timed passes over each benchmark's queries (default 3)\n"
               "  --suggest  typed prefixes, one a line, for suggest/prefixes (or PRESSROOM_BENCH_SUGGEST)\n"
               "  --dump     write total, top ids and facets of each query (the warm-up pass)\n"
               "  --warmup=0 no untimed pass over the whole mix first (for profiling one kind)\n"
               "  --count-cache=N  queries whose totals and facets are kept per index state (0 = none)\n"
               "  --query-threads=N  threads one broad search may use (default: one per core, at most 4)\n"
               "Google Benchmark's own flags follow.\n\n",
               PRESSROOM_BENCH_DEFAULT_QUERIES);
}

// Takes --db=, --queries=, --suggest=, --dump=, --passes=, --warmup=, --count-cache= and --query-threads= out of argv
// (after benchmark::Initialize has taken its own); true when all were known.
bool parse_own_flags(int& argc, char** argv) {
  config.db = env_or("PRESSROOM_BENCH_DB", "");
  config.queries = env_or("PRESSROOM_BENCH_QUERIES", PRESSROOM_BENCH_DEFAULT_QUERIES);
  config.suggest = env_or("PRESSROOM_BENCH_SUGGEST", "");
  int kept = 1;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value_of = [&](std::string_view flag, std::string& target) {
      if (arg.substr(0, flag.size()) != flag) return false;
      target = std::string(arg.substr(flag.size()));
      return true;
    };
    std::string passes, warmup, cache, threads;
    if (value_of("--query-threads=", threads)) {
      int n = std::atoi(threads.c_str());
      config.query_threads.threads = static_cast<unsigned>(std::max(n, 0));
      if (n < 1) {
        std::fprintf(stderr, "pressroom-engine-bench: --query-threads must be a positive integer\n");
        ok = false;
      }
      continue;
    }
    if (value_of("--count-cache=", cache)) {
      // Entries of the count cache; 0 measures every query counted afresh.
      pressroom::CountCache::shared().set_capacity(std::strtoull(cache.c_str(), nullptr, 10));
      continue;
    }
    if (value_of("--warmup=", warmup)) {
      config.warmup = warmup != "0";
      continue;
    }
    if (value_of("--db=", config.db) || value_of("--queries=", config.queries) ||
        value_of("--suggest=", config.suggest) || value_of("--dump=", config.dump))
      continue;
    if (value_of("--passes=", passes)) {
      config.passes = std::atoi(passes.c_str());
      if (config.passes < 1) {
        std::fprintf(stderr, "pressroom-engine-bench: --passes must be a positive integer\n");
        ok = false;
      }
      continue;
    }
    argv[kept++] = argv[i];
  }
  argc = kept;
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") print_usage();
  benchmark::Initialize(&argc, argv);  // prints its own flags and exits on --help
  if (!parse_own_flags(argc, argv)) return 2;
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  if (config.db.empty()) {
    std::fprintf(stderr, "pressroom-engine-bench: give the index with --db=DB or PRESSROOM_BENCH_DB\n");
    return 2;
  }
  try {
    mix = read_queries(config.queries);
    if (!config.suggest.empty()) prefixes = read_lines(config.suggest);
    if (config.warmup || !config.dump.empty()) warm_up_and_dump();
    register_benchmarks();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pressroom-engine-bench: %s\n", e.what());
    return 1;
  }
  benchmark::AddCustomContext("db", config.db);
  benchmark::AddCustomContext("queries", config.queries + " (" + std::to_string(mix.size()) + ")");
  benchmark::AddCustomContext("passes", std::to_string(config.passes));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
