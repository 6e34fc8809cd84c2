#include "common/query_builder.h"

#include "common/dates.h"
#include "common/schema.h"
#include "common/text_folding.h"

namespace pressroom {
namespace {

// topic:"Family Detention" and friends: the value is folded exactly like the
// indexed boolean term, so case and accents never matter.
class FoldedBooleanField : public Xapian::FieldProcessor {
 public:
  explicit FoldedBooleanField(std::string_view prefix) : prefix_(prefix) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(schema::boolean_term(prefix_, value));
  }

 private:
  std::string prefix_;
};

// date:2019..2021, date:2020-03.., date:..2018-06-30 on the date slot.
class DateRange : public Xapian::RangeProcessor {
 public:
  DateRange() : Xapian::RangeProcessor(schema::kDate, "date:") {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    auto lo = begin.empty() ? std::optional<std::string>("") : date_bound(begin, BoundSide::Lower);
    auto hi = end.empty() ? std::optional<std::string>("99991231") : date_bound(end, BoundSide::Upper);
    if (!lo || !hi) throw Xapian::QueryParserError("date range must use YYYY, YYYY-MM or YYYY-MM-DD");
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDate, *lo, *hi);
  }
};

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const std::string& value : values) terms.emplace_back(schema::boolean_term(prefix, value));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

constexpr unsigned kSyntaxFlags = Xapian::QueryParser::FLAG_DEFAULT |  // phrases, boolean, love/hate
                                  Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) {
  parser_.set_database(db);
  parser_.set_stemmer(schema::stemmer_for("en"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.add_prefix("title", std::string(schema::prefix::kTitle));
  parser_.add_prefix("location", std::string(schema::prefix::kLocation));
  parser_.add_boolean_prefix("topic", (new FoldedBooleanField(schema::prefix::kTopic))->release());
  parser_.add_boolean_prefix("spokesperson",
                             (new FoldedBooleanField(schema::prefix::kSpokesperson))->release());
  parser_.add_boolean_prefix("type", (new FoldedBooleanField(schema::prefix::kType))->release());
  parser_.add_boolean_prefix("lang", (new FoldedBooleanField(schema::prefix::kLanguage))->release());
  parser_.add_rangeprocessor((new DateRange())->release());
}

Xapian::Query QueryBuilder::filter_for(const SearchRequest& request) {
  std::vector<Xapian::Query> parts;
  if (!request.topics.empty()) parts.push_back(any_of(schema::prefix::kTopic, request.topics));
  if (!request.spokespeople.empty())
    parts.push_back(any_of(schema::prefix::kSpokesperson, request.spokespeople));
  if (!request.types.empty()) parts.push_back(any_of(schema::prefix::kType, request.types));
  if (!request.from.empty() || !request.to.empty())
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDate, request.from,
                       request.to.empty() ? std::string("99991231") : request.to);
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) {
  BuiltQuery built;
  Xapian::Query text;
  std::string folded = strip_accents(request.q);
  if (!collapse_whitespace(folded).empty()) {
    try {
      text = parser_.parse_query(folded, kSyntaxFlags);
    } catch (const Xapian::QueryParserError&) {
      built.reparsed_as_plain = true;
      try {
        text = parser_.parse_query(folded, 0);
      } catch (const Xapian::QueryParserError&) {
        text = Xapian::Query();
      }
    }
  }
  built.has_text = !text.empty();
  for (auto it = text.get_unique_terms_begin(); it != text.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) built.highlight_terms.push_back(term);
  }
  Xapian::Query filter = filter_for(request);
  if (!built.has_text) {
    built.query = filter.empty() ? Xapian::Query::MatchAll
                                 : Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, filter);
  } else {
    built.query = filter.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
  }
  return built;
}

}  // namespace pressroom
