// Wildcards inside quotes ("famil* detention"). Xapian 1.4's QueryParser
// expands a wildcard only outside quotes: inside them it reads "famil*" as
// the word "famil", which no release has, so the phrase found nothing.
//
// So each quoted wildcard is handed to the parser as a marker word (digits
// and letters no stemmer changes and no release has), and the parsed query's
// markers are then replaced by the words the pattern stands for. The marker
// says which typed word it was: a word typed without a star is never
// touched, whatever its stem.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressroom {

class QuotedWildcards {
 public:
  // Finds the words of `query` that end in * inside double quotes (straight
  // or curly) and marks them.
  explicit QuotedWildcards(std::string_view query);

  bool empty() const { return patterns_.empty(); }
  // The query with each quoted wildcard as its marker: what to parse.
  const std::string& text() const { return text_; }
  // Each marker's pattern, lower case, without the * ("famil" for "famil*"),
  // in the order typed (a pattern typed twice is listed twice).
  const std::vector<std::string>& patterns() const { return patterns_; }

  // `parsed` (parsed from text()) with each marker replaced by the `limit`
  // most frequent terms of `db` that begin with its pattern (with the
  // marker's field prefix): an OR inside a phrase or NEAR (Xapian 1.4 checks
  // a phrase of terms or ORs of terms, and refuses a synonym inside one), a
  // synonym elsewhere (as the parser expands a wildcard). A pattern no term
  // begins with stays the pattern, a term no release has: it matches
  // nothing. Each pattern's terms are listed once, however many parses ask.
  Xapian::Query expand(const Xapian::Query& parsed, const Xapian::Database& db, size_t limit);

  // `word` (as a term generator reads text(), no prefix) as holds_phrases()
  // compares it: a marker becomes its pattern with the * ("famil*"), any
  // other word stays itself.
  std::string pattern_of(const std::string& word) const;

 private:
  std::string text_;
  std::vector<std::string> patterns_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> terms_;  // (prefix, pattern) → terms
};

// The terms of `db` that begin with `prefix`: its `limit` most frequent, in
// alphabetical order (what Xapian's WILDCARD_LIMIT_MOST_FREQUENT keeps).
std::vector<std::string> most_frequent_terms(const Xapian::Database& db, const std::string& prefix, size_t limit);

}  // namespace pressroom
