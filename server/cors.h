// Cross-origin use of the JSON API by the embedded search box: only for the
// origins the operator lists (--cors-origin), never with credentials.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

class CorsPolicy {
 public:
  // `origins` as given on the command line ("https://www.example.org");
  // compared case-insensitively, a trailing "/" ignored.
  explicit CorsPolicy(const std::vector<std::string>& origins);

  bool allows(std::string_view origin) const;

  // For a response to `req` on a path under /api/: adds
  // Access-Control-Allow-Origin (the request's Origin, echoed) when that
  // origin is allowed, and Vary: Origin whenever any origin is configured,
  // since the answer then depends on it. Other paths are left alone; a
  // disallowed origin gets no CORS header at all.
  void decorate(const httplib::Request& req, httplib::Response& res) const;

  // Answers an OPTIONS request on /api/*: 204 with Allow; for an allowed
  // origin also Allow-Methods (GET), Allow-Headers and Max-Age.
  void answer_preflight(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::vector<std::string> origins_;  // normalised
};

}  // namespace pressroom
