#include "common/stem_cache.h"

namespace pressroom {

CachedStem::CachedStem(const std::string& language) : stem_(language) { cache_.reserve(1024); }

std::string CachedStem::operator()(const std::string& word) {
  if (auto hit = cache_.find(word); hit != cache_.end()) return hit->second;
  if (cache_.size() >= kMaxWords) cache_.clear();
  return cache_.emplace(word, stem_(word)).first->second;
}

std::string CachedStem::get_description() const { return "cached " + stem_.get_description(); }

}  // namespace pressroom
