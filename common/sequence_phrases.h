// Phrases answered from word sequences (word_sequence.h) in an index that
// keeps no Xapian positions.
//
// A phrase or NEAR query becomes FILTER(AND(its words), a posting source)
// whose check reads the release's word sequence: AND weighs what OP_PHRASE
// weighs (the sum of its words' weights), and the source decides what the
// position check decided (phrase_check.h), so the answers and their order
// are the same as with Xapian's positions. One exception: a NEAR one of
// whose slots is an OR (or synonym) of terms finds every arrangement, where
// Xapian 1.4's check misses some in which one word could fill two slots
// (tests/sequence_phrases_test.cc).
//
// The source finds the vocabulary of each database it runs on by the small
// metadata key schema::kMetaWordSequencesId (one lookup per search and
// database), and the vocabulary itself once per process. On a database
// without word sequences (built without --word-sequences) it checks Xapian's
// positions instead, so a set of
// shards of both kinds answers alike.
//
// Not over xapian-tcpsrv: a stock server cannot run the source, so an index
// with word sequences is searched locally (database_set.cc refuses it as a
// remote shard).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace pressroom {

// The words of a phrase or NEAR, the window and whether the order counts.
struct PhraseSpec {
  std::vector<std::vector<std::string>> slots;  // any one of a slot's terms fills it
  Xapian::termpos window = 0;                   // 0: the number of slots
  bool ordered = true;                          // OP_PHRASE; false: OP_NEAR
};

// `query` with every OP_PHRASE and OP_NEAR whose subqueries are terms, or
// ORs or synonyms of terms, answered by word sequences. Throws
// InvalidParameter for one of more than kMaxSlots words. Others (phrases of
// other subqueries, under a scaled weight or a synonym: the QueryParser's
// syntax pressroom allows produces none) are left as they are; Xapian would
// answer them as an AND on a database without positions, and match nothing
// with them on such a database searched beside one with positions.
Xapian::Query with_word_sequences(const Xapian::Query& query);

// The posting source of `spec`: the releases in which it holds.
Xapian::Query word_sequence_phrase(const PhraseSpec& spec);

// A registry that can unserialise queries with_word_sequences() made: every
// Query::unserialise() of a searched query must use it.
const Xapian::Registry& query_registry();

}  // namespace pressroom
