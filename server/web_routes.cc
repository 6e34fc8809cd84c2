#include "server/web_routes.h"

namespace pressroom {

void register_web_routes(httplib::Server&, SearcherPool&, const ServerConfig&) {}

}  // namespace pressroom
