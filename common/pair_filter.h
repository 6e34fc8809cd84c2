// Pair filters: a small Bloom filter per release of its adjacent words, so
// that a phrase check over word sequences (sequence_phrases.h) turns most
// releases away without reading their sequence.
//
// Why: in an index built with --word-sequences, a phrase of two fairly
// frequent words that no phrase-pair term answers reads the ~1 KB sequence of
// every release holding both words (at 1M releases, up to 150,000 of them),
// and each read copies an 8 KB block: 1.3 µs a candidate, 120–150 ms for
// such a phrase (docs/benchmarks.md, "Session 12"). A filter of ~100 bytes
// sits with dozens of others in one block, and rejects all but a few per cent
// of the releases that do not hold the phrase.
//
// Which pairs: both words in the index's vocabulary with a document
// frequency recorded, whose product is in the vocabulary's filter band
// (WordVocabulary::filtered_pair): rarer pairs have few candidates, and
// more frequent ones have phrase-pair terms. A release's filter holds every
// such pair it has at adjacent positions, so a phrase whose pair is missing
// from it is not in the release: the filter never turns a match away.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/positioned_words.h"
#include "common/word_sequence.h"

namespace pressroom {

// Bits a filter spends per pair, and the bits each pair sets: about 4% of
// the pairs a release does not have pass (9% with the 5 bits of session 14,
// whose filters are still read right: a probe takes a filter's size in bits
// from its length, and the probes are the same). Seven bits since session
// 16, paid for by the facet slots a word-sequence index no longer keeps:
// ~160 bytes a release.
inline constexpr unsigned kPairFilterBitsPerPair = 7;
inline constexpr unsigned kPairFilterProbes = 3;

// The filter of a release whose positional words are `positioned`, for the
// index whose vocabulary is `vocabulary`: "" when it has no filtered pair
// (or the vocabulary keeps no frequencies).
std::string pair_filter(const PositionedWords& positioned, const WordVocabulary& vocabulary);

// The filtered pairs of an exact phrase (words at consecutive positions),
// checked against a release's filter.
class PairProbe {
 public:
  // `ranks`: each of the phrase's words' rank in `vocabulary`, or nullopt
  // for a slot that is not one word of it (spelled out, or alternatives).
  PairProbe(const std::vector<std::optional<uint32_t>>& ranks, const WordVocabulary& vocabulary);

  // Whether any pair of the phrase is filtered: else holds() is always true.
  bool empty() const { return hashes_.empty(); }
  // Whether a release with filter `filter` may hold the phrase: false only
  // when it does not.
  bool holds(std::string_view filter) const;

 private:
  std::vector<uint64_t> hashes_;
};

}  // namespace pressroom
