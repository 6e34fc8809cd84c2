#include "common/phrase_wildcards.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>

#include "common/phrase_rewrite.h"

namespace pressroom {

namespace {

bool is_quote(unsigned ch) { return ch == '"' || ch == 0x201C || ch == 0x201D; }

// A marker: "0pwc", the pattern's index, "0". It begins with a digit, so no
// language's word; it ends with one, so no stemmer finds a suffix to cut.
constexpr std::string_view kMarkerHead = "0pwc";

std::string marker(size_t index) { return std::string(kMarkerHead) + std::to_string(index) + "0"; }

std::optional<size_t> marker_index(std::string_view word) {
  if (word.size() < kMarkerHead.size() + 2 || word.substr(0, kMarkerHead.size()) != kMarkerHead || word.back() != '0')
    return std::nullopt;
  std::string_view digits = word.substr(kMarkerHead.size(), word.size() - kMarkerHead.size() - 1);
  size_t index = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return index;
}

// A term's field prefix: its leading capitals, as Xapian's prefixes are.
size_t prefix_length(const std::string& term) {
  size_t n = 0;
  while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') ++n;
  return n;
}

}  // namespace

QuotedWildcards::QuotedWildcards(std::string_view query) {
  bool quoted = false;
  size_t word_start = 0;
  std::string word;  // lower case
  Xapian::Utf8Iterator it(query.data(), query.size()), end;
  for (; it != end; ++it) {
    unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch)) {
      if (word.empty()) word_start = text_.size();
      Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
      Xapian::Unicode::append_utf8(text_, ch);
      continue;
    }
    if (quoted && ch == '*' && !word.empty()) {
      // The word and its star become the marker.
      text_.resize(word_start);
      text_.append(marker(patterns_.size()));
      patterns_.push_back(word);
      word.clear();
      continue;
    }
    word.clear();
    if (is_quote(ch)) quoted = !quoted;
    Xapian::Unicode::append_utf8(text_, ch);
  }
}

std::string QuotedWildcards::pattern_of(const std::string& word) const {
  std::optional<size_t> index = marker_index(word);
  return index && *index < patterns_.size() ? patterns_[*index] + "*" : word;
}

Xapian::Query QuotedWildcards::expand(const Xapian::Query& parsed, const Xapian::Database& db, size_t limit) {
  if (patterns_.empty()) return parsed;
  // A marker's terms; nullopt for any other query. When no term begins with
  // the pattern, the pattern itself: a term no release has.
  auto terms_for = [&](const Xapian::Query& leaf) -> std::optional<std::vector<std::string>> {
    if (leaf.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    std::string term = *leaf.get_terms_begin();
    size_t prefix = prefix_length(term);
    std::optional<size_t> index = marker_index(std::string_view(term).substr(prefix));
    if (!index || *index >= patterns_.size()) return std::nullopt;
    auto key = std::make_pair(term.substr(0, prefix), patterns_[*index]);
    auto found = terms_.find(key);
    if (found == terms_.end()) {
      std::vector<std::string> terms = most_frequent_terms(db, key.first + key.second, limit);
      if (terms.empty()) terms.push_back(key.first + key.second);
      found = terms_.emplace(key, std::move(terms)).first;
    }
    return found->second;
  };
  auto combined = [](Xapian::Query::op op, const std::vector<std::string>& terms) {
    return Xapian::Query(op, terms.begin(), terms.end());
  };
  // The tree rebuilt where a marker is: phrases and NEARs, and the operators
  // rebuilt_around() their subqueries.
  std::function<Xapian::Query(const Xapian::Query&, bool&)> rewrite = [&](const Xapian::Query& query, bool& changed) {
    if (auto terms = terms_for(query)) {
      changed = true;
      return combined(Xapian::Query::OP_SYNONYM, *terms);
    }
    auto type = query.get_type();
    bool phrase = type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR;
    std::optional<Xapian::termpos> window = phrase ? window_of(query) : std::nullopt;
    if (phrase && !window) return query;
    if (!phrase && !rebuilt_around(type)) return query;
    bool any = false;
    std::vector<Xapian::Query> subqueries;
    for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
      Xapian::Query sub = query.get_subquery(i);
      if (auto terms = phrase ? terms_for(sub) : std::nullopt) {
        any = true;
        subqueries.push_back(combined(Xapian::Query::OP_OR, *terms));
      } else {
        subqueries.push_back(phrase ? sub : rewrite(sub, any));
      }
    }
    if (!any) return query;
    changed = true;
    if (phrase) return Xapian::Query(type, subqueries.begin(), subqueries.end(), *window);
    return Xapian::Query(type, subqueries.begin(), subqueries.end());
  };
  bool changed = false;
  return rewrite(parsed, changed);
}

std::vector<std::string> most_frequent_terms(const Xapian::Database& db, const std::string& prefix, size_t limit) {
  using Counted = std::pair<Xapian::doccount, std::string>;
  auto rarer = [](const Counted& a, const Counted& b) { return a.first > b.first; };
  std::vector<Counted> kept;  // a heap with the rarest kept term on top
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    Xapian::doccount frequency = t.get_termfreq();
    if (kept.size() == limit) {
      if (limit == 0 || frequency <= kept.front().first) continue;
      std::pop_heap(kept.begin(), kept.end(), rarer);
      kept.pop_back();
    }
    kept.emplace_back(frequency, *t);
    std::push_heap(kept.begin(), kept.end(), rarer);
  }
  std::sort(kept.begin(), kept.end(), [](const Counted& a, const Counted& b) { return a.second < b.second; });
  std::vector<std::string> terms;
  for (Counted& term : kept) terms.push_back(std::move(term.second));
  return terms;
}

}  // namespace pressroom
