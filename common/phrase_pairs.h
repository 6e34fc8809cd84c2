// Phrase pairs ("common grams"): a term for two adjacent words that are both
// frequent, so that a phrase of such words is a posting list rather than a
// position check of every release holding both words.
//
// Xapian answers "schools indigenous" by reading, for each release with both
// words, both words' positions (a B-tree lookup each). When both words are in
// most releases, that is most of the archive: at 1M releases such phrases
// took 60–200 ms where the same words without quotes took 40–70
// (docs/benchmarks.md). Sphinx's bigram_index=both_freq and Lucene's
// CommonGrams answer the same problem the same way.
//
// Which pairs get a term is decided once per index, from the words' document
// frequencies in the first releases a new index is built from, and stored in
// its metadata (schema::kMetaPhrasePairs): every release of the index, added
// then or later, gets the terms by the same list, so a query may rely on
// them. An index without the list (older, or built from too few releases to
// learn from) answers phrases by positions, as before.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/positioned_words.h"

namespace pressroom {

class PhrasePairs {
 public:
  // A pair is indexed when the product of its words' document frequencies
  // is at least this, in parts per million (20%: at 1M releases, pairs whose
  // words co-occur in ~200k releases or more; every phrase over 50 ms had
  // 323k candidates or more, those of 80–154k took 27–34 ms).
  static constexpr unsigned kMinProductPpm = 200000;
  // Fewer releases than this say too little about which words are frequent
  // (one release would list all its words); such an index learns no list.
  static constexpr size_t kMinSample = 1000;
  // The releases learned from: the first this many of the build.
  static constexpr size_t kMaxSample = 2000;

  PhrasePairs() = default;

  // The list for an index whose first releases are `sample` (documents as
  // schema::document_for() makes them): every positional, unprefixed word
  // that can be half of an indexed pair, with its frequency in the sample.
  // Empty when the sample has fewer than `min_sample` documents.
  static PhrasePairs learn(const std::vector<const Xapian::Document*>& sample, size_t min_sample = kMinSample);

  // The stored form, "1 <min product ppm>\n" then "word\tper-mille\n" lines
  // in word order; decode() of it gives the same list.
  std::string encode() const;
  // nullopt when `stored` is not an encode() output (an index without a
  // list stores "").
  static std::optional<PhrasePairs> decode(std::string_view stored);

  bool empty() const { return permille_.empty(); }
  // The threshold of this list (kMinProductPpm unless decoded from another).
  unsigned min_product_ppm() const { return min_product_ppm_; }
  size_t words() const { return permille_.size(); }

  // Whether the index holds a term for `first` directly followed by `second`
  // (unprefixed, stemmed terms as the index has them).
  bool indexed(std::string_view first, std::string_view second) const;

  // Adds to `document` the pair term of every two words at adjacent
  // positions that are indexed(). Boolean terms: the document's length, and
  // so every weight, stays as it was. `positioned`: its words by position,
  // when the caller has read them already.
  void add_terms(Xapian::Document& document, const PositionedWords& positioned) const;
  void add_terms(Xapian::Document& document) const;

 private:
  unsigned min_product_ppm_ = kMinProductPpm;
  std::unordered_map<std::string, unsigned> permille_;
};

// The term of `first` directly followed by `second`: the XP prefix, the
// words, a space between; "" when it would be longer than a Xapian term may
// be (such a pair is never indexed).
std::string phrase_pair_term(std::string_view first, std::string_view second);

// `query` with every two-word exact phrase (OP_PHRASE, window 2, of two
// unprefixed terms) whose pair is indexed answered by the pair term: the two
// words ANDed (the weight a phrase gets) and filtered by the term, which has
// exactly the phrase's matches. A longer phrase keeps its position check
// behind a filter of its indexed pairs. Parts of the tree Xapian 1.4 cannot
// rebuild (scaled weights, ranges, synonyms, wildcards, NEAR) are kept as
// they are.
Xapian::Query with_phrase_pairs(const Xapian::Query& query, const PhrasePairs& pairs);

}  // namespace pressroom
