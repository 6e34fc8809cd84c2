#include "server/static_files.h"

#include "server/compressed_body.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pressroom {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxFileBytes = 2 * 1024 * 1024;

std::string content_type_for(const fs::path& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},   {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"},                   {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},   {".xml", "application/xml; charset=utf-8"},
      {".woff2", "font/woff2"},                {".webmanifest", "application/manifest+json"}};
  auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// FNV-1a, 64 bits: a content fingerprint for caching, not a security hash.
std::string fingerprint(const std::string& body) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

bool skipped(const fs::path& relative) {
  for (const fs::path& part : relative) {
    std::string name = part.string();
    if (name.empty() || name[0] == '.' || name == "node_modules") return true;
  }
  return false;
}

}  // namespace

bool etag_matches(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    return tag;
  };
  std::string_view wanted = opaque(etag);
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*" || (!item.empty() && opaque(item) == wanted)) return true;
    start = end + 1;
  }
  return false;
}

StaticFiles::StaticFiles(const std::string& dir) {
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return;
  fs::path root = fs::canonical(dir);
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::path relative = fs::relative(it->path(), root);
    if (skipped(relative)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    // symlink_status: a link is never followed out of the folder.
    if (!fs::is_regular_file(it->symlink_status()) || it->file_size() > kMaxFileBytes) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) throw std::runtime_error("cannot read " + it->path().string());
    File file;
    std::string body = buffer.str();
    file.content_type = content_type_for(relative);
    bool textual = file.content_type.starts_with("text/") || file.content_type.starts_with("application/") ||
                   file.content_type == "image/svg+xml";
    if (textual && body.size() > kCompressAbove) {
      std::string packed = gzip(body);
      if (packed.size() < body.size() * 9 / 10) file.gzipped = std::make_shared<const std::string>(std::move(packed));
    }
    std::string hash = fingerprint(body);
    file.body = std::make_shared<const std::string>(std::move(body));
    // Weak: httplib may send the body gzip- or brotli-encoded, and a strong
    // validator would then claim byte equality across encodings.
    file.etag = "W/\"" + hash + "\"";
    file.version = hash.substr(0, 10);
    std::string url_path = "/";
    url_path += relative.generic_string();
    files_[url_path] = std::move(file);
  }
}

const StaticFiles::File* StaticFiles::find(std::string_view url_path) const {
  auto it = files_.find(url_path);
  return it == files_.end() ? nullptr : &it->second;
}

std::string StaticFiles::versioned(std::string_view url_path) const {
  const File* file = find(url_path);
  return file ? std::string(url_path) + "?v=" + file->version : std::string(url_path);
}

void StaticFiles::serve(const File& file, const httplib::Request& req, httplib::Response& res) {
  res.set_header("ETag", file.etag);
  bool pinned = req.has_param("v") && req.get_param_value("v") == file.version;
  res.set_header("Cache-Control", pinned ? "public, max-age=31536000, immutable" : "public, max-age=600");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (etag_matches(req.get_header_value("If-None-Match"), file.etag)) {
    if (file.gzipped) res.set_header("Vary", "Accept-Encoding");
    res.status = 304;
    return;
  }
  res.status = 200;
  send_body(req, res, file.body, file.content_type, file.gzipped);
}

}  // namespace pressroom
