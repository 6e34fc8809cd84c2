// Turns a SearchRequest into a Xapian query: the free text through Xapian's
// QueryParser (with our field prefixes, folded the way the index is, stemmed
// in both archive languages, synonyms and compounds expanded), the facet and
// date selections as boolean filters that never change ranking (OR within one
// facet, AND across facets, as Omega does).
#pragma once

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/phrase_pairs.h"
#include "common/search_request.h"
#include "common/synonyms.h"

namespace pressroom {

struct BuiltQuery {
  Xapian::Query query;                      // text filtered by every selection
  Xapian::Query text;                       // the text part alone (empty for a browse)
  bool has_text = false;                    // false: a browse, ordered by date
  std::vector<std::string> highlight_terms; // unprefixed (stemmed) terms to mark in snippets
  bool reparsed_as_plain = false;           // the syntax could not be read; words were used
  std::vector<SynonymUse> synonyms;         // expansions applied
  // For a query of two or more plain words under match=all: the same words
  // with any allowed, used to fill a page the all-words matches leave short.
  Xapian::Query relaxed_text;
  // Statements only: the quoted phrases of q. Quote words have no positions,
  // so their phrases are searched as ANDs and each quote's own text is then
  // checked for them (text_phrases.h).
  std::vector<std::string> phrases;
};

// The facets a filter can leave out, for disjunctive facet counts.
enum class FacetFilter { None, Topic, Spokesperson, Type, Date };

// Not thread-safe: one per thread (it holds QueryParsers bound to a database).
class QueryBuilder {
 public:
  // `db` is used to expand wildcards and for spelling; it, `synonyms` and
  // `pairs` (the index's phrase-pair list: phrases use its terms) may be
  // null and must outlive the builder. `word_sequences`: some shard keeps
  // its positions as word sequences, so phrases are checked against them
  // (sequence_phrases.h).
  QueryBuilder(const Xapian::Database& db, const Synonyms* synonyms = nullptr, const PhrasePairs* pairs = nullptr,
               bool word_sequences = false);

  // Never throws for the text: syntax the parser cannot read is retried as
  // plain words (reparsed_as_plain). Throws InvalidParameter when q has text
  // but no searchable word at all.
  BuiltQuery build(const SearchRequest& request);

  // The filter part only: facet selections and the date range, leaving out
  // `except` (so a facet can be counted as if it were not selected); an empty
  // Query when nothing is selected. Dates become Y/M/D terms (date_terms.h).
  Xapian::Query filter_for(const SearchRequest& request, FacetFilter except = FacetFilter::None) const;

  // Combines a text query (may be empty: browse) with a filter (may be empty).
  static Xapian::Query combine(const Xapian::Query& text, const Xapian::Query& filter);

  // The query for quoted statements: q searches the words of quotes (XQ),
  // spokesperson filters on who said them (XQA), topic/type/date as usual;
  // only releases with at least one attributed quote match. highlight_terms
  // are the quote terms without their prefix.
  BuiltQuery build_statements(const SearchRequest& request);

  // A "did you mean" for `q` from the archive's own words, or empty when the
  // spelling dictionary has nothing better.
  std::string spelling_suggestion(const std::string& q);

 private:
  Xapian::Query parse(const std::string& text, MatchMode match, bool& reparsed,
                      const std::string& default_prefix = "");

  Xapian::Query with_exact_wildcard_stats(const Xapian::Query& query) const;
  // Whether with_exact_wildcard_stats() names the words wildcards expand to:
  // over several databases, or to explain hits.
  bool names_wildcard_words() const { return db_.size() > 1 || explaining_; }
  // The words the wildcards of `query` expand to in db_: for each, its 2,000
  // most frequent, which hold the 200 the parser matches with.
  std::vector<std::string> wildcard_words(const Xapian::Query& query) const;
  // The terms of `query` and the words its wildcards expand to: what a
  // snippet marks.
  std::set<std::string> words_of(const Xapian::Query& query) const;

  Xapian::Database db_;
  Xapian::QueryParser english_;
  Xapian::QueryParser spanish_;
  const Synonyms* synonyms_;
  const PhrasePairs* pairs_;
  bool word_sequences_;
  bool explaining_ = false;  // the request being built asks to explain its hits
};

}  // namespace pressroom
