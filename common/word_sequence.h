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
// Encoding, one varint after another: kSkip + gap for positions left out
// (between fields), kSamePosition before a word at its predecessor's
// position, kSpelled + length + bytes for a word outside the vocabulary,
// else kFirstCode + rank. The first word is at position 1 when no skip
// precedes it.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pressroom {

class WordVocabulary {
 public:
  // Words seen fewer times than this in the sample are spelled out: a word
  // the sample has once is rare enough that listing it costs more than it saves.
  static constexpr unsigned kMinCount = 2;

  WordVocabulary() = default;

  // The vocabulary of an index whose first releases are `sample`: every word
  // that has positions in them (any prefix), seen at least kMinCount times,
  // most frequent first. Any sample, even an empty one, gives a usable (if
  // unhelpful) vocabulary.
  static WordVocabulary learn(const std::vector<const Xapian::Document*>& sample);

  // The stored form, "1\n" then one word per line by rank; decode() of it
  // gives the same vocabulary.
  std::string encode() const;
  // nullopt when `stored` is not an encode() output ("" for an index that
  // keeps Xapian's positions).
  static std::optional<WordVocabulary> decode(std::string_view stored);

  // `word`'s rank, or nullopt when it is spelled out.
  std::optional<uint32_t> rank(std::string_view word) const;
  size_t size() const { return rank_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> rank_;
};

// A document's terms that have positions, and each of its positions with
// the index of its term in `words`, by position: what phrase pairs, word
// sequences and phrase checks of a text read from a document.
struct PositionedWords {
  std::vector<std::string> words;
  std::vector<std::pair<Xapian::termpos, uint32_t>> at;
};
PositionedWords positioned_words(const Xapian::Document& document);

// The word sequence of `document`'s positional terms, whose positions it then
// removes (their wdf, and so every weight, stays as it was). A document
// without positions gives "".
std::string take_word_sequence(Xapian::Document& document, const WordVocabulary& vocabulary);

// What a phrase check looks for: each slot's words (any one of them fills
// the slot) as codes of one index's vocabulary.
struct SlotWords {
  std::vector<uint32_t> ranks;
  std::vector<std::string> spelled;
};
std::vector<SlotWords> slot_words(const std::vector<std::vector<std::string>>& slots, const WordVocabulary& vocabulary);

// The most slots a phrase check takes: one bit each in SlotHit::slots.
inline constexpr size_t kMaxSlots = 64;

// A position of a sequence with a slot's word: which slots it can fill (bit i
// for slot i).
struct SlotHit {
  Xapian::termpos position;
  uint64_t slots;
};

// The positions of `sequence` whose word fills one of `slots` (at most
// kMaxSlots), ascending, each once (words at one position share it).
// Throws Xapian::DatabaseCorruptError when `sequence` is not an encoding: the
// index is damaged, as for any table Xapian cannot read.
void decode_slot_hits(std::string_view sequence, const std::vector<SlotWords>& slots, std::vector<SlotHit>& hits);

}  // namespace pressroom
