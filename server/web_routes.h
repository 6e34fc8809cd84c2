// The faces of the archive for people: the search page, release pages, the
// archive browse, the embeddable widget, feeds, exports and discovery files.
#pragma once

#include <httplib.h>

#include "server/searcher_pool.h"
#include "server/server_config.h"

namespace pressroom {

// Registers the routes for people and browsers on `server`; `pool` must
// outlive it.
void register_web_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config);

}  // namespace pressroom
