// The files of the web/ folder (stylesheet, scripts, the widget, icons),
// read once at start into an allow-list: a request is answered only when its
// path names one of them exactly, so no path a client sends ever reaches the
// file system (no traversal, encoded or not).
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace pressroom {

class StaticFiles {
 public:
  struct File {
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzipped;  // null when not worth it (images, tiny files)
    std::string content_type;
    std::string etag;     // W/"<16 hex digits of a hash of the body>"
    std::string version;  // the hash's first 10 digits, for ?v= in links
  };

  StaticFiles() = default;

  // Reads every regular file under `dir` (recursively; symbolic links,
  // names starting with "." and node_modules/ are skipped; files over
  // 2 MiB too) and serves each at "/" + its path relative to `dir`.
  // A missing folder gives an empty set. Throws std::runtime_error when a
  // file cannot be read.
  explicit StaticFiles(const std::string& dir);

  // The file served at `url_path` ("/app.js"), or null.
  const File* find(std::string_view url_path) const;

  // "/app.js?v=<version>" for a file of the set; `url_path` itself otherwise.
  std::string versioned(std::string_view url_path) const;

  // Answers a GET or HEAD for `file`: 304 without a body when If-None-Match
  // names its ETag, 200 with it otherwise (gzipped when the client accepts
  // it; see compressed_body.h). Either way: ETag, Cache-Control (a year and
  // immutable when the request's v= is the current version, ten minutes
  // otherwise) and X-Content-Type-Options.
  static void serve(const File& file, const httplib::Request& req, httplib::Response& res);

  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, File, std::less<>> files_;
};

// True when an If-None-Match header value names `etag` (weak comparison,
// lists and "*" understood).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace pressroom
