// FNV-1a, 64 bits: a fast hash that is the same on every machine, run and
// build, for what must stay put across runs (content hashes, shard choice).
// Not for anything an adversary controls the cost of.
#pragma once

#include <cstdint>
#include <string_view>

namespace pressroom {

inline constexpr uint64_t kFnv1aOffset = 14695981039346656037ULL;

// The hash of `data`, continuing from `h` (so a hash can be fed in pieces).
inline constexpr uint64_t fnv1a64(std::string_view data, uint64_t h = kFnv1aOffset) {
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace pressroom
