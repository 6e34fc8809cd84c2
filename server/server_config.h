// Everything an operator can set on pressroom-server, with its default.
#pragma once

#include <string>
#include <vector>

namespace pressroom {

struct ServerConfig {
  // Database directory written by pressroom-index.
  std::string db_path;
  // Address to listen on; loopback by default so nothing is exposed by accident.
  std::string bind = "127.0.0.1";
  // TCP port; 0 picks a free one (tests).
  int port = 8080;
  // Worker threads; 0 = two per core (requests wait on I/O only briefly).
  unsigned threads = 0;
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
