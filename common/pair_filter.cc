#include "common/pair_filter.h"

#include <algorithm>

namespace pressroom {

namespace {

// splitmix64's finaliser: ranks are small numbers, and a filter needs bits
// spread over the whole word. Stable across runs: filters are stored.
uint64_t pair_hash(uint32_t first, uint32_t second) {
  uint64_t x = (uint64_t{first} << 32 | second) + 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The probes of one pair in a filter of `bits` bits: double hashing.
template <typename Visit>
void for_each_bit(uint64_t hash, uint64_t bits, Visit visit) {
  auto low = static_cast<uint32_t>(hash);
  auto step = static_cast<uint32_t>(hash >> 32) | 1;
  for (unsigned k = 0; k < kPairFilterProbes; ++k) visit((uint64_t{low} + uint64_t{k} * step) % bits);
}

}  // namespace

std::string pair_filter(const PositionedWords& positioned, const WordVocabulary& vocabulary) {
  if (!vocabulary.has_pair_filter() || positioned.at.empty()) return {};
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> ranks(positioned.words.size(), kNone);
  for (size_t w = 0; w < positioned.words.size(); ++w)
    if (auto rank = vocabulary.rank(positioned.words[w])) ranks[w] = *rank;
  // Every word at a position with every word at the next (words may share
  // a position).
  std::vector<uint64_t> hashes;
  const auto& at = positioned.at;
  for (size_t i = 0, next = 0; i < at.size(); i = next) {
    next = i;
    while (next < at.size() && at[next].first == at[i].first) ++next;
    size_t after = next;
    while (after < at.size() && at[after].first == at[i].first + 1) ++after;
    for (size_t a = i; a < next; ++a)
      for (size_t b = next; b < after; ++b) {
        uint32_t first = ranks[at[a].second], second = ranks[at[b].second];
        if (first != kNone && second != kNone && vocabulary.filtered_pair(first, second))
          hashes.push_back(pair_hash(first, second));
      }
  }
  if (hashes.empty()) return {};
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::string filter((hashes.size() * kPairFilterBitsPerPair + 7) / 8, '\0');
  uint64_t bits = filter.size() * 8;
  for (uint64_t hash : hashes)
    for_each_bit(hash, bits, [&](uint64_t bit) { filter[bit / 8] = static_cast<char>(filter[bit / 8] | 1 << (bit % 8)); });
  return filter;
}

PairProbe::PairProbe(const std::vector<std::optional<uint32_t>>& ranks, const WordVocabulary& vocabulary) {
  for (size_t i = 0; i + 1 < ranks.size(); ++i)
    if (ranks[i] && ranks[i + 1] && vocabulary.filtered_pair(*ranks[i], *ranks[i + 1]))
      hashes_.push_back(pair_hash(*ranks[i], *ranks[i + 1]));
}

bool PairProbe::holds(std::string_view filter) const {
  if (hashes_.empty()) return true;
  if (filter.empty()) return false;  // the release has no filtered pair
  uint64_t bits = filter.size() * 8;
  for (uint64_t hash : hashes_) {
    bool all = true;
    for_each_bit(hash, bits, [&](uint64_t bit) { all = all && (static_cast<unsigned char>(filter[bit / 8]) >> (bit % 8) & 1); });
    if (!all) return false;
  }
  return true;
}

}  // namespace pressroom
