#include "common/query_builder.h"

#include <algorithm>

#include "common/date_terms.h"
#include "common/dates.h"
#include "common/errors.h"
#include "common/phrase_rewrite.h"
#include "common/phrase_wildcards.h"
#include "common/query_text.h"
#include "common/schema.h"
#include "common/sequence_phrases.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// topic:"Family Detention" and friends: the value is folded exactly like the
// indexed boolean term, so case and accents never matter.
// How a filter value becomes the query of its term: a name's term in this
// schema, or in an index written before version 7 the term it had then (a
// server may serve older indexes until they are indexed again).
struct FilterField {
  std::string (*term)(std::string_view value);
  std::string_view legacy_prefix;  // "" for fields whose terms did not change

  Xapian::Query query(std::string_view value) const {
    std::string now = term(value);
    std::string legacy = legacy_prefix.empty() ? now : schema::legacy_name_term(legacy_prefix, value);
    if (legacy == now) return Xapian::Query(now);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(now), Xapian::Query(legacy));
  }
};

std::string type_term(std::string_view value) { return schema::boolean_term(schema::prefix::kType, value); }
std::string language_term(std::string_view value) { return schema::boolean_term(schema::prefix::kLanguage, value); }

const FilterField kTopicField{schema::topic_term, schema::prefix::kTopic};
const FilterField kSpokespersonField{schema::spokesperson_term, schema::prefix::kSpokesperson};
const FilterField kQuoteSpeakerField{schema::quote_speaker_term, schema::prefix::kQuoteSpeaker};
const FilterField kTypeField{type_term, ""};
const FilterField kLanguageField{language_term, ""};

class FoldedBooleanField : public Xapian::FieldProcessor {
 public:
  explicit FoldedBooleanField(const FilterField& field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override { return field_.query(value); }

 private:
  const FilterField& field_;
};

// The releases dated begin..end ("" for an open end), each YYYY, YYYY-MM or
// YYYY-MM-DD, as date terms.
Xapian::Query dates_between(const std::string& begin, const std::string& end, const Xapian::Database& db) {
  auto lo = begin.empty() ? std::optional<std::string>("") : date_bound(begin, BoundSide::Lower);
  auto hi = end.empty() ? std::optional<std::string>("99991231") : date_bound(end, BoundSide::Upper);
  if (!lo || !hi) throw Xapian::QueryParserError("date range must use YYYY, YYYY-MM or YYYY-MM-DD");
  return date_range_query(*lo, *hi, db);
}

// date:2019..2021, date:2020-03.., date:..2018-06-30 as date terms.
class DateRange : public Xapian::RangeProcessor {
 public:
  explicit DateRange(const Xapian::Database& db) : Xapian::RangeProcessor(schema::kDate, "date:"), db_(db) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    return dates_between(begin, end, db_);
  }

 private:
  Xapian::Database db_;
};

// date:2020, date:2020-03, date:2020-03-17: that year, month or day, as a
// filter (a journalist's "in 2020"). Ranges never get here: DateRange
// takes every "date:a..b" first.
class DateField : public Xapian::FieldProcessor {
 public:
  explicit DateField(const Xapian::Database& db) : db_(db) {}
  Xapian::Query operator()(const std::string& value) override {
    if (value.empty()) throw Xapian::QueryParserError("date must use YYYY, YYYY-MM or YYYY-MM-DD");
    return dates_between(value, value, db_);
  }

 private:
  Xapian::Database db_;
};

Xapian::Query any_of(const FilterField& field, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const std::string& value : values) terms.push_back(field.query(value));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The most words a wildcard stands for.
constexpr unsigned kWildcardExpansion = 200;

constexpr unsigned kSyntaxFlags = Xapian::QueryParser::FLAG_DEFAULT |  // phrases, boolean, love/hate
                                  Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

void configure(Xapian::QueryParser& parser, const Xapian::Database& db, const char* language) {
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem(language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  // Short wildcard prefixes in a large archive expand to thousands of words:
  // keep the most frequent rather than fail.
  parser.set_max_expansion(kWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  parser.add_prefix("title", std::string(schema::prefix::kTitle));
  // The body is not indexed apart from the title (it would double the index
  // for a rare need): body: searches the release's text.
  parser.add_prefix("body", "");
  parser.add_prefix("text", "");
  parser.add_prefix("location", std::string(schema::prefix::kLocation));
  parser.add_boolean_prefix("topic", (new FoldedBooleanField(kTopicField))->release());
  parser.add_boolean_prefix("spokesperson", (new FoldedBooleanField(kSpokespersonField))->release());
  parser.add_boolean_prefix("type", (new FoldedBooleanField(kTypeField))->release());
  parser.add_boolean_prefix("lang", (new FoldedBooleanField(kLanguageField))->release());
  parser.add_rangeprocessor((new DateRange(db))->release());
  parser.add_boolean_prefix("date", (new DateField(db))->release());
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Synonyms* synonyms, const PhrasePairs* pairs,
                           bool word_sequences)
    : db_(db), synonyms_(synonyms), pairs_(pairs), word_sequences_(word_sequences) {
  configure(english_, db, "english");
  configure(spanish_, db, "spanish");
}

Xapian::Query QueryBuilder::filter_for(const SearchRequest& request, FacetFilter except) const {
  std::vector<Xapian::Query> parts;
  if (!request.topics.empty() && except != FacetFilter::Topic)
    parts.push_back(any_of(kTopicField, request.topics));
  if (!request.spokespeople.empty() && except != FacetFilter::Spokesperson)
    parts.push_back(any_of(kSpokespersonField, request.spokespeople));
  if (!request.types.empty() && except != FacetFilter::Type)
    parts.push_back(any_of(kTypeField, request.types));
  if ((!request.from.empty() || !request.to.empty()) && except != FacetFilter::Date)
    parts.push_back(date_range_query(request.from, request.to.empty() ? std::string("99991231") : request.to, db_));
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query QueryBuilder::combine(const Xapian::Query& text, const Xapian::Query& filter) {
  if (text.empty()) {
    // A fresh match-all query (what Query::MatchAll is), not a copy of that
    // static: Xapian's reference counts are not atomic, and server threads
    // copying one shared Query at once freed it under each other (a crash in
    // Enquire::set_query under PublishUnderLoad, about one run in seven).
    Xapian::Query all{std::string()};
    return filter.empty() ? all : Xapian::Query(Xapian::Query::OP_FILTER, all, filter);
  }
  return filter.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

Xapian::Query QueryBuilder::parse(const std::string& text, MatchMode match, bool& reparsed,
                                  const std::string& default_prefix) {
  auto op = match == MatchMode::All ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
  english_.set_default_op(op);
  spanish_.set_default_op(op);
  // A release is stemmed in its own language; a query in either language must
  // meet both, so the English and Spanish readings are ORed when they differ.
  // Not with exclusions: "A NOT B" read twice and ORed would let a release
  // with B through the reading whose stem of B it lacks.
  bool excludes = false;
  for (const QuerySpan& span : split_query(text))
    excludes |= span.text == "NOT" || span.text == "XOR" || (!span.text.empty() && span.text[0] == '-');
  // The parser reads a wildcard inside quotes as a plain word: it parses a
  // marker instead, replaced by the words the pattern stands for.
  QuotedWildcards wildcards(text);
  auto parse_both = [&](const std::string& input, unsigned flags) {
    Xapian::Query en = wildcards.expand(english_.parse_query(input, flags, default_prefix), db_, kWildcardExpansion);
    if (excludes) return en;
    Xapian::Query es = wildcards.expand(spanish_.parse_query(input, flags, default_prefix), db_, kWildcardExpansion);
    if (en.get_description() == es.get_description()) return en;
    // The Spanish reading is for releases stemmed in Spanish: on English ones
    // its stems are false friends ("environment" → "environ").
    Xapian::Query spanish_only(Xapian::Query::OP_FILTER, es,
                               Xapian::Query(schema::boolean_term(schema::prefix::kLanguage, "es")));
    return Xapian::Query(Xapian::Query::OP_OR, en, spanish_only);
  };
  try {
    Xapian::Query parsed = parse_both(wildcards.text(), kSyntaxFlags);
    if (pairs_) parsed = with_phrase_pairs(parsed, *pairs_);
    if (word_sequences_) parsed = with_word_sequences(parsed);
    return with_exact_wildcard_stats(parsed);
  } catch (const Xapian::QueryParserError&) {
    reparsed = true;
  }
  // Plain words: everything that is not part of a word becomes a space, so
  // no syntax (a broken range, a stray quote) can fail twice.
  std::string words;
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
    if (Xapian::Unicode::is_wordchar(*it)) Xapian::Unicode::append_utf8(words, *it);
    else words.push_back(' ');
  }
  try {
    return parse_both(words, 0);
  } catch (const Xapian::QueryParserError&) {
    return Xapian::Query();
  }
}

namespace {

// The patterns of the wildcards in `query` ("detain" for detain*, with its
// field prefix).
void wildcard_patterns(const Xapian::Query& query, std::vector<std::string>& out) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) {
    // Xapian 1.4 has no accessor for the pattern; its description is
    // "Query(WILDCARD <combiner> <pattern>)".
    std::string description = query.get_description();
    size_t space = description.rfind(' ');
    if (space != std::string::npos && description.back() == ')')
      out.push_back(description.substr(space + 1, description.size() - space - 2));
    return;
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) wildcard_patterns(query.get_subquery(i), out);
}

constexpr size_t kMaxWildcardStatsTerms = 2000;

}  // namespace

std::vector<std::string> QueryBuilder::wildcard_words(const Xapian::Query& query) const {
  std::vector<std::string> patterns;
  wildcard_patterns(query, patterns);
  std::vector<std::string> words;
  for (const std::string& pattern : patterns)
    // The most frequent, as the parser keeps them (set_max_expansion): the
    // first words in alphabetical order would miss the ones the query
    // matches with when a short pattern has thousands.
    for (std::string& word : most_frequent_terms(db_, pattern, kMaxWildcardStatsTerms)) words.push_back(std::move(word));
  return words;
}

std::set<std::string> QueryBuilder::words_of(const Xapian::Query& query) const {
  std::set<std::string> words(query.get_unique_terms_begin(), query.get_unique_terms_end());
  if (names_wildcard_words()) return words;  // they are among its terms already
  for (std::string& word : wildcard_words(query)) words.insert(std::move(word));
  return words;
}

Xapian::Query QueryBuilder::with_exact_wildcard_stats(const Xapian::Query& query) const {
  // Xapian 1.4 expands a wildcard within each shard and weighs the expansion
  // with that shard's own statistics, so over shards the ranking would differ
  // from one database's. Naming the expanded words in the query, at no
  // weight, makes Xapian gather their statistics over every shard first.
  // One database needs none of that, and an AND_MAYBE of up to 2,000 words
  // made broad wildcards two to three times dearer there (1M releases,
  // bench/wildcards.jsonl: p50 1.54 s against 0.69 s, p95 7.1 s against
  // 2.6 s) — unless the hits are explained: Enquire::get_matching_terms
  // lists only words the query names.
  if (!names_wildcard_words()) return query;
  std::vector<Xapian::Query> words;
  for (const std::string& word : wildcard_words(query)) words.emplace_back(word);
  if (words.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                     Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()), 0.0));
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) {
  explaining_ = request.explain;
  BuiltQuery built;
  std::string text = strip_accents(request.q);
  if (!collapse_whitespace(text).empty()) {
    // Only words the user typed without any syntax may be relaxed: operators,
    // phrases and fields say exactly what is wanted.
    size_t plain_words = 0;
    bool only_words = true;
    for (const QuerySpan& span : split_query(text)) {
      if (span.rewritable) ++plain_words;
      else if (collapse_whitespace(span.text).size() > 0) only_words = false;
    }
    // The added forms carry accents; the index does not.
    if (synonyms_) text = strip_accents(synonyms_->expand(text, built.synonyms));
    text = rewrite_compounds(text);
    built.text = parse(text, request.match, built.reparsed_as_plain);
    if (built.text.empty())
      throw InvalidParameter("q", "q has no word that can be searched for");
    if (request.match == MatchMode::All && only_words && plain_words >= 2) {
      bool unused = false;
      built.relaxed_text = parse(text, MatchMode::Any, unused);
    }
  }
  built.has_text = !built.text.empty();
  for (const std::string& term : words_of(built.text)) {
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) built.highlight_terms.push_back(term);
  }
  built.query = combine(built.text, filter_for(request));
  return built;
}

BuiltQuery QueryBuilder::build_statements(const SearchRequest& request) {
  explaining_ = false;  // statements have no weights to explain
  BuiltQuery built;
  std::string text = strip_accents(request.q);
  if (!collapse_whitespace(text).empty()) {
    const std::string quoted_from = text;  // the phrases as typed, before synonyms are added
    // The added forms carry accents; the index does not.
    if (synonyms_) text = strip_accents(synonyms_->expand(text, built.synonyms));
    text = rewrite_compounds(text);
    built.text = parse(text, MatchMode::All, built.reparsed_as_plain, std::string(schema::prefix::kQuoteWord));
    if (built.text.empty()) throw InvalidParameter("q", "q has no word that can be searched for");
    // Xapian would match no quote with a phrase of its words (they have no
    // positions): the words are ANDed here, and the statements search checks
    // the quoted phrases against each quote's text.
    built.text = rewrite_phrases(built.text, [](const Xapian::Query& phrase) -> std::optional<Xapian::Query> {
      std::vector<Xapian::Query> words;
      for (size_t i = 0; i < phrase.get_num_subqueries(); ++i) words.push_back(phrase.get_subquery(i));
      return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    });
    for (const QuerySpan& span : split_query(quoted_from)) {
      std::string_view quoted = span.text;
      if (span.rewritable || quoted.empty() || quoted.front() != '"') continue;
      quoted.remove_prefix(1);
      if (!quoted.empty() && quoted.back() == '"') quoted.remove_suffix(1);
      built.phrases.emplace_back(quoted);
    }
  }
  built.has_text = !built.text.empty();
  std::string quote_prefix(schema::prefix::kQuoteWord);
  for (const std::string& term : words_of(built.text)) {
    if (term.compare(0, quote_prefix.size(), quote_prefix) == 0 && term.size() > quote_prefix.size() &&
        !(term[quote_prefix.size()] >= 'A' && term[quote_prefix.size()] <= 'Z'))
      built.highlight_terms.push_back(term.substr(quote_prefix.size()));
  }
  // The speaker filter applies to who said the words, not to who the release lists.
  SearchRequest rest = request;
  rest.spokespeople.clear();
  std::vector<Xapian::Query> parts;
  Xapian::Query filter = filter_for(rest);
  if (!filter.empty()) parts.push_back(filter);
  if (!request.spokespeople.empty()) parts.push_back(any_of(kQuoteSpeakerField, request.spokespeople));
  else parts.emplace_back(Xapian::Query::OP_WILDCARD, std::string(schema::prefix::kQuoteSpeaker));
  built.query = combine(built.text, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  return built;
}

std::string QueryBuilder::spelling_suggestion(const std::string& q) {
  try {
    english_.parse_query(strip_accents(q), kSyntaxFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  } catch (const Xapian::QueryParserError&) {
    return {};
  }
  return english_.get_corrected_query_string();
}

}  // namespace pressroom
