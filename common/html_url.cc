#include "common/html_url.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "common/text_folding.h"

namespace pressroom {
namespace {

struct Parts {
  std::string scheme;  // lower case, without ':'
  std::string authority;
  std::string path;
  std::string query;
  std::string fragment;
  bool has_authority = false;
  bool has_query = false;
  bool has_fragment = false;
};

// Browsers drop surrounding whitespace and any tab or newline inside an href.
std::string clean_reference(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  size_t begin = out.find_first_not_of(" \f");
  if (begin == std::string::npos) return {};
  size_t end = out.find_last_not_of(" \f");
  return out.substr(begin, end - begin + 1);
}

Parts split(std::string_view url) {
  Parts parts;
  size_t colon = url.find(':');
  if (colon != std::string_view::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0]))) {
    bool scheme = true;
    for (size_t i = 0; i < colon; ++i) {
      char c = url[i];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') scheme = false;
    }
    if (scheme) {
      for (size_t i = 0; i < colon; ++i)
        parts.scheme.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(url[i]))));
      url.remove_prefix(colon + 1);
    }
  }
  if (size_t hash = url.find('#'); hash != std::string_view::npos) {
    parts.has_fragment = true;
    parts.fragment = url.substr(hash + 1);
    url = url.substr(0, hash);
  }
  if (size_t question = url.find('?'); question != std::string_view::npos) {
    parts.has_query = true;
    parts.query = url.substr(question + 1);
    url = url.substr(0, question);
  }
  if (url.substr(0, 2) == "//") {
    parts.has_authority = true;
    url.remove_prefix(2);
    size_t slash = url.find('/');
    parts.authority = url.substr(0, slash);
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  parts.path = url;
  return parts;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.substr(0, 3) == "../") {
      input.remove_prefix(3);
    } else if (input.substr(0, 2) == "./") {
      input.remove_prefix(2);
    } else if (input.substr(0, 3) == "/./") {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.substr(0, 4) == "/../" || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      size_t last = output.rfind('/');
      output.resize(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      size_t next = input.find('/', input[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = input.size();
      output.append(input.substr(0, next));
      input.remove_prefix(next);
    }
  }
  return output;
}

std::string compose(const Parts& p) {
  std::string out;
  if (!p.scheme.empty()) out += p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

bool id_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~' ||
         c == '/' || c == ':';
}

}  // namespace

bool is_absolute_http_url(std::string_view url) {
  Parts parts = split(clean_reference(url));
  return (parts.scheme == "http" || parts.scheme == "https") && parts.has_authority && !parts.authority.empty();
}

std::string resolve_url(std::string_view base_text, std::string_view reference_text) {
  std::string reference = clean_reference(reference_text);
  Parts base = split(clean_reference(base_text));
  if (base.scheme.empty() || !base.has_authority) return reference;
  Parts ref = split(reference);
  Parts target;
  if (!ref.scheme.empty()) {
    bool http = ref.scheme == "http" || ref.scheme == "https";
    if (ref.scheme != base.scheme || ref.has_authority || !http) return reference;
    ref.scheme.clear();  // browsers read "https:page" as relative when the base is https too
  }
  target.scheme = base.scheme;
  if (ref.has_authority) {
    target.has_authority = true;
    target.authority = ref.authority;
    target.path = remove_dot_segments(ref.path);
    target.has_query = ref.has_query;
    target.query = ref.query;
  } else {
    target.has_authority = true;
    target.authority = base.authority;
    if (ref.path.empty()) {
      target.path = base.path;
      target.has_query = ref.has_query || base.has_query;
      target.query = ref.has_query ? ref.query : base.query;
    } else {
      if (ref.path[0] == '/') {
        target.path = remove_dot_segments(ref.path);
      } else {
        std::string merged;
        if (base.path.empty()) {
          merged = "/" + ref.path;
        } else {
          size_t slash = base.path.rfind('/');
          merged = (slash == std::string::npos ? std::string() : base.path.substr(0, slash + 1)) + ref.path;
        }
        target.path = remove_dot_segments(merged);
      }
      target.has_query = ref.has_query;
      target.query = ref.query;
    }
  }
  target.has_fragment = ref.has_fragment;
  target.fragment = ref.fragment;
  if (target.path.empty()) target.path.push_back('/');
  return compose(target);
}

std::string id_from_url(std::string_view url) {
  Parts parts = split(clean_reference(url));
  if (!parts.has_authority || parts.authority.empty()) return {};
  std::string host = parts.authority.substr(parts.authority.rfind('@') == std::string::npos
                                                ? 0
                                                : parts.authority.rfind('@') + 1);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* port : {":80", ":443"})
    if (host.size() > 4 && host.compare(host.size() - std::string_view(port).size(), std::string::npos, port) == 0)
      host.resize(host.size() - std::string_view(port).size());
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);

  std::string raw = host + strip_accents(percent_decode(parts.path));
  if (parts.has_query && !parts.query.empty()) {
    raw.push_back('-');
    raw += strip_accents(percent_decode(parts.query));
  }

  std::string id;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = id_char(raw[i]) ? raw[i] : '-';
    if (c == '-' && !id.empty() && id.back() == '-') continue;
    if (c == '/' && (id.empty() || id.back() == '/')) continue;
    id.push_back(c);
  }
  // "." and ".." segments cannot be routed; neither can a trailing slash.
  std::string clean;
  size_t start = 0;
  while (start <= id.size()) {
    size_t end = id.find('/', start);
    if (end == std::string::npos) end = id.size();
    std::string segment = id.substr(start, end - start);
    if (segment == "." || segment == "..") segment = "-";
    if (!segment.empty()) {
      if (!clean.empty()) clean.push_back('/');
      clean += segment;
    }
    start = end + 1;
  }
  if (clean.size() > 200) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, "-%016llx", static_cast<unsigned long long>(fnv1a(clean)));
    clean.resize(183);
    while (!clean.empty() && clean.back() == '/') clean.pop_back();
    clean += suffix;
  }
  return clean;
}

}  // namespace pressroom
