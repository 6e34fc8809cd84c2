// Word sequences: the positions of a release's words kept as one value
// (schema::kWordSequence) instead of Xapian's position table.
//
// Why: glass stores a position list as one B-tree item per term and release
// (about 350 per release, ~18 bytes each however few positions it holds).
// At 1M releases that table is 6.59 of the index's 16.45 GB, and writing it
// a tenth to a sixth of the indexer's CPU (docs/benchmarks.md, "Session 11").
// The same positions as one sequence of word codes take ~1 KB per release.
//
// The codes: a word of the index's vocabulary (its frequent words, learned
// once when the index is built, stored in schema::kMetaWordSequences) is its
// rank; any other word is spelled out. So a sequence is exact: phrase
// checks over it (phrase_check.h, sequence_phrases.h) answer what Xapian's positions answer.
//
// Encoding (format 2, the first line of the stored vocabulary): a varint
// header, (size of the codes << 1) | 1 when two words share a position; the
// codes, one varint after another: kSkip + gap for positions left out
// (between fields), kSamePosition before a word at its predecessor's
// position, else the word's code: kFirstCode + rank for a word of the
// vocabulary, kFirstCode + vocabulary size + i for the release's i-th word
// outside it; then those words, each as a varint length and its bytes. The
// first word is at position 1 when no skip precedes it.
//
// Why the spelled words go after the codes: the codes are then varints and
// nothing else, so a phrase whose words sit side by side is its words' codes
// side by side, found by a byte search (holds_adjacent) instead of decoding
// ~700 codes per candidate.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/phrase_check.h"
#include "common/positioned_words.h"

namespace pressroom {

class WordVocabulary {
 public:
  // Words seen fewer times than this in the sample are spelled out: a word
  // the sample has once is rare enough that listing it costs more than it saves.
  static constexpr unsigned kMinCount = 2;

  WordVocabulary() = default;

  // Pair filters (pair_filter.h) hold the adjacent words whose document
  // frequencies in the sample, in per mille, multiply to at least this
  // (1%: at 1M releases, pairs whose words meet in ~10,000 releases or more,
  // which a phrase check reads one by one) and below the phrase-pair terms'
  // threshold (PhrasePairs::kMinProductPpm), which answer those above it.
  static constexpr unsigned kFilterMinPpm = 10000;
  // A bound no product reaches: an index without phrase-pair terms.
  static constexpr unsigned kNoPairTerms = 1000001;

  // The vocabulary of an index whose first releases are `sample`: every word
  // that has positions in them (any prefix), seen at least kMinCount times,
  // most frequent first, with the document frequency of those frequent
  // enough to be half of a filtered pair. `filter_below_ppm`: the phrase-pair
  // terms' threshold (kNoPairTerms when the index has none). Any sample, even
  // an empty one, gives a usable (if unhelpful) vocabulary.
  static WordVocabulary learn(const std::vector<const Xapian::Document*>& sample,
                              unsigned filter_below_ppm = kNoPairTerms);

  // The stored form: "3 " (its format), the number of releases it was
  // learned from, the filter's bounds and the number of words, then "\n";
  // one word per line by rank; then a "rank permille" line for each word with
  // a document frequency. decode() of it gives the same vocabulary.
  std::string encode() const;
  // nullopt when `stored` is not an encode() output ("" for an index that
  // keeps Xapian's positions, "1\n…" for one whose sequences have format 1).
  // Format 2 (no frequencies: an index built before pair filters) decodes to
  // a vocabulary without a pair filter.
  static std::optional<WordVocabulary> decode(std::string_view stored);

  // `word`'s rank, or nullopt when it is spelled out.
  std::optional<uint32_t> rank(std::string_view word) const;
  size_t size() const { return rank_.size(); }
  // How many releases it was learned from: an index begun with a few keeps a
  // small vocabulary (more words spelled out) until it is rebuilt.
  size_t sample() const { return sample_; }

  // Whether the index's releases carry pair filters (schema::kPairFilter).
  bool has_pair_filter() const { return !permille_.empty(); }
  // Whether the words of ranks `first` and `second`, adjacent, are in every
  // pair filter of a release that has them so.
  bool filtered_pair(uint32_t first, uint32_t second) const {
    if (first >= permille_.size() || second >= permille_.size()) return false;
    unsigned product = unsigned{permille_[first]} * permille_[second];
    return product >= filter_min_ppm_ && product < filter_below_ppm_;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> rank_;
  size_t sample_ = 0;
  // By rank: document frequency per mille, 0 below kFilterMinPpm / 1000.
  // Empty: no pair filters (a format-2 vocabulary).
  std::vector<uint16_t> permille_;
  unsigned filter_min_ppm_ = kFilterMinPpm;
  unsigned filter_below_ppm_ = kNoPairTerms;
};

// The word sequence of `document`'s positional terms (`positioned`, read
// from it), whose positions it then removes (their wdf, and so every weight,
// stays as it was). A document without positions gives "".
std::string take_word_sequence(Xapian::Document& document, const PositionedWords& positioned,
                               const WordVocabulary& vocabulary);
std::string take_word_sequence(Xapian::Document& document, const WordVocabulary& vocabulary);

// What a phrase check looks for: each slot's words (any one of them fills
// the slot) as codes of one index's vocabulary, or spelled out.
struct SlotWords {
  std::vector<uint32_t> ranks;
  std::vector<std::string> spelled;
};
struct CodedPhrase {
  std::vector<SlotWords> slots;
  uint32_t vocabulary_size = 0;  // where the codes of a release's spelled words begin
};
CodedPhrase code_phrase(const std::vector<std::vector<std::string>>& slots, const WordVocabulary& vocabulary);

// The positions of `sequence` whose word fills one of `phrase`'s slots (at
// most kMaxSlots), ascending, each once (words at one position share it).
// Throws Xapian::DatabaseCorruptError when `sequence` is not an encoding: the
// index is damaged, as for any table Xapian cannot read.
void decode_slot_hits(std::string_view sequence, const CodedPhrase& phrase, std::vector<SlotHit>& hits);

// Whether `sequence` has `phrase`'s words (one per slot) at consecutive
// positions in order: an exact phrase, what OP_PHRASE with its default
// window checks. nullopt when a byte search cannot tell and decode_slot_hits
// must: a slot with other than one word, or a sequence with words that share
// a position. Throws as decode_slot_hits does.
std::optional<bool> holds_adjacent(std::string_view sequence, const CodedPhrase& phrase);

}  // namespace pressroom
