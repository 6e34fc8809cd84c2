// Wildcards inside quotes ("famil* detention"). Xapian 1.4's QueryParser
// expands a wildcard only outside a phrase: inside one it reads "famil*" as
// the word "famil", which no release has, so the phrase found nothing. This
// puts back, in each phrase and NEAR of a parsed query, the words such a
// pattern stands for, as the parser expands a wildcard elsewhere.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// The words of `query` that end in * inside double quotes, lower case and
// without the * ("famil" for "famil*").
std::vector<std::string> quoted_wildcards(std::string_view query);

// The terms of `db` that begin with `prefix`: its `limit` most frequent, in
// alphabetical order (what Xapian's WILDCARD_LIMIT_MOST_FREQUENT keeps).
std::vector<std::string> most_frequent_terms(const Xapian::Database& db, const std::string& prefix, size_t limit);

// `query` (parsed with `stem`) with each word of its phrases and NEARs that
// is one of `patterns` as the parser read it (stemmed, with its field's
// prefix) replaced by an OR of the `limit` most frequent terms of `db` that
// begin with the pattern (and that prefix): Xapian 1.4 checks a phrase of
// terms or ORs of terms, and refuses a synonym inside one. A pattern no term begins
// with leaves the word as it was: the phrase finds nothing, as it should.
Xapian::Query with_phrase_wildcards(const Xapian::Query& query, const std::vector<std::string>& patterns,
                                    const Xapian::Stem& stem, const Xapian::Database& db, size_t limit);

}  // namespace pressroom
