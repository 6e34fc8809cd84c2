#include "server/cors.h"

#include <algorithm>
#include <cctype>

namespace pressroom {
namespace {

std::string normalise(std::string_view origin) {
  std::string out(origin);
  while (!out.empty() && (out.back() == '/' || out.back() == ' ')) out.pop_back();
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool under_api(const std::string& path) { return path.starts_with("/api/"); }

void add_vary(httplib::Response& res, const std::string& field) {
  std::string vary = res.get_header_value("Vary");
  if (vary.find(field) != std::string::npos) return;
  res.headers.erase("Vary");
  res.set_header("Vary", vary.empty() ? field : vary + ", " + field);
}

}  // namespace

CorsPolicy::CorsPolicy(const std::vector<std::string>& origins) {
  for (const std::string& origin : origins) {
    std::string o = normalise(origin);
    if (!o.empty()) origins_.push_back(std::move(o));
  }
}

bool CorsPolicy::allows(std::string_view origin) const {
  // "null" (sandboxed frames, file: pages) is never an operator's site.
  if (origin.empty() || origin == "null") return false;
  return std::find(origins_.begin(), origins_.end(), normalise(origin)) != origins_.end();
}

void CorsPolicy::decorate(const httplib::Request& req, httplib::Response& res) const {
  if (origins_.empty() || !under_api(req.path)) return;
  add_vary(res, "Origin");
  std::string origin = req.get_header_value("Origin");
  if (allows(origin)) res.set_header("Access-Control-Allow-Origin", origin);
}

void CorsPolicy::answer_preflight(const httplib::Request& req, httplib::Response& res) const {
  res.status = 204;
  res.set_header("Allow", "GET, HEAD, OPTIONS");
  if (!allows(req.get_header_value("Origin"))) return;
  res.set_header("Access-Control-Allow-Methods", "GET");
  res.set_header("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Language, Content-Type");
  res.set_header("Access-Control-Max-Age", "86400");
}

}  // namespace pressroom
