// What a release's document gets once the index's lists are known: its
// phrase-pair terms (read from its positions), then its positions as a word
// sequence and its pair filter, without the title slot and the facet slots
// of remote shards. The indexer settles every document it builds; a new index's
// first releases wait until the lists are learned from them.
#pragma once

#include <xapian.h>

#include "common/phrase_pairs.h"
#include "common/word_sequence.h"

namespace pressroom {

// Null lists: the index has none (a null vocabulary keeps Xapian's
// positions; null pairs add no pair terms).
void settle(Xapian::Document& document, const PhrasePairs* pairs, const WordVocabulary* vocabulary);

}  // namespace pressroom
