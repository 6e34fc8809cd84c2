#include "server/web_routes.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <memory>

#include "common/errors.h"
#include "common/release_validation.h"
#include "common/search_request.h"
#include "server/archive_pages.h"
#include "server/atom_feed.h"
#include "server/compressed_body.h"
#include "server/cors.h"
#include "server/html_layout.h"
#include "server/opensearch.h"
#include "server/release_page.h"
#include "server/search_export.h"
#include "server/search_page.h"
#include "server/search_params.h"
#include "server/sitemap.h"
#include "server/static_files.h"

namespace pressroom {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

// No inline script or style anywhere: everything the pages run or wear comes
// from web/*.js and web/*.css on this origin. Pages may be framed only by
// the archive itself; the widget is a script on other sites, not a frame.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'self'";

constexpr FacetSelection kNoFacets{false, false, false, false, false};
constexpr size_t kYearListLimit = 500;  // a year page lists its releases up to this many
constexpr int kMonthPageSize = 100;
constexpr size_t kFeedSize = 20;
constexpr size_t kExportChunk = 1000;  // releases fetched per engine call while exporting

// What the routes share; owned by the handlers (the registering call returns).
struct Web {
  Web(SearcherPool& pool, const ServerConfig& config)
      : pool(pool), config(config), files(config.web_dir), cors(config.cors_origins) {
    assets.stylesheet = files.versioned("/app.css");
    assets.script = files.versioned("/app.js");
    assets.icon = files.versioned("/favicon.svg");
  }
  SearcherPool& pool;
  const ServerConfig& config;
  StaticFiles files;
  CorsPolicy cors;
  PageAssets assets;
};

ParamMap params_of(const httplib::Request& req) { return ParamMap(req.params.begin(), req.params.end()); }

double ms_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

bool is_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ':' || c == '[' || c == ']';
}

// The archive's root for absolute links (feeds, sitemaps, citations,
// canonical URLs): the operator's --public-url, or this request's Host when
// it looks like a host name (it is escaped wherever it goes in any case).
std::string base_url(const ServerConfig& config, const httplib::Request& req) {
  if (!config.public_url.empty()) {
    std::string url = config.public_url;
    while (url.ends_with('/')) url.pop_back();
    return url;
  }
  std::string host = req.get_header_value("Host");
  if (host.empty() || host.size() > 255 || !std::all_of(host.begin(), host.end(), is_host_char))
    host = req.local_addr + ":" + std::to_string(req.local_port);
  return "http://" + host;
}

// Error answers keep a plain body: the API's error handler (routes.cc)
// fills in any error response whose body is empty.
void send(const httplib::Request& req, httplib::Response& res, int status, std::string body, const char* type) {
  res.status = status;
  if (status >= 400) {
    res.set_content(body, type);
  } else {
    send_body(req, res, std::make_shared<const std::string>(std::move(body)), type);
  }
}

// Pages map engine errors to statuses as the API does (routes.cc), but answer
// with a page a person can read.
template <typename Handler>
httplib::Server::Handler guarded_page(std::shared_ptr<Web> web, Handler handler) {
  return [web, handler](const httplib::Request& req, httplib::Response& res) {
    try {
      handler(*web, req, res);
    } catch (const InvalidParameter& e) {
      send(req, res, 400, render_error_page("This request cannot be answered", e.what(), web->assets), kHtml);
    } catch (const NotFound& e) {
      send(req, res, 404, render_error_page("Not found", e.what(), web->assets), kHtml);
    } catch (const IndexUnavailable& e) {
      spdlog::warn("{}: {}", req.path, e.what());
      res.set_header("Retry-After", "5");
      send(req, res, 503,
           render_error_page("The archive is being updated", "Please try again in a few seconds.", web->assets), kHtml);
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", req.path, e.what());
      send(req, res, 500, render_error_page("Something went wrong", "The error has been logged.", web->assets), kHtml);
    } catch (const Xapian::Error& e) {  // not a std::exception
      spdlog::error("{}: {}", req.path, e.get_description());
      send(req, res, 500, render_error_page("Something went wrong", "The error has been logged.", web->assets), kHtml);
    }
  };
}

// ---- search, feed and exports --------------------------------------------

void search_page(Web& web, const httplib::Request& req, httplib::Response& res) {
  auto started = std::chrono::steady_clock::now();
  SearchPageView view;
  view.params = SearchParams::from(params_of(req));
  std::string base = base_url(web.config, req);
  view.feed_href = view.params.without("page").without("size").without("sort").href("/feed.atom");
  view.canonical = base + view.params.href("/");

  std::optional<SearchRequest> request;
  SearchResult result;
  try {
    ParamMap map = view.params.to_map();
    if (!map.count("size")) map.emplace("size", std::to_string(kSearchPageSize));
    request = parse_search_request(map);
  } catch (const InvalidParameter& e) {
    view.error = e.what();
  }
  if (request) {
    auto searcher = web.pool.borrow();
    result = searcher->search(*request);
    view.request = &*request;
    view.result = &result;
    view.missing_shards = searcher->missing_shards();
  }
  view.took_ms = ms_since(started);
  res.set_header("Cache-Control", "no-cache");
  send(req, res, request ? 200 : 400, render_search_page(view, web.assets), kHtml);
}

// Feeds and exports have no field to say an answer left shards out
// (--allow-partial): a header says it, and no cache keeps the answer.
// Returns whether the answer is partial.
bool flag_partial(httplib::Response& res, const std::vector<std::string>& missing) {
  if (missing.empty()) return false;
  std::string names;
  for (const std::string& shard : missing) names.append(names.empty() ? "" : ", ").append(shard);
  res.set_header("X-Partial-Results", "missing shards: " + names);
  res.headers.erase("Cache-Control");  // set_header adds; the page's own value must go
  res.set_header("Cache-Control", "no-store");
  return true;
}

std::string describe(const SearchParams& params) {
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
  if (std::string q = params.get("q"); !q.empty()) add("“" + quotable_query(q) + "”");
  for (const char* name : {"topic", "spokesperson", "type"})
    for (const std::string& v : params.all(name)) add(std::string(name) + ": " + (std::string(name) == "type" ? type_label(v) : v));
  if (std::string from = params.get("from"); !from.empty()) add("from " + from);
  if (std::string to = params.get("to"); !to.empty()) add("to " + to);
  return out;
}

void atom_feed(Web& web, const httplib::Request& req, httplib::Response& res) {
  SearchParams params = SearchParams::from(params_of(req)).without("page").without("sort");
  ParamMap map = params.to_map();
  if (!map.count("size")) map.emplace("size", std::to_string(kFeedSize));
  SearchRequest request = parse_search_request(map);
  request.sort = SortOrder::DateDesc;  // a feed is newest first, whatever the query
  request.facets = kNoFacets;
  auto searcher = web.pool.borrow();
  SearchResult result = searcher->search(request);

  std::string base = base_url(web.config, req);
  std::string what = describe(params);
  AtomFeed feed;
  feed.title = std::string(kSiteName) + (what.empty() ? ": new releases" : ": " + what);
  feed.subtitle = count_noun(result.total, "release matches", "releases match") + "; the newest are here.";
  feed.self_url = base + params.href("/feed.atom");
  feed.alternate_url = base + params.without("size").href("/");
  feed.base_url = base;
  feed.author = std::string(kSiteName);
  feed.updated = searcher->info().indexed_at;
  if (feed.updated.empty()) feed.updated = "1970-01-01T00:00:00Z";
  res.set_header("Cache-Control", "public, max-age=300");
  if (flag_partial(res, searcher->missing_shards()))
    feed.subtitle += " Part of the archive could not be searched: this list may be incomplete.";
  send(req, res, 200, render_atom_feed(feed, result.hits), "application/atom+xml; charset=utf-8");
}

enum class ExportFormat { Csv, JsonLines };

void export_search(Web& web, const httplib::Request& req, httplib::Response& res, ExportFormat format) {
  SearchParams params = SearchParams::from(params_of(req)).without("page").without("size");
  SearchRequest request = parse_search_request(params.to_map());
  request.facets = kNoFacets;
  request.size = static_cast<int>(kExportChunk);
  std::string body = format == ExportFormat::Csv ? csv_header() : "";
  uint64_t total = 0;
  size_t rows = 0;
  auto searcher = web.pool.borrow();
  for (request.page = 1; rows < kMaxExportRows; ++request.page) {
    SearchResult result = searcher->search(request);
    total = result.total;
    for (const SearchHit& hit : result.hits) {
      if (rows == kMaxExportRows) break;
      body += format == ExportFormat::Csv ? csv_row(hit.release) : jsonl_row(hit.release);
      ++rows;
    }
    if (result.hits.size() < kExportChunk) break;
  }
  const char* ext = format == ExportFormat::Csv ? "csv" : "jsonl";
  res.set_header("Content-Disposition", std::string("attachment; filename=\"press-archive-search.") + ext + "\"");
  res.set_header("X-Total-Count", std::to_string(total));
  if (total > rows) res.set_header("X-Export-Truncated", std::to_string(rows) + " of " + std::to_string(total));
  res.set_header("Cache-Control", "no-cache");
  flag_partial(res, searcher->missing_shards());
  send(req, res, 200, std::move(body),
       format == ExportFormat::Csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8");
}

// ---- release pages --------------------------------------------------------

// Releases on the same topics either side of `r` in time, newest first: the
// story this release belongs to.
std::vector<Release> same_topics_around(Searcher& searcher, const Release& r, size_t limit) {
  if (r.topics.empty() || r.date.size() != 10) return {};
  std::string day = r.date.substr(0, 4) + r.date.substr(5, 2) + r.date.substr(8, 2);
  auto side = [&](SortOrder sort, bool before) {
    SearchRequest request;
    request.topics = r.topics;
    request.sort = sort;
    (before ? request.to : request.from) = day;
    request.size = static_cast<int>(limit + 1);
    request.facets = kNoFacets;
    std::vector<Release> out;
    SearchResult result = searcher.search(request);
    for (SearchHit& hit : result.hits) {
      bool copy_of_r = std::any_of(hit.duplicates.begin(), hit.duplicates.end(),
                                   [&](const Release& d) { return d.id == r.id; });
      if (hit.release.id != r.id && !copy_of_r) out.push_back(std::move(hit.release));
    }
    return out;
  };
  std::vector<Release> earlier = side(SortOrder::DateDesc, true), later = side(SortOrder::DateAsc, false);
  size_t want_later = std::min(later.size(), std::max(limit / 2, limit - std::min(limit, earlier.size())));
  std::vector<Release> out(later.begin(), later.begin() + static_cast<long>(want_later));
  std::reverse(out.begin(), out.end());
  for (Release& e : earlier) {
    if (out.size() == limit) break;
    bool seen = std::any_of(out.begin(), out.end(), [&](const Release& o) { return o.id == e.id; });
    if (!seen) out.push_back(std::move(e));
  }
  return out;
}

void release_page(Web& web, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  const std::string gone = "There is no release at this address. It may have been renamed or removed from the archive.";
  if (!is_valid_release_id(id)) throw NotFound(gone);
  auto searcher = web.pool.borrow();
  std::optional<Release> release = searcher->release(id);
  if (!release) throw NotFound(gone);

  ReleasePageView view;
  view.release = &*release;
  view.permalink = base_url(web.config, req) + release_path(release->id);
  view.duplicates = searcher->duplicates(release->id);
  view.more = same_topics_around(*searcher, *release, 5);
  if (!view.more.empty()) {
    const auto& topics = release->topics;
    view.more_heading = topics.size() == 1   ? "More on " + topics[0]
                        : topics.size() == 2 ? "More on " + topics[0] + " and " + topics[1]
                                             : "More on these topics";
    SearchParams all;
    for (const std::string& t : topics) all = all.with("topic", t);
    view.more_href = all.href("/");
  }
  res.set_header("Cache-Control", "no-cache");
  send(req, res, 200, render_release_page(view, web.assets), kHtml);
}

// ---- archive browse ---------------------------------------------------------

ArchiveCalendar calendar_of(Searcher& searcher) {
  SearchRequest years;
  years.size = 0;
  years.facets = kNoFacets;
  years.facets.year = true;
  ArchiveCalendar calendar;
  SearchResult all = searcher.search(years);
  for (const FacetValue& v : all.facets["year"]) {
    ArchiveYear year;
    year.year = std::stoi(v.value);
    year.total = v.count;
    // Months are counted per year: the engine counts them only over short spans.
    SearchRequest months;
    months.size = 0;
    months.facets = kNoFacets;
    months.facets.month = true;
    months.from = v.value + "0101";
    months.to = v.value + "1231";
    SearchResult in_year = searcher.search(months);
    for (const FacetValue& m : in_year.facets["month"])
      if (m.value.size() == 7) year.months[std::stoi(m.value.substr(5, 2)) - 1] = m.count;
    calendar.push_back(year);
  }
  return calendar;
}

const ArchiveYear* year_in(const ArchiveCalendar& calendar, int year) {
  for (const ArchiveYear& y : calendar)
    if (y.year == year) return &y;
  return nullptr;
}

void archive_index(Web& web, const httplib::Request& req, httplib::Response& res) {
  auto searcher = web.pool.borrow();
  ArchiveCalendar calendar = calendar_of(*searcher);
  res.set_header("Cache-Control", "no-cache");
  send(req, res, 200, render_archive_index(calendar, web.assets), kHtml);
}

void archive_year(Web& web, const httplib::Request& req, httplib::Response& res) {
  int year = std::stoi(req.matches[1]);
  auto searcher = web.pool.borrow();
  ArchiveCalendar calendar = calendar_of(*searcher);
  const ArchiveYear* y = year_in(calendar, year);
  if (!y) throw NotFound("The archive has no releases from " + std::to_string(year) + ".");
  ArchiveYearView view;
  view.calendar = &calendar;
  view.year = year;
  if (y->total <= kYearListLimit) {
    SearchRequest request;
    request.from = std::to_string(year) + "0101";
    request.to = std::to_string(year) + "1231";
    request.size = static_cast<int>(y->total);
    request.facets = kNoFacets;
    SearchResult result = searcher->search(request);
    for (SearchHit& hit : result.hits) view.releases.push_back(std::move(hit.release));
  }
  res.set_header("Cache-Control", "no-cache");
  send(req, res, 200, render_archive_year(view, web.assets), kHtml);
}

void archive_month(Web& web, const httplib::Request& req, httplib::Response& res) {
  int year = std::stoi(req.matches[1]), month = std::stoi(req.matches[2]);
  std::string label = month_name(month) + " " + std::to_string(year);
  if (month < 1 || month > 12) throw NotFound("There is no month " + std::string(req.matches[2]) + ".");
  auto searcher = web.pool.borrow();
  ArchiveCalendar calendar = calendar_of(*searcher);
  const ArchiveYear* y = year_in(calendar, year);
  uint64_t total = y ? y->months[month - 1] : 0;
  if (total == 0) throw NotFound("The archive has no releases from " + label + ".");

  int page = 1;
  if (req.has_param("page")) {
    std::string text = req.get_param_value("page");
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
    if (ec != std::errc() || ptr != text.data() + text.size() || page < 1) throw NotFound("There is no such page.");
  }
  int pages = static_cast<int>((total + kMonthPageSize - 1) / kMonthPageSize);
  if (page > pages) throw NotFound("There is no such page of " + label + ".");

  ArchiveMonthView view;
  view.calendar = &calendar;
  view.year = year;
  view.month = month;
  view.total = total;
  view.page = page;
  view.pages = pages;
  SearchRequest request;
  std::string key = std::to_string(year) + (month < 10 ? "0" : "") + std::to_string(month);
  request.from = key + "01";
  request.to = key + "31";
  request.sort = SortOrder::DateAsc;
  request.page = page;
  request.size = kMonthPageSize;
  request.facets = kNoFacets;
  SearchResult result = searcher->search(request);
  for (SearchHit& hit : result.hits) view.releases.push_back(std::move(hit.release));
  res.set_header("Cache-Control", "no-cache");
  send(req, res, 200, render_archive_month(view, web.assets), kHtml);
}

// ---- discovery ------------------------------------------------------------

void sitemap(Web& web, const httplib::Request& req, httplib::Response& res, int chunk) {
  std::string base = base_url(web.config, req);
  auto searcher = web.pool.borrow();
  SearchRequest count;
  count.size = 0;
  count.facets = kNoFacets;
  uint64_t total = searcher->search(count).total;
  uint64_t chunks = std::max<uint64_t>(1, (total + kSitemapChunk - 1) / kSitemapChunk);
  const char* xml = "application/xml; charset=utf-8";
  res.set_header("Cache-Control", "public, max-age=3600");

  if (chunk == 0 && chunks > 1) {
    std::vector<SitemapUrl> maps;
    for (uint64_t i = 1; i <= chunks; ++i) maps.push_back({base + "/sitemap-" + std::to_string(i) + ".xml", ""});
    send(req, res, 200, render_sitemap_index(maps), xml);
    return;
  }
  if (chunk < 0 || static_cast<uint64_t>(chunk) > chunks || (chunk > 0 && chunks == 1))
    throw NotFound("There is no such sitemap.");
  std::vector<SitemapUrl> urls;
  if (chunk <= 1) {
    urls.push_back({base + "/", ""});
    urls.push_back({base + "/archive", ""});
  }
  SearchRequest request;
  request.size = static_cast<int>(kSitemapChunk);
  request.page = std::max(1, chunk);
  request.facets = kNoFacets;
  SearchResult result = searcher->search(request);
  for (const SearchHit& hit : result.hits)
    urls.push_back({base + release_path(hit.release.id), hit.release.date});
  send(req, res, 200, render_sitemap(urls), xml);
}

void not_found(Web& web, const httplib::Request& req, httplib::Response& res) {
  res.status = 404;
  // The API's own error handler (routes.cc) answers unknown /api/ paths in JSON.
  if (req.path.starts_with("/api/")) return;
  send(req, res, 404, render_error_page("Not found", "There is no page at this address.", web.assets), kHtml);
}

// Headers for every response. Pages get the Content-Security-Policy and its
// companions; every response gets nosniff; /api/ gets CORS.
void after_routing(const Web& web, const httplib::Request& req, httplib::Response& res) {
  if (!res.has_header("X-Content-Type-Options")) res.set_header("X-Content-Type-Options", "nosniff");
  if (res.get_header_value("Content-Type").starts_with("text/html")) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("Referrer-Policy", "strict-origin-when-cross-origin");
    res.set_header("X-Frame-Options", "SAMEORIGIN");  // for browsers without frame-ancestors
  }
  web.cors.decorate(req, res);
}

}  // namespace

void register_web_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config) {
  auto web = std::make_shared<Web>(pool, config);
  if (web->files.size() == 0) spdlog::warn("no static files in '{}': the pages will have no style or script", config.web_dir);

  server.Get("/", guarded_page(web, search_page));
  server.Get(R"(/releases/(.+))", guarded_page(web, release_page));
  server.Get(R"(/archive/?)", guarded_page(web, archive_index));
  server.Get(R"(/archive/(\d{4})/?)", guarded_page(web, archive_year));
  server.Get(R"(/archive/(\d{4})/(\d{2})/?)", guarded_page(web, archive_month));
  server.Get("/feed.atom", guarded_page(web, atom_feed));
  server.Get("/export.csv", guarded_page(web, [](Web& w, const httplib::Request& req, httplib::Response& res) {
    export_search(w, req, res, ExportFormat::Csv);
  }));
  server.Get("/export.jsonl", guarded_page(web, [](Web& w, const httplib::Request& req, httplib::Response& res) {
    export_search(w, req, res, ExportFormat::JsonLines);
  }));
  server.Get("/opensearch.xml", guarded_page(web, [](Web& w, const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "public, max-age=86400");
    send(req, res, 200, render_opensearch(base_url(w.config, req)), "application/opensearchdescription+xml; charset=utf-8");
  }));
  server.Get("/sitemap.xml", guarded_page(web, [](Web& w, const httplib::Request& req, httplib::Response& res) {
    sitemap(w, req, res, 0);
  }));
  server.Get(R"(/sitemap-(\d{1,6})\.xml)", guarded_page(web, [](Web& w, const httplib::Request& req, httplib::Response& res) {
    sitemap(w, req, res, std::stoi(req.matches[1]));
  }));

  server.Options(R"(/api/.*)", [web](const httplib::Request& req, httplib::Response& res) {
    web->cors.answer_preflight(req, res);
  });

  // Last: the allow-listed static files, else a 404 page.
  server.Get(R"(/.*)", [web](const httplib::Request& req, httplib::Response& res) {
    if (const StaticFiles::File* file = web->files.find(req.path)) {
      StaticFiles::serve(*file, req, res);
      // The widget runs on other sites' pages, possibly under COEP.
      if (req.path == "/widget.js") res.set_header("Cross-Origin-Resource-Policy", "cross-origin");
      return;
    }
    not_found(*web, req, res);
  });

  server.set_post_routing_handler([web](const httplib::Request& req, httplib::Response& res) {
    after_routing(*web, req, res);
  });
}

}  // namespace pressroom
