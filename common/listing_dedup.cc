#include "common/listing_dedup.h"

#include <cctype>
#include <unordered_set>

#include "common/text_folding.h"

namespace pressroom {
namespace {

std::string title_date(const DedupKey& key) { return key.title + '\x1f' + key.date; }

bool has_title_date(const DedupKey& key) { return !key.title.empty() && !key.date.empty(); }

}  // namespace

bool is_listing_entry(const Release& release) { return release.provenance.count(kListingMarker) > 0; }

DedupKey dedup_key_for(const Release& release) {
  return DedupKey{url_match_key(release.url), fold_key(release.title), release.date,
                  is_listing_entry(release)};
}

std::string url_match_key(const std::string& url) {
  std::string rest = collapse_whitespace(url);
  if (size_t hash = rest.find('#'); hash != std::string::npos) rest.resize(hash);
  if (size_t scheme = rest.find("://"); scheme != std::string::npos) rest.erase(0, scheme + 3);
  size_t path = rest.find_first_of("/?");
  if (path == std::string::npos) path = rest.size();
  std::string host = rest.substr(0, path);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  for (std::string port : {":80", ":443"})
    if (host.size() > port.size() && host.compare(host.size() - port.size(), port.size(), port) == 0)
      host.resize(host.size() - port.size());
  std::string tail = rest.substr(path);
  size_t query = tail.find('?');
  std::string path_part = tail.substr(0, query);
  std::string query_part = query == std::string::npos ? std::string() : tail.substr(query);
  for (std::string index : {"index.html", "index.htm", "index.php"})
    if (path_part.size() >= index.size() &&
        path_part.compare(path_part.size() - index.size(), index.size(), index) == 0 &&
        (path_part.size() == index.size() || path_part[path_part.size() - index.size() - 1] == '/'))
      path_part.resize(path_part.size() - index.size());
  while (!path_part.empty() && path_part.back() == '/') path_part.pop_back();
  if (query_part == "?") query_part.clear();
  return host + path_part + query_part;
}

std::vector<bool> listing_entries_to_drop(const std::vector<DedupKey>& keys) {
  std::unordered_set<std::string> full_urls, full_titles;
  for (const DedupKey& key : keys) {
    if (key.listing) continue;
    if (!key.url.empty()) full_urls.insert(key.url);
    if (has_title_date(key)) full_titles.insert(title_date(key));
  }
  std::vector<bool> drop(keys.size(), false);
  std::unordered_set<std::string> listed_urls, listed_titles;
  for (size_t i = 0; i < keys.size(); ++i) {
    const DedupKey& key = keys[i];
    if (!key.listing) continue;
    bool with_title = has_title_date(key);
    std::string td = with_title ? title_date(key) : std::string();
    bool seen = (!key.url.empty() && (full_urls.count(key.url) || listed_urls.count(key.url))) ||
                (with_title && (full_titles.count(td) || listed_titles.count(td)));
    if (seen) {
      drop[i] = true;
      continue;
    }
    if (!key.url.empty()) listed_urls.insert(key.url);
    if (with_title) listed_titles.insert(td);
  }
  return drop;
}

}  // namespace pressroom
