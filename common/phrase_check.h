// Whether a release's positions hold a phrase, as Xapian's matcher decides it
// (OP_PHRASE and OP_NEAR), from the positions of the phrase's words only:
// the check behind word sequences (word_sequence.h, sequence_phrases.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pressroom {

// The most slots a phrase check takes: one bit each in SlotHit::slots.
inline constexpr size_t kMaxSlots = 64;

// A position of a sequence with a slot's word: which slots it can fill (bit i
// for slot i).
struct SlotHit {
  Xapian::termpos position;
  uint64_t slots;
};

// `hits`: the positions holding a word of some slot, ascending, each once.
// `slots`: how many slots the phrase has (at most kMaxSlots). `window` 0 means the
// number of slots, as for Xapian::Query.
//
// Ordered (OP_PHRASE): slot 0's word, then slot 1's at a later position, and
// so on, the first and the last at most `window` - 1 apart. Unordered
// (OP_NEAR): a word for every slot, each at its own position, all within
// `window` - 1 of each other.
bool phrase_holds(const std::vector<SlotHit>& hits, size_t slots, Xapian::termpos window, bool ordered);

}  // namespace pressroom
