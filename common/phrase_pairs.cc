#include "common/phrase_pairs.h"

#include <algorithm>
#include <map>

#include "common/number_list.h"
#include "common/phrase_rewrite.h"
#include "common/positioned_words.h"
#include "common/schema.h"

namespace pressroom {

namespace {

// Unprefixed: Xapian's convention is that a prefix is a run of capitals.
bool unprefixed(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// The leaf term of `query`, or "" when it is not a single term.
std::string leaf_term(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::LEAF_TERM) return {};
  auto t = query.get_terms_begin();
  return t == query.get_terms_end() ? std::string() : *t;
}

std::optional<Xapian::Query> rewrite_phrase(const Xapian::Query& phrase, const PhrasePairs& pairs) {
  if (phrase.get_type() != Xapian::Query::OP_PHRASE) return std::nullopt;
  size_t n = phrase.get_num_subqueries();
  std::vector<Xapian::Query> words;
  std::vector<std::string> terms;
  for (size_t i = 0; i < n; ++i) {
    words.push_back(phrase.get_subquery(i));
    terms.push_back(leaf_term(words.back()));
    if (!unprefixed(terms.back())) return std::nullopt;
  }
  // An exact phrase: its window is its number of words, as for a quoted
  // phrase, not ADJ/n.
  if (n < 2 || window_of(phrase) != n) return std::nullopt;
  std::vector<Xapian::Query> pair_terms;
  for (size_t i = 0; i + 1 < n; ++i)
    if (pairs.indexed(terms[i], terms[i + 1])) pair_terms.emplace_back(phrase_pair_term(terms[i], terms[i + 1]));
  if (pair_terms.empty()) return std::nullopt;
  Xapian::Query filter(Xapian::Query::OP_AND, pair_terms.begin(), pair_terms.end());
  // Two words: the pair term is the phrase. A phrase weighs what its words
  // ANDed weigh, so the ranking stays the same.
  if (n == 2) return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()), filter);
  return Xapian::Query(Xapian::Query::OP_FILTER, phrase, filter);
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
  size_t eol = stored.find('\n');
  if (eol == std::string_view::npos || stored.substr(0, 2) != "1 ") return std::nullopt;
  PhrasePairs pairs;
  if (!read_numbers(stored.substr(2, eol - 2), pairs.min_product_ppm_)) return std::nullopt;
  for (size_t at = eol + 1; at < stored.size();) {
    size_t end = stored.find('\n', at);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view line = stored.substr(at, end - at);
    size_t tab = line.find('\t');
    unsigned permille = 0;
    if (tab == std::string_view::npos || tab == 0 || !read_numbers(line.substr(tab + 1), permille) || permille > 1000)
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
  if (!permille_.empty()) add_terms(document, positioned_words(document));
}

void PhrasePairs::add_terms(Xapian::Document& document, const PositionedWords& positioned) const {
  if (permille_.empty()) return;
  // The listed word at each position (positions of other words left out).
  std::vector<const std::pair<const std::string, unsigned>*> listed_words;
  for (const std::string& word : positioned.words) {
    auto listed = unprefixed(word) ? permille_.find(word) : permille_.end();
    listed_words.push_back(listed == permille_.end() ? nullptr : &*listed);
  }
  std::vector<std::pair<Xapian::termpos, const std::pair<const std::string, unsigned>*>> at;
  for (const auto& [position, word] : positioned.at)
    if (listed_words[word]) at.emplace_back(position, listed_words[word]);
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
  return rewrite_phrases(query, [&](const Xapian::Query& phrase) { return rewrite_phrase(phrase, pairs); });
}

}  // namespace pressroom
