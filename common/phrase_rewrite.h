// Rewriting the phrases of a parsed query: what phrase pairs and word
// sequences (phrase_pairs.h, sequence_phrases.h) both do to the tree the
// QueryParser gives, with what Xapian 1.4's Query does not expose.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>

#include "common/query_rewrite.h"

namespace pressroom {

// The window of an OP_PHRASE or OP_NEAR (a quoted phrase's is its number of
// words), or nullopt for any other query. Xapian 1.4 has no accessor: it is
// read from the description, "(a@1 PHRASE 2 b@2)".
std::optional<Xapian::termpos> window_of(const Xapian::Query& query);

// `query` with each OP_PHRASE and OP_NEAR replaced by what `replace` gives
// for it (nullopt: kept), under operators rebuilt_around() them; a phrase
// under any other is kept as it is.
Xapian::Query rewrite_phrases(const Xapian::Query& query,
                              const std::function<std::optional<Xapian::Query>(const Xapian::Query&)>& replace);

}  // namespace pressroom
