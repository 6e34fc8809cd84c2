// How the server's own pages, feeds, exports and static files are sent.
//
// httplib 0.11 compresses text/* bodies itself, and when the client accepts
// brotli it uses brotli's slowest setting: 50–250 ms of CPU for a 40 KB page,
// more than the search that made it. Bodies sent through here are gzipped at
// zlib's default level instead (about a millisecond), or sent as they are,
// as the request's Accept-Encoding allows, and are handed to httplib in a
// form it sends unchanged.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>
#include <string_view>

namespace pressroom {

// Below this many bytes compression is not worth its header.
inline constexpr size_t kCompressAbove = 1024;

// True when the request's Accept-Encoding allows gzip (a q of 0 refuses it).
bool accepts_gzip(const httplib::Request& req);

// The gzip stream (RFC 1952) of `data`.
std::string gzip(std::string_view data);

// Answers with `body` (status stays as set, 200 by default): gzipped when
// the client accepts it and it is large enough, with Vary: Accept-Encoding.
// `gzipped`, when given, is that body already compressed (static files).
// Only for successful answers: error pages keep Response::set_content, whose
// body the API's error handler checks.
void send_body(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const std::string> body,
               const std::string& content_type, std::shared_ptr<const std::string> gzipped = nullptr);

}  // namespace pressroom
