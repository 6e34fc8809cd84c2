// Small rewrites of the user's query text before Xapian's parser sees it, so
// that words are matched the way people type them. Each rewrite leaves quoted
// phrases and field values (word:value) alone.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom {

// A span of the query outside quotes: a run of plain words, or syntax to keep.
struct QuerySpan {
  std::string text;
  bool rewritable;  // false for quoted phrases, field:value tokens and operators
};

// Splits query text into spans; concatenating their texts gives the input back.
std::vector<QuerySpan> split_query(std::string_view query);

// "COVID-19" → "(COVID-19 OR covid19)"; "2,500" → "2500". Hyphenated words and
// grouped numbers are also indexed joined (schema.h), so every way of typing
// them meets every way of writing them.
std::string rewrite_compounds(std::string_view query);

// The joined forms of the compounds in `text` ("COVID-19" → "covid19",
// "2,500" → "2500", "covid19" → "covid", "19", "SB 4" → "sb4"), lower case,
// accents kept as given: the extra terms the indexer adds.
std::vector<std::string> compound_variants(std::string_view text);

}  // namespace pressroom
