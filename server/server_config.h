// Everything an operator can set on pressroom-server, with its default.
#pragma once

#include <string>
#include <vector>

namespace pressroom {

struct ServerConfig {
  // Where the index is: database directories written by pressroom-index,
  // stub files or directories listing shards, or xapian-tcpsrv host:port;
  // several are searched as one archive (common/database_set.h).
  std::vector<std::string> db_locations;
  // Queries whose total and facet counts are remembered per index state
  // (common/count_cache.h); 0 = count every time.
  size_t count_cache = 4096;
  // Threads one broad search may use over a single local database
  // (common/ranged_match.h); 0 = one per core, at most four; 1 = one.
  unsigned query_threads = 0;
  // How long to wait for a remote shard before answering 503.
  unsigned remote_connect_ms = 2000;
  unsigned remote_timeout_ms = 10000;
  // When a remote shard is down, answer from the others, with "partial": true
  // and the missing shards named, instead of 503.
  bool allow_partial = false;
  // Address to listen on; loopback by default so nothing is exposed by accident.
  std::string bind = "127.0.0.1";
  // TCP port; 0 picks a free one (tests).
  int port = 8080;
  // Worker threads. A keep-alive connection holds a worker while it is open,
  // so this is also how many clients are served at once.
  unsigned threads = 64;
  // Connections that may wait for a worker; past that the server answers 503
  // with Retry-After at once instead of letting clients stall.
  unsigned max_queued = 256;
  // Requests per second allowed to one client address (token bucket with a
  // burst of twice that); 0 = no limit. Over the limit: 429 with Retry-After.
  double rate_limit = 0;
  // Searches slower than this are logged with where the time went; 0 = off.
  double slow_query_ms = 500;
  // Static files of the search page; empty = the web/ folder of the source tree.
  std::string web_dir;
  // Log one line per request (method, path, status, milliseconds).
  bool access_log = true;
  // Query-time synonyms (YAML list of groups); empty = none.
  std::string synonyms_path;
  // Origins allowed to call the API from other sites (the embedded search box),
  // e.g. "https://www.example.org"; empty = same-origin only.
  std::vector<std::string> cors_origins;
  // The archive's public base URL for links in feeds, sitemaps and the widget
  // (e.g. "https://archive.example.org"); empty = taken from the Host header.
  std::string public_url;
};

}  // namespace pressroom
