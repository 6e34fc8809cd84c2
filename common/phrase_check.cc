#include "common/phrase_check.h"

namespace pressroom {

namespace {

bool ordered_holds(const std::vector<SlotHit>& hits, size_t slots, Xapian::termpos window) {
  // From each place slot 0 can start, every next slot at its earliest place
  // after the previous one: no later choice could end the phrase sooner.
  for (size_t start = 0; start < hits.size(); ++start) {
    if (!(hits[start].slots & 1u)) continue;
    size_t at = start;
    size_t slot = 1;
    for (; slot < slots; ++slot) {
      size_t next = at + 1;
      while (next < hits.size() && !(hits[next].slots & (uint64_t{1} << slot))) ++next;
      if (next == hits.size()) return false;  // no later start can find it either
      if (hits[next].position - hits[start].position >= window) break;
      at = next;
    }
    if (slot == slots) return true;
  }
  return false;
}

// Whether every slot gets its own hit among hits[from, to): a bipartite
// matching by augmenting paths (phrases have a handful of slots).
bool assign(const std::vector<SlotHit>& hits, size_t from, size_t to, size_t slot, std::vector<size_t>& owner,
            std::vector<bool>& tried) {
  for (size_t h = from; h < to; ++h) {
    if (!(hits[h].slots & (uint64_t{1} << slot)) || tried[h - from]) continue;
    tried[h - from] = true;
    size_t& held = owner[h - from];
    if (held == SIZE_MAX || assign(hits, from, to, held, owner, tried)) {
      held = slot;
      return true;
    }
  }
  return false;
}

bool unordered_holds(const std::vector<SlotHit>& hits, size_t slots, Xapian::termpos window) {
  // A match's first position is a hit: try each as the window's start.
  size_t to = 0;
  for (size_t from = 0; from < hits.size(); ++from) {
    while (to < hits.size() && hits[to].position - hits[from].position < window) ++to;
    if (to - from < slots) continue;
    std::vector<size_t> owner(to - from, SIZE_MAX);
    size_t slot = 0;
    for (; slot < slots; ++slot) {
      std::vector<bool> tried(to - from, false);
      if (!assign(hits, from, to, slot, owner, tried)) break;
    }
    if (slot == slots) return true;
  }
  return false;
}

}  // namespace

bool phrase_holds(const std::vector<SlotHit>& hits, size_t slots, Xapian::termpos window, bool ordered) {
  if (slots == 0 || slots > kMaxSlots) return false;
  if (window == 0) window = static_cast<Xapian::termpos>(slots);
  return ordered ? ordered_holds(hits, slots, window) : unordered_holds(hits, slots, window);
}

}  // namespace pressroom
