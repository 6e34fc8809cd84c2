#include "common/count_cache.h"

namespace pressroom {

CountCache& CountCache::shared() {
  // A few KB an entry (the facet lists): a few MB in all.
  static CountCache cache(4096);
  return cache;
}

std::optional<CountedMatches> CountCache::find(const std::string& key) {
  if (key.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

void CountCache::store(const std::string& key, CountedMatches counted) {
  if (key.empty() || capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    it->second->second = std::move(counted);
    entries_.splice(entries_.begin(), entries_, it->second);
    return;
  }
  entries_.emplace_front(key, std::move(counted));
  by_key_[key] = entries_.begin();
  if (entries_.size() > capacity_) {
    by_key_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

void CountCache::set_capacity(size_t capacity) {
  std::lock_guard lock(mutex_);
  capacity_ = capacity;
  while (entries_.size() > capacity_) {
    by_key_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

std::string CountCache::count_key(const std::string& revision, const std::string& serialised_query,
                                  FacetSelection selection) {
  if (revision.empty()) return {};
  std::string key = revision;
  key.push_back('\0');
  for (bool counted : {selection.topic, selection.spokesperson, selection.type, selection.year, selection.month})
    key.push_back(counted ? '1' : '0');
  key.push_back('\0');
  key += serialised_query;
  return key;
}

}  // namespace pressroom
