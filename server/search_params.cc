#include "server/search_params.h"

#include <algorithm>
#include <array>

#include "common/text_folding.h"

namespace pressroom {
namespace {

// The canonical order; anything not listed is not part of a search's state.
constexpr std::array<std::string_view, 10> kNames = {"q",    "topic", "spokesperson", "type", "from",
                                                     "to",   "sort",  "match",        "page", "size"};

size_t rank(std::string_view name) {
  return static_cast<size_t>(std::find(kNames.begin(), kNames.end(), name) - kNames.begin());
}

std::vector<SearchParams::Item> canonical(std::vector<SearchParams::Item> items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  return items;
}

}  // namespace

std::string percent_encode(std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || (keep_slash && c == '/');
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

SearchParams SearchParams::from(const ParamMap& params) {
  SearchParams out;
  for (const auto& [name, value] : params) {
    std::string trimmed = collapse_whitespace(value);
    if (rank(name) < kNames.size() && !trimmed.empty()) out.items_.emplace_back(name, std::move(trimmed));
  }
  out.items_ = canonical(std::move(out.items_));
  return out;
}

std::string SearchParams::get(std::string_view name) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->first == name) return it->second;
  return {};
}

std::vector<std::string> SearchParams::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : items_)
    if (n == name) out.push_back(v);
  return out;
}

bool SearchParams::has(std::string_view name, std::string_view value) const {
  std::string key = fold_key(value);
  return std::any_of(items_.begin(), items_.end(),
                     [&](const Item& item) { return item.first == name && fold_key(item.second) == key; });
}

SearchParams SearchParams::with(std::string_view name, std::string_view value) const {
  SearchParams out = *this;
  if (value.empty()) return out;
  out.items_.emplace_back(std::string(name), std::string(value));
  out.items_ = canonical(std::move(out.items_));
  return out;
}

SearchParams SearchParams::without(std::string_view name) const {
  SearchParams out;
  for (const Item& item : items_)
    if (item.first != name) out.items_.push_back(item);
  return out;
}

SearchParams SearchParams::without(std::string_view name, std::string_view value) const {
  std::string key = fold_key(value);
  SearchParams out;
  for (const Item& item : items_)
    if (item.first != name || fold_key(item.second) != key) out.items_.push_back(item);
  return out;
}

SearchParams SearchParams::with_only(std::string_view name, std::string_view value) const {
  return without(name).with(name, value);
}

ParamMap SearchParams::to_map() const { return ParamMap(items_.begin(), items_.end()); }

std::string SearchParams::query_string() const {
  std::string out;
  for (const auto& [name, value] : items_) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += percent_encode(value);
  }
  return out;
}

std::string SearchParams::href(std::string_view path) const {
  std::string query = query_string();
  std::string out(path);
  if (!query.empty()) out += "?" + query;
  return out;
}

}  // namespace pressroom
