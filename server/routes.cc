#include "server/routes.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <chrono>
#include <exception>

#include "common/errors.h"
#include "common/release_json.h"
#include "common/release_validation.h"
#include "common/search_request.h"
#include "server/api_json.h"
#include "server/openapi_document.h"

namespace pressroom {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  send_json(res, status, error_json(code, message));
}

// Every handler runs through here: engine errors become statuses in one place.
template <typename Handler>
httplib::Server::Handler guarded(Handler handler) {
  return [handler](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(req, res);
    } catch (const InvalidParameter& e) {
      send_error(res, 400, "invalid_parameter", e.what());
    } catch (const NotFound& e) {
      send_error(res, 404, "not_found", e.what());
    } catch (const IndexUnavailable& e) {
      res.set_header("Retry-After", "5");
      send_error(res, 503, "index_unavailable", e.what());
    } catch (const std::exception& e) {
      // The client learns nothing of the inside; the log says what failed.
      spdlog::error("{} {} failed: {} id={}", req.method, req.target, e.what(), res.get_header_value("X-Request-Id"));
      send_error(res, 500, "internal", "internal error");
    } catch (const Xapian::Error& e) {  // not a std::exception
      spdlog::error("{} {} failed: {} id={}", req.method, req.target, e.get_description(),
                    res.get_header_value("X-Request-Id"));
      send_error(res, 500, "internal", "internal error");
    }
  };
}

ParamMap params_of(const httplib::Request& req) { return ParamMap(req.params.begin(), req.params.end()); }

}  // namespace

void refuse_method(httplib::Response& res) {
  res.set_header("Allow", "GET, HEAD, OPTIONS");
  res.set_header("Connection", "close");  // the body, if any, was not read
  send_error(res, 405, "method_not_allowed", "only GET, HEAD and OPTIONS are supported");
}

void register_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config) {
  double slow_ms = config.slow_query_ms;
  server.Get("/api/search", guarded([&pool, slow_ms](const httplib::Request& req, httplib::Response& res) {
    auto started = std::chrono::steady_clock::now();
    SearchRequest request = parse_search_request(params_of(req));
    auto searcher = pool.borrow();
    SearchResult result = searcher->search(request);
    double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (slow_ms > 0 && took >= slow_ms) {
      const SearchTimings& t = result.timings;
      spdlog::warn("slow query {:.1f}ms id={} {} total={} (parse {:.1f}ms, match {:.1f}ms, facets {:.1f}ms, "
                   "snippets {:.1f}ms; {} thread{})",
                   took, res.get_header_value("X-Request-Id"), req.target, result.total, t.parse_ms, t.match_ms,
                   t.facets_ms, t.snippets_ms, t.threads, t.threads == 1 ? "" : "s");
    }
    nlohmann::json body = search_result_json(result, request, took);
    mark_partial(body, searcher->missing_shards());
    send_json(res, 200, body);
  }));

  server.Get("/api/suggest", guarded([&pool](const httplib::Request& req, httplib::Response& res) {
    ParamMap params = params_of(req);
    SuggestRequest request = parse_suggest_request(params);
    auto searcher = pool.borrow();
    nlohmann::json list = nlohmann::json::array();
    for (const Suggestion& s : searcher->suggestions(request.q, request.size)) {
      nlohmann::json item = {{"kind", s.kind}, {"value", s.value}};
      if (s.kind == "title") {
        item["id"] = s.id;
        item["date"] = s.date;
      } else {
        item["count"] = s.count;
      }
      list.push_back(std::move(item));
    }
    nlohmann::json body = {{"q", request.q}, {"suggestions", std::move(list)}};
    mark_partial(body, searcher->missing_shards());
    send_json(res, 200, body);
  }));

  server.Get("/api/statements", guarded([&pool](const httplib::Request& req, httplib::Response& res) {
    auto started = std::chrono::steady_clock::now();
    SearchRequest request = parse_search_request(params_of(req));
    auto searcher = pool.borrow();
    StatementResult result = searcher->statements(request);
    double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    nlohmann::json body = statement_result_json(result, request, took);
    mark_partial(body, searcher->missing_shards());
    send_json(res, 200, body);
  }));

  // Release ids may contain '/', so "/related" is recognised at the end.
  server.Get(R"(/api/releases/(.+))", guarded([&pool](const httplib::Request& req, httplib::Response& res) {
    std::string id = req.matches[1];
    constexpr std::string_view kRelated = "/related";
    bool related = id.size() > kRelated.size() && id.compare(id.size() - kRelated.size(), kRelated.size(), kRelated) == 0;
    auto searcher = pool.borrow();
    if (related) {
      std::string base = id.substr(0, id.size() - kRelated.size());
      if (searcher->release(base)) {
        auto size = static_cast<size_t>(parse_count(params_of(req), "size", 5, 20));
        auto hits = searcher->related(base, size);
        nlohmann::json body = related_json(base, *hits);
        mark_partial(body, searcher->missing_shards());
        send_json(res, 200, body);
        return;
      }
    }
    if (!is_valid_release_id(id)) throw InvalidParameter("id", "'" + id + "' is not a valid release id");
    auto release = searcher->release(id);
    // With shards missing, it may be on one of them: not a "no such release".
    if (!release && !searcher->missing_shards().empty()) {
      std::string missing;
      for (const std::string& shard : searcher->missing_shards()) missing += (missing.empty() ? "" : ", ") + shard;
      throw IndexUnavailable("no release with id '" + id + "' on the shards that answered; " + missing +
                             " could not be reached");
    }
    if (!release) throw NotFound("no release with id '" + id + "'");
    nlohmann::json body = release_to_json(*release);
    body["duplicates"] = duplicates_json(searcher->duplicates(id));
    send_json(res, 200, body);
  }));

  server.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kOpenApiDocument, kJson);
  });

  server.Get("/healthz", [&pool](const httplib::Request&, httplib::Response& res) {
    try {
      auto searcher = pool.borrow();
      send_json(res, 200, index_info_json(searcher->info()));
    } catch (const std::exception& e) {
      send_json(res, 503, {{"status", "unavailable"}, {"message", e.what()}});
    }
  });

  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already explained itself
    if (res.status == 404) {
      send_error(res, 404, "not_found", "no such resource: " + req.path);
    } else if (res.status >= 400) {
      send_error(res, res.status, "http_error", "HTTP status " + std::to_string(res.status));
    }
  });
}

}  // namespace pressroom
