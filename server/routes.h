// The HTTP API: maps requests to engine calls and engine errors to statuses.
// This is the only place an engine error becomes an HTTP status.
#pragma once

#include <httplib.h>

#include "server/searcher_pool.h"
#include "server/server_config.h"

namespace pressroom {

// Registers every route of the API on `server`. `pool` must outlive it.
void register_routes(httplib::Server& server, SearcherPool& pool, const ServerConfig& config);

// 405 with the Allow header, for methods the server does not serve.
void refuse_method(httplib::Response& res);

}  // namespace pressroom
