#include "common/phrase_pairs.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "common/schema.h"

namespace pressroom {

namespace {

// Unprefixed: Xapian's convention is that a prefix is a run of capitals.
bool unprefixed(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// Inside "Query(...)": the form a subquery takes in its parent's description.
std::string inner_description(const Xapian::Query& query) {
  std::string d = query.get_description();
  constexpr std::string_view kWrap = "Query(";
  if (d.size() < kWrap.size() + 1 || d.compare(0, kWrap.size(), kWrap) != 0 || d.back() != ')') return {};
  return d.substr(kWrap.size(), d.size() - kWrap.size() - 1);
}

// Whether `phrase` (an OP_PHRASE of leaf terms) is exact: its window is its
// number of terms, as for a quoted phrase, not ADJ/n. Xapian 1.4 has no
// accessor for the window; its description is "(a@1 PHRASE 2 b@2)".
bool exact_phrase(const Xapian::Query& phrase) {
  size_t n = phrase.get_num_subqueries();
  std::string expected = "(";
  std::string op = " PHRASE " + std::to_string(n) + " ";
  for (size_t i = 0; i < n; ++i) {
    if (i) expected += op;
    std::string sub = inner_description(phrase.get_subquery(i));
    if (sub.empty()) return false;
    expected += sub;
  }
  expected += ')';
  return inner_description(phrase) == expected;
}

// The leaf term of `query`, or "" when it is not a single term.
std::string leaf_term(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::LEAF_TERM) return {};
  auto t = query.get_terms_begin();
  return t == query.get_terms_end() ? std::string() : *t;
}

Xapian::Query rewrite(const Xapian::Query& query, const PhrasePairs& pairs, bool& changed);

Xapian::Query rewrite_phrase(const Xapian::Query& phrase, const PhrasePairs& pairs, bool& changed) {
  size_t n = phrase.get_num_subqueries();
  std::vector<Xapian::Query> words;
  std::vector<std::string> terms;
  for (size_t i = 0; i < n; ++i) {
    words.push_back(phrase.get_subquery(i));
    terms.push_back(leaf_term(words.back()));
    if (!unprefixed(terms.back())) return phrase;
  }
  if (n < 2 || !exact_phrase(phrase)) return phrase;
  std::vector<Xapian::Query> pair_terms;
  for (size_t i = 0; i + 1 < n; ++i)
    if (pairs.indexed(terms[i], terms[i + 1])) pair_terms.emplace_back(phrase_pair_term(terms[i], terms[i + 1]));
  if (pair_terms.empty()) return phrase;
  changed = true;
  Xapian::Query filter(Xapian::Query::OP_AND, pair_terms.begin(), pair_terms.end());
  // Two words: the pair term is the phrase. A phrase weighs what its words
  // ANDed weigh, so the ranking stays the same.
  if (n == 2) return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()), filter);
  return Xapian::Query(Xapian::Query::OP_FILTER, phrase, filter);
}

Xapian::Query rewrite(const Xapian::Query& query, const PhrasePairs& pairs, bool& changed) {
  switch (query.get_type()) {
    case Xapian::Query::OP_PHRASE:
      return rewrite_phrase(query, pairs, changed);
    // Operators without parameters: rebuilt from their subqueries.
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX: {
      bool any = false;
      std::vector<Xapian::Query> subqueries;
      for (size_t i = 0; i < query.get_num_subqueries(); ++i)
        subqueries.push_back(rewrite(query.get_subquery(i), pairs, any));
      if (!any) return query;
      changed = true;
      return Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
    }
    // Leaves, and what cannot be rebuilt or would weigh a phrase otherwise
    // (OP_SYNONYM sums its members' wdf).
    default:
      return query;
  }
}

}  // namespace

std::string phrase_pair_term(std::string_view first, std::string_view second) {
  std::string term(schema::prefix::kPhrasePair);
  term.append(first).append(" ").append(second);
  return term.size() > schema::kMaxTermBytes ? std::string() : term;
}

PhrasePairs PhrasePairs::learn(const std::vector<const Xapian::Document*>& sample, size_t min_sample) {
  PhrasePairs pairs;
  if (sample.size() < min_sample || sample.empty()) return pairs;
  std::unordered_map<std::string, size_t> frequency;
  for (const Xapian::Document* document : sample)
    for (auto t = document->termlist_begin(); t != document->termlist_end(); ++t)
      if (unprefixed(*t) && t.positionlist_count() > 0) ++frequency[*t];
  for (auto& [word, count] : frequency) {
    auto permille = static_cast<unsigned>(count * 1000 / sample.size());
    // The other word is at most 1000 per mille.
    if (permille * 1000 >= pairs.min_product_ppm_) pairs.permille_.emplace(word, permille);
  }
  return pairs;
}

std::string PhrasePairs::encode() const {
  std::string out = "1 " + std::to_string(min_product_ppm_) + "\n";
  std::map<std::string_view, unsigned> sorted(permille_.begin(), permille_.end());
  for (const auto& [word, permille] : sorted) out.append(word).append("\t").append(std::to_string(permille)).append("\n");
  return out;
}

std::optional<PhrasePairs> PhrasePairs::decode(std::string_view stored) {
  auto number = [](std::string_view text, unsigned& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
  };
  size_t eol = stored.find('\n');
  if (eol == std::string_view::npos || stored.substr(0, 2) != "1 ") return std::nullopt;
  PhrasePairs pairs;
  if (!number(stored.substr(2, eol - 2), pairs.min_product_ppm_)) return std::nullopt;
  for (size_t at = eol + 1; at < stored.size();) {
    size_t end = stored.find('\n', at);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view line = stored.substr(at, end - at);
    size_t tab = line.find('\t');
    unsigned permille = 0;
    if (tab == std::string_view::npos || tab == 0 || !number(line.substr(tab + 1), permille) || permille > 1000)
      return std::nullopt;
    pairs.permille_.emplace(std::string(line.substr(0, tab)), permille);
    at = end + 1;
  }
  return pairs;
}

bool PhrasePairs::indexed(std::string_view first, std::string_view second) const {
  auto a = permille_.find(std::string(first));
  if (a == permille_.end()) return false;
  auto b = permille_.find(std::string(second));
  if (b == permille_.end()) return false;
  return a->second * b->second >= min_product_ppm_ && !phrase_pair_term(first, second).empty();
}

void PhrasePairs::add_terms(Xapian::Document& document) const {
  if (permille_.empty()) return;
  // The listed word at each position (null where the word is not listed).
  std::vector<std::pair<Xapian::termpos, const std::pair<const std::string, unsigned>*>> at;
  for (auto t = document.termlist_begin(); t != document.termlist_end(); ++t) {
    if (!unprefixed(*t)) continue;
    auto listed = permille_.find(*t);
    if (listed == permille_.end()) continue;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) at.emplace_back(*p, &*listed);
  }
  std::sort(at.begin(), at.end());
  for (size_t i = 0; i + 1 < at.size(); ++i) {
    if (at[i + 1].first != at[i].first + 1) continue;
    const auto& [first, first_permille] = *at[i].second;
    const auto& [second, second_permille] = *at[i + 1].second;
    if (first_permille * second_permille < min_product_ppm_) continue;
    std::string term = phrase_pair_term(first, second);
    if (!term.empty()) document.add_boolean_term(term);
  }
}

Xapian::Query with_phrase_pairs(const Xapian::Query& query, const PhrasePairs& pairs) {
  if (pairs.empty()) return query;
  bool changed = false;
  return rewrite(query, pairs, changed);
}

}  // namespace pressroom
