// The faces of the archive for people: the search page, release pages, the
// archive browse, the embeddable widget, feeds, exports and discovery files.
//
//   GET /                      search page (server-rendered; ?q=… and every /api/search parameter)
//   GET /releases/{id}         a release's page
//   GET /archive[/YYYY[/MM]]   browse by date, with counts
//   GET /feed.atom             Atom feed of any search, newest first
//   GET /export.csv|.jsonl     a search's results, up to 10,000 rows
//   GET /opensearch.xml, /sitemap.xml (/sitemap-N.xml when large)
//   GET /{file}                the files of web_dir (app.js, app.css, widget.js, …), allow-listed
//   OPTIONS /api/*             CORS preflight for the origins in config.cors_origins
//
// It also installs the server's post-routing handler, which adds
// X-Content-Type-Options to every response, the Content-Security-Policy and
// its companions to every HTML response, and CORS headers to /api/*.
#pragma once

#include <httplib.h>

#include "server/searcher_pool.h"
#include "server/server_config.h"

namespace pressroom {

// Registers the routes for people and browsers on `server`, after the API's
// (register_routes) since the last one catches every other GET. Reads
// config.web_dir once, now. `pool` and `config` must outlive `server`.
void register_web_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config);

}  // namespace pressroom
