#include "server/compressed_body.h"

#include <cctype>
#include <stdexcept>

namespace pressroom {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Hands `data` to httplib as a sized content provider: httplib compresses
// only bodies and chunked providers, so these bytes go out as they are.
void provide(httplib::Response& res, std::shared_ptr<const std::string> data, const std::string& content_type) {
  if (data->empty()) {
    res.set_content("", content_type.c_str());
    return;
  }
  res.set_content_provider(data->size(), content_type.c_str(),
                           [data](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(data->data() + offset, length);
                           });
}

}  // namespace

bool accepts_gzip(const httplib::Request& req) {
  std::string header = lower(req.get_header_value("Accept-Encoding"));
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string_view item = trim(std::string_view(header).substr(start, end - start));
    start = end + 1;
    std::string_view coding = trim(item.substr(0, item.find(';')));
    if (coding != "gzip" && coding != "*") continue;
    size_t q = item.find("q=");
    if (q == std::string_view::npos) return true;
    std::string_view value = trim(item.substr(q + 2));
    return !(value.starts_with("0") && value.find_first_not_of("0.") == std::string_view::npos);
  }
  return false;
}

std::string gzip(std::string_view data) {
  httplib::detail::gzip_compressor compressor;
  std::string out;
  bool ok = compressor.compress(data.data(), data.size(), true, [&out](const char* chunk, size_t length) {
    out.append(chunk, length);
    return true;
  });
  if (!ok) throw std::runtime_error("gzip failed");
  return out;
}

void send_body(const httplib::Request& req, httplib::Response& res, std::shared_ptr<const std::string> body,
               const std::string& content_type, std::shared_ptr<const std::string> gzipped) {
  bool worth_it = body->size() > kCompressAbove;
  if (worth_it) res.set_header("Vary", "Accept-Encoding");
  if (worth_it && accepts_gzip(req)) {
    if (!gzipped) gzipped = std::make_shared<const std::string>(gzip(*body));
    res.set_header("Content-Encoding", "gzip");
    provide(res, std::move(gzipped), content_type);
  } else {
    provide(res, std::move(body), content_type);
  }
}

}  // namespace pressroom
