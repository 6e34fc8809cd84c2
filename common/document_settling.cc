#include "common/document_settling.h"

#include "common/pair_filter.h"
#include "common/positioned_words.h"
#include "common/schema.h"

namespace pressroom {

void settle(Xapian::Document& document, const PhrasePairs* pairs, const WordVocabulary* vocabulary) {
  if (!vocabulary) {
    if (pairs) pairs->add_terms(document);
    return;
  }
  // Pair terms have no positions: the words read once serve both.
  PositionedWords positioned = positioned_words(document);
  if (pairs) pairs->add_terms(document, positioned);
  // An index that keeps word sequences is built to be small: its
  // suggestions read titles from the stored release. Nor does it keep the
  // per-position facet slots, which only remote shards' spies read: it is
  // never served over xapian-tcpsrv (database_set.cc), and its facets are
  // counted from kFacets (facet_table.h).
  document.add_value(schema::kTitle, std::string());  // "" removes the value
  for (Xapian::valueno slot : {schema::kFacetType, schema::kFacetMonth}) document.add_value(slot, std::string());
  for (unsigned i = 0; i < schema::kFacetPositions; ++i) {
    document.add_value(schema::kFacetTopic + i, std::string());
    document.add_value(schema::kFacetSpokesperson + i, std::string());
  }
  std::string filter = pair_filter(positioned, *vocabulary);
  if (!filter.empty()) document.add_value(schema::kPairFilter, filter);
  document.add_value(schema::kWordSequence, take_word_sequence(document, positioned, *vocabulary));
}

}  // namespace pressroom
